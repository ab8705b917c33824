"""What changes when the wizard runs in a web browser (``planwizard serve``, Textual's web driver).

The app is the same; only a few things a browser does differently are adapted here.
"""

from __future__ import annotations

from pathlib import Path

from planwizard.tui import texts

KEYMAP = {
    "next": "ctrl+down,ctrl+n",
    "previous": "ctrl+up,ctrl+o",
    "next-open": "ctrl+shift+down,ctrl+t",
}
"""Browsers keep Ctrl+N and Ctrl+T (new window, new tab) to themselves, so the page never sees
them: in a browser these moves get Ctrl+arrow keys first (Alt+arrow arrives as the same key)."""

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def keys(app, binding) -> str:
    """The keys of ``binding`` as they work in this app (the browser's keymap when in a browser)."""
    if getattr(app, "is_web", False) and binding.id in KEYMAP:
        return KEYMAP[binding.id]
    return binding.key


def deliver_draft(app, path: Path) -> None:
    """Send the draft at ``path`` to the browser as a download (it stays beside the plan too)."""
    app.deliver_binary(path, mime_type=DOCX_MIME, name="draft")
    app.notify(texts.downloading(path.name), timeout=6)
