"""The tests that need the whole demo content (load_demo_content): loaded ONCE for the package.

Loading the demo content is the slowest setup of the suite (pages in two languages, images,
documents, years of statistics), so every test that reads it lives in this package and
shares one load. The load runs in a transaction that stays open while the package runs and
is rolled back after it: tests elsewhere start from the migrated, empty database again.
Each test runs inside it in a savepoint of its own (the ``db`` fixture), rolled back after
the test, so a test may change the content (load it a second time, add the scale content,
unpublish a page) without the next one seeing it.

A test here must not commit: no ``transaction=True``, no ``live_server`` (the browser tests
build their own site, see tests/browser/conftest.py).
"""

from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

import pytest

# Absolute links in the content (feeds, e-mails) point to the test client's host.
BASE_URL = "http://testserver"


@pytest.fixture(scope="package")
def demo_media(tmp_path_factory):
    return str(tmp_path_factory.mktemp("demo-media"))


@pytest.fixture(autouse=True)
def media_root(settings, demo_media):
    """(Replaces the conftest's: the demo content's images and documents stay where they
    were loaded.)"""
    settings.MEDIA_ROOT = demo_media
    return demo_media


@pytest.fixture(scope="package")
def demo_content(django_db_setup, django_db_blocker, demo_media):
    """The demo content, loaded once, rolled back after the package."""
    with (
        override_settings(MEDIA_ROOT=demo_media, WAGTAILADMIN_BASE_URL=BASE_URL),
        django_db_blocker.unblock(),
        transaction.atomic(),
    ):
        call_command("load_demo_content", verbosity=0)  # (it sets up the editorial groups too)
        yield
        transaction.set_rollback(True)


@pytest.fixture
def demo(demo_content, db, settings):
    """The demo content, for one test: what it changes is rolled back after it."""
    settings.WAGTAILADMIN_BASE_URL = BASE_URL
