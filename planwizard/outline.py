"""The checklist as plain text or as a Markdown document of its own."""

from __future__ import annotations

import textwrap

from planwizard import labels
from planwizard.model import Checklist, Example, Item

WIDTH = 88


def _condition(item: Item, checklist: Checklist) -> str:
    if item.when is None:
        return ""
    other = checklist.items.get(item.when.item)
    statuses = " of ".join(labels.STATUS[s] for s in item.when.statuses)
    relation = "niet " if item.when.negate else ""
    question = f"'{other.question}'" if other else item.when.item
    return f"Alleen als het antwoord op {question} {relation}{statuses} is."


def markdown(checklist: Checklist, library: dict[str, Example]) -> str:
    """A Markdown document: contents, every theme and item, examples and sources."""
    known = f" · kennisstand {labels.month_year(checklist.knowledge_date)}" if checklist.knowledge_date else ""
    out = [f"# {checklist.title}", "", f"*Versie {checklist.version} · {len(checklist.items)} punten in "
           f"{len(checklist.themes)} thema's{known}*", ""]
    if checklist.source:
        out += [checklist.source.strip(), ""]
    out += ["## Inhoud", ""]
    for number, theme in enumerate(checklist.themes, 1):
        out.append(f"{number}. [{theme.title}](#{number}-{theme.id}) ({len(theme.items)} punten)")
    out += ["", "Per punt staat de soort (aandachtspunt: iets om bij stil te staan; actiepunt: iets "
            "om te doen of vast te leggen), de vraag, een toelichting, verwante voorbeelden en de bronnen.", ""]
    used: dict[str, Example] = {}
    for number, theme in enumerate(checklist.themes, 1):
        out += [f'<a id="{number}-{theme.id}"></a>', f"## {number}. {theme.title}", ""]
        if theme.intro:
            out += [theme.intro.strip(), ""]
        for sub, item in enumerate(theme.items, 1):
            out += [f"### {number}.{sub} {item.question.strip()}", ""]
            meta = [labels.KIND[item.kind]]
            if item.level:
                meta.append(f"niveau {labels.LEVEL[item.level].lower()}")
            meta.append(f"`{item.id}`")
            out += ["*" + " · ".join(meta[:-1]) + "* · " + meta[-1], ""]
            if item.guidance:
                out += [item.guidance.strip(), ""]
            if condition := _condition(item, checklist):
                out += [f"> {condition}", ""]
            if item.examples:
                titles = []
                for ident in item.examples:
                    if ident in library:
                        used[ident] = library[ident]
                        titles.append(f"[{library[ident].title}](#voorbeeld-{ident})")
                out += ["Voorbeelden: " + "; ".join(titles), ""]
            if item.sources:
                out += ["Bronnen: " + ", ".join(f"[{k}](#bronnen)" for k in item.sources), ""]
    if used:
        out += ["## Inspirerende voorbeelden", ""]
        for ident, example in used.items():
            year = f", {example.year}" if example.year else ""
            out += [f'<a id="voorbeeld-{ident}"></a>', f"**{example.title}** ({example.where}{year})", "",
                    example.summary.strip(), ""]
            if example.url:
                out += [f"Bron: [{example.source or example.url}]({example.url})", ""]
    if checklist.sources:
        out += ['<a id="bronnen"></a>', "## Bronnen", ""]
        for source in checklist.sources.values():
            title = f"[{source.title}]({source.url})" if source.url else source.title
            out.append(f"- **{source.key}** {title}")
        out.append("")
    return "\n".join(out)


def text(checklist: Checklist) -> str:
    """A compact plain-text overview for the terminal."""
    wrap = textwrap.TextWrapper(width=WIDTH, initial_indent="      ", subsequent_indent="      ")
    known = f", kennisstand {labels.month_year(checklist.knowledge_date)}" if checklist.knowledge_date else ""
    out = [f"{checklist.title} (versie {checklist.version}{known})", ""]
    for number, theme in enumerate(checklist.themes, 1):
        out.append(f"{number}. {theme.title}  [{theme.id}]")
        for sub, item in enumerate(theme.items, 1):
            kind = labels.KIND[item.kind].lower()
            out.append(f"  {number}.{sub} {item.id} ({kind})")
            out.extend(wrap.wrap(item.question.strip()))
            if condition := _condition(item, checklist):
                out.extend(wrap.wrap(condition))
        out.append("")
    return "\n".join(out)
