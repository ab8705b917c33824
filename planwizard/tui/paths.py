"""Which files the wizard may reach from a path the user typed (no Textual).

In a terminal the wizard may reach whatever its user can: ``~`` expands and a relative
path starts in the current folder. Under ``planwizard serve`` the person typing is a
browser user, not the one at this computer, so the wizard is *confined*: every path is
taken inside one folder and must stay inside it once ``..`` and symbolic links are
resolved. Served one plan (``planwizard serve PLAN.yaml``), only that plan and the files
beside it whose names start with the plan's name (its draft, earlier versions) are
reachable, not the other plans in its folder.

Every path typed in the wizard goes through ``PathPolicy.resolve``; the app checks the
final path with ``allows`` again before it opens or writes anything, so a screen that
forgets the first check still cannot leave the folder.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from planwizard.tui import texts

PLAN_SUFFIXES = (".yaml", ".yml")
MAX_LISTED = 500
"""The start screen lists at most this many plans of a served folder."""


class OutsideFolder(ValueError):
    """A typed path the wizard may not reach here; the message says why, in Dutch."""


@dataclass(frozen=True)
class PathPolicy:
    """No ``root``: any path (the terminal). With ``root``: only inside it; with ``plan`` too:
    only that plan and the files named after it."""

    root: Path | None = None
    plan: Path | None = None

    @classmethod
    def serving(cls, target: str | Path) -> PathPolicy:
        """The policy of ``planwizard serve TARGET``: a folder, or one plan in its folder."""
        real = Path(os.path.realpath(target))
        if real.is_dir():
            return cls(real)
        return cls(real.parent, real)

    @property
    def confined(self) -> bool:
        return self.root is not None

    # ------------------------------------------------------------ checking

    def allows(self, path: str | Path) -> bool:
        """Whether the wizard may open or write ``path`` (symbolic links followed)."""
        if self.root is None:
            return True
        try:
            real = Path(os.path.realpath(path))
        except (OSError, ValueError):
            return False
        try:
            parts = real.relative_to(self.root).parts
        except ValueError:
            return False
        if self.plan is None:
            return True
        return bool(parts) and (real == self.plan or _named_after(parts[0], self.plan))

    def refusal(self) -> str:
        """Why a path was refused, in Dutch."""
        if self.plan is not None:
            return texts.err_only_plan(self.plan.name)
        return texts.err_outside_folder(self.root.name or str(self.root))  # its name: the browser need not see where it lives

    def place(self, path: str | Path) -> Path:
        """The absolute path ``path`` means (a relative one: in the folder when confined);
        ``OutsideFolder`` when it may not be reached from here."""
        if self.root is None:
            return Path(os.path.abspath(os.path.expanduser(str(path))))
        try:
            real = Path(os.path.realpath(self.root / path))  # an absolute path replaces the root
        except (OSError, ValueError):
            raise OutsideFolder(self.refusal()) from None
        if not self.allows(real):
            raise OutsideFolder(self.refusal())
        return real

    def resolve(self, text: str) -> Path:
        """The path a user typed means (see ``place``)."""
        return self.place(text.strip())

    # ------------------------------------------------------------ showing and listing

    def show(self, path: str | Path) -> str:
        """``path`` as the user should see and type it: relative to the folder when confined."""
        if self.root is not None:
            try:
                return str(Path(os.path.realpath(path)).relative_to(self.root))
            except ValueError:
                pass
        from planwizard.tui.session import display_path

        return display_path(path)

    def plans(self) -> list[Path]:
        """The answer files in the served folder, by name (empty when not confined)."""
        if self.root is None:
            return []
        try:
            entries = sorted(os.scandir(self.root), key=lambda e: e.name.lower())
        except OSError:
            return []
        found = []
        for entry in entries:
            if entry.name.startswith(".") or not entry.name.lower().endswith(PLAN_SUFFIXES):
                continue
            try:
                if not entry.is_file():
                    continue
            except OSError:
                continue
            path = Path(entry.path)
            if self.allows(path):
                found.append(path)
            if len(found) >= MAX_LISTED:
                break
        return found

    def complete(self, value: str, *, folders_only: bool = False,
                 suffixes: tuple[str, ...] = PLAN_SUFFIXES) -> str | None:
        """``value`` completed with the first matching entry of its folder that may be reached."""
        if not value:
            return None
        typed = value if self.root is not None else os.path.expanduser(value)
        folder, start = os.path.split(typed)
        if self.root is not None:
            try:
                base = os.path.realpath(os.path.join(self.root, folder))
            except (OSError, ValueError):
                return None
            if base != str(self.root) and not self.allows(base):
                return None
        else:
            base = folder or "."
        try:
            names = sorted(os.listdir(base))
        except (OSError, ValueError):
            return None
        for name in names:
            if not name.startswith(start) or name == start or (name.startswith(".") and not start.startswith(".")):
                continue
            full = os.path.join(base, name)
            if not self.allows(full):
                continue
            suffix = "/" if os.path.isdir(full) else ""
            if suffix or (not folders_only and name.endswith(suffixes)):
                return value + name[len(start):] + suffix
        return None


def _named_after(name: str, plan: Path) -> bool:
    """``heerlen.docx``, ``heerlen-v1.yaml``, ``heerlen_oud.yaml`` belong to plan ``heerlen.yaml``."""
    stem = plan.stem
    return name == stem or (name.startswith(stem) and name[len(stem)] in "-_. ")


UNCONFINED = PathPolicy()
