"""Files for the demo content, made here and now: placeholder images (Pillow) and small PDFs.

Nothing is downloaded. Each file is found again by its title on a second run.
"""

import hashlib
import io
import textwrap

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from PIL import Image as PillowImage
from PIL import ImageDraw, ImageFont

# Background colours of the placeholders, dark enough for white text.
COLOURS = {
    "blue": "#1d5b8f",
    "green": "#2e6b30",
    "orange": "#a34700",
    "purple": "#5b3b8c",
    "brand": "#0b4f6c",
}


def placeholder_png(text, *, size=(1200, 630), colour="brand"):
    """PNG bytes: a flat colour with ``text`` in white, wrapped to fit (a short text such
    as initials is drawn large and centred)."""
    width, height = size
    canvas = PillowImage.new("RGB", size, COLOURS.get(colour, colour))
    draw = ImageDraw.Draw(canvas)
    if len(text) <= 3:
        font = ImageFont.load_default(size=width // 3)
        draw.text((width / 2, height / 2), text, fill="#ffffff", font=font, anchor="mm")
    else:
        font_size = max(24, width // 12)
        font = ImageFont.load_default(size=font_size)
        lines = textwrap.wrap(text, width=max(8, int(width / (font_size * 0.6))))[:6]
        y = height / 2 - len(lines) * font_size * 0.65
        for line in lines:
            draw.text((width * 0.07, y), line, fill="#ffffff", font=font)
            y += font_size * 1.3
    output = io.BytesIO()
    canvas.save(output, format="PNG", optimize=True)
    return output.getvalue()


def ensure_image(title, text=None, *, size=(1200, 630), colour="brand"):
    """The image titled ``title``; made as a placeholder showing ``text`` when missing."""
    model = get_image_model()
    existing = model.objects.filter(title=title).first()
    if existing is not None:
        return existing
    data = placeholder_png(text or title, size=size, colour=colour)
    image = model(
        title=title,
        file_size=len(data),
        file_hash=hashlib.sha1(data, usedforsecurity=False).hexdigest(),
    )
    image.file.save(f"{_file_stem(title)}.png", ContentFile(data), save=False)
    image.width, image.height = size  # the field does not read them back from a ContentFile
    image.save()
    return image


def _pdf_text(value):
    """``value`` as a PDF string literal in the standard (WinAnsi) encoding."""
    raw = value.encode("cp1252", errors="replace")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def minimal_pdf(title, paragraphs):
    """Bytes of a valid one-page PDF with ``title`` and the ``paragraphs`` (wrapped), in
    Helvetica; small enough for a demo download."""
    lines = [(18, title)]
    for paragraph in paragraphs:
        lines += [(11, line) for line in textwrap.wrap(paragraph, width=90)] + [(11, "")]
    content = [b"BT", b"72 770 Td"]
    for font_size, line in lines:
        content += [f"/F1 {font_size} Tf".encode(), _pdf_text(line) + b" Tj", b"0 -18 Td"]
    content.append(b"ET")
    stream = b"\n".join(content)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Title " + _pdf_text(title) + b" /Producer (Kennisplatform demo) >>",
    ]
    output = io.BytesIO()
    output.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(output.tell())
        output.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = output.tell()
    output.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        output.write(f"{offset:010d} 00000 n \n".encode())
    output.write(
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info 6 0 R >>\n"
        f"startxref\n{xref}\n%%EOF\n".encode()
    )
    return output.getvalue()


def ensure_pdf(title, paragraphs, filename):
    """The document titled ``title``; made as a small PDF when missing."""
    model = get_document_model()
    existing = model.objects.filter(title=title).first()
    if existing is not None:
        return existing
    data = minimal_pdf(title, paragraphs)
    document = model(
        title=title,
        file_size=len(data),
        file_hash=hashlib.sha1(data, usedforsecurity=False).hexdigest(),
    )
    document.file.save(f"{filename}.pdf", ContentFile(data), save=False)
    document.save()
    return document


def _file_stem(title):
    return "".join(char if char.isalnum() else "-" for char in title.lower())[:60].strip("-")
