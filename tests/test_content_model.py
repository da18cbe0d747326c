"""Every page type of the content model can be built and renders (details per area elsewhere)."""

import pytest

from tests import factories


@pytest.fixture
def tree(home):
    nl = home["nl"]
    themes = factories.ThemeIndexPageFactory(parent=nl)
    theme = factories.ThemePageFactory(parent=themes, title="Participatie", slug="participatie")
    project = factories.ProjectPageFactory(parent=theme, title="This is me!", slug="this-is-me")
    dossiers = factories.DossierIndexPageFactory(parent=nl)
    dossier = factories.DossierPageFactory(parent=dossiers, title="Dossier vluchtelingen")
    library = factories.PublicationIndexPageFactory(parent=nl)
    publication = factories.PublicationPageFactory(parent=library, title="Boze burgers")
    partners = factories.PartnerIndexPageFactory(parent=nl)
    return [themes, theme, project, dossiers, dossier, library, publication, partners]


def test_every_page_type_renders(client, tree):
    for page in tree:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert f"<h1>{page.title}</h1>" in response.content.decode().replace("&#x27;", "'")
