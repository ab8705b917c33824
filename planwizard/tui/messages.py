"""Messages between the wizard's screens, widgets and workers."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual.message import Message

from planwizard.errors import Problem


@dataclass
class GoToItem(Message):
    """Show this item on the main screen (from the review, the palette or the examples)."""

    item_id: str
    focus_status: bool = False


@dataclass
class PlanChanged(Message):
    """The plan was changed by a widget; ``immediate`` asks to save now instead of soon."""

    item_id: str | None = None
    immediate: bool = False
    refresh_tree: bool = False


@dataclass
class GenerationProgress(Message):
    """A step of generating the Word draft (posted from the worker thread)."""

    step: str


@dataclass
class GenerationDone(Message):
    """The Word draft is written at ``path``."""

    path: Path


@dataclass
class GenerationFailed(Message):
    """Generating failed; the problems say why."""

    problems: list[Problem]
