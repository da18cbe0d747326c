"""Our routing (core.routing.resolver, two queries per URL) answers what Wagtail's own routing
answers, for every page of the demo content in both languages, their routable sub-URLs,
drafts, private pages, aliases, redirects and unknown paths; and a page below a page whose
type is gone from the code is served, not a 500."""

import re
from contextlib import contextmanager

from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.test import Client, RequestFactory
from django.urls import resolve
from django.utils import translation

from wagtail import views as wagtail_views
from wagtail.contrib.redirects.models import Redirect
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, PageViewRestriction

import pytest

from core.models.pages import BasePage
from core.routing import resolver
from tests import factories

ROUTE_MIDDLEWARE = "core.middleware.RouteMiddleware"


@contextmanager
def wagtails_own():
    """Routing by Wagtail alone: ``BasePage.route`` is ``Page.route`` meanwhile."""
    ours = BasePage.__dict__["route"]
    BasePage.route = Page.route
    try:
        yield
    finally:
        BasePage.route = ours


def describe(result):
    """A route result, comparable between two routings: page, its type, view and arguments."""
    if result is None:
        return None
    page, args, kwargs = result
    return (page.pk, type(page), [getattr(arg, "__name__", arg) for arg in args], kwargs)


def routed(url):
    """(our answer, the path) for ``url`` (/<language>/…), as the serve view is asked."""
    language = url.split("/")[1]
    with translation.override(language):
        match = resolve(url)
        assert match.func is wagtail_views.serve, url
        path = match.kwargs.get("path", match.args[0] if match.args else "")
        request = RequestFactory().get(url)
        request.user = AnonymousUser()
        return describe(resolver.route(request, path))


def wagtail_routed(url):
    language = url.split("/")[1]
    with wagtails_own(), translation.override(language):
        match = resolve(url)
        path = match.kwargs.get("path", match.args[0] if match.args else "")
        request = RequestFactory().get(url)
        request.user = AnonymousUser()
        return describe(Page.route_for_request(request, path))


def page_url(page):
    """The URL path of ``page`` (live or not) on its site, with its language prefix."""
    parts = page.get_url_parts()
    return parts[2] if parts else None


def sub_urls(page):
    """The sub-URLs a routable page answers, with a sample value for each parameter."""
    base = page_url(page)
    language = base.split("/")[1]
    with translation.override(language):
        patterns = [str(pattern.pattern) for pattern in page.get_subpage_urls()]
    urls = [base + re.sub(r"<[^>]+>", "sample", pattern) for pattern in patterns]
    # the pages it purges on a change: for the partner index, a page per partner
    return urls + [base + path.lstrip("/") for path in page.get_cached_paths()]


def urls_to_compare(pages):
    urls = ["/nl/", "/en/", "/nl/no-such-page/", "/en/no/such/page/"]
    for page in pages:
        url = page_url(page)
        if url is None:
            continue
        urls += [url, url + "no-such-page/", url + "no/such-page/"]
        if isinstance(page, RoutablePageMixin):
            urls += sub_urls(page)
    return urls


@pytest.mark.django_db
def test_routing_answers_what_wagtail_answers_for_every_demo_url(settings):
    settings.WAGTAILADMIN_BASE_URL = "http://testserver"
    call_command("load_demo_content", verbosity=0)
    pages = Page.objects.filter(depth__gt=1).specific().order_by("path")
    assert {page.locale.language_code for page in pages} == {"nl", "en"}

    # a draft (below a published page, and one with published pages below it), a private
    # page, an alias and a redirect next to the demo content
    theme = pages.filter(depth=4).first()
    factories.StandardPageFactory(parent=theme, title="Concept", slug="concept", live=False)
    unpublished = pages.filter(depth=3, numchild__gt=0).last()
    unpublished.unpublish()
    private = pages.filter(depth=3).first()
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    alias = theme.create_alias(update_slug="alias-van-thema")
    Redirect.add_redirect(old_path="/nl/oud-adres", redirect_to=theme)

    pages = Page.objects.filter(depth__gt=1).specific().order_by("path")
    urls = urls_to_compare(pages)
    assert page_url(alias) in urls
    assert any("/cite/bibtex/" in url for url in urls)  # a routable page's sub-URLs
    ours = {url: routed(url) for url in urls}
    assert sum(answer is not None for answer in ours.values()) > len(pages)
    wagtails = {url: wagtail_routed(url) for url in urls}
    assert {url: (ours[url], wagtails[url]) for url in urls if ours[url] != wagtails[url]} == {}
    assert routed(page_url(unpublished)) is None
    assert routed("/nl/oud-adres/") is None  # left to the redirects


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
