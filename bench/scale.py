"""Figures at institute scale (docs/performance.md): run by bench/scale.sh.

    .venv/bin/python bench/scale.py BASE_URL [--runs 20] [--gunicorn-pid PID]

Needs the database the site at BASE_URL runs on (DATABASE_URL, DJANGO_SETTINGS_MODULE) with
the demo and the scale content. For every public page type, search, the admin as an editor
and the exports it prints the SQL queries of one request (in this process, through Django's
test client, each path requested once before: how many, how many repeat a query of the same
request) and the p50/p95 time of ``--runs`` sequential requests to BASE_URL (each with its
own query string, so no cache can answer). For the exports: the time to the first byte and
to the last, and the peak memory of the gunicorn worker that served it above what it held
before (``--gunicorn-pid``: the master's process id; Linux only).
"""

import argparse
import contextlib
import http.client
import os
import statistics
import sys
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_cms.settings.production")

import django  # noqa: E402

django.setup()

from django.apps import apps  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import translation  # noqa: E402

from wagtail.models import Page  # noqa: E402

EDITOR = "bench-editor"


def first(label, **filters):
    model = apps.get_model(label)
    return (
        model.objects.live()
        .filter(locale__language_code="nl", alias_of__isnull=True, **filters)
        .order_by("path")
        .first()
    )


def public_paths():
    library = first("dossiers.PublicationIndexPage")
    questions = first("questions.QuestionIndexPage")
    partners = first("partners.PartnerIndexPage")
    partner = apps.get_model("core.Partner").objects.filter(live=True).order_by("pk").first()
    theme = first("themes.ThemePage")
    paths = [
        ("home", first("home.HomePage").url),
        ("theme", theme.url),
        ("project", first("themes.ProjectPage", slug="project-00000").url),
        ("library", library.url),
        ("library filtered", f"{library.url}?type=report&theme={theme.slug}&year=2022"),
        ("library page 20", f"{library.url}?page=20"),
        ("publication", first("dossiers.PublicationPage", slug="publicatie-00000").url),
        ("dossier", first("dossiers.DossierPage", slug="dossier-00000").url),
        ("question index filtered", f"{questions.url}?kind=research"),
        ("question", first("questions.QuestionPage", slug="vraag-00000").url),
        ("partner index", partners.url),
        ("partner", partners.partner_url(partner)),
        ("annual report", first("annual_report.AnnualReportPage").url),
    ]
    with translation.override("nl"):
        search = reverse("search:search")
        autocomplete = reverse("search:autocomplete")
        open_data = reverse("open_data:publications-csv"), reverse("open_data:projects-json")
    paths += [
        ("search common word", f"{search}?q=integratie"),
        ("search two words", f"{search}?q=arbeidsmarkt+statushouders"),
        ("search filters", f"{search}?q=integratie&type=dossiers.publicationpage&year=2022"),
        ("search by date", f"{search}?q=integratie&sort=date"),
        ("search page 5", f"{search}?q=integratie&page=5"),
        ("autocomplete", f"{autocomplete}?q=vluch"),
    ]
    return paths, list(zip(("open data CSV", "open data JSON"), open_data, strict=True)), library


def admin_paths(library):
    return [
        ("admin library explorer", f"/admin/pages/{library.pk}/"),
        ("admin subscribers", "/admin/newsletter/subscribers/?status=confirmed&q=lezer1"),
        ("admin question inbox", "/admin/submitted_questions/?status=new"),
        ("admin partner chooser", "/admin/snippets/choose/core/partner/"),
        ("admin person chooser", "/admin/snippets/choose/core/person/"),
        ("admin statistics", "/admin/statistics/?year=2024"),
    ]


def editor():
    """A member of every editorial group (not a superuser: permissions are checked)."""
    user, _created = get_user_model().objects.get_or_create(
        username=EDITOR, defaults={"email": "bench-editor@example.org", "is_staff": True}
    )
    user.groups.set(Group.objects.all())
    return user


@override_settings(PAGE_CACHE_SECONDS=0, SEARCH_CACHE_SECONDS=0, ALLOWED_HOSTS=["*"])
def query_counts(client, paths):
    for _name, path in paths:  # the process's own caches filled, as in a running server
        client.get(path)
    counts = {}
    for name, path in paths:
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)
        sqls = Counter(query["sql"] for query in captured.captured_queries)
        counts[name] = (len(captured), sum(count - 1 for count in sqls.values()))
    return counts


def request(base, path, cookie, stream=False):
    """(status, seconds to the first byte of the body, seconds to the last, size)."""
    parts = urlsplit(base)
    connection_ = http.client.HTTPConnection(parts.hostname, parts.port, timeout=120)
    started = time.perf_counter()
    connection_.request("GET", path, headers={"Cookie": cookie, "Host": parts.netloc})
    response = connection_.getresponse()
    size = len(response.read(1))
    first_byte = time.perf_counter() - started
    while chunk := response.read(65536):
        size += len(chunk)
    connection_.close()
    return response.status, first_byte, time.perf_counter() - started, size


def timings(base, path, cookie, runs):
    separator = "&" if "?" in path else "?"
    times = []
    for run in range(runs + 2):
        status, _first, total, _size = request(base, f"{path}{separator}bench={run}", cookie)
        assert status == 200, (path, status)
        if run >= 2:  # two to warm up
            times.append(total * 1000)
    return statistics.median(times), statistics.quantiles(times, n=20, method="inclusive")[18]


def workers(master_pid):
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == master_pid:
                found.append(int(entry.name))
    return found


def memory_kb(pid, field):
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:  # the worker was stopped (gunicorn's timeout) and replaced
        return 0
    for line in status.splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def export_figures(base, path, cookie, master_pid):
    pids = workers(master_pid) if master_pid else []
    before = {}
    for pid in pids:
        with contextlib.suppress(OSError):
            Path(f"/proc/{pid}/clear_refs").write_text("5")  # resets the peak (VmHWM) to now
        before[pid] = memory_kb(pid, "VmRSS")
    status, first_byte, total, size = request(base, path, cookie)
    growth = max((memory_kb(pid, "VmHWM") - before[pid] for pid in pids), default=0)
    return status, first_byte * 1000, total * 1000, size, growth / 1024


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("base_url")
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--gunicorn-pid", type=int, default=0)
    parser.add_argument("--exports-only", action="store_true", help="only the exports")
    args = parser.parse_args()

    public, open_data, library = public_paths()
    admin = admin_paths(library)
    client = Client()
    client.force_login(editor())
    cookie = f"sessionid={client.cookies['sessionid'].value}"
    if not args.exports_only:
        anonymous = query_counts(Client(), public)
        editors = query_counts(client, admin)
        print_timings(args, [(item, anonymous[item[0]]) for item in public], "")
        print_timings(args, [(item, editors[item[0]]) for item in admin], cookie)
    print("\n| export | status | first byte ms | last byte ms | size MB | worker memory +MB |")
    print("|---|---:|---:|---:|---:|---:|")
    exports = [
        ("subscriber CSV", "/admin/newsletter/subscribers/export/"),
        *open_data,
        ("sitemap", "/sitemap.xml"),
    ]
    for name, path in exports:
        status, first_byte, total, size, growth = export_figures(
            args.base_url, path, cookie, args.gunicorn_pid
        )
        print(
            f"| {name} | {status} | {first_byte:.0f} | {total:.0f} | {size / 1e6:.1f} "
            f"| {growth:.0f} |",
            flush=True,
        )


def print_timings(args, paths, cookie):
    print(
        f"\n{Page.objects.count():,} pages, "
        f"{apps.get_model('dossiers.PublicationPage').objects.count():,} publications; "
        f"{connection.vendor}; {args.runs} sequential requests each; {os.cpu_count()} cores"
    )
    print(f"| {'page':<26} | queries | repeated | p50 ms | p95 ms |")
    print("|---|---:|---:|---:|---:|")
    for (name, path), (queries, repeated) in paths:
        median, p95 = timings(args.base_url, path, cookie, args.runs)
        print(
            f"| {name:<26} | {queries:>7} | {repeated:>8} | {median:>6.0f} | {p95:>6.0f} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
