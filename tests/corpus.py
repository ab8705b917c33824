"""The bad-input corpus: stored files with their expected outcome, plus generated ones."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import yaml

from tests.helpers import ROOT, answer_file

CORPUS = ROOT / "tests" / "data" / "corpus"


@dataclass(frozen=True)
class Case:
    """One input and what every command must say about it."""

    name: str
    path: Path
    exit: int
    message: str
    line: int

    def expected_prefix(self) -> str:
        return f"{self.path}:{self.line}:" if self.line else f"{self.path}:"


def stored() -> list[Case]:
    manifest = yaml.safe_load((CORPUS / "cases.yaml").read_text(encoding="utf-8"))
    return [Case(name, CORPUS / name, **spec) for name, spec in sorted(manifest.items())]


def generated(folder: Path) -> list[Case]:
    """Inputs too big or too strange to keep in the repository, made in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    cases = []

    def add(name: str, content: bytes | None, exit: int, message: str, line: int) -> None:
        path = folder / name
        if content is not None:
            path.write_bytes(content)
        cases.append(Case(name, path, exit, message, line))

    big = answer_file("\n  visie.doelgroep:\n    notes: " + "x" * (10 * 1024 * 1024) + "\n")
    add("note-10mb.yaml", big.encode(), 1, "bestand is te groot", 0)
    long_note = answer_file("\n  visie.doelgroep:\n    notes: " + "lang " * 12_000 + "\n")
    add("note-too-long.yaml", long_note.encode(), 1, "tekst is te lang (", 7)
    add("nesting-flow-10000.yaml", answer_file("[" * 10_000 + "]" * 10_000).encode(), 1, "te diep genest", 5)
    add("nesting-block-10000.yaml", ("a:\n" + "- " * 10_000 + "x\n").encode(), 1, "te diep genest", 2)
    (folder / "a-directory.yaml").mkdir(exist_ok=True)
    add("a-directory.yaml", None, 1, "map", 0)  # validate: no answer files in it; generate: a folder
    fifo = folder / "a-fifo.yaml"
    if not fifo.exists():
        os.mkfifo(fifo)
    add("a-fifo.yaml", None, 1, "geen gewoon bestand", 0)
    add("missing.yaml", None, 1, "bestaat niet", 0)
    link = folder / "dangling-link.yaml"
    if not link.is_symlink():
        link.symlink_to(folder / "nowhere.yaml")
    add("dangling-link.yaml", None, 1, "bestaat niet", 0)
    return cases
