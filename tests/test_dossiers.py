"""Dossiers and the library: filters, table of contents, downloads, translations."""

import datetime

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model
from wagtail.models import Locale
from wagtail.rich_text import RichText
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail_localize.fields import SynchronizedField, get_translatable_fields
from wagtail_localize.models import TranslationSource

import pytest

from dossiers.library import PER_PAGE
from dossiers.models import (
    DossierIndexPage,
    DossierPage,
    PublicationAuthor,
    PublicationIndexPage,
    PublicationPage,
)
from home.models import HomePage
from tests import factories
from tests.editing import EditorPageTestCase
from tests.helpers import count_queries, publish_translation, soup, texts


def pdf_document(title="Rapport", size=2048):
    return get_document_model().objects.create(
        title=title, file=ContentFile(b"%PDF-1.4\n" + b"x" * (size - 9), name="rapport.pdf")
    )


@pytest.fixture
def library(home):
    index = factories.PublicationIndexPageFactory(parent=home["nl"], intro="Alle publicaties.")
    themes = factories.ThemeIndexPageFactory(parent=home["nl"])
    migration = factories.ThemePageFactory(parent=themes, title="Nieuwe migratie", slug="migratie")
    stability = factories.ThemePageFactory(
        parent=themes, title="Sociale stabiliteit", slug="stabiliteit"
    )

    def publication(title, kind, date, *theme_pages):
        return factories.PublicationPageFactory(
            parent=index,
            title=title,
            publication_type=kind,
            publication_date=date,
            themes=list(theme_pages),
        )

    items = {
        "boze": publication("Boze burgers", "report", datetime.date(2017, 3, 1), stability),
        "eritrea": publication(
            "Integratiekansen van Eritrese vluchtelingen",
            "report",
            datetime.date(2017, 9, 1),
            migration,
        ),
        "monitor": publication(
            "Monitor arbeidstoeleiding: infographic",
            "infographic",
            datetime.date(2017, 6, 1),
            migration,
        ),
        "halve": publication("Halve kinderen?", "blog", datetime.date(2017, 11, 1), migration),
        "werk": publication(
            "Vluchtelingen aan het werk",
            "report",
            datetime.date(2016, 5, 1),
            migration,
            stability,
        ),
    }
    return {"index": index, "migration": migration, "stability": stability, **items}


def shown(client, query=""):
    html = soup(client.get(f"/nl/publicaties/{query}"))
    return html, texts(html, ".card--publication h3")


def test_library_lists_every_publication_newest_first_with_counts(client, library):
    html, titles = shown(client)
    assert titles == [
        "Halve kinderen?",
        "Integratiekansen van Eritrese vluchtelingen",
        "Monitor arbeidstoeleiding: infographic",
        "Boze burgers",
        "Vluchtelingen aan het werk",
    ]
    assert html.find(id="results-heading").get_text(strip=True) == "5 publicaties"
    type_options = texts(html, "select[name=type] option")
    assert type_options == ["Alle soorten", "Rapport (3)", "Infographic (1)", "Blog (1)"]
    assert texts(html, "select[name=theme] option") == [
        "Alle thema's",
        "Nieuwe migratie (4)",
        "Sociale stabiliteit (2)",
    ]
    assert texts(html, "select[name=year] option") == ["Alle jaren", "2017 (4)", "2016 (1)"]
    # Plain GET form with labelled controls: works without JavaScript.
    form = html.find("form", class_="filters")
    assert form["method"] == "get"
    for select in form.find_all("select"):
        assert form.find("label", attrs={"for": select["id"]})


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (
            "?type=report",
            [
                "Integratiekansen van Eritrese vluchtelingen",
                "Boze burgers",
                "Vluchtelingen aan het werk",
            ],
        ),
        ("?theme=stabiliteit", ["Boze burgers", "Vluchtelingen aan het werk"]),
        ("?year=2016", ["Vluchtelingen aan het werk"]),
        (
            "?type=report&theme=migratie",
            ["Integratiekansen van Eritrese vluchtelingen", "Vluchtelingen aan het werk"],
        ),
        ("?type=report&theme=migratie&year=2017", ["Integratiekansen van Eritrese vluchtelingen"]),
        ("?type=video", []),
    ],
)
def test_library_filters_combine(client, library, query, expected):
    html, titles = shown(client, query)
    assert titles == expected
    if not expected:
        assert "Geen publicaties gevonden" in html.get_text()


def test_filter_counts_follow_the_other_filters(client, library):
    html, _titles = shown(client, "?theme=stabiliteit")
    assert texts(html, "select[name=type] option") == ["Alle soorten", "Rapport (2)"]
    assert texts(html, "select[name=year] option") == ["Alle jaren", "2017 (1)", "2016 (1)"]
    assert html.select_one("select[name=theme] option[selected]")["value"] == "stabiliteit"
    active = html.select_one(".active-filters li")
    assert "Sociale stabiliteit" in active.get_text()
    assert active.find("a")["href"] == "/nl/publicaties/"


@pytest.mark.parametrize(
    "query",
    [
        "?type=poster",
        "?year=20x7",
        "?year=1999",
        "?theme=onbekend",
        "?page=abc",
        "?page=999",
        "?type=report&type=bogus",
        "?type=%00&theme=%ff",
    ],
)
def test_invalid_filter_values_are_ignored_never_an_error(client, library, query):
    response = client.get(f"/nl/publicaties/{query}")
    assert response.status_code == 200
    html = soup(response)
    assert len(texts(html, ".card--publication h3")) == 5
    if "page" not in query:
        assert "onbekend en is genegeerd" in html.get_text()


def test_library_pages_keep_the_filters(client, library):
    for number in range(PER_PAGE + 1):
        factories.PublicationPageFactory(
            parent=library["index"], title=f"Rapport {number:02}", publication_type="report"
        )
    html, titles = shown(client, "?type=report")
    assert len(titles) == PER_PAGE
    next_link = html.find("a", rel="next")
    assert next_link["href"] == "?type=report&page=2"
    _html, second = shown(client, "?type=report&page=2")
    assert len(second) == PER_PAGE + 3 + 1 - PER_PAGE


def test_library_keeps_a_constant_number_of_queries(client, library):
    def add(count):
        for _ in range(count):
            factories.PublicationPageFactory(
                parent=library["index"],
                themes=[library["migration"]],
                image=factories.ImageFactory(),
                document=pdf_document(),
                authors=[PublicationAuthor(person=factories.PersonFactory())],
            )

    url = "/nl/publicaties/?theme=migratie"
    add(2)
    queries = count_queries(client, url)
    add(4)
    assert count_queries(client, url) == queries


def test_publication_page_shows_type_date_authors_download_themes_and_dossiers(
    client, home, library
):
    author = factories.PersonFactory(name="Ikram Taouanza", organisation="KIS")
    publication = factories.PublicationPageFactory(
        parent=library["index"],
        title="Effectief discriminatie bestrijden",
        publication_type="article",
        publication_date=datetime.date(2017, 10, 12),
        summary="Wat werkt tegen discriminatie.",
        document=pdf_document(size=25_000),
        themes=[library["migration"]],
        authors=[PublicationAuthor(person=author)],
    )
    dossiers = factories.DossierIndexPageFactory(parent=home["nl"])
    factories.DossierPageFactory(
        parent=dossiers, title="Dossier discriminatie", related_publications=[publication]
    )

    html = soup(client.get(publication.url))
    assert html.find("h1").get_text() == "Effectief discriminatie bestrijden"
    meta = html.select_one("article .meta").get_text(" ", strip=True)
    assert meta == "Artikel · 12 oktober 2017"
    assert "Door Ikram Taouanza (KIS)" in html.get_text(" ", strip=True)
    download = html.find("p", class_="download")
    assert download.find("a")["href"] == publication.document.url
    assert "(PDF, 24,4\xa0KB)" in download.get_text()
    assert client.get(publication.document.url).status_code == 200
    assert texts(html, "#themes-heading + ul a") == ["Nieuwe migratie"]
    assert texts(html, "#dossiers-heading + ul a") == ["Dossier discriminatie"]


def test_translated_publication_names_its_authors_in_the_pages_language(client, library):
    """The translation keeps the authors chosen in Dutch (as wagtail-localize does); each is
    shown with the organisation of the person's translation where there is one."""
    translated = factories.PersonFactory(name="Ikram Taouanza", organisation="Kennisplatform")
    untranslated = factories.PersonFactory(name="Hans Boutellier", organisation="Instituut")
    english = Locale.objects.get(language_code="en")
    translation = translated.copy_for_translation(english)
    translation.organisation = "Knowledge Platform"
    translation.save()
    publication = factories.PublicationPageFactory(
        parent=library["index"],
        title="Effectief discriminatie bestrijden",
        authors=[PublicationAuthor(person=translated), PublicationAuthor(person=untranslated)],
    )
    publish_translation(library["index"], "en", slug="publications")
    english_publication = publish_translation(publication, "en", title="Fighting discrimination")

    dutch = soup(client.get(publication.url)).get_text(" ", strip=True)
    assert "Door Ikram Taouanza (Kennisplatform), Hans Boutellier (Instituut)" in dutch
    text = soup(client.get(english_publication.url)).get_text(" ", strip=True)
    assert "By Ikram Taouanza (Knowledge Platform), Hans Boutellier (Instituut)" in text


@pytest.fixture
def dossier(home, library):
    index = factories.DossierIndexPageFactory(parent=home["nl"], intro="Lange stukken.")
    project = factories.ProjectPageFactory(parent=library["migration"], title="Werkend leren")
    questions = factories.QuestionIndexPageFactory(parent=home["nl"])
    question = factories.QuestionPageFactory(parent=questions, title="Werk voor statushouders")
    page = factories.DossierPageFactory(
        parent=index,
        title="Dossier vluchtelingen",
        slug="vluchtelingen",
        intro="Alles over vluchtelingen.",
        last_reviewed=datetime.date(2017, 12, 15),
        body=[
            ("heading", {"text": "Werk en inkomen", "level": "h2"}),
            ("paragraph", RichText("<p>Over werk.</p>")),
            ("heading", {"text": "Details", "level": "h3"}),
            ("heading", {"text": "Onderwijs", "level": "h2"}),
        ],
        themes=[library["migration"]],
        related_publications=[library["eritrea"], library["halve"]],
        related_projects=[project],
        related_questions=[question],
    )
    return {"index": index, "page": page, "project": project}


def test_dossier_page_has_contents_review_date_related_items_and_print_styles(client, dossier):
    html = soup(client.get("/nl/dossiers/vluchtelingen/"))
    contents = html.find("nav", class_="toc")
    assert [(a["href"], a.get_text()) for a in contents.find_all("a")] == [
        ("#werk-en-inkomen", "Werk en inkomen"),
        ("#onderwijs", "Onderwijs"),
    ]
    assert html.find("h2", id="werk-en-inkomen") and html.find("h2", id="onderwijs")
    assert html.find("time", datetime="2017-12-15").get_text() == "15 december 2017"
    assert texts(html, "#publications-heading + ul h3") == [
        "Halve kinderen?",
        "Integratiekansen van Eritrese vluchtelingen",
    ]
    assert texts(html, "#projects-heading + ul h3") == ["Werkend leren"]
    assert texts(html, "#questions-heading + ul h3") == ["Werk voor statushouders"]
    assert html.find("link", rel="stylesheet", media="print")["href"].endswith("css/print.css")
    assert client.get("/static/css/print.css").status_code == 200

    index = soup(client.get("/nl/dossiers/"))
    assert texts(index, ".card--dossier h2") == ["Dossier vluchtelingen"]


def test_translated_dossier_shows_translations_or_else_the_dutch_originals(
    client, dossier, library
):
    english_locale = Locale.objects.get(language_code="en")
    publish_translation(dossier["index"], "en", title="Dossiers", slug="dossiers")
    publish_translation(dossier["page"], "en", title="Refugees", slug="refugees", intro="All.")
    publish_translation(library["index"], "en", title="Publications", slug="publications")
    publish_translation(library["halve"], "en", title="Half children?", slug="half-children")
    assert library["eritrea"].get_translation_or_none(english_locale) is None

    html = soup(client.get("/en/dossiers/refugees/"))
    assert html.find("h1").get_text() == "Refugees"
    items = html.select("#publications-heading + ul > li")
    assert [item.find("h3").get_text(strip=True) for item in items] == [
        "Half children?",
        "Integratiekansen van Eritrese vluchtelingen",
    ]
    assert not items[0].has_attr("lang")
    assert items[1]["lang"] == "nl"
    index = soup(client.get("/en/dossiers/"))
    assert texts(index, ".card--dossier h2") == ["Refugees"]


def test_dossier_and_publication_translation_fields():
    def synchronised(model):
        return {
            field.field_name
            for field in get_translatable_fields(model)
            if isinstance(field, SynchronizedField)
        }

    assert {
        "themes",
        "related_publications",
        "related_projects",
        "related_questions",
        "last_reviewed",
    } <= synchronised(DossierPage)
    assert {"themes", "publication_type", "publication_date", "document", "image"} <= (
        synchronised(PublicationPage)
    )


def test_wagtail_localize_keeps_dates_documents_and_themes_in_step(library):
    publication = library["werk"]
    publication.document = pdf_document()
    publication.save_revision().publish()
    english = Locale.objects.get(language_code="en")
    source, _created = TranslationSource.get_or_create_from_instance(publication)
    translation, _created = source.create_or_update_translation(
        english, copy_parent_pages=True, fallback=True
    )
    assert translation.publication_date == datetime.date(2016, 5, 1)
    assert translation.document == publication.document
    assert set(translation.themes.all()) == {library["migration"], library["stability"]}

    publication.publication_date = datetime.date(2016, 6, 30)
    publication.themes = [library["stability"]]
    publication.save_revision().publish()
    source.update_from_db()
    source.create_or_update_translation(english, fallback=True)
    translation = PublicationPage.objects.get(pk=translation.pk)
    assert translation.publication_date == datetime.date(2016, 6, 30)
    assert list(translation.themes.all()) == [library["stability"]]


class TestEditorsCreateDossierPages(EditorPageTestCase):
    def test_placement_rules(self):
        self.assertAllowedParentPageTypes(DossierIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(DossierIndexPage, {DossierPage})
        self.assertAllowedParentPageTypes(DossierPage, {DossierIndexPage})
        self.assertAllowedParentPageTypes(PublicationIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(PublicationIndexPage, {PublicationPage})
        self.assertAllowedParentPageTypes(PublicationPage, {PublicationIndexPage})

    def test_editor_creates_dossiers_and_publications(self):
        self.assertCanCreate(
            self.home,
            DossierIndexPage,
            nested_form_data({"title": "Dossiers", "slug": "dossiers", "intro": ""}),
        )
        self.assertCanCreate(
            self.home,
            PublicationIndexPage,
            nested_form_data({"title": "Publicaties", "slug": "publicaties", "intro": ""}),
        )
        library = PublicationIndexPage.objects.get(slug="publicaties")
        person = factories.PersonFactory(name="Hans Boutellier")
        document = pdf_document()
        self.assertCanCreate(
            library,
            PublicationPage,
            nested_form_data(
                {
                    "title": "Boze burgers",
                    "slug": "boze-burgers",
                    "publication_type": "report",
                    "publication_date": "2017-03-01",
                    "summary": "Over weerstand tegen de multiculturele samenleving.",
                    "document": document.pk,
                    "image": "",
                    "body": streamfield([]),
                    "authors": inline_formset([{"person": person.pk}]),
                    "yearly_figures": inline_formset(
                        [{"year": "2017", "downloads": "800", "views": "0"}]
                    ),
                }
            ),
        )
        publication = PublicationPage.objects.get(slug="boze-burgers")
        assert publication.shown_authors() == [person]
        assert publication.yearly_figures.get().downloads == 800

        dossiers = DossierIndexPage.objects.get(slug="dossiers")
        data = nested_form_data(
            {
                "title": "Dossier vluchtelingen",
                "slug": "vluchtelingen",
                "intro": "Alles over vluchtelingen.",
                "last_reviewed": "2017-12-15",
                "body": streamfield(
                    [
                        ("heading", {"text": "Werk", "level": "h2"}),
                        ("paragraph", rich_text("<p>Over werk.</p>")),
                    ]
                ),
            }
        )
        data["related_publications"] = [publication.pk]
        self.assertCanCreate(dossiers, DossierPage, data)
        dossier = DossierPage.objects.get(slug="vluchtelingen")
        assert dossier.table_of_contents() == [("werk", "Werk")]
        assert list(dossier.related_publications.all()) == [publication]
