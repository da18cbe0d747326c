"""A cache that accepts connections and never answers cannot hang publishing
(core/caching/varnish.py, core/caching/purge.py)."""

import logging
import socket
import time

from django.tasks import default_task_backend

import pytest

from core.caching import purge
from core.models import Navigation
from tests.factories import StandardPageFactory


@pytest.fixture
def hanging_varnish(settings):
    """A local port that accepts TCP connections (the kernel's backlog) and never answers."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(64)
    settings.WAGTAILFRONTENDCACHE = {
        **settings.WAGTAILFRONTENDCACHE,
        "varnish": {
            "BACKEND": "core.caching.varnish.TimeoutHTTPBackend",
            "LOCATION": f"http://127.0.0.1:{listener.getsockname()[1]}",
            "TIMEOUT": 1,
        },
    }
    yield
    listener.close()


def test_publishing_returns_when_varnish_never_answers(
    home, hanging_varnish, django_capture_on_commit_callbacks, caplog
):
    page = StandardPageFactory(parent=home["nl"], title="Over ons", slug="over-ons")
    started = time.monotonic()
    with (
        caplog.at_level(logging.ERROR, "wagtail.frontendcache"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        page.save_revision().publish()
    assert time.monotonic() - started < 5
    page.refresh_from_db()
    assert page.live
    assert "Couldn't purge" in caplog.text


def test_a_site_wide_purge_goes_to_the_task_worker(
    home, hanging_varnish, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    with django_capture_on_commit_callbacks(execute=True):
        Navigation.objects.create(locale=home["nl"].locale)
    queued = [result.task.func for result in default_task_backend.results]
    # queued for the worker, not run in the request
    assert purge.purge_every_live_page.func in queued
