"""The partner index: every published partner, grouped by kind, with its projects."""

from wagtail.test.utils.form_data import nested_form_data
from wagtail_localize.fields import SynchronizedField, TranslatableField, get_translatable_fields

import pytest

from core.models import Partner, Person
from home.models import HomePage
from partners.models import PartnerIndexPage
from tests import factories
from tests.editing import EditorPageTestCase
from tests.helpers import count_queries, publish_translation, soup, texts


@pytest.fixture
def partners_page(home):
    index = factories.PartnerIndexPageFactory(parent=home["nl"], intro="Met wie we werken.")
    themes = factories.ThemeIndexPageFactory(parent=home["nl"])
    theme = factories.ThemePageFactory(parent=themes, title="Nieuwe migratie")
    return {"index": index, "theme": theme}


def test_partners_are_grouped_by_kind_with_their_projects(client, partners_page):
    theme = partners_page["theme"]
    eindhoven = factories.PartnerFactory(name="Gemeente Eindhoven", kind="municipality")
    amsterdam = factories.PartnerFactory(name="Gemeente Amsterdam", kind="municipality")
    pharos = factories.PartnerFactory(name="Pharos", kind="knowledge_institute")
    factories.PartnerFactory(name="Concept", kind="ngo", live=False)
    factories.ProjectPageFactory(parent=theme, title="Werkend leren", partners=[eindhoven, pharos])
    factories.ProjectPageFactory(parent=theme, title="Monitor", partners=[eindhoven])
    draft = factories.ProjectPageFactory(parent=theme, title="Verborgen", partners=[amsterdam])
    draft.unpublish()
    questions = factories.QuestionIndexPageFactory(parent=theme.get_parent().get_parent())
    factories.QuestionPageFactory(
        parent=questions, title="Werkvoorziening vluchtelingen", partners=[eindhoven]
    )

    html = soup(client.get("/nl/partners/"))
    assert texts(html, "main section h2") == ["Gemeente", "Kennisinstituut"]
    municipalities = html.select("main section")[0]
    assert texts(municipalities, ".partner__name") == ["Gemeente Amsterdam", "Gemeente Eindhoven"]
    eindhoven_item = municipalities.select(".partner")[1]
    assert texts(eindhoven_item, ".partner__projects a") == [
        "Monitor",
        "Werkend leren",
        "Werkvoorziening vluchtelingen",
    ]
    assert not municipalities.select(".partner")[0].select(".partner__projects")
    assert texts(html.select("main section")[1], ".partner__projects a") == ["Werkend leren"]
    assert "Concept" not in html.get_text()
    assert texts(html, "nav.toc a") == ["Gemeente (2)", "Kennisinstituut (1)"]


def test_partner_index_in_english_lists_english_partners_and_projects(client, partners_page):
    partner = factories.PartnerFactory(name="Ministerie van SZW", kind="ministry")
    project = factories.ProjectPageFactory(
        parent=partners_page["theme"], title="Stages", partners=[partner]
    )
    english_locale = publish_translation(partners_page["index"], "en", slug="partners").locale
    english = partner.copy_for_translation(english_locale)
    english.name = "Ministry of Social Affairs and Employment"
    english.save()
    publish_translation(partners_page["theme"].get_parent(), "en", slug="themes")
    publish_translation(partners_page["theme"], "en", slug="new-migration")
    publish_translation(project, "en", title="Internships", slug="internships")

    html = soup(client.get("/en/partners/"))
    assert texts(html, ".partner__name") == ["Ministry of Social Affairs and Employment"]
    assert texts(html, ".partner__projects a") == ["Internships"]


def test_partner_index_keeps_a_constant_number_of_queries(client, partners_page):
    def add(count):
        for index in range(count):
            kind = Partner.Kind.values[index % len(Partner.Kind.values)]
            partner = factories.PartnerFactory(kind=kind, logo=factories.ImageFactory())
            factories.ProjectPageFactory(parent=partners_page["theme"], partners=[partner])
            factories.QuestionPageFactory(parent=questions, partners=[partner])

    questions = factories.QuestionIndexPageFactory(parent=partners_page["index"].get_parent())
    add(7)
    queries = count_queries(client, "/nl/partners/")
    add(7)
    assert count_queries(client, "/nl/partners/") == queries


def test_snippets_translate_text_and_keep_names_and_codes_in_step():
    def fields(model, kind):
        return {
            field.field_name for field in get_translatable_fields(model) if isinstance(field, kind)
        }

    assert {"slug", "kind", "website", "logo"} <= fields(Partner, SynchronizedField)
    assert {"name", "description"} <= fields(Partner, TranslatableField)
    assert {"name", "photo"} <= fields(Person, SynchronizedField)
    assert {"role", "organisation", "biography"} <= fields(Person, TranslatableField)


class TestEditorsCreatePartnerIndex(EditorPageTestCase):
    def test_editor_creates_the_partner_index(self):
        self.assertAllowedParentPageTypes(PartnerIndexPage, {HomePage})
        self.assertCanCreate(
            self.home,
            PartnerIndexPage,
            nested_form_data({"title": "Partners", "slug": "partners", "intro": "Met wie."}),
        )
