"""The appendices: the full checklist, its sources, and answers to items that were retired.

The checklist and sources appendices are the same for every plan drawn with the same
template and checklist, so they are built once per process and copied into each
document (a batch of 342 plans builds them once). Nothing plan-specific is in them
except links to where each item is worked out, which are part of the cache key; the
source of the plan's region is added after the copy.
"""

from __future__ import annotations

import re
import threading
from dataclasses import replace
from typing import TYPE_CHECKING

from planwizard import labels
from planwizard.examples import load_library
from planwizard.render.fields import TocEntry
from planwizard.render.markup import Block
from planwizard.render.writer import Writer

if TYPE_CHECKING:
    from planwizard.render.draft import Draft

_BOOKMARK_SAFE = re.compile(r"[^A-Za-z0-9_]")
FIRST_BOOKMARK = 500_000
"""Bookmark ids of the prebuilt appendices start here, far above those of the plan's own headings."""
CACHE_SIZE = 8


def source_anchor(key: str) -> str:
    return "_PwBron_" + _BOOKMARK_SAFE.sub("_", key)[:30]


_cache: list[tuple[tuple, tuple, list[Block], dict[str, str], list[TocEntry]]] = []
_lock = threading.Lock()


def appendices(draft: Draft) -> None:
    """Appendices A (checklist) and B (sources), and C when the plan has retired answers."""
    objects = (draft.writer.template, draft.checklist, draft.library)
    key = tuple(sorted(draft.items.items()))
    with _lock:
        found = next((entry for entry in _cache if entry[1] == key and all(
            a is b for a, b in zip(entry[0], objects))), None)
        if found is None:
            found = (objects, key, *_prebuilt(draft, key))
            _cache.append(found)
            del _cache[:-CACHE_SIZE]
    _, _, body, hyperlinks, toc = found
    writer = draft.writer
    writer.body.extend(body)  # blocks are never changed, so every document can hold the same ones
    writer.hyperlinks.update(hyperlinks)
    writer.toc.extend(toc)
    region_source(draft)
    retired_appendix(draft)


def _prebuilt(draft: Draft, key: tuple) -> tuple[list[Block], dict[str, str], list[TocEntry]]:
    """Appendices A and B built apart, or as remembered in the user's cache folder.

    They depend on the template, the checklist (and the examples it names), where each
    item is worked out, and planwizard's code: the files are the cache's key, the item
    numbers and bookmarks a part of it.
    """
    from planwizard import cache
    from planwizard.checklist import current
    from planwizard.errors import PlanError
    from planwizard.examples import library_path
    from planwizard.resources import data_dir

    template, checklist = draft.writer.template, draft.checklist

    def build() -> tuple[tuple[tuple[str, str, str | None], ...], dict[str, str], list[TocEntry]]:
        scratch = Writer(template)
        scratch._bookmark = FIRST_BOOKMARK
        plain = replace(draft, writer=scratch)
        checklist_appendix(plain)
        sources_appendix(plain)
        body = tuple((entry.xml(), entry.text, entry.style) for entry in scratch.body)
        return body, dict(scratch.hyperlinks), list(scratch.toc)

    try:  # only the bundled checklist and library are files the key can name
        bundled = template.digest and checklist is current(checklist.id) and draft.library is load_library()
    except PlanError:
        bundled = False
    if bundled:
        files = [data_dir("checklists") / f"{checklist.id}.yaml", library_path()]
        body, hyperlinks, toc = cache.remembered("appendices", files, build, tuple, extra=repr((template.digest, key)))
    else:
        body, hyperlinks, toc = build()
    return [Block(*entry) for entry in body], dict(hyperlinks), list(toc)


def checklist_appendix(draft: Draft) -> None:
    writer, checklist = draft.writer, draft.checklist
    letter, title = labels.DOC_APPENDIX_CHECKLIST
    writer.heading(1, title, numbered=False, label=letter)
    writer.p("body", labels.doc_checklist_intro(checklist.title, checklist.version, len(checklist.items),
                                                len(checklist.themes), labels.month_year(checklist.knowledge_date)))
    if checklist.source:
        writer.rich(checklist.source)
    prefix = letter.split()[-1]
    for t, theme in enumerate(checklist.themes, 1):
        writer.heading(2, theme.title, numbered=False, label=f"{prefix}.{t}")
        for i, item in enumerate(theme.items, 1):
            writer.heading(3, item.question, numbered=False, label=f"{prefix}.{t}.{i}")
            meta = writer.p("meta")
            parts = [labels.KIND.get(item.kind, item.kind)]
            if item.level:
                parts.append(f"{labels.DOC_LEVEL}: {labels.LEVEL.get(item.level, item.level).lower()}")
            writer.runs(meta, " · ".join(parts) + " · ")
            number, anchor = draft.items.get(item.id, ("", ""))
            if anchor:
                writer.jump(meta, anchor, labels.doc_worked_out(number), style=writer.ids["hyperlink"])
            if item.guidance:
                writer.rich(item.guidance)
            if item.when is not None:
                other = checklist.items.get(item.when.item)
                statuses = [labels.STATUS.get(s, s) for s in item.when.statuses]
                writer.p("body", labels.doc_condition(draft.items.get(item.when.item, ("", ""))[0],
                                                      other.question if other else item.when.item, statuses,
                                                      item.when.negate), italic=True)
            if item.sources:
                p = writer.p("meta")
                writer.runs(p, labels.DOC_SOURCES_LABEL)
                for key in item.sources:
                    writer.runs(p, " ")
                    if key in checklist.sources:
                        writer.jump(p, source_anchor(key), f"[{key}]")
                    else:
                        writer.runs(p, f"[{key}]")
            related = [draft.library[e].title for e in item.examples if e in draft.library]
            if related:
                writer.p("meta", f"{labels.DOC_RELATED_EXAMPLES} {'; '.join(related)}")


def sources_appendix(draft: Draft) -> None:
    writer, sources = draft.writer, draft.checklist.sources
    letter, title = labels.DOC_APPENDIX_SOURCES
    writer.heading(1, title, numbered=False, label=letter)
    writer.p("body", labels.DOC_SOURCES_INTRO)
    for key, source in sources.items():
        p = writer.p("body")
        writer.runs(p, f"[{key}] ", bold=True)
        writer.runs(p, source.title)
        if source.url:
            writer.runs(p, " ")
            writer.link(p, source.url, source.url)
        writer.bookmark(p, source_anchor(key))


def region_source(draft: Draft) -> None:
    """At the end of the sources: where the plan's region comes from, when it is the one the bundled
    gemeenten list gives (plan-specific, never cached)."""
    from planwizard.gemeenten import registry

    m = draft.plan.municipality
    gemeente = registry().listed_region(m.name, m.code, m.region, m.central_municipality)
    if gemeente is None:
        return
    writer = draft.writer
    p = writer.p("body")
    writer.runs(p, f"[{labels.DOC_REGION_SOURCE_KEY}] ", bold=True)
    writer.runs(p, labels.doc_region_source(gemeente.name, gemeente.region, gemeente.central_municipality,
                                            gemeente.confidence) + " ")
    writer.link(p, gemeente.source, gemeente.source)


def retired_appendix(draft: Draft) -> None:
    """Answers kept from items a newer checklist removed (plan-specific, never cached)."""
    retired = draft.plan.retired
    if not retired:
        return
    writer = draft.writer
    letter, title = labels.DOC_APPENDIX_RETIRED
    writer.heading(1, title, numbered=False, label=letter)
    writer.p("body", labels.DOC_RETIRED_INTRO)
    for item_id, entry in sorted(retired.items()):
        writer.heading(3, labels.doc_retired_heading(item_id, entry.version))
        if entry.reason:
            writer.p("meta", entry.reason)
        status = entry.answer.status
        if status:
            writer.p("meta", f"{labels.DOC_STATUS}: {labels.STATUS.get(status, status)}")
        if entry.answer.notes.strip():
            writer.rich(entry.answer.notes)
        for action in entry.answer.actions:
            writer.p("bullet", action.what)
