"""The text of a PDF file, for the search index (pypdf, pure Python, no external tools)."""

import logging

from pypdf import PdfReader
from pypdf.errors import PyPdfError

logger = logging.getLogger(__name__)

# Enough for a long report; keeps one index entry well under PostgreSQL's 1 MB tsvector limit.
MAX_TEXT_LENGTH = 200_000


def extract_pdf_text(file, max_length=MAX_TEXT_LENGTH):
    """The text of the PDF in ``file`` (an open binary file), whitespace collapsed.

    An unreadable or encrypted PDF gives "" (logged): the document stays downloadable, only
    its text is not searchable.
    """
    parts = []
    length = 0
    try:
        reader = PdfReader(file)
        if reader.is_encrypted:
            logger.warning("Not indexing the text of an encrypted PDF: %s", file)
            return ""
        for page in reader.pages:
            text = " ".join((page.extract_text() or "").split())
            parts.append(text)
            length += len(text) + 1
            if length >= max_length:
                break
    except PyPdfError as error:
        logger.warning("Could not read the text of PDF %s: %s", file, error)
        return ""
    return " ".join(parts)[:max_length].strip()
