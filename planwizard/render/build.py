"""The document builder: title page, contents, fixed prose, one chapter per theme, overviews.

``build_document`` is the one builder; ``generate``, ``batch`` and the wizard call it.
The state of a draft being built is ``draft.Draft``; the overview chapters and the
appendices (``overviews.py``, ``appendices.py``) take one and add to it.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from planwizard import labels
from planwizard.errors import PlanError
from planwizard.model import Answer, Checklist, Example, Item, Plan
from planwizard.render import appendices, overviews
from planwizard.render import blocks as blocklib
from planwizard.render import facts as factlib
from planwizard.render import fields, marked, markup, ooxml, package
from planwizard.render import text as textlib
from planwizard.render.draft import Draft
from planwizard.render.markup import Para
from planwizard.render.ooxml import w
from planwizard.render.template import Template
from planwizard.render.writer import Writer
from planwizard.roundtrip import marks

STATUS_COLOURS = {
    "done": "2E7D32", "partial": "9A5B00", "todo": "C62828", "not_applicable": "595959",
    factlib.UNANSWERED: "C55A11", factlib.SKIPPED: "6E6E6E",
}


class Builder(Draft):
    """A draft with the chapters of the plan itself: title page, prose, one chapter per theme."""

    marker: marked.Marker | None = None
    """What is marked for ``planwizard import`` (set by ``build_document``)."""

    # ------------------------------------------------------------ title page and contents

    def title_page(self) -> None:
        writer, info, municipality = self.writer, self.plan.info, self.plan.municipality
        writer.p("title", self.title)
        writer.p("subtitle", " · ".join(part for part in (self.organisation, info.period) if part))
        writer.p("draft_mark", labels.DOC_CONCEPT)
        facts = (
            ("municipality", municipality.name), ("region", municipality.region),
            ("central", municipality.central_municipality), ("period", info.period), ("version", info.version),
            ("date", blocklib.long_date(info.date)), ("author", info.author),
        )
        for key, value in facts:
            if value:
                p = writer.p("title_facts")
                p.run(labels.DOC_FACTS[key], bold=True)
                p.tab()
                writer.runs(p, value)

    def contents_heading(self) -> Para:
        p = self.writer.p("toc_heading", labels.DOC_TOC)
        p.props = markup.props(p.style, page_break=True)
        return p

    # ------------------------------------------------------------ fixed prose

    def prose(self) -> None:
        """The template's text blocks; chapter numbers in them follow the blocks' own headings."""
        template = self.writer.template
        counts = {"introduction": 1, "reading_guide": 0, "context": 1}
        parsed: dict[str, list[textlib.Block]] = {}
        for _attempt in range(3):
            context = blocklib.context(self.plan, self.checklist, self.facts, self._chapters(counts))
            try:
                parsed = {
                    name: textlib.parse(ooxml.one_line_breaks(blocklib.render(block, context)), headings=True)
                    for name, block in template.blocks.items()
                }
            except blocklib.BlockError as exc:
                raise PlanError(exc.problem) from exc
            found = {name: sum(1 for b in blocks if b.kind == textlib.HEADING and b.level == 1)
                     for name, blocks in parsed.items()}
            if found == counts:
                break
            counts = found
        for name in blocklib.BLOCK_NAMES:
            self.writer.emit(parsed.get(name, []))

    def _chapters(self, counts: dict[str, int]) -> dict[str, int]:
        before_context = counts["introduction"] + counts["reading_guide"]
        first_theme = before_context + counts["context"] + 1
        last_theme = first_theme + len(self.checklist.themes) - 1
        return {
            "introduction": 1, "context": before_context + 1, "first_theme": first_theme, "last_theme": last_theme,
            "actions": last_theme + 1, "readiness": last_theme + 2, "open_points": last_theme + 3,
        }

    # ------------------------------------------------------------ themes and items

    def theme_chapters(self) -> None:
        for theme in self.checklist.themes:
            number, _ = self.writer.heading(1, theme.title)
            self.themes[theme.id] = number
            if theme.intro:
                self.writer.rich(theme.intro, role="lead")
            for item in theme.items:
                self.item(item)

    def item(self, item: Item) -> None:
        writer = self.writer
        self.items[item.id] = writer.heading(2, item.question)
        state = self.facts.states[item.id]
        answer = self.plan.answers.get(item.id)
        marker = self.marker
        if marker is not None:
            marker.item(item, self.items[item.id][0], answer)
        as_of = blocklib.long_date(answer.as_of) if answer is not None and state != factlib.SKIPPED else ""
        writer.repeat(("meta", item.kind, item.level, state, as_of), lambda w: _meta_line(w, item, state, as_of))
        if marker is not None:
            marker.status_line(None if state == factlib.SKIPPED else (answer and answer.status) or marks.UNANSWERED)
        if state == factlib.SKIPPED:
            self.skipped(item)
            if answer is not None and not answer.is_empty():
                writer.p("skipped", labels.DOC_STILL_ANSWERED)
                self.answer_body(item, answer, answer.status or "")
            elif marker is not None:
                marker.text_follows()
                marker.text_done("", ())
        elif state == factlib.UNANSWERED:
            if marker is not None:
                marker.text_follows()
            self.placeholder(labels.DOC_UNANSWERED, f"{labels.DOC_WHAT_MATTERS} {item.guidance}".strip())
            if marker is not None:
                marker.placeholder()
            self.answer_body(item, answer or Answer(), state, started=True)
        else:
            self.answer_body(item, answer or Answer(), state)
        self.examples(item.id, factlib.chosen_examples(answer, self.library, self.plan.own_examples))

    def answer_body(self, item: Item, answer: Answer, state: str, *, started: bool = False) -> None:
        writer, marker = self.writer, self.marker
        if marker is not None and not started:
            marker.text_follows()
        if answer.notes.strip():
            writer.rich(answer.notes)
        elif state in labels.DOC_NO_NOTES:
            self.placeholder(labels.DOC_NO_NOTES[state])
            if marker is not None:
                marker.placeholder()
        if marker is not None:
            marker.text_done(answer.notes, textlib.parse(ooxml.one_line_breaks(answer.notes)))
        if answer.actions:
            writer.repeat("actions", _actions_heading)
            if marker is not None:
                marker.actions_heading()
            for action in answer.actions:
                p = writer.p("bullet", action.what)
                writer.runs(p, f" ({marks.action_details(action)})", color="595959")
            if marker is not None:
                marker.actions_done([marks.action_line(action) for action in answer.actions])
        elif state in ("todo", "partial"):
            writer.repeat("actions", _actions_heading)
            if marker is not None:
                marker.actions_heading()
            self.placeholder(labels.DOC_NO_ACTIONS)
            if marker is not None:
                marker.placeholder()
                marker.actions_done([])

    def skipped(self, item: Item) -> None:
        condition = item.when
        assert condition is not None
        other = self.checklist.items.get(condition.item)
        number = self.items.get(condition.item, ("", ""))[0]
        question = other.question if other else condition.item
        statuses = [labels.STATUS.get(s, s) for s in condition.statuses]
        self.writer.p("skipped", labels.doc_skipped(number, question, statuses, condition.negate))

    def examples(self, item_id: str, chosen: list[Example]) -> None:
        """The example boxes of an item: in full where an example first appears, after that a reference."""
        writer = self.writer
        for index, example in enumerate(chosen):
            if index:
                writer.p("body")  # keeps two boxes apart; Word joins bordered paragraphs that touch
            first = self.shown.setdefault((example.own, example.id), item_id)
            if first == item_id:
                writer.repeat(("example", example.own, example.id), lambda w: _example_box(w, example))
                continue
            number, anchor = self.items[first]
            p = writer.p("example_title", f"{labels.DOC_OWN_EXAMPLE if example.own else labels.DOC_EXAMPLE}:")
            writer.runs(p, f" {example.title} ")
            writer.jump(p, anchor, labels.doc_example_described(number))


def _meta_line(writer: Writer, item: Item, state: str, as_of: str = "") -> list[Para]:
    """Kind, level, the answer's peildatum (when it has one) and status of an item, e.g.
    "Actiepunt · Niveau: stelsel · Peildatum: 31 januari 2026 · Status: Deels geregeld"."""
    meta = writer.new("meta")
    parts = [labels.KIND.get(item.kind, item.kind)]
    if item.level:
        parts.append(f"{labels.DOC_LEVEL}: {labels.LEVEL.get(item.level, item.level).lower()}")
    if as_of:
        parts.append(f"{labels.DOC_AS_OF}: {as_of}")
    writer.runs(meta, " · ".join(parts) + f" · {labels.DOC_STATUS}: ")
    label = factlib.status_label(state)
    status = markup.run(label, bold=True, color=STATUS_COLOURS[state])
    # the status can be chosen in Word from a drop-down list
    meta.add(status if state == factlib.SKIPPED else marked.status_control(status), label)
    marked.add_slot(meta)  # the item's status mark, filled in per copy
    return [meta]


def _actions_heading(writer: Writer) -> list[Para]:
    heading = writer.new("heading3", labels.DOC_ACTIONS)
    marked.add_slot(heading)  # the item's actions mark, filled in per copy
    return [heading]


def _example_box(writer: Writer, example: Example) -> list[Para]:
    """The recognisable box of one inspiring example: title, where, summary, source."""
    paragraphs = []
    label = labels.DOC_OWN_EXAMPLE if example.own else labels.DOC_EXAMPLE
    paragraphs.append(writer.new("example_title", f"{label}: {example.title}"))
    where = ", ".join(part for part in (example.where, example.year) if part)
    if where:
        paragraphs.append(writer.new("example_text", where, italic=True))
    for block in textlib.parse(ooxml.clean(example.summary)):
        paragraphs.append(writer.new("example_text", ("• " if block.kind != textlib.PARAGRAPH else "") + block.text))
    if example.source or example.url:
        p = writer.new("example_text")
        writer.runs(p, f"{labels.DOC_SOURCE}: ")
        writer.link(p, example.url, example.source or example.url)
        paragraphs.append(p)
    return paragraphs


def _field_values(title: str, subject: str, author: str, custom: dict[str, str]) -> dict[str, str]:
    values = {"TITLE": title, "SUBJECT": subject, "AUTHOR": author, "KEYWORDS": labels.DOC_KEYWORDS}
    values.update({f"DOCPROPERTY {key.lower()}": value for key, value in values.copy().items()})
    values.update({f"DOCPROPERTY {key.lower()}": value for key, value in custom.items()})
    return {key: ooxml.one_line(value) for key, value in values.items()}


def build_document(plan: Plan, checklist: Checklist, library: dict[str, Example], template: Template,
                   *, now: dt.datetime | None = None, source: str = "", compare: Plan | None = None) -> bytes:
    """The .docx bytes of the draft for ``plan`` in ``template``'s house style.

    ``source`` is the answer file's path, recorded so that ``planwizard import`` finds it;
    ``compare``, an earlier version of the plan, adds an annex of what changed since.
    """
    now = now or dt.datetime.now(dt.timezone.utc)
    facts = factlib.collect(plan, checklist)
    writer = Writer(template)
    draft = Builder(writer, plan, checklist, library, facts)
    draft.marker = marked.Marker(writer.body)
    draft.title_page()
    toc_heading = draft.contents_heading()
    draft.prose()
    draft.theme_chapters()
    overviews.action_plan(draft)
    overviews.readiness(draft)
    overviews.open_points(draft)
    appendices.appendices(draft)
    if compare is not None:
        from planwizard.render import changes

        changes.annex(draft, compare, labels.DOC_APPENDIX_CHANGES[bool(plan.retired)])
    snapshot = marked.snapshot(draft.marker, plan, checklist.id, checklist.version, source, _role_styles(template),
                               template.style_ids["heading1"], [(entry.number, entry.text) for entry in writer.toc])
    after = writer.body.index(toc_heading) + 1
    writer.body[after:after] = fields.toc(template.style_ids["toc1"], writer.toc, labels.DOC_TOC_EMPTY)
    info = plan.info
    custom = {
        "Gemeente": draft.organisation, "Versie": info.version or labels.DOC_CONCEPT.lower(),
        "Periode": info.period, "Regio": plan.municipality.region, "Datum": blocklib.long_date(info.date),
    }
    return finish(writer, Properties(
        title=draft.title, subject=labels.doc_subject(draft.organisation), author=info.author or draft.organisation,
        description=labels.doc_description(checklist.title, checklist.version),
        status=info.version or labels.DOC_CONCEPT, custom=custom,
    ), now, snapshot)


def _role_styles(template: Template) -> dict[str, tuple[str, str]]:
    """Style id and name of every role the importer recognises paragraphs by."""
    found = {}
    for role in marks.ROLES:
        style_id = template.style_ids.get(role, "")
        style = template.ref.styles_by_id.get(style_id)
        name = style.element.find(w("name")) if style is not None else None
        found[role] = (style_id, name.get(w("val"), "") if name is not None else "")
    return found


class Properties(NamedTuple):
    """Document properties: core ones, and custom ones the header and footer fields show."""

    title: str
    subject: str
    author: str
    description: str
    status: str
    custom: dict[str, str]


def finish(writer: Writer, props: Properties, now: dt.datetime | None = None, snapshot: bytes = b"") -> bytes:
    """The .docx bytes of ``writer``'s body in its template's package, with ``props`` (and a snapshot)."""
    template = writer.template
    shell = template.shell
    now = now or dt.datetime.now(dt.timezone.utc)
    parts = dict(shell.static)
    parts[template.ref.main] = markup.body_part(writer.body, template.section_xml)
    parts[template.ref.rels_name] = package.document_rels(shell, writer.hyperlinks)
    numbering = writer.numbering_part()
    if numbering is not None and shell.numbering_name:
        parts[shell.numbering_name] = numbering
    parts[shell.core_name] = package.core_xml({
        "title": props.title, "subject": props.subject, "author": props.author, "keywords": labels.DOC_KEYWORDS,
        "description": props.description, "last_modified_by": labels.DOC_CREATOR_TOOL, "language": "nl-NL",
        "category": labels.DOC_CATEGORY, "status": props.status,
    }, now)
    parts[shell.custom_name] = package.custom_xml(shell.custom_base, props.custom)
    values = _field_values(props.title, props.subject, props.author, props.custom)
    for part in template.field_parts:
        parts[part] = fields.refresh(template.ref.parts[part], values)
    if snapshot:
        marked.add_snapshot(parts, template.ref.rels_name, snapshot)
    return package.write_zip(parts)
