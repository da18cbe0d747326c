"""Parts of pages kept rendered by each process (core.caching.fragments): the same for every
anonymous visitor, renewed when any process changes the content, never shared with or from
a logged-in editor, a restricted page or a form carrying a CSRF token."""

from django.template import engines
from django.test import Client, RequestFactory

from wagtail.models import Page, PageViewRestriction

import pytest

from tests import factories
from tests.helpers import another_process_changes_content, soup

PASSWORD = "geheim-wachtwoord"  # noqa: S105 (a test page's password)


def rename_quietly(page, title):
    """Change a page's title in the database without any signal or new generation."""
    Page.objects.filter(pk=page.pk).update(title=title, draft_title=title)


def titles(response):
    return [heading.get_text(strip=True) for heading in soup(response).select("h1")]


@pytest.fixture
def standard(home):
    return factories.StandardPageFactory(parent=home["nl"], title="Over ons", slug="over-ons")


def test_a_page_is_rendered_once_and_renewed_after_a_publish_in_another_process(standard):
    client = Client()
    assert titles(client.get(standard.url)) == ["Over ons"]
    rename_quietly(standard, "Over het instituut")
    # kept: the change made without a new generation is not seen yet
    assert titles(client.get(standard.url + "?utm_source=nieuwsbrief")) == ["Over ons"]
    another_process_changes_content()
    assert titles(client.get(standard.url)) == ["Over het instituut"]


def test_the_parts_of_a_page_follow_its_own_publish(standard, editor):
    client = Client()
    client.get(standard.url)
    standard.title = "Contact"
    standard.save_revision(user=editor).publish()
    response = client.get(standard.url)
    assert titles(response) == ["Contact"]
    assert soup(response).title.get_text().startswith("Contact")


def test_a_logged_in_editor_gets_a_fresh_page_and_leaves_nothing_for_visitors(
    standard, editor_client
):
    visitor = Client()
    visitor.get(standard.url)
    rename_quietly(standard, "Nieuw, nog niet verspreid")
    assert titles(editor_client.get(standard.url)) == ["Nieuw, nog niet verspreid"]
    assert titles(visitor.get(standard.url)) == ["Over ons"]

    another_process_changes_content()
    editor_html = editor_client.get(standard.url).content.decode()
    assert "wagtail-userbar" in editor_html.lower() or "userbar" in editor_html
    visitor_html = visitor.get(standard.url).content.decode()
    assert "userbar" not in visitor_html
    assert titles(visitor.get(standard.url)) == ["Nieuw, nog niet verspreid"]


def test_a_restricted_page_is_rendered_for_each_visitor_who_may_see_it(standard):
    secret = factories.StandardPageFactory(parent=standard, title="Alleen voor leden", slug="leden")
    PageViewRestriction.objects.create(
        page=secret, restriction_type=PageViewRestriction.PASSWORD, password=PASSWORD
    )
    member = Client()
    assert "Alleen voor leden" not in titles(member.get(secret.url))
    restriction = secret.get_view_restrictions()[0]
    answer = member.post(
        f"/nl/_util/authenticate_with_password/{restriction.pk}/{secret.pk}/",
        {"password": PASSWORD, "return_url": secret.url},
    )
    assert answer.status_code == 302
    assert titles(member.get(secret.url)) == ["Alleen voor leden"]
    rename_quietly(secret, "Alleen voor leden, herzien")
    assert titles(member.get(secret.url)) == ["Alleen voor leden, herzien"]
    # an anonymous visitor still gets the password form, not what the member saw
    stranger = Client()
    assert "Alleen voor leden, herzien" not in stranger.get(secret.url).content.decode()


@pytest.mark.django_db
def test_a_part_with_a_csrf_token_is_never_shared():
    template = engines["django"].from_string(
        '{% load core_tags %}{% shared_fragment "form" "key" %}{% csrf_token %}'
        "{% endshared_fragment %}"
    )
    factory = RequestFactory()
    tokens = set()
    for _visitor in range(2):
        request = factory.get("/nl/")
        html = template.render({"request": request}, request)
        tokens.add(soup(html).find("input")["value"])
    assert len(tokens) == 2


@pytest.mark.django_db
def test_a_part_with_a_csp_nonce_is_never_shared():
    template = engines["django"].from_string(
        '{% load core_tags %}{% shared_fragment "script" "key" %}'
        '<script nonce="{{ csp_nonce }}"></script>{% endshared_fragment %}'
    )
    factory = RequestFactory()
    nonces = set()
    for nonce in ("een", "twee"):
        request = factory.get("/nl/")
        html = template.render({"request": request, "csp_nonce": nonce})
        nonces.add(soup(html).find("script")["nonce"])
    assert nonces == {"een", "twee"}


def test_the_library_links_keep_only_its_own_parameters(site_tree):
    """A visitor's own parameters (a campaign, a personal code) never reach the library's
    links, which other visitors of the same filters are given."""
    library = site_tree["library"]["nl"]
    kind = site_tree["publication"]["nl"].publication_type
    response = Client().get(library.url, {"type": kind, "utm_campaign": "persoonlijk-42"})
    assert response.status_code == 200
    remove = soup(response).select_one(".active-filters a")["href"]
    assert remove == library.url
    assert "persoonlijk-42" not in response.content.decode()
