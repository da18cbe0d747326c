"""The pages the benchmark measures, and the SQL queries each costs with a cold cache.

`python bench/pages.py urls` prints "name path" lines: one page of every type the demo
content has (home, theme index, theme, project, library, publication, dossier index,
dossier, question index, question, partner index, a partner's page, annual report,
standard page, newsletter page) and a search, in Dutch (`home.nl`) and, where the type is
translated, English (`home.en`).

`python bench/pages.py queries` prints "name queries repeated" for each, rendered
in-process with Django's test client with the page cache off: the SQL queries of one
request and how many of them repeat a query (same SQL, same parameters) of that request.
Every page is requested once before measuring, so that the process's own caches (content
types, the site's root paths) are filled as in a server that has been running; nothing of
one request's rendering is kept for the next.

`python bench/pages.py trace NAME` prints each query of that page with the code and
template line that made it.
"""

import inspect
import os
import sys
from collections import Counter

import django

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
django.setup()

from django.apps import apps  # noqa: E402
from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import translation  # noqa: E402

from wagtail.models import Locale, Page  # noqa: E402

PAGE_TYPES = [
    ("home", "home.HomePage"),
    ("themes", "themes.ThemeIndexPage"),
    ("theme", "themes.ThemePage"),
    ("project", "themes.ProjectPage"),
    ("library", "dossiers.PublicationIndexPage"),
    ("publication", "dossiers.PublicationPage"),
    ("dossiers", "dossiers.DossierIndexPage"),
    ("dossier", "dossiers.DossierPage"),
    ("questions", "questions.QuestionIndexPage"),
    ("question", "questions.QuestionPage"),
    ("partners", "partners.PartnerIndexPage"),
    ("report", "annual_report.AnnualReportPage"),
    ("standard", "home.StandardPage"),
    ("newsletter", "newsletter.NewsletterPage"),
]
SEARCHES = {"nl": "integratie", "en": "integration"}


def _first_page(model, language):
    return (
        model.objects.live()
        .filter(locale__language_code=language, alias_of__isnull=True)
        .order_by("path")
        .first()
    )


def urls():
    found = []
    for language, _name in settings.LANGUAGES:
        if not Locale.objects.filter(language_code=language).exists():
            continue
        for name, label in PAGE_TYPES:
            app_label, model_name = label.split(".")
            if not apps.is_installed(app_label):
                continue
            page = _first_page(apps.get_model(app_label, model_name), language)
            if page is None:
                continue
            found.append((f"{name}.{language}", page.get_url()))
            if name == "partners":
                partner = next(iter(page.partner_page().object_list), None)
                if partner is not None:
                    found.append((f"partner.{language}", page.partner_url(partner)))
        if apps.is_installed("search"):
            with translation.override(language):
                path = reverse("search:search") + f"?q={SEARCHES.get(language, 'a')}"
            found.append((f"search.{language}", path))
    return found


def _origin():
    """The code and template line of our site (or Wagtail) that made the query."""
    frames, template = [], None
    for frame in inspect.stack()[2:]:
        if template is None and frame.function == "render_annotated":
            node = frame.frame.f_locals.get("self")
            origin = getattr(node, "origin", None)
            if origin is not None and getattr(node, "token", None) is not None:
                template = f"{origin.template_name}:{node.token.lineno}"
        filename = frame.filename
        if "middleware" in filename or "django/core/handlers" in filename:
            break
        if filename.startswith(ROOT) and "/.venv/" not in filename or "/wagtail/" in filename:
            short = filename.split("site-packages/")[-1].replace(ROOT + "/", "")
            frames.append(f"{short}:{frame.lineno} {frame.function}")
    return " < ".join(frames[:4]) + (f"  [{template}]" if template else "")


def _recorder(origins):
    def record(execute, sql, params, many, context):
        origins.append(_origin())
        return execute(sql, params, many, context)

    return record


@override_settings(PAGE_CACHE_SECONDS=0, ALLOWED_HOSTS=["*"])
def queries(paths, trace=None):
    client = Client()
    for _name, path in paths:  # fill the process's own caches (content types, site root)
        client.get(path)
    for name, path in paths:
        if trace and name != trace:
            continue
        origins = []
        record = _recorder(origins)
        with CaptureQueriesContext(connection) as captured, connection.execute_wrapper(record):
            response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)
        counts = Counter(query["sql"] for query in captured.captured_queries)
        repeated = sum(count - 1 for count in counts.values())
        print(name, len(captured.captured_queries), repeated)
        if trace:
            seen = Counter()
            for query, origin in zip(captured.captured_queries, origins, strict=True):
                seen[query["sql"]] += 1
                mark = "R" if seen[query["sql"]] > 1 else " "
                print(f"{mark} {query['sql'][:160]}\n    {origin}")


if __name__ == "__main__":
    assert Page.objects.exists(), "load the demo content first"
    if sys.argv[1] == "urls":
        for name, path in urls():
            print(name, path)
    elif sys.argv[1] == "trace":
        queries(urls(), trace=sys.argv[2])
    else:
        queries(urls())
