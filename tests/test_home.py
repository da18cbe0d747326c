"""The home page: featured dossiers, the themes, the latest publications and key figures."""

import datetime

import pytest

from home.models import HomePageFeaturedDossier
from tests import factories
from tests.helpers import count_queries, publish_translation, soup, texts


@pytest.fixture
def site_sections(home):
    nl = home["nl"]
    themes = factories.ThemeIndexPageFactory(parent=nl)
    library = factories.PublicationIndexPageFactory(parent=nl)
    dossiers = factories.DossierIndexPageFactory(parent=nl)
    return {"themes": themes, "library": library, "dossiers": dossiers}


def feature(home_page, *dossiers):
    for dossier in dossiers:
        HomePageFeaturedDossier.objects.create(page=home_page, dossier=dossier)


def test_home_shows_key_figures_featured_dossiers_themes_and_latest_publications(
    client, home, site_sections
):
    nl = home["nl"]
    nl.key_figures = [
        ("figure", {"number": "121", "label": "beantwoorde vragen", "source": ""}),
        ("figure", {"number": "7.500", "label": "abonnees nieuwsbrief", "source": ""}),
    ]
    nl.save_revision().publish()
    refugees = factories.DossierPageFactory(parent=site_sections["dossiers"], title="Vluchtelingen")
    other = factories.DossierPageFactory(parent=site_sections["dossiers"], title="Discriminatie")
    factories.DossierPageFactory(parent=site_sections["dossiers"], title="Niet uitgelicht")
    feature(nl, refugees, other)
    for title in ("Nieuwe migratie", "Sociale stabiliteit"):
        factories.ThemePageFactory(parent=site_sections["themes"], title=title)
    for month in range(1, 7):
        factories.PublicationPageFactory(
            parent=site_sections["library"],
            title=f"Publicatie {month}",
            publication_date=datetime.date(2017, month, 1),
        )

    html = soup(client.get("/nl/"))
    assert texts(html, ".key-figure__number") == ["121", "7.500"]
    assert texts(html, "#dossiers-heading + ul h3") == ["Vluchtelingen", "Discriminatie"]
    assert texts(html, ".theme-card h3") == ["Nieuwe migratie", "Sociale stabiliteit"]
    assert texts(html, "#publications-heading + ul h3") == [
        "Publicatie 6",
        "Publicatie 5",
        "Publicatie 4",
        "Publicatie 3",
    ]
    assert html.find("a", string="Alle publicaties in de bibliotheek")["href"] == "/nl/publicaties/"
    assert html.find("a", string="Alle thema's")["href"] == "/nl/themas/"


def test_english_home_shows_translated_dossiers_and_links_to_the_dutch_library(
    client, home, site_sections
):
    refugees = factories.DossierPageFactory(parent=site_sections["dossiers"], title="Vluchtelingen")
    feature(home["nl"], refugees)
    feature(home["en"], refugees)  # a translated home page keeps pointing at the Dutch dossier
    publish_translation(site_sections["dossiers"], "en", slug="dossiers")
    publish_translation(refugees, "en", title="Refugees", slug="refugees")

    html = soup(client.get("/en/"))
    assert texts(html, "#dossiers-heading + ul h3") == ["Refugees"]
    library_link = html.find("a", string="The library (in Dutch)")
    assert library_link["href"] == "/nl/publicaties/"
    assert library_link["hreflang"] == "nl"


def test_home_keeps_a_constant_number_of_queries(client, home, site_sections):
    def add(count):
        for _ in range(count):
            dossier = factories.DossierPageFactory(parent=site_sections["dossiers"])
            feature(home["nl"], dossier)
            factories.ThemePageFactory(parent=site_sections["themes"])
            factories.PublicationPageFactory(
                parent=site_sections["library"], image=factories.ImageFactory()
            )

    add(1)
    queries = count_queries(client, "/nl/")
    add(2)
    assert count_queries(client, "/nl/") == queries
