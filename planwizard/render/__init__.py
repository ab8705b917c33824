"""The Word draft of the lokaal uitvoeringsplan: one builder, used by generate, batch and the wizard.

Importing this package is cheap: python-docx is not used at all, and lxml and Jinja2
are imported by the submodules only when a document or template is actually built.
Everything here is safe to call from threads and worker processes; the parsed
template is cached per process and never changed after loading.
"""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

from planwizard import labels

if TYPE_CHECKING:
    import datetime as dt

    from planwizard.answers import Loaded
    from planwizard.errors import Problem
    from planwizard.model import Checklist, Example, Plan
    from planwizard.render.template import Template

MAX_NAME = 120
_UNSAFE = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]+')


def default_output_name(plan: Plan) -> str:
    """A safe file name from gemeente and plan version, e.g. ``Uitvoeringsplan Heerlen concept 0.3.docx``.

    No folders, no control characters, nothing Windows refuses, at most ``MAX_NAME`` characters.
    """
    raw = " ".join(part for part in (labels.DOC_FILE_PREFIX, plan.municipality.name, plan.info.version) if part)
    text = _UNSAFE.sub(" ", unicodedata.normalize("NFC", raw))
    text = "".join(ch for ch in text if unicodedata.category(ch)[0] != "C")  # format and private characters
    words = []
    for word in text.split():
        while ".." in word:
            word = word.replace("..", ".")
        if word.strip("."):  # "..", "." and the like say nothing and only look like paths
            words.append(word)
    stem = " ".join(words)[: MAX_NAME - len(".docx")].strip(" .") or labels.DOC_FILE_PREFIX
    return f"{stem}.docx"


def load_template(template_dir: Path | None = None) -> Template:
    """The checked template (default ``templates/standaard``), cached per process.

    Raises PlanError listing every problem of the template, before anything is written.
    """
    from planwizard.render.template import load_template as load

    return load(template_dir)


def check_template(template_dir: Path) -> list[Problem]:
    """Every problem (and warning) of the template in ``template_dir``, each with file and line."""
    from planwizard.render.template import check_template as check

    return check(template_dir)


def build_document(plan: Plan, checklist: Checklist, library: dict[str, Example], template: Template,
                   *, now: dt.datetime | None = None, source: str = "", compare: Plan | None = None) -> bytes:
    """The .docx bytes of the draft of ``plan`` (made from the answer file ``source``); nothing is written.

    ``compare``: an earlier version of the plan (same checklist version), for an annex of changes.
    """
    from planwizard.render.build import build_document as build

    return build(plan, checklist, library, template, now=now, source=source, compare=compare)


def generate_file(loaded: Loaded, out: Path | None = None, template_dir: Path | None = None,
                  compare: Loaded | None = None) -> Path:
    """Build the draft of an already loaded plan and write it atomically; returns the path.

    The default ``out`` is ``default_output_name(plan)`` in the current folder. The
    template is checked first; an existing file at ``out`` is replaced only by a
    completely built document, never by half a file.
    """
    from planwizard.errors import PlanError
    from planwizard.examples import load_library
    from planwizard.fileio import atomic_write

    target = Path(out) if out is not None else Path(default_output_name(loaded.plan))
    check_output(target, Path(loaded.path) if loaded.path else None)
    template = load_template(template_dir)
    source = os.path.abspath(loaded.path) if loaded.path else ""
    if compare is not None and compare.checklist.id != loaded.checklist.id:
        raise PlanError.at(compare.path, labels.err_diff_checklists(compare.checklist.id, loaded.checklist.id))
    data = build_document(loaded.plan, loaded.checklist, load_library(), template, source=source,
                          compare=compare.plan if compare is not None else None)
    if not target.parent.is_dir():
        raise PlanError.at(str(target), labels.ERR_NO_FOLDER)
    atomic_write(target, data)
    return target


def check_output(target: Path, source: Path | None = None) -> None:
    """Refuse an output that is a folder, sits in a missing folder, is not .docx, or is the input."""
    from planwizard.errors import PlanError

    name = str(target)
    if target.is_dir():
        raise PlanError.at(name, labels.ERR_IS_DIR)
    if target.suffix.lower() != ".docx":
        raise PlanError.at(name, labels.ERR_OUT_SUFFIX)
    if not target.parent.is_dir():
        raise PlanError.at(name, labels.ERR_NO_FOLDER)
    if source is not None and target.exists():
        try:
            same = target.samefile(source)
        except OSError:
            same = False
        if same:
            raise PlanError.at(name, labels.ERR_OUT_IS_INPUT)


__all__ = ["build_document", "check_template", "default_output_name", "generate_file", "load_template"]
