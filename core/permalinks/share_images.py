"""The default share image of a page: a 1200×630 card with the page's title drawn on it.

Pages without a social image of their own are shared with this card (OpenGraph / Twitter).
It is drawn once per title with Pillow and kept in media storage under
``share-images/<page id>/<digest>.png``; a new title makes a new file and removes the old one.
"""

import hashlib
import io
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 1200, 630
MARGIN = 80
BACKGROUND = "#0b4f6c"  # --colour-brand of site.css
ACCENT = "#b5380b"  # --colour-accent
TEXT = "#ffffff"
FONT = Path(__file__).resolve().parent.parent / "fonts" / "DejaVuSans-Bold-Latin.ttf"
TITLE_SIZES = (72, 60, 50)  # the largest size at which the title fits in MAX_LINES
MAX_LINES = 4
# Part of every digest: change it when the design changes, so cards are drawn anew.
DESIGN_VERSION = "1"


def share_image_digest(title):
    text = f"{DESIGN_VERSION}|{settings.WAGTAIL_SITE_NAME}|{title}"
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def share_image_name(page):
    return f"share-images/{page.pk}/{share_image_digest(page.title)}.png"


def _wrap(text, font, width):
    """Split ``text`` into lines no wider than ``width`` pixels (long words stay whole)."""
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if line and font.getlength(candidate) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    if line:
        lines.append(line)
    return lines


def _fit_title(title, width):
    for size in TITLE_SIZES:
        font = ImageFont.truetype(str(FONT), size)
        lines = _wrap(title, font, width)
        if len(lines) <= MAX_LINES:
            return font, lines
    lines = lines[:MAX_LINES]
    lines[-1] = lines[-1].rstrip(".,;:") + "…"
    return font, lines


def draw_share_image(title, site_name):
    """The card as PNG bytes: the site's name above, the title large, an accent bar."""
    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, HEIGHT - 24, WIDTH, HEIGHT), fill=ACCENT)
    draw.text((MARGIN, 64), site_name, font=ImageFont.truetype(str(FONT), 34), fill=TEXT)
    font, lines = _fit_title(title, WIDTH - 2 * MARGIN)
    line_height = int(font.size * 1.2)
    top = 150 + (HEIGHT - 150 - 60 - line_height * len(lines)) // 2
    for number, line in enumerate(lines):
        draw.text((MARGIN, top + number * line_height), line, font=font, fill=TEXT)
    output = io.BytesIO()
    image.save(output, format="PNG", optimize=True)
    return output.getvalue()


def ensure_share_image(page):
    """The storage name of the page's card, drawn and stored on first use."""
    name = share_image_name(page)
    if not default_storage.exists(name):
        folder = name.rsplit("/", 1)[0]
        if default_storage.exists(folder):
            for old in default_storage.listdir(folder)[1]:
                default_storage.delete(f"{folder}/{old}")
        png = draw_share_image(page.title, settings.WAGTAIL_SITE_NAME)
        # Two first requests at once may both draw; the second copy gets another name.
        name = default_storage.save(name, ContentFile(png))
    return name
