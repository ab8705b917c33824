"""One browser tab's wizard: ``python -m planwizard.web.session TARGET``, started by
``planwizard serve`` for each websocket, running under Textual's web driver.

TARGET is the served folder or plan. The wizard is confined to it (``tui.paths``) and
starts in that folder; stdout belongs to the driver, so nothing else may print there.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("gebruik: python -m planwizard.web.session MAP-of-PLAN", file=sys.stderr)
        return 2
    from planwizard.tui.paths import PathPolicy

    paths = PathPolicy.serving(Path(args[0]))
    os.chdir(paths.root or ".")
    from planwizard.tui.app import WizardApp

    app = WizardApp(paths.plan, paths=paths, handle_signals=True)
    try:
        code = app.run()
    finally:
        app.shutdown()  # saves and unlocks, however the app ended
    return int(code or 0)


if __name__ == "__main__":
    sys.exit(main())
