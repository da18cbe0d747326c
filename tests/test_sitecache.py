"""What every page shows is kept by each process (core.caching.sitecache) under a generation
stored in the database: a change made anywhere reaches every process, without Redis."""

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from wagtail.models import Site

import pytest

from core.caching import sitecache
from core.models import SiteSettings


@pytest.fixture
def settings_row(home):
    site = Site.objects.get(is_default_site=True)
    row = SiteSettings.for_site(site)
    row.organisation_name = "Instituut Een"
    row.save()
    return row


def footer_name(client):
    response = client.get("/nl/")
    assert response.status_code == 200
    return response.content.decode()


class Process:
    """One application process: its own copy of what every page shows."""

    def __init__(self):
        self.copy = {}

    def __enter__(self):
        sitecache._local.clear()
        sitecache._local.update(self.copy)
        return Client()

    def __exit__(self, *exc):
        self.copy = dict(sitecache._local)
        sitecache.forget_local()


def test_a_process_keeps_what_every_page_shows_until_the_generation_changes(settings_row):
    client = Client()
    assert "Instituut Een" in footer_name(client)
    # changed without a signal (as a bulk update): the process still shows its copy
    SiteSettings.objects.filter(pk=settings_row.pk).update(organisation_name="Instituut Twee")
    assert "Instituut Een" in footer_name(client)
    sitecache.new_generation()
    assert "Instituut Twee" in footer_name(client)


def test_a_change_in_one_process_reaches_the_copy_of_another(settings_row):
    first, second = Process(), Process()
    for process in (first, second):
        with process as client:
            assert "Instituut Een" in footer_name(client)
    with second as client:  # an editor saves the settings in the second process
        settings_row.organisation_name = "Instituut Twee"
        settings_row.save()
        assert "Instituut Twee" in footer_name(client)
    with first as client:  # the first still holds the old copy, under the old generation
        assert any(b"Instituut Een" in value for _g, _t, value in first.copy.values())
        assert "Instituut Twee" in footer_name(client)


def test_a_warm_process_reads_only_the_generation_for_what_every_page_shows(settings_row):
    client = Client()
    footer_name(client)
    with CaptureQueriesContext(connection) as warm:
        footer_name(client)
    sitecache.forget_local()  # a process that has just started
    with CaptureQueriesContext(connection) as cold:
        footer_name(client)
    generation_reads = [q for q in warm.captured_queries if "core_contentgeneration" in q["sql"]]
    assert len(generation_reads) == 1
    assert len(warm) < len(cold)
