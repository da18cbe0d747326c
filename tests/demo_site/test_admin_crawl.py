"""No admin screen answers 5xx, whoever is logged in, on the demo content.

The crawl (tests/admin_crawl.py) finds what to visit: each group's admin menu and the
screens linked from it, every listing searched and filtered, every chooser searched in both
locales, the add, edit and preview views of every page type and snippet.
"""

from django.apps import apps
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

import pytest

from editorial import groups as editorial
from tests import admin_crawl
from tests.helpers import make_superuser, make_user

ROLES = [
    editorial.EDITORS,
    editorial.MODERATORS,
    editorial.NEWSLETTER,
    editorial.QUESTIONS,
    "superuser",
]


@pytest.fixture(scope="module")
def demo_media(tmp_path_factory):
    return str(tmp_path_factory.mktemp("demo-media"))


@pytest.fixture(autouse=True)
def media_root(settings, demo_media):
    """The demo content's images and documents, for every test of the module."""
    settings.MEDIA_ROOT = demo_media
    return demo_media


@pytest.fixture(scope="module")
def demo_content(django_db_setup, django_db_blocker, demo_media):
    """The demo content, loaded once for the module and rolled back after it."""
    with (
        override_settings(MEDIA_ROOT=demo_media),
        django_db_blocker.unblock(),
        transaction.atomic(),
    ):
        call_command("load_demo_content", verbosity=0)
        editorial.setup_editorial(apps)
        yield
        transaction.set_rollback(True)


@pytest.fixture
def user_of(demo_content, db):
    def make(role):
        if role == "superuser":
            return make_superuser("crawl-admin")
        return make_user(f"crawl-{role.lower()}", role)

    return make


@pytest.mark.parametrize("role", ROLES)
def test_no_admin_screen_fails(client, user_of, role):
    user = user_of(role)
    client.force_login(user)
    crawler = admin_crawl.Crawler(client)
    crawler.screen("/admin/")
    menu = admin_crawl.menu_urls(user)
    assert menu, "every group reaches something in the admin"
    for url in menu:
        crawler.listing(url)
    for url in admin_crawl.chooser_urls():
        crawler.chooser(url)
    for urls in admin_crawl.page_type_urls() + admin_crawl.snippet_urls():
        crawler.editing(*urls)
    assert crawler.visited > 100
    assert crawler.errors == [], "\n".join(crawler.errors)
