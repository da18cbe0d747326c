"""The pages the benchmark measures, and the SQL queries each costs with a cold cache.

`python bench/pages.py urls` prints "name path" lines; `python bench/pages.py queries`
prints "name queries repeated" for each, rendered in-process with Django's test client
(page cache off), counting queries and queries repeated within the request.
"""

import os
import sys
from collections import Counter

import django

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
django.setup()

from django.apps import apps  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import translation  # noqa: E402

from wagtail.models import Page  # noqa: E402

PAGE_TYPES = [
    ("home", "home.HomePage"),
    ("theme", "themes.ThemePage"),
    ("project", "themes.ProjectPage"),
    ("library", "dossiers.PublicationIndexPage"),
    ("publication", "dossiers.PublicationPage"),
]


def urls():
    found = []
    for name, label in PAGE_TYPES:
        app_label, model_name = label.split(".")
        if not apps.is_installed(app_label):
            continue
        model = apps.get_model(app_label, model_name)
        page = model.objects.live().filter(locale__language_code="nl").first()
        if page is not None:
            found.append((name, page.get_url()))
    if apps.is_installed("search"):
        with translation.override("nl"):
            found.append(("search", reverse("search:search") + "?q=integratie"))
    return found


@override_settings(PAGE_CACHE_SECONDS=0, ALLOWED_HOSTS=["*"])
def queries(paths):
    client = Client()
    client.get(paths[0][1])  # the first request fills the process's own caches (site root)
    for name, path in paths:
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)
        counts = Counter(query["sql"] for query in captured.captured_queries)
        repeated = sum(count - 1 for count in counts.values())
        print(name, len(captured.captured_queries), repeated)


if __name__ == "__main__":
    assert Page.objects.exists(), "load the demo content first"
    if sys.argv[1] == "urls":
        for name, path in urls():
            print(name, path)
    else:
        queries(urls())
