"""CSV files that staff open in a spreadsheet program (Dutch Excel): safe and readable.

``write_csv(response, headings, rows)`` writes UTF-8 with a byte order mark and semicolons
(what Dutch Excel expects) and makes every cell safe: spreadsheet programs run a cell that
starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return as a formula (CSV
injection), so such a cell gets a leading apostrophe.
"""

import csv

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    value = "" if value is None else str(value)
    return "'" + value if value.startswith(FORMULA_PREFIXES) else value


def write_csv(response, headings, rows):
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";")
    writer.writerow([str(heading) for heading in headings])
    for row in rows:
        writer.writerow([spreadsheet_safe(value) for value in row])
    return response
