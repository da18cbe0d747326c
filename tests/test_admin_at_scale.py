"""Admin screens that grow with an institute's work cost the same number of queries for a few
rows or many (docs/performance.md, "The admin at institute scale")."""

from django.apps import apps

from wagtail_localize.models import Translation, TranslationSource

import pytest

from editorial import groups as editorial
from tests import factories
from tests.helpers import count_queries, get_html, make_user, publish_translation


@pytest.fixture
def library(home):
    return factories.PublicationIndexPageFactory(parent=home["nl"])


@pytest.fixture
def editor_in_group(client, home):
    """A member of the final editors' group (not a superuser: permissions are checked), logged
    in. (A member of the editors' group alone costs a query per row more, Wagtail's own:
    docs/performance.md.)"""
    editorial.setup_editorial(apps)
    client.force_login(make_user("eindredacteur", editorial.MODERATORS))
    return client


def add_publications(library, count):
    return [factories.PublicationPageFactory(parent=library) for _number in range(count)]


def row_links(html, page):
    """The addresses of the links in the explorer's row of ``page``."""
    title_link = html.select_one(f'td a[href="/admin/pages/{page.pk}/edit/"]')
    return [link["href"] for link in title_link.find_parent("tr").select("a[href]")]


def test_page_explorer_costs_the_same_queries_for_few_children_or_many(editor_in_group, library):
    add_publications(library, 2)
    url = f"/admin/pages/{library.pk}/"
    queries = count_queries(editor_in_group, url)
    add_publications(library, 30)
    assert count_queries(editor_in_group, url) == queries


def test_page_explorer_offers_to_translate_and_to_sync_the_rows_that_need_it(
    editor_in_group, library, locales
):
    untranslated, translated, synced = add_publications(library, 3)
    publish_translation(library, "en")
    publish_translation(translated, "en")
    source, _created = TranslationSource.get_or_create_from_instance(synced)
    Translation.objects.create(source=source, target_locale=locales["en"], enabled=True)

    html = get_html(editor_in_group, f"/admin/pages/{library.pk}/")

    def translate(page):
        return f"/admin/localize/submit/page/{page.pk}/"

    sync = f"/admin/localize/update/{source.pk}/?next=%2Fadmin%2Fpages%2F{library.pk}%2F"
    assert translate(untranslated) in row_links(html, untranslated)
    assert translate(translated) not in row_links(html, translated)
    assert translate(synced) in row_links(html, synced)
    assert sync in row_links(html, synced)
    assert not any("/admin/localize/update/" in link for link in row_links(html, untranslated))
