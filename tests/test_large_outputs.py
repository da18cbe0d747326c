"""Outputs that grow with the content: the sitemap becomes an index of sections, and the
exports stream their rows read in chunks."""

import csv
import io
import json

from django.test import Client

import pytest
from bs4 import BeautifulSoup

from core.sitemaps import LocalizedSitemap
from newsletter.models import Subscriber
from syndication import open_data
from tests.factories import PublicationPageFactory


def locations(xml):
    return [loc.text for loc in BeautifulSoup(xml, "html.parser").find_all("loc")]


def test_a_sitemap_past_its_limit_becomes_an_index_of_sections(site_tree, monkeypatch):
    client = Client()
    everything = locations(client.get("/sitemap.xml").content)
    assert len(everything) > 4
    monkeypatch.setattr(LocalizedSitemap, "limit", 4)
    index = client.get("/sitemap.xml")
    assert index.status_code == 200
    assert b"<sitemapindex" in index.content
    sections = locations(index.content)
    assert sections[0] == "http://testserver/sitemap-pages.xml"
    assert len(sections) == (len(everything) + 3) // 4
    listed = []
    for section in sections:
        response = client.get(section.removeprefix("http://testserver"))
        assert response.status_code == 200
        assert len(locations(response.content)) <= 4
        listed += locations(response.content)
    assert sorted(listed) == sorted(everything)  # every URL once, in one of the sections
    beyond = f"/sitemap-pages.xml?p={len(sections) + 1}"
    assert client.get(beyond).status_code == 404


@pytest.fixture
def many_publications(site_tree, monkeypatch):
    for number in range(5):
        PublicationPageFactory(parent=site_tree["library"]["nl"], title=f"Publicatie {number}")
    monkeypatch.setattr(open_data, "CHUNK_SIZE", 2)


def test_open_data_exports_stream_every_row_across_chunks(client, many_publications):
    response = client.get("/nl/open-data/publications.csv")
    assert response.status_code == 200 and response.streaming
    chunks = iter(response.streaming_content)
    header = next(chunks).decode("utf-8-sig")  # sent before any row is read
    assert header.startswith("id,title,url,") and header.count("\r\n") == 1
    response = client.get("/nl/open-data/publications.csv")
    rows = list(csv.DictReader(io.StringIO(response.getvalue().decode("utf-8-sig"))))
    titles = [row["title"] for row in rows]
    assert len(titles) == len(set(titles)) == 6  # the site tree's publication and five more
    assert {f"Publicatie {number}" for number in range(5)} <= set(titles)
    dates = [row["date"] for row in rows]
    assert dates == sorted(dates, reverse=True)  # the order holds across chunks

    response = client.get("/nl/open-data/publications.json")
    assert response.streaming
    document = json.loads(response.getvalue())
    assert [item["title"] for item in document["publications"]] == titles
    assert document["language"] == "nl"


def test_an_empty_open_data_list_is_still_valid_json(client, site_tree):
    for page in site_tree["project"].values():
        page.unpublish()
    document = json.loads(client.get("/nl/open-data/projects.json").getvalue())
    assert document["projects"] == []


def test_the_subscriber_export_streams(admin_client):
    Subscriber.objects.bulk_create(
        Subscriber(
            email=f"lezer{number}@example.org",
            status=Subscriber.Status.CONFIRMED,
            consent_given_at="2026-01-01T10:00:00Z",
            confirmed_at="2026-01-02T10:00:00Z",
            consent_version="2026-1",
        )
        for number in range(1200)
    )
    response = admin_client.get("/admin/newsletter/subscribers/export/")
    assert response.status_code == 200 and response.streaming
    chunks = list(response.streaming_content)
    assert len(chunks) > 1  # sent as it is written, not as one body
    rows = list(csv.reader(io.StringIO(b"".join(chunks).decode("utf-8-sig")), delimiter=";"))
    assert len(rows) == 1201
