"""Screenshots for the editors' guide (docs/editors-guide.md), taken by the browser journeys
only when SCREENSHOTS names a folder:

    SCREENSHOTS=docs/images/editors-guide REQUIRE_BROWSER_TESTS=1 scripts/test.sh tests/browser

The window is 1280 pixels wide; the PNGs show the visible part of the screen (not the whole
page), which keeps them small.
"""

import os
from pathlib import Path


def screenshot(page, name):
    folder = os.environ.get("SCREENSHOTS")
    if not folder:
        return
    path = Path(folder)
    path.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=path / f"{name}.png", animations="disabled")
