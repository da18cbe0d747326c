"""The one CSV writer of the site: every CSV it produces (open data, statistics, subscribers).

Spreadsheet programs run a cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return as a formula (CSV injection): such text is written with a leading ``'``,
which spreadsheets show as text. Numbers are written as they are. Files start with a byte
order mark, so that spreadsheets read them as UTF-8.
"""

import csv

from django.http import HttpResponse
from django.utils.functional import Promise

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    """``value`` as a spreadsheet will show it, never run it."""
    if isinstance(value, Promise):
        value = str(value)
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


class _SafeRows:
    def __init__(self, writer, make_safe):
        self._writer = writer
        self._make_safe = make_safe

    def writerow(self, row):
        return self._writer.writerow(self._make_safe(row))

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


def writer(file, **options):
    """``csv.writer`` whose every cell is spreadsheet-safe."""
    return _SafeRows(csv.writer(file, **options), lambda row: [spreadsheet_safe(v) for v in row])


def dict_writer(file, fieldnames, **options):
    """``csv.DictWriter`` (header written) whose every cell is spreadsheet-safe."""
    rows = csv.DictWriter(file, fieldnames=fieldnames, **options)
    rows.writeheader()
    return _SafeRows(rows, lambda row: {k: spreadsheet_safe(v) for k, v in row.items()})


def csv_response(filename):
    """An attachment response to write a CSV into."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")
    return response
