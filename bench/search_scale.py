"""Site search at institute scale: p50/p95 and SQL queries per search scenario.

    DATABASE_URL=postgres://…/copy_of_scale_db \\
    DJANGO_SETTINGS_MODULE=site_cms.settings.production \\
    SECRET_KEY=x ALLOWED_HOSTS=localhost,127.0.0.1,testserver HTTPS=false PAGE_CACHE_SECONDS=0 \\
    SEARCH_CACHE_SECONDS=0 SEARCH_AUTOCOMPLETE_RATE=100000/m \\
    .venv/bin/python bench/search_scale.py [--runs 30] [--base-url http://127.0.0.1:8000]

Needs a database with the scale content (``manage.py load_scale_content``, see
docs/performance.md). For each scenario it prints the SQL queries of one request and how
many of them repeat another of the same request (in this process, Django's test client,
each path asked once before), then the median and 95th percentile of ``--runs`` sequential
requests: in this process by default, or over HTTP to ``--base-url`` (e.g. gunicorn with 2
workers, as bench/scale.sh starts it). Each timed request has its own ``bench=`` parameter,
so no cache can answer it. The load average is printed first: the machine may be shared.
"""

import argparse
import http.client
import os
import statistics
import sys
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_cms.settings.production")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import translation  # noqa: E402

SCENARIOS = [
    ("common word", "search", {"q": "integratie"}),
    ("two words", "search", {"q": "arbeidsmarkt statushouders"}),
    ("stemmed word", "search", {"q": "vluchteling"}),
    (
        "type + year filter",
        "search",
        {"q": "integratie", "type": "dossiers.publicationpage", "year": "2022"},
    ),
    ("sorted by date", "search", {"q": "integratie", "sort": "date"}),
    ("page 5", "search", {"q": "integratie", "page": "5"}),
    ("typo, nothing found", "search", {"q": "vluchtleingen"}),
    ("autocomplete", "autocomplete", {"q": "vluch"}),
]  # fmt: skip


def paths():
    with translation.override("nl"):
        urls = {name: reverse(f"search:{name}") for name in ("search", "autocomplete")}
    return [(label, f"{urls[name]}?{urlencode(params)}") for label, name, params in SCENARIOS]


@override_settings(PAGE_CACHE_SECONDS=0, SEARCH_CACHE_SECONDS=0, ALLOWED_HOSTS=["*"])
def queries(client, path):
    """(queries, repeated) of one request, after one to fill the process's own caches."""
    client.get(path)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    sqls = Counter(query["sql"] for query in captured.captured_queries)
    return len(captured), sum(count - 1 for count in sqls.values())


def over_http(base):
    parts = urlsplit(base)

    def get(path):
        http_connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=120)
        http_connection.request("GET", path, headers={"Host": parts.netloc})
        response = http_connection.getresponse()
        response.read()
        http_connection.close()
        return response.status

    return get


@override_settings(PAGE_CACHE_SECONDS=0, SEARCH_CACHE_SECONDS=0, ALLOWED_HOSTS=["*"])
def timings(get, path, runs):
    times = []
    for run in range(runs + 2):
        started = time.perf_counter()
        status = get(f"{path}&bench={run}")
        if run >= 2:  # two to warm up
            times.append((time.perf_counter() - started) * 1000)
        assert status == 200, (path, status)
    return statistics.median(times), statistics.quantiles(times, n=20, method="inclusive")[18]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=30, help="timed requests per scenario")
    parser.add_argument("--base-url", help="time over HTTP against this running site")
    args = parser.parse_args()
    if args.base_url:
        get, where = over_http(args.base_url), args.base_url
    else:
        client = Client()
        get, where = (lambda path: client.get(path).status_code), "in-process (test client)"
    from wagtail.models import Page

    print(
        f"{Page.objects.count():,} pages; {connection.vendor}; {where}; {args.runs} sequential "
        f"requests each; {os.cpu_count()} cores; load average before: "
        + ", ".join(f"{load:.2f}" for load in os.getloadavg())
    )
    print(f"| {'scenario':<20} | queries | repeated | p50 ms | p95 ms |")
    print("|---|---:|---:|---:|---:|")
    for label, path in paths():
        count, repeated = queries(Client(), path)
        median, p95 = timings(get, path, args.runs)
        print(f"| {label:<20} | {count:>7} | {repeated:>8} | {median:>6.0f} | {p95:>6.0f} |")
    print("load average after: " + ", ".join(f"{load:.2f}" for load in os.getloadavg()))


if __name__ == "__main__":
    main()
