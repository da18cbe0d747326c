"""Open data: CSV and JSON of projects and publications, their licence, their page."""

import csv
import datetime
import io
import json

from django.utils import timezone

import pytest
import wagtail_factories

from core.models import Partner
from dossiers.models import PublicationAuthor, PublicationPage, PublicationYearFigures
from stats.models import DailyDownloads, DailyPageViews
from tests.factories import (
    PartnerFactory,
    PersonFactory,
    ProjectPageFactory,
    PublicationPageFactory,
)
from tests.helpers import count_queries, soup
from themes.models import ProjectPage

LICENCE_LINK = '<https://creativecommons.org/licenses/by/4.0/>; rel="license"'


def csv_rows(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Link"] == LICENCE_LINK
    return list(csv.DictReader(io.StringIO(response.getvalue().decode("utf-8-sig"))))


def json_document(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Link"] == LICENCE_LINK
    document = json.loads(response.getvalue())
    assert document["licence"]["name"] == "CC BY 4.0"
    assert document["licence"]["url"] == "https://creativecommons.org/licenses/by/4.0/"
    assert document["attribution"] == "Kennisplatform Integratie & Samenleving"
    return document


@pytest.fixture
def projects(site_tree):
    """Two Dutch projects with partners and results (one translated), in two themes."""
    municipality = PartnerFactory(name="Gemeente Utrecht")
    ministry = PartnerFactory(name="Ministerie van SZW", kind=Partner.Kind.MINISTRY)
    english = municipality.copy_for_translation(site_tree["project"]["en"].locale)
    english.name = "Municipality of Utrecht"
    english.save()
    first = site_tree["project"]
    first["nl"].partners.set([municipality, ministry])
    first["nl"].result_page = site_tree["publication"]["nl"]
    first["nl"].save_revision().publish()
    first["en"].partners.set([municipality, ministry])
    first["en"].result_page = site_tree["publication"]["nl"]
    first["en"].save_revision().publish()
    second = ProjectPageFactory(
        parent=site_tree["other_theme"]["nl"],
        title="Zorg voor statushouders",
        start_year=2016,
        end_year=2017,
        status=ProjectPage.Status.COMPLETED,
        result_url="https://example.org/resultaat",
    )
    return {"first": first, "second": second}


def expected_project(project, theme, partners, result_url, language):
    return {
        "id": str(project.pk),
        "title": project.title,
        "url": project.full_url,
        "permalink": f"http://testserver/p/{project.pk}/",
        "language": language,
        "theme": theme,
        "start_year": str(project.start_year or ""),
        "end_year": str(project.end_year or ""),
        "status": project.status,
        "partners": "; ".join(partners),
        "result_url": result_url,
    }


def test_projects_csv_has_a_row_per_project_of_its_language(client, site_tree, projects):
    first, second = projects["first"], projects["second"]
    assert csv_rows(client, "/nl/open-data/projects.csv") == [
        expected_project(
            first["nl"],
            "Participatie",
            ["Gemeente Utrecht", "Ministerie van SZW"],
            site_tree["publication"]["nl"].full_url,
            "nl",
        ),
        expected_project(second, "Inclusie", [], "https://example.org/resultaat", "nl"),
    ]
    assert csv_rows(client, "/en/open-data/projects.csv") == [
        expected_project(
            first["en"],
            "Participation",
            ["Municipality of Utrecht", "Ministerie van SZW"],
            site_tree["publication"]["en"].full_url,
            "en",
        )
    ]


def test_projects_json_equals_the_database(client, site_tree, projects):
    document = json_document(client, "/nl/open-data/projects.json")
    assert document["language"] == "nl"
    assert document["source"] == "http://testserver/nl/open-data/"
    rows = document["projects"]
    assert [row["id"] for row in rows] == [projects["first"]["nl"].pk, projects["second"].pk]
    assert rows[0]["partners"] == ["Gemeente Utrecht", "Ministerie van SZW"]
    assert rows[1]["start_year"] == 2016
    assert rows[1]["end_year"] == 2017
    assert rows[1]["status"] == "completed"


@pytest.fixture
def publications(site_tree):
    """The Dutch 'Boze burgers' with recorded 2017 figures and counted ones this year."""
    publication = site_tree["publication"]["nl"]
    publication.document = wagtail_factories.DocumentFactory(title="Boze burgers (pdf)")
    publication.themes.set([site_tree["other_theme"]["nl"], site_tree["theme"]["nl"]])
    PublicationAuthor.objects.create(
        publication=publication, person=PersonFactory(name="Özlem Yıldız")
    )
    PublicationYearFigures.objects.create(
        publication=publication, year=2017, downloads=1227, views=3400
    )
    publication.save_revision().publish()
    today = timezone.localdate()
    DailyPageViews.objects.create(page=publication, day=today, count=5)
    DailyPageViews.objects.create(page=site_tree["publication"]["en"], day=today, count=2)
    DailyDownloads.objects.create(document=publication.document, day=today, count=3)
    newer = PublicationPageFactory(
        parent=site_tree["library"]["nl"],
        title="Nieuwkomers op de arbeidsmarkt",
        publication_type=PublicationPage.Type.ARTICLE,
        publication_date=datetime.date(2018, 2, 1),
    )
    return {"figures": publication, "newer": newer, "year": today.year}


def test_publications_csv_has_type_date_themes_and_figures_per_year(
    client, site_tree, publications
):
    publication, newer, year = publications["figures"], publications["newer"], publications["year"]
    rows = csv_rows(client, "/nl/open-data/publications.csv")
    assert [row["id"] for row in rows] == [str(newer.pk), str(publication.pk)]
    row = rows[1]
    assert row["title"] == "Boze burgers"
    assert row["url"] == publication.full_url
    assert row["permalink"] == f"http://testserver/p/{publication.pk}/"
    assert row["type"] == "report"
    assert row["date"] == "2017-06-01"
    assert row["themes"] == "Participatie; Inclusie"  # in the order of the site's themes
    assert row["authors"] == "Özlem Yıldız"
    assert row["document_url"] == f"http://testserver{publication.document.url}"
    assert (row["views_2017"], row["downloads_2017"]) == ("3400", "1227")
    # views of every language together, downloads of the file
    assert (row[f"views_{year}"], row[f"downloads_{year}"]) == ("7", "3")
    assert (rows[0]["views_2017"], rows[0]["downloads_2017"]) == ("0", "0")
    assert rows[0]["type"] == "article"


def test_publications_json_lists_figures_per_year(client, site_tree, publications):
    document = json_document(client, "/en/open-data/publications.json")
    [row] = document["publications"]
    assert row["title"] == "Angry citizens"
    assert row["language"] == "en"
    figures = {item["year"]: item for item in row["figures"]}
    assert figures[2017] == {"year": 2017, "views": 3400, "downloads": 1227}
    assert figures[publications["year"]]["views"] == 7


def test_exports_cost_the_same_number_of_queries_however_many_rows(client, site_tree):
    urls = [
        f"/nl/open-data/{dataset}.{extension}"
        for dataset in ("projects", "publications")
        for extension in ("csv", "json")
    ]
    partner = PartnerFactory()

    def add(count):
        for _number in range(count):
            project = ProjectPageFactory(
                parent=site_tree["theme"]["nl"], result_page=site_tree["publication"]["nl"]
            )
            project.partners.set([partner, PartnerFactory()])
            project.save_revision().publish()
            publication = PublicationPageFactory(parent=site_tree["library"]["nl"])
            PublicationAuthor.objects.create(publication=publication, person=PersonFactory())
            PublicationYearFigures.objects.create(publication=publication, year=2017, views=1)
            publication.themes.set([site_tree["theme"]["nl"]])
            publication.save_revision().publish()

    add(2)
    few = [count_queries(client, url) for url in urls]
    add(4)
    assert [count_queries(client, url) for url in urls] == few


def test_the_open_data_page_states_the_licence_and_links_the_files(client, site_tree):
    response = client.get("/nl/open-data/")
    assert response.status_code == 200
    html = soup(response)
    assert html.find("h1").get_text() == "Open data"
    licence = html.find("a", rel="license")
    assert licence["href"] == "https://creativecommons.org/licenses/by/4.0/"
    hrefs = {a["href"] for a in html.select("main a")}
    assert {
        "/nl/open-data/projects.csv",
        "/nl/open-data/projects.json",
        "/nl/open-data/publications.csv",
        "/nl/open-data/publications.json",
    } <= hrefs


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_page_links_to_open_data_in_its_footer(client, site_tree, language):
    html = soup(client.get(f"/{language}/"))
    assert html.select_one("footer").find("a", href=f"/{language}/open-data/")
