"""Where the bundled templates/, checklists/ and examples/ folders are.

One resolver for every way planwizard runs: ``PLANWIZARD_DATA`` (a folder holding
those three) wins; then the copy inside an installed wheel (``planwizard/_data``,
put there by hatchling's force-include); then the source checkout (also used by an
editable install), one level above the package.
"""

from __future__ import annotations

import os
from pathlib import Path

KINDS = ("templates", "checklists", "examples")
ENV_VAR = "PLANWIZARD_DATA"
_PACKAGE = Path(__file__).resolve().parent


def data_dir(kind: str) -> Path:
    """The folder for ``kind`` (templates, checklists or examples)."""
    if kind not in KINDS:
        raise ValueError(f"unknown data kind {kind!r}")
    override = os.environ.get(ENV_VAR)
    if override:
        return Path(override) / kind
    for root in (_PACKAGE / "_data", _PACKAGE.parent):
        if (root / kind).is_dir():
            return root / kind
    return _PACKAGE.parent / kind


def package_file(name: str) -> Path:
    """A data file that ships inside the package itself (e.g. the gemeenten list)."""
    return _PACKAGE / "data" / name
