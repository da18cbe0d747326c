"""Our routing (core.routing.resolver, two queries per URL) answers what Wagtail's own routing
answers, for every page of the demo content in both languages, their routable sub-URLs,
drafts, private pages, aliases, redirects and unknown paths."""

import re

from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory
from django.urls import resolve
from django.utils import translation

from wagtail import views as wagtail_views
from wagtail.contrib.redirects.models import Redirect
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, PageViewRestriction

from core.routing import resolver
from tests import factories
from tests.helpers import wagtails_own


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


def test_routing_answers_what_wagtail_answers_for_every_demo_url(demo):
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
