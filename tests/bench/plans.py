"""Deterministic full answer files for benchmarks: one per gemeente, every item answered."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from planwizard.answers import new_plan, save_plan
from planwizard.checklist import current
from planwizard.examples import load_library
from planwizard.gemeenten import registry
from planwizard.model import STATUSES, Action, Answer, Plan

NOTES = (
    "De gemeente heeft dit punt besproken met de regio en de aanbieders. De afspraken staan in "
    "het regionale convenant en worden jaarlijks geëvalueerd.\n\n"
    "- afspraken over de toegang en de overdracht\n"
    "- een vast aanspreekpunt bij de woningcorporatie\n"
    "- rapportage aan de raad twee keer per jaar\n\n"
    "1. eerst de uitgangspunten vaststellen\n"
    "2. daarna de uitvoering inrichten\n"
)


def full_plan(name: str, code: str, index: int) -> Plan:
    """A complete plan: every item a status, notes with lists, an action, sometimes examples."""
    checklist = current()
    examples = list(load_library())
    plan = new_plan(name, code=code, checklist=checklist, today=dt.date(2026, 11, 23))
    plan.info.author = "Beleidsmedewerker Wmo"
    for number, item_id in enumerate(checklist.items):
        plan.answers[item_id] = Answer(
            status=STATUSES[(number + index) % 3],  # done, partial, todo: every item applies
            notes=NOTES,
            actions=[Action(f"Uitwerken: {item_id}", "Team Wmo", dt.date(2025 + number % 3, 1 + number % 12, 1 + number % 28))],
            examples=[examples[number % len(examples)]] if number % 4 == 0 else [],
        )
    return plan


def write_all(folder: Path, count: int | None = None) -> list[Path]:
    """Write one full plan per gemeente (or the first ``count``) into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    checklist = current()
    paths = []
    for index, gemeente in enumerate(registry().gemeenten[:count]):
        path = folder / f"{gemeente.code}.yaml"
        save_plan(full_plan(gemeente.name, gemeente.code, index), path, checklist)
        paths.append(path)
    return paths
