"""Every CSV the site produces is spreadsheet-safe: text that a spreadsheet would run as a
formula is written as text (core/spreadsheets.py, core/exports.py)."""

import csv
import io

from django.utils import timezone

import pytest

from core.exports import streaming_csv
from core.spreadsheets import csv_response
from stats.models import DailyPageViews

DANGEROUS = ['=HYPERLINK("http://evil.example")', "+31 20 123", "-2+3", "@SUM(A1)", "\tx", "\rx"]


def read(text, **options):
    return list(csv.reader(io.StringIO(text), **options))


@pytest.mark.parametrize("value", DANGEROUS)
def test_formula_text_is_written_as_text(value):
    response = csv_response("x.csv", ["title", "value"], [["title", value]])
    assert read(response.content.decode("utf-8-sig"), delimiter=";")[1] == ["title", "'" + value]
    streamed = streaming_csv(["title", "value"], [["title", value]], "x.csv")
    text = b"".join(streamed.streaming_content).decode("utf-8-sig")
    assert read(text)[1] == ["title", "'" + value]


def test_ordinary_text_and_numbers_are_written_as_they_are():
    response = csv_response(
        "x.csv", ["a", "b", "c", "d", "e"], [["Boze burgers", -3, 2.5, None, "a=b"]]
    )
    rows = read(response.content.decode("utf-8-sig"), delimiter=";")
    assert rows[1] == ["Boze burgers", "-3", "2.5", "", "a=b"]


def test_open_data_csv_neutralises_a_formula_in_a_title(client, site_tree):
    publication = site_tree["publication"]["nl"]
    publication.title = '=HYPERLINK("http://evil.example";"Klik")'
    publication.save_revision().publish()
    response = client.get("/nl/open-data/publications.csv")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    [row] = [row for row in rows if row["id"] == str(publication.pk)]
    assert row["title"] == "'" + publication.title


def test_statistics_csv_neutralises_a_formula_in_a_title(client, site_tree, django_user_model):
    dossier = site_tree["dossier"]["nl"]
    dossier.title = "@SUM(1+1)*cmd|' /C calc'!A0"
    dossier.save_revision().publish()
    DailyPageViews.objects.create(page=dossier, day=timezone.localdate(), count=4)
    client.force_login(django_user_model.objects.create_superuser("r", "r@example.org", "pw"))
    response = client.get(
        "/admin/statistics/", {"year": timezone.localdate().year, "export": "csv"}
    )
    rows = read(response.content.decode("utf-8-sig"), delimiter=";")
    assert ["dossier", "'" + dossier.title, "4", ""] in rows
