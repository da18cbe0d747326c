"""The admin views and exports at institute scale, in-process (docs/performance.md, "The admin
at institute scale").

    .venv/bin/python bench/admin_scale.py [--runs 10] [--sql] [NAME ...]

Needs a database with the demo and the scale content (DATABASE_URL, DJANGO_SETTINGS_MODULE as
for bench/scale.py; `manage.py collectstatic` done for production settings). Logs in as
bench/scale.py's editor (a member of every editorial group, not a superuser) and prints, for
each admin view and export of bench/scale.py and a few searches, the SQL queries of one
request, how many repeat a query of the same request, the time spent in SQL and the median
and slowest of ``--runs`` requests through Django's test client (a streamed response read to
its end), each path requested once before. ``--sql`` lists the queries of each with their time;
NAMEs pick the views (as printed).
"""

import argparse
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from django.db import connection  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import translation  # noqa: E402

import scale  # noqa: E402  (bench/scale.py: sets Django up)


def paths():
    library = scale.first("dossiers.PublicationIndexPage")
    with translation.override("nl"):
        open_data = reverse("open_data:publications-csv")
    return {
        **dict(scale.admin_paths(library)),
        "admin subscribers search": "/admin/newsletter/subscribers/?q=lezer12",
        "admin question inbox search": "/admin/submitted_questions/?q=integratie",
        "admin question inbox by reference": "/admin/submitted_questions/?q=S-000042",
        "admin partner chooser search": "/admin/snippets/choose/core/partner/results/?q=partner",
        "admin person chooser search": "/admin/snippets/choose/core/person/results/?q=jan",
        "admin partner listing": "/admin/snippets/core/partner/",
        "subscriber CSV": "/admin/newsletter/subscribers/export/",
        "open data CSV": open_data,
    }


def get(client, path):
    response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    if response.streaming:
        return len(b"".join(response.streaming_content))
    return len(response.content)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("names", nargs="*")
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--sql", action="store_true", help="list each query with its time")
    args = parser.parse_args()
    client = Client()
    client.force_login(scale.editor())
    print("| view | queries | repeated | SQL ms | p50 ms | max ms |")
    print("|---|---:|---:|---:|---:|---:|")
    with override_settings(ALLOWED_HOSTS=["*"]):
        for name, path in paths().items():
            if args.names and name not in args.names:
                continue
            get(client, path)
            times = []
            for _run in range(args.runs):
                started = time.perf_counter()
                with CaptureQueriesContext(connection) as captured:
                    get(client, path)
                times.append((time.perf_counter() - started) * 1000)
            queries = captured.captured_queries
            repeated = sum(count - 1 for count in Counter(q["sql"] for q in queries).values())
            sql_ms = sum(float(query["time"]) for query in queries) * 1000
            print(
                f"| {name} | {len(queries)} | {repeated} | {sql_ms:.0f} "
                f"| {statistics.median(times):.0f} | {max(times):.0f} |",
                flush=True,
            )
            if args.sql:
                for query in queries:
                    print(f"    {float(query['time']) * 1000:7.1f} {query['sql'][:300]}")


if __name__ == "__main__":
    main()
