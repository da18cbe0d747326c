"""Benchmark of the site search on PostgreSQL: N publications, representative queries.

    .venv/bin/python bench/search_bench.py                  # 1,000 then 10,000 publications
    .venv/bin/python bench/search_bench.py --sizes 1000 --runs 30
    DATABASE_URL=postgres://… .venv/bin/python bench/search_bench.py   # an empty database

Without DATABASE_URL it starts a throwaway PostgreSQL cluster like scripts/test.sh (initdb
and pg_ctl in a temporary folder, unix socket only, as the `postgres` user when run as root)
and deletes it afterwards. A given DATABASE_URL must name an empty database that may be
filled: the script migrates it and adds the publications.

For each size it tops the database up to N publications (Dutch, random words from the
institute's field, 2010-2024, one or two of 4 themes), indexes them, then requests each
representative search page through Django's test client and prints the median and the 95th
percentile time, and the number of SQL queries of one results page.
"""

import argparse
import contextlib
import datetime
import os
import random
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

VOCABULARY = (
    "integratie migratie diversiteit vluchtelingen statushouders gemeenten inburgering "
    "arbeidsmarkt participatie onderwijs taal huisvesting gezondheid discriminatie "
    "polarisatie radicalisering samenleving buurt jongeren ouderen vrouwen gezinnen "
    "asielzoekers arbeidsmigranten werkgevers beleid onderzoek monitor cijfers rapport "
    "advies kennis praktijk aanpak netwerk samenwerking begeleiding opvang nieuwkomers "
    "eritreeërs syriërs polen moskeeën religie identiteit burgerschap vrijwilligers "
    "sociale stabiliteit inclusie werk opleiding stage ondernemers wijk veiligheid "
    "vertrouwen spanningen dialoog gelijke kansen racisme uitsluiting emancipatie "
    "gezinshereniging naturalisatie tweede generatie schoolkeuze taalles financiën "
    "schulden zorg jeugd preventie evaluatie effectiviteit interventie pilot "
    "gemeenteraad wethouder ambtenaren professionals sleutelfiguren expertise"
)
WORDS = VOCABULARY.split()

TYPES = ["report", "article", "brochure", "infographic", "blog", "video"]

# (label, query string parameters, path name)
QUERIES = [
    ("common word", {"q": "integratie"}, "search"),
    ("stemmed word", {"q": "vluchteling"}, "search"),
    ("two words", {"q": "arbeidsmarkt statushouders"}, "search"),
    ("rare word", {"q": "inburgeringsplicht"}, "search"),
    (
        "type + year filter",
        {"q": "integratie", "type": "dossiers.publicationpage", "year": "2017"},
        "search",
    ),
    ("sorted by date", {"q": "integratie", "sort": "date"}, "search"),
    ("page 5", {"q": "integratie", "page": "5"}, "search"),
    ("typo, no results (fuzzy)", {"q": "vluchtleingen"}, "search"),
    ("autocomplete", {"q": "vluch"}, "autocomplete"),
]


@contextlib.contextmanager
def throwaway_postgres():
    """A PostgreSQL cluster in a temporary folder; yields its DATABASE_URL."""
    for binary in ("initdb", "pg_ctl", "postgres"):
        if shutil.which(binary) is None:
            sys.exit(f"PostgreSQL server binaries not found ({binary}); or set DATABASE_URL.")
    workdir = tempfile.mkdtemp(prefix="kp-bench-")
    as_pg = []
    if os.geteuid() == 0:
        user = os.environ.get("PG_OS_USER", "postgres")
        as_pg = ["runuser", "-u", user, "--"]
        shutil.chown(workdir, user=user)
    os.chmod(workdir, 0o755)  # noqa: S103 (the postgres user must enter it, as in scripts/test.sh)
    data = f"{workdir}/data"
    subprocess.run(
        [*as_pg, "initdb", "-D", data, "--auth=trust", "--username=postgres",
         "--encoding=UTF8", "--locale=C.UTF-8"],
        check=True, stdout=subprocess.DEVNULL,
    )  # fmt: skip
    options = f"-c listen_addresses='' -k {workdir} -p 5432 -c fsync=off"
    subprocess.run(
        [*as_pg, "pg_ctl", "-D", data, "-l", f"{workdir}/postgres.log", "-w", "-t", "60",
         "start", "-o", options],
        check=True, stdout=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        subprocess.run(
            [*as_pg, "createdb", "-h", workdir, "-U", "postgres", "kennisplatform_bench"],
            check=True,
        )
        yield f"postgres://postgres@{quote(workdir, safe='')}:5432/kennisplatform_bench"
    finally:
        subprocess.run(
            [*as_pg, "pg_ctl", "-D", data, "stop", "-m", "immediate"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False,
        )  # fmt: skip
        shutil.rmtree(workdir, ignore_errors=True)


def sentence(rng, words):
    return " ".join(rng.choice(WORDS) for _ in range(words))


def build_site():
    """The home page, the library and 4 themes (idempotent); returns (library, themes)."""
    from wagtail.models import Locale, Page, Site

    from dossiers.models import PublicationIndexPage
    from home.models import HomePage
    from themes.models import ThemeIndexPage, ThemePage

    library = PublicationIndexPage.objects.first()
    if library is not None:
        return library, list(ThemePage.objects.all())
    locale = Locale.objects.get(language_code="nl")
    root = Page.get_first_root_node()
    Page.objects.filter(depth=2).delete()
    home = root.add_child(instance=HomePage(title="Kennisplatform", slug="home", locale=locale))
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "testserver", "root_page": home}
    )
    library = home.add_child(instance=PublicationIndexPage(title="Publicaties", slug="publicaties"))
    index = home.add_child(instance=ThemeIndexPage(title="Thema's", slug="themas"))
    themes = [
        index.add_child(instance=ThemePage(title=title, intro=f"Over {title.lower()}."))
        for title in ("Nieuwe migratie", "Sociale stabiliteit", "Inclusie", "Participatie")
    ]
    return library, themes


def top_up(library, themes, target, rng):
    """Add publications until there are ``target``; index them in bulk."""
    from django.conf import settings
    from django.test import override_settings

    from wagtail.search.backends import get_search_backend

    from dossiers.models import PublicationPage

    existing = PublicationPage.objects.count()
    if existing >= target:
        return
    started = time.perf_counter()
    backends = {"default": {**settings.WAGTAILSEARCH_BACKENDS["default"], "AUTO_UPDATE": False}}
    created = []
    with override_settings(WAGTAILSEARCH_BACKENDS=backends):
        for number in range(existing, target):
            words = sentence(rng, 40)
            if number % 97 == 0:
                words += " inburgeringsplicht"
            page = PublicationPage(
                title=sentence(rng, 5).capitalize(),
                slug=f"publicatie-{number}",
                publication_type=rng.choice(TYPES),
                publication_date=datetime.date(rng.randint(2010, 2024), rng.randint(1, 12), 1),
                summary=words,
                body=[("paragraph", f"<p>{sentence(rng, 150)}</p>")],
                themes=rng.sample(themes, rng.randint(1, 2)),
                first_published_at=datetime.datetime.now(datetime.UTC),
            )
            library.add_child(instance=page)
            created.append(page.pk)
    backend = get_search_backend()
    batch = 500
    for start in range(0, len(created), batch):
        pages = PublicationPage.objects.filter(pk__in=created[start : start + batch])
        backend.add_bulk(PublicationPage, list(pages))
    print(f"  added {len(created)} publications in {time.perf_counter() - started:.0f} s")


def measure(client, url, params, runs):
    for _warm_up in range(2):
        client.get(url, params)
    times = []
    for _run in range(runs):
        started = time.perf_counter()
        response = client.get(url, params)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, params, response.status_code)
    return statistics.median(times), statistics.quantiles(times, n=20, method="inclusive")[18]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=20, help="timed requests per query")
    args = parser.parse_args()

    # Stopped with SIGTERM (e.g. by `timeout`): still stop and delete the throwaway cluster.
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(1))
    with contextlib.ExitStack() as stack:
        if not os.environ.get("DATABASE_URL"):
            os.environ["DATABASE_URL"] = stack.enter_context(throwaway_postgres())
        os.environ["DJANGO_SETTINGS_MODULE"] = "site_cms.settings.test"
        run(args)


def run(args):
    import django

    django.setup()

    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse
    from django.utils import translation

    from dossiers.models import PublicationPage

    if connection.vendor != "postgresql":
        sys.exit("The benchmark needs PostgreSQL (DATABASE_URL=postgres://…).")
    settings.SEARCH_AUTOCOMPLETE_RATE = "1000000/m"
    print("migrating …")
    call_command("migrate", interactive=False, verbosity=0)
    rng = random.Random(2017)
    library, themes = build_site()
    client = Client()
    with translation.override("nl"):
        urls = {name: reverse(f"search:{name}") for name in ("search", "autocomplete")}
    print(f"PostgreSQL {connection.pg_version // 10000}, {args.runs} timed requests per query")
    for size in sorted(args.sizes):
        print(f"\n## {size:,} publications")
        top_up(library, themes, size, rng)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        print("| query | median (ms) | p95 (ms) |")
        print("|---|---:|---:|")
        for label, params, name in QUERIES:
            median, p95 = measure(client, urls[name], params, args.runs)
            print(f"| {label} | {median:.0f} | {p95:.0f} |")
        # one results page's SQL queries, with 20 results shown and with the few of the last page
        params = {"q": "integratie", "type": "dossiers.publicationpage"}
        total = PublicationPage.objects.search("integratie").count()
        for number in (1, (total + 19) // 20):
            with CaptureQueriesContext(connection) as queries:
                response = client.get(urls["search"], {**params, "page": number})
            shown = response.content.count(b'<li class="search-result">')
            print(f"SQL queries of a results page showing {shown} results: {len(queries)}")


if __name__ == "__main__":
    main()
