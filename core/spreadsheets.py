"""CSV files for staff, made to open correctly in Dutch Excel: UTF-8 with a byte-order mark,
semicolons between cells (Dutch Excel reads commas as decimal separators), and no cell that a
spreadsheet would run as a formula (CSV injection). Every admin export goes through here."""

import csv

from django.http import HttpResponse

# Spreadsheet programs run cells that start with these as formulas.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    """``value`` as text a spreadsheet shows as it is; numbers stay numbers."""
    if isinstance(value, int | float):
        return value
    value = "" if value is None else str(value)
    return "'" + value if value.startswith(FORMULA_PREFIXES) else value


def csv_response(filename, header, rows):
    """A download of ``rows`` (sequences of cells) under ``header``."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";")
    writer.writerow([str(heading) for heading in header])
    for row in rows:
        writer.writerow([spreadsheet_safe(cell) for cell in row])
    return response
