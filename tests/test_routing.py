"""A page below a page whose type is gone from the code is served, not a 500; and visitors
get what Wagtail's own routing gives them (drafts, private pages, redirects). The comparison
for every URL of the demo content is tests/demo_site/test_routing.py."""

from django.contrib.contenttypes.models import ContentType
from django.test import Client

from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, PageViewRestriction

import pytest

from tests import factories
from tests.helpers import another_process_changes_content, wagtails_own

ROUTE_MIDDLEWARE = "core.middleware.RouteMiddleware"


@pytest.fixture
def tree(home):
    """A theme index with a theme and a draft below it, a partner, a private page."""
    index = factories.ThemeIndexPageFactory(parent=home["nl"])
    theme = factories.ThemePageFactory(parent=index, slug="thema")
    factories.StandardPageFactory(parent=theme, slug="concept", live=False)
    partners = factories.PartnerIndexPageFactory(parent=home["nl"])
    partner = factories.PartnerFactory()
    private = factories.StandardPageFactory(parent=home["nl"], slug="intern")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    Redirect.add_redirect(old_path="/nl/oud-adres", redirect_to=theme)
    return {"index": index, "theme": theme, "partners": partners, "partner": partner}


def responses(urls):
    """(status, Location) of each URL for an anonymous visitor."""
    visitor = Client()
    answers = {}
    for url in urls:
        response = visitor.get(url)
        answers[url] = (response.status_code, response.headers.get("Location"))
    return answers


def test_visitors_get_what_wagtails_routing_gives_them(tree, settings):
    theme_url = tree["theme"].url
    urls = [
        "/nl/",
        theme_url,
        theme_url + "concept/",
        theme_url + "nope/",
        tree["partners"].url + f"{tree['partner'].slug}/",
        "/nl/intern/",
        "/nl/oud-adres/",
        "/en/no-such-page/",
    ]
    ours = responses(urls)
    assert ours[theme_url][0] == 200
    assert ours[theme_url + "concept/"][0] == 404  # a draft
    assert ours["/nl/intern/"][0] == 302  # the login form
    assert ours["/nl/oud-adres/"] == (301, theme_url)
    settings.MIDDLEWARE = [name for name in settings.MIDDLEWARE if name != ROUTE_MIDDLEWARE]
    with wagtails_own():
        assert responses(urls) == ours


def test_a_page_below_a_page_of_a_removed_type_is_served(tree, client):
    project = factories.ProjectPageFactory(parent=tree["theme"])
    gone = ContentType.objects.create(app_label="themes", model="removedpagetype")
    Page.objects.filter(pk=tree["theme"].pk).update(content_type=gone)

    response = client.get(project.url)

    assert response.status_code == 200
    assert project.title in response.content.decode()
    # the page whose type is gone cannot be shown: not found, not an error page
    assert client.get(tree["theme"].url).status_code == 404


def test_a_url_follows_a_page_moved_in_another_process(tree):
    """Each process keeps where a URL leads until the content changes anywhere."""
    visitor = Client()
    theme = tree["theme"]
    old_url = theme.url
    new_url = old_url.replace("/thema/", "/ander-thema/")
    assert visitor.get(old_url).status_code == 200
    Page.objects.filter(pk=theme.pk).update(
        slug="ander-thema", url_path=theme.url_path.replace("/thema/", "/ander-thema/")
    )
    another_process_changes_content()
    assert visitor.get(old_url).status_code == 404
    assert visitor.get(new_url).status_code == 200
