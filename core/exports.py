"""Exports that stream: the first bytes leave at once and memory stays flat however many rows.

``streaming_csv`` writes rows as they come from a generator (give it one that reads the
database in chunks, e.g. ``QuerySet.iterator(chunk_size=…)``), every cell made
spreadsheet-safe (``core.spreadsheets``); ``streaming_json`` writes a
JSON document whose one list is such a generator, byte for byte what ``json.dumps`` with the
same indent would give for the whole document.
"""

import csv
import io
import json
import textwrap

from django.http import StreamingHttpResponse

from core.spreadsheets import spreadsheet_safe

ROWS_PER_CHUNK = 500


def _taken(buffer):
    """What ``buffer`` holds, emptying it."""
    text = buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    return text


def _csv_chunks(header, rows, delimiter, byte_order_mark):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    if byte_order_mark:  # spreadsheets then read the file as UTF-8
        buffer.write("\ufeff")
    writer.writerow([str(heading) for heading in header])
    yield _taken(buffer)  # the first bytes leave before the first row is read
    for number, row in enumerate(rows, start=1):
        writer.writerow([spreadsheet_safe(cell) for cell in row])
        if number % ROWS_PER_CHUNK == 0:
            yield _taken(buffer)
    yield buffer.getvalue()


def streaming_csv(header, rows, filename, delimiter=",", byte_order_mark=True):
    """A CSV attachment of ``rows`` (lists of values) under ``header``, streamed."""
    response = StreamingHttpResponse(
        _csv_chunks(header, rows, delimiter, byte_order_mark),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _json_chunks(document, name, items, indent):
    text = json.dumps({**document, name: []}, ensure_ascii=False, indent=indent)
    opening, closing = text.rsplit("[]", 1)
    items = iter(items)
    first = next(items, None)
    if first is None:
        yield text
        return
    yield opening + "[\n"
    prefix = " " * (2 * indent)
    yield textwrap.indent(json.dumps(first, ensure_ascii=False, indent=indent), prefix)
    for item in items:
        yield ",\n" + textwrap.indent(json.dumps(item, ensure_ascii=False, indent=indent), prefix)
    yield "\n" + " " * indent + "]" + closing


def streaming_json(document, name, items, indent=2):
    """``document`` with the list ``items`` under ``name`` (its last key), streamed."""
    return StreamingHttpResponse(
        _json_chunks(document, name, items, indent), content_type="application/json"
    )
