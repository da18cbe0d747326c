"""Themes, their projects and testimonials: what a visitor sees, in Dutch and in English."""

from django.core.exceptions import ValidationError

from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield
from wagtail_localize.fields import SynchronizedField, get_translatable_fields

import pytest

from dossiers.models import PublicationAuthor
from home.models import HomePage
from tests import factories
from tests.editing import EditorPageTestCase
from tests.helpers import count_queries, get_html, publish_translation, texts
from themes import models as theme_models
from themes.models import ProjectPage, ThemeIndexPage, ThemePage


@pytest.fixture
def themes(home):
    index = factories.ThemeIndexPageFactory(parent=home["nl"], intro="Onze vier thema's.")
    migration = factories.ThemePageFactory(
        parent=index,
        title="Nieuwe migratie",
        slug="nieuwe-migratie",
        intro="Hoe vinden nieuwkomers hun weg?",
        colour="green",
        icon="compass",
    )
    participation = factories.ThemePageFactory(
        parent=index, title="Participatie", slug="participatie", intro="Meedoen."
    )
    index_en = publish_translation(index, "en", title="Themes", slug="themes")
    migration_en = publish_translation(
        migration,
        "en",
        title="New migration",
        slug="new-migration",
        intro="How do newcomers find their way?",
    )
    return {
        "index": index,
        "migration": migration,
        "participation": participation,
        "index_en": index_en,
        "migration_en": migration_en,
    }


def test_theme_index_lists_themes_with_colour_icon_and_project_count(client, themes):
    factories.ProjectPageFactory(parent=themes["migration"], title="Monitor arbeidstoeleiding")
    factories.ProjectPageFactory(parent=themes["migration"], title="Werkend leren")
    draft = factories.ProjectPageFactory(parent=themes["migration"], title="Nog niet klaar")
    draft.unpublish()

    html = get_html(client, "/nl/themas/")
    cards = html.select(".theme-card")
    assert [card.find("h2").get_text(strip=True) for card in cards] == [
        "Nieuwe migratie",
        "Participatie",
    ]
    assert "theme--green" in cards[0]["class"]
    assert cards[0].find("svg", class_="theme-icon")
    assert "2 projecten" in cards[0].get_text()
    assert cards[0].find("a")["href"] == "/nl/themas/nieuwe-migratie/"

    english = get_html(client, "/en/themes/")
    assert texts(english, ".theme-card h2") == ["New migration"]


def test_theme_page_lists_its_live_projects_testimonials_publications_and_dossiers(
    client, home, themes
):
    migration = themes["migration"]
    factories.ProjectPageFactory(parent=migration, title="Werkend leren", status="completed")
    factories.ProjectPageFactory(parent=migration, title="Monitor arbeidstoeleiding")
    factories.ProjectPageFactory(parent=themes["participation"], title="This is me!")
    factories.TestimonialFactory(
        theme=migration,
        quote="We hebben nu goede afspraken.",
        person="Sabine de Bruijn",
        role="projectmanager",
        organisation="Welzijn Lelystad",
    )
    factories.TestimonialFactory(theme=migration, person="Concept", live=False)
    factories.TestimonialFactory(theme=themes["participation"], person="Hans Boutellier")
    library = factories.PublicationIndexPageFactory(parent=home["nl"])
    factories.PublicationPageFactory(
        parent=library, title="Integratiekansen van Eritrese vluchtelingen", themes=[migration]
    )
    factories.PublicationPageFactory(parent=library, title="Boze burgers")
    dossiers = factories.DossierIndexPageFactory(parent=home["nl"])
    factories.DossierPageFactory(parent=dossiers, title="Dossier vluchtelingen", themes=[migration])

    html = get_html(client, migration.url)
    assert html.find("h1").get_text(strip=True) == "Nieuwe migratie"
    assert texts(html, ".card--project h3") == ["Werkend leren", "Monitor arbeidstoeleiding"]
    assert "Afgerond" in html.select_one(".card--project").get_text()
    assert [caption.get_text() for caption in html.select(".testimonial figcaption")] == [
        "Sabine de Bruijn, projectmanager, Welzijn Lelystad"
    ]
    assert texts(html, ".card--publication h3") == ["Integratiekansen van Eritrese vluchtelingen"]
    assert html.find("a", string="Alle publicaties over Nieuwe migratie")["href"] == (
        "/nl/publicaties/?theme=nieuwe-migratie"
    )
    assert texts(html, ".card--dossier h3") == ["Dossier vluchtelingen"]


def test_translated_theme_shows_translated_testimonials_and_points_to_dutch_projects(
    client, themes
):
    migration = themes["migration"]
    factories.ProjectPageFactory(parent=migration, title="Werkend leren")
    testimonial = factories.TestimonialFactory(
        theme=migration, quote="Goede afspraken.", person="Sabine de Bruijn"
    )
    english = testimonial.copy_for_translation(themes["migration_en"].locale)
    english.quote = "Good agreements."
    english.save()

    html = get_html(client, "/en/themes/new-migration/")
    assert html.find("h1").get_text(strip=True) == "New migration"
    assert texts(html, ".testimonial blockquote") == ["Good agreements."]
    projects = html.find(id="projects-heading").parent
    assert "described in Dutch" in projects.get_text()
    assert projects.find("a", hreflang="nl", lang="nl")["href"] == "/nl/themas/nieuwe-migratie/"


def test_project_page_shows_period_status_partners_theme_and_result(client, home, themes):
    library = factories.PublicationIndexPageFactory(parent=home["nl"])
    result = factories.PublicationPageFactory(parent=library, title="Monitor 2017")
    municipality = factories.PartnerFactory(name="Gemeente Eindhoven")
    ministry = factories.PartnerFactory(name="Ministerie van SZW", kind="ministry")
    hidden = factories.PartnerFactory(name="Concept-partner", live=False)
    project = factories.ProjectPageFactory(
        parent=themes["migration"],
        title="Monitor gemeentelijke regie",
        summary="Hoe gemeenten de regie nemen.",
        start_year=2016,
        end_year=2017,
        status="completed",
        partners=[municipality, ministry, hidden],
        result_page=result,
    )

    html = get_html(client, project.url)
    facts = html.find("dl", class_="facts").get_text(" ", strip=True)
    assert "Periode 2016–2017" in facts
    assert "Status Afgerond" in facts
    assert texts(html, ".facts .inline-list li") == ["Gemeente Eindhoven", "Ministerie van SZW"]
    assert html.find("dl", class_="facts").find("a")["href"] == "/nl/themas/nieuwe-migratie/"
    assert html.find("a", string="Naar resultaat")["href"] == result.url

    # In English: the project's translation names the partners' English translations.
    english_partner = ministry.copy_for_translation(themes["index_en"].locale)
    english_partner.name = "Ministry of Social Affairs and Employment"
    english_partner.save()
    publish_translation(project, "en", slug="monitor")
    english = get_html(client, "/en/themes/new-migration/monitor/")
    assert texts(english, ".facts .inline-list li") == [
        "Gemeente Eindhoven",
        "Ministry of Social Affairs and Employment",
    ]
    assert english.find("a", string="To the result")["href"] == result.url


def test_project_result_can_be_an_external_url_but_not_both(themes):
    project = factories.ProjectPageFactory(
        parent=themes["migration"], result_url="https://www.example.org/rapport"
    )
    assert project.result_href == "https://www.example.org/rapport"
    project.result_page = themes["participation"]
    with pytest.raises(ValidationError, match="niet allebei"):
        project.full_clean()


def test_theme_listing_keeps_a_constant_number_of_queries(client, home, themes):
    migration = themes["migration"]
    library = factories.PublicationIndexPageFactory(parent=home["nl"])
    dossiers = factories.DossierIndexPageFactory(parent=home["nl"])

    def add_items(count):
        for _ in range(count):
            partner = factories.PartnerFactory()
            factories.ProjectPageFactory(parent=migration, partners=[partner])
            factories.TestimonialFactory(theme=migration, photo=factories.ImageFactory())
            factories.PublicationPageFactory(
                parent=library,
                themes=[migration],
                image=factories.ImageFactory(),
                document=factories.DocumentFactory(),
                authors=[PublicationAuthor(person=factories.PersonFactory())],
            )
            factories.DossierPageFactory(parent=dossiers, themes=[migration])

    add_items(2)
    queries = count_queries(client, migration.url)
    add_items(2)
    assert count_queries(client, migration.url) == queries
    index_queries = count_queries(client, themes["index"].url)
    factories.ThemePageFactory(parent=themes["index"])
    factories.ThemePageFactory(parent=themes["index"])
    assert count_queries(client, themes["index"].url) == index_queries


def test_renaming_a_theme_leaves_a_permanent_redirect(
    client, themes, django_capture_on_commit_callbacks
):
    migration = themes["migration"]
    project = factories.ProjectPageFactory(parent=migration, slug="werkend-leren")
    migration.slug = "migratie"
    with django_capture_on_commit_callbacks(execute=True):
        migration.save_revision().publish()

    response = client.get("/nl/themas/nieuwe-migratie/")
    assert response.status_code == 301
    assert response["Location"].endswith("/nl/themas/migratie/")
    old_project = client.get("/nl/themas/nieuwe-migratie/werkend-leren/")
    assert old_project.status_code == 301
    assert old_project["Location"].endswith("/nl/themas/migratie/werkend-leren/")
    assert client.get(ProjectPage.objects.get(pk=project.pk).url).status_code == 200


def test_moving_a_project_leaves_a_permanent_redirect(client, themes):
    project = factories.ProjectPageFactory(parent=themes["migration"], slug="this-is-me")
    project.move(themes["participation"], pos="last-child")

    response = client.get("/nl/themas/nieuwe-migratie/this-is-me/")
    assert response.status_code == 301
    assert response["Location"].endswith("/nl/themas/participatie/this-is-me/")
    assert client.get(response["Location"]).status_code == 200


def test_testimonial_and_project_translation_fields():
    def synchronised(model):
        return {
            field.field_name
            for field in get_translatable_fields(model)
            if isinstance(field, SynchronizedField)
        }

    assert {"person", "theme", "photo"} <= synchronised(theme_models.Testimonial)
    assert {"partners", "start_year", "end_year", "status", "result_page", "result_url"} <= (
        synchronised(ProjectPage)
    )
    assert {"colour", "icon"} <= synchronised(ThemePage)


class TestEditorsCreateThemePages(EditorPageTestCase):
    def test_placement_rules(self):
        self.assertAllowedParentPageTypes(ThemeIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(ThemeIndexPage, {ThemePage})
        self.assertAllowedParentPageTypes(ThemePage, {ThemeIndexPage})
        self.assertAllowedSubpageTypes(ThemePage, {ProjectPage})
        self.assertAllowedParentPageTypes(ProjectPage, {ThemePage})
        self.assertAllowedSubpageTypes(ProjectPage, set())

    def test_editor_creates_theme_index_theme_and_project(self):
        self.assertCanCreate(
            self.home,
            ThemeIndexPage,
            nested_form_data({"title": "Thema's", "slug": "themas", "intro": "Vier thema's."}),
        )
        index = ThemeIndexPage.objects.get(slug="themas")
        self.assertCanCreate(
            index,
            ThemePage,
            nested_form_data(
                {
                    "title": "Participatie",
                    "slug": "participatie",
                    "intro": "Meedoen in de samenleving.",
                    "colour": "purple",
                    "icon": "hands",
                    "body": streamfield(
                        [
                            ("heading", {"text": "Wat we doen", "level": "h2"}),
                            ("paragraph", rich_text("<p>Onderzoek en advies.</p>")),
                        ]
                    ),
                }
            ),
        )
        theme = ThemePage.objects.get(slug="participatie")
        partner = factories.PartnerFactory(name="Stichting Piëzo")
        data = nested_form_data(
            {
                "title": "This is me!",
                "slug": "this-is-me",
                "summary": "Jongeren vertellen hun verhaal.",
                "start_year": "2017",
                "end_year": "",
                "status": "running",
                "result_page": "",
                "result_url": "https://www.example.org/this-is-me",
                "body": streamfield([]),
            }
        )
        data["partners"] = [partner.pk]
        self.assertCanCreate(theme, ProjectPage, data)
        project = ProjectPage.objects.get(slug="this-is-me")
        assert list(project.partners.all()) == [partner]
        assert project.get_parent().specific == theme


def test_project_pages_render_in_both_languages_and_appear_in_their_theme(client, themes):
    project = factories.ProjectPageFactory(
        parent=themes["migration"], title="Werkend leren", slug="werkend-leren"
    )
    english = publish_translation(project, "en", title="Learning on the job", slug="learning")
    for page, theme in ((project, themes["migration"]), (english, themes["migration_en"])):
        html = get_html(client, page.url)
        assert html.find("h1").get_text(strip=True) == page.title
        theme_html = get_html(client, theme.url)
        assert page.title in texts(theme_html, ".card--project h3")
