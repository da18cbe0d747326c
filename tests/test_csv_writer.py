"""Every CSV the site produces is spreadsheet-safe: text that a spreadsheet would run as a
formula is written as text (core/csv_writer.py)."""

import csv
import io

from django.utils import timezone

import pytest

from core import csv_writer
from stats.models import DailyPageViews

DANGEROUS = ['=HYPERLINK("http://evil.example")', "+31 20 123", "-2+3", "@SUM(A1)", "\tx", "\rx"]


def read(text, **options):
    return list(csv.reader(io.StringIO(text), **options))


@pytest.mark.parametrize("value", DANGEROUS)
def test_formula_text_is_written_as_text(value):
    out = io.StringIO()
    csv_writer.writer(out).writerow(["title", value])
    assert read(out.getvalue()) == [["title", "'" + value]]


def test_ordinary_text_and_numbers_are_written_as_they_are():
    out = io.StringIO()
    writer = csv_writer.writer(out, delimiter=";")
    writer.writerows([["Boze burgers", -3, 2.5, None, "a=b"]])
    assert read(out.getvalue(), delimiter=";") == [["Boze burgers", "-3", "2.5", "", "a=b"]]


def test_dict_writer_writes_the_header_and_safe_cells():
    out = io.StringIO()
    csv_writer.dict_writer(out, ["title", "views"]).writerow({"title": "=1+1", "views": 4})
    assert read(out.getvalue()) == [["title", "views"], ["'=1+1", "4"]]


def test_open_data_csv_neutralises_a_formula_in_a_title(client, site_tree):
    publication = site_tree["publication"]["nl"]
    publication.title = '=HYPERLINK("http://evil.example";"Klik")'
    publication.save_revision().publish()
    response = client.get("/nl/open-data/publications.csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
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
    rows = read(response.content.decode("utf-8-sig"))
    assert ["dossier", "'" + dossier.title, "4", ""] in rows
