"""Plain text (an e-mail, a form field) made into rich text the way Wagtail's editor would.

Hand-made HTML (``linebreaks``: ``<br>`` inside ``<p>``) can be a shape Draftail's converter
rejects, and then the page's edit view fails for everyone. Here the text becomes Draftail's
own content state (a paragraph per blank-line-separated part, line breaks kept inside it),
converted to the stored format by Wagtail's converter: what the editor saves itself.
"""

import json
import re

from django.utils.module_loading import import_string

# Loaded when first used: the converter's module needs the app registry, which is not ready
# yet when models.py modules (that use this one) are imported.
CONVERTER = "wagtail.admin.rich_text.converters.contentstate.ContentstateConverter"


def paragraphs(text):
    """The paragraphs of ``text``: parts separated by blank lines, trimmed, none empty."""
    parts = re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n"))
    return [part.strip() for part in parts if part.strip()]


def plain_text_to_rich_text(text):
    """``text`` (paragraphs separated by blank lines) as rich text in the database format."""
    blocks = [
        {
            "key": f"p{number}",
            "type": "unstyled",
            "depth": 0,
            "text": "\n".join(line.strip() for line in paragraph.split("\n")),
            "inlineStyleRanges": [],
            "entityRanges": [],
        }
        for number, paragraph in enumerate(paragraphs(text))
    ]
    contentstate = json.dumps({"blocks": blocks, "entityMap": {}})
    return import_string(CONVERTER)(features=[]).to_database_format(contentstate)
