"""Names of the drafts uploaded for a plan under ``planwizard serve`` (see ``upload``; no aiohttp here)."""

from __future__ import annotations

from pathlib import Path

SUFFIX = "-bewerkt"


def upload_name(plan: Path, number: int = 1) -> Path:
    """Where an uploaded draft of ``plan`` is stored: ``heerlen-bewerkt.docx``, then ``heerlen-bewerkt-2.docx``..."""
    extra = f"-{number}" if number > 1 else ""
    return plan.with_name(f"{plan.stem}{SUFFIX}{extra}.docx")


def uploads(plan: Path) -> list[Path]:
    """The drafts uploaded for ``plan`` that are there now, by name."""
    return sorted(plan.parent.glob(f"{plan.stem}{SUFFIX}*.docx"))
