"""Every page type of the content model can be built and renders (details per area elsewhere)."""

from django.urls import reverse

import pytest

from tests import factories
from tests.helpers import publish_translation, soup


@pytest.fixture
def tree(home):
    nl = home["nl"]
    themes = factories.ThemeIndexPageFactory(parent=nl, intro="Onze vier thema's.")
    theme = factories.ThemePageFactory(parent=themes, title="Participatie", slug="participatie")
    project = factories.ProjectPageFactory(parent=theme, title="This is me!", slug="this-is-me")
    dossiers = factories.DossierIndexPageFactory(parent=nl, intro="Lange stukken.")
    dossier = factories.DossierPageFactory(parent=dossiers, title="Dossier vluchtelingen")
    library = factories.PublicationIndexPageFactory(parent=nl, intro="De bibliotheek.")
    publication = factories.PublicationPageFactory(parent=library, title="Boze burgers")
    partners = factories.PartnerIndexPageFactory(parent=nl, intro="Met wie we werken.")
    return [themes, theme, project, dossiers, dossier, library, publication, partners]


def test_every_page_type_renders(client, tree):
    for page in tree:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert f"<h1>{page.title}</h1>" in response.content.decode().replace("&#x27;", "'")


def test_every_page_type_has_a_meta_description_fallback_and_opengraph_tags(client, tree):
    for page in tree:
        page.search_description = ""
        page.save_revision().publish()
        html = soup(client.get(page.url))
        summary = page.specific.summary_text
        description = html.find("meta", attrs={"name": "description"})["content"]
        assert summary and description == summary[:160], page.url
        assert html.find("meta", property="og:title")["content"] == page.title
        assert html.find("meta", property="og:description")["content"] == description
        assert html.find("meta", property="og:url")["content"] == f"http://testserver{page.url}"
        assert html.find("meta", property="og:type")["content"] == "article"


def test_every_page_type_renders_in_english(client, tree):
    for page in tree:  # parents come before their children
        english = publish_translation(page, "en", slug=f"{page.slug}-en")
        response = client.get(english.url)
        assert response.status_code == 200, english.url
        assert english.url.startswith("/en/")
        html = soup(response)
        assert html.html["lang"] == "en"
        assert len(html.find_all("h1")) == 1


@pytest.mark.parametrize(
    "make_snippet",
    [
        lambda: factories.PartnerFactory(name="Gemeente Eindhoven", slug="gemeente-eindhoven"),
        lambda: factories.PersonFactory(name="Ikram Taouanza", role="onderzoeker"),
        lambda: factories.TestimonialFactory(person="Sabine de Bruijn", quote="Goede afspraken."),
    ],
)
def test_editors_translate_snippets_with_wagtail_localize(
    client, editor_client, locales, make_snippet
):
    snippet = make_snippet()
    meta = snippet._meta
    url = reverse(
        "wagtail_localize:submit_snippet_translation",
        args=[meta.app_label, meta.model_name, snippet.pk],
    )
    assert client.get(url).status_code == 200
    response = client.post(url, {"locales": [locales["en"].pk]})
    assert response.status_code == 302
    translation = snippet.get_translation(locales["en"])
    # names and addresses stay in step with the Dutch source; text waits for the translator
    for field in ("name", "slug", "person"):
        if hasattr(snippet, field):
            assert getattr(translation, field) == getattr(snippet, field)
