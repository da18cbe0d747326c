"""Screenshots for the editors' guide (docs/editors-guide.md), taken by the browser journeys
only when SCREENSHOTS names a folder; a normal run writes no file. `make screenshots` runs
the journeys with SCREENSHOTS=docs/editors-guide.

The window is 1280 pixels wide; the PNGs show the visible part of the screen (not the whole
page) in a palette of 64 colours, which keeps each one small.
"""

import io
import os
from pathlib import Path

from PIL import Image

COLOURS = 64


def screenshot(page, name):
    folder = os.environ.get("SCREENSHOTS")
    if not folder:
        return
    path = Path(folder)
    path.mkdir(parents=True, exist_ok=True)
    image = Image.open(io.BytesIO(page.screenshot(animations="disabled", caret="hide")))
    image.convert("RGB").quantize(COLOURS).save(path / f"{name}.png", optimize=True)
