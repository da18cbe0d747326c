"""Helpers shared by the tests: reading pages, counting queries, making users and translations.

Fixtures live in ``tests/conftest.py``; model factories in ``tests/factories/`` (per area).
"""

import os
import secrets
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Locale, Page

from bs4 import BeautifulSoup

from core.caching import fragments, sitecache
from core.models import ContentGeneration
from core.models.pages import BasePage
from core.routing import resolver

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "correct horse battery staple"
# A visitor's browser: the statistics count it, unlike a bot.
BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0"


def soup(response):
    """The parsed HTML of a response (or of a string of HTML)."""
    content = response if isinstance(response, str | bytes) else response.content
    return BeautifulSoup(content, "html.parser")


def get_html(client, url, **extra):
    """GET ``url``, check that it answers 200 and return its parsed HTML."""
    response = client.get(url, **extra)
    assert response.status_code == 200, url
    return soup(response)


def texts(html, selector):
    """The texts of the elements ``selector`` finds in ``html``."""
    return [element.get_text(" ", strip=True) for element in html.select(selector)]


def figure_numbers(response):
    """{label: number text} of every key figure on an annual report page."""
    parsed = soup(response)
    return {
        item.select_one(".report-figure__label").text: item.select_one(
            ".report-figure__number"
        ).text
        for item in parsed.select(".report-figure")
    }


@contextmanager
def wagtails_own():
    """Routing by Wagtail alone: ``BasePage.route`` is ``Page.route`` meanwhile."""
    ours = BasePage.__dict__["route"]
    BasePage.route = Page.route
    try:
        yield
    finally:
        BasePage.route = ours


def forget_everything_kept():
    """Empty the cache and what this process keeps (as a process that has just started):
    rate-limit counters, cached pages, what every page shows, rendered parts, page locations."""
    cache.clear()
    sitecache.forget_local()
    fragments.forget_all()
    resolver.forget_locations()


def count_queries(client, url):
    """The number of queries of a request for ``url`` once it has been requested before (the
    per-process caches warm, image renditions made), a streamed response read to its end."""
    client.get(url).getvalue()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
        assert response.status_code == 200, url
        response.getvalue()  # a streamed response reads the database as it is sent
    return len(queries)


def publish_translation(page, language_code, **fields):
    """Create ``page``'s translation into ``language_code``, with ``fields``, and publish it."""
    locale, _created = Locale.objects.get_or_create(language_code=language_code)
    translation = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    return translation.specific.__class__.objects.get(pk=translation.pk)


def make_superuser(username="editor"):
    return get_user_model().objects.create_superuser(username, f"{username}@example.org", "pw")


def make_user(username, *group_names):
    """A user with the password ``PASSWORD`` in the named groups."""
    user = get_user_model().objects.create_user(
        username, f"{username}@example.org", PASSWORD, first_name=username.title()
    )
    user.groups.set(Group.objects.filter(name__in=group_names))
    return user


def run_manage(settings_module, *args, extra_env=None):
    """Run ``manage.py`` in a fresh process with ``settings_module`` on an in-memory SQLite."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SECRET_KEY", "DJANGO_SETTINGS_MODULE"}
    }
    env.update({"DJANGO_SETTINGS_MODULE": settings_module, "DATABASE_URL": "sqlite://:memory:"})
    env.update(extra_env or {})
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


BUCKET = "kennisplatform-media"  # of the local S3 server (conftest's ``s3`` fixture)


def stored_keys(client):
    """The keys of the objects in the local S3 bucket."""
    return {item["Key"] for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", [])}


def another_process_changes_content():
    """What a change made by another worker leaves in the database: a new content
    generation (core.caching.sitecache), without this process's signals running."""
    ContentGeneration.objects.update_or_create(pk=1, defaults={"value": secrets.randbits(62) + 1})
