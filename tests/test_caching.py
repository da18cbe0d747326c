"""The anonymous page cache: hits without queries, Cache-Control for a CDN, purges on change,
and pages with a CSRF token that are never cached."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from django.http import HttpResponse
from django.middleware.csrf import CsrfViewMiddleware, get_token
from django.test import Client

from wagtail.models import Locale, PageViewRestriction

import pytest

from core.caching.pagecache import PageCacheMiddleware
from core.caching.requestcache import RequestCacheMiddleware
from core.models import Navigation
from tests.factories import (
    StandardPageFactory,
    TestimonialFactory,
    ThemeIndexPageFactory,
    ThemePageFactory,
)
from tests.helpers import publish_translation


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 600
    settings.PAGE_CACHE_BROWSER_SECONDS = 60


@pytest.fixture
def about(home):
    return StandardPageFactory(parent=home["nl"], title="Over ons", slug="over-ons")


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run what waits for the transaction to commit (purges do), as a real commit would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def test_second_anonymous_request_is_served_from_the_cache_without_queries(
    client, about, page_cache, django_assert_num_queries
):
    first = client.get("/nl/over-ons/")
    assert first.status_code == 200
    assert first["X-Page-Cache"] == "miss"
    cache_control = first["Cache-Control"]
    assert "public" in cache_control and "s-maxage=600" in cache_control
    assert "max-age=60" in cache_control

    with django_assert_num_queries(0):
        second = Client().get("/nl/over-ons/")
    assert second.status_code == 200
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    # the security headers are part of the cached response
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]


def test_query_string_variants_are_cached_apart(client, about, page_cache):
    client.get("/nl/over-ons/")
    assert client.get("/nl/over-ons/?pagina=2")["X-Page-Cache"] == "miss"
    assert client.get("/nl/over-ons/?pagina=2")["X-Page-Cache"] == "hit"


def test_editors_are_never_served_a_cached_page(client, editor_client, about, page_cache):
    Client().get("/nl/over-ons/")
    response = client.get("/nl/over-ons/")
    assert "X-Page-Cache" not in response
    assert "public" not in response.get("Cache-Control", "")


def test_publishing_a_change_purges_the_page_and_its_listings(
    client, home, about, page_cache, commit
):
    assert client.get("/nl/over-ons/")["X-Page-Cache"] == "miss"
    assert client.get("/nl/")["X-Page-Cache"] == "miss"
    assert client.get("/nl/over-ons/")["X-Page-Cache"] == "hit"

    about.title = "Over het kennisplatform"
    with commit():
        about.save_revision().publish()

    response = client.get("/nl/over-ons/")
    assert response["X-Page-Cache"] == "miss"
    assert "Over het kennisplatform" in response.content.decode()
    assert client.get("/nl/")["X-Page-Cache"] == "miss"  # the parent lists its children


def test_unpublishing_and_deleting_purge_the_page(client, home, about, page_cache, commit):
    contact = StandardPageFactory(parent=home["nl"], title="Contact", slug="contact")
    client.get("/nl/over-ons/")
    client.get("/nl/contact/")
    with commit():
        about.unpublish()
    assert client.get("/nl/over-ons/").status_code == 404
    with commit():
        contact.delete()
    assert client.get("/nl/contact/").status_code == 404


def test_renaming_a_page_purges_its_old_address(client, home, about, page_cache, commit):
    assert client.get("/nl/over-ons/").status_code == 200
    about.slug = "wie-we-zijn"
    with commit():
        about.save_revision().publish()
    assert client.get("/nl/over-ons/").status_code in (301, 302, 404)
    assert client.get("/nl/wie-we-zijn/").status_code == 200


def test_moving_a_page_purges_its_old_address(client, home, about, page_cache, commit):
    team = StandardPageFactory(parent=about, title="Team", slug="team")
    other = StandardPageFactory(parent=home["nl"], title="Organisatie", slug="organisatie")
    assert client.get("/nl/over-ons/team/").status_code == 200
    with commit():
        team.move(other, pos="last-child")
    response = client.get("/nl/over-ons/team/")
    assert response.status_code in (301, 302, 404)  # a redirect if one was made, not the page
    assert client.get("/nl/organisatie/team/").status_code == 200


def test_changing_a_snippet_purges_the_pages_that_show_it(client, home, page_cache, commit):
    themes = ThemeIndexPageFactory(parent=home["nl"])
    theme = ThemePageFactory(parent=themes, slug="werk")
    quoting = StandardPageFactory(parent=home["nl"], slug="citaten")
    bystander = StandardPageFactory(parent=home["nl"], slug="anders")
    with commit():
        testimonial = TestimonialFactory(theme=theme)
    quoting.body = [("testimonial", {"testimonial": testimonial})]
    with commit():
        quoting.save_revision().publish()
    for path in ("/nl/themas/werk/", "/nl/citaten/", "/nl/anders/"):
        assert client.get(path)["X-Page-Cache"] == "miss"
        assert client.get(path)["X-Page-Cache"] == "hit"

    testimonial.quote = "Een nieuwe uitspraak."
    with commit():
        testimonial.save()

    assert client.get("/nl/themas/werk/")["X-Page-Cache"] == "miss"  # it points to the theme
    assert client.get("/nl/citaten/")["X-Page-Cache"] == "miss"  # the page points to it
    assert client.get("/nl/anders/")["X-Page-Cache"] == "hit"
    assert bystander.live


def test_changing_the_navigation_purges_every_page(client, home, about, page_cache, commit):
    client.get("/nl/over-ons/")
    client.get("/en/")
    with commit():
        Navigation.objects.create(locale=home["nl"].locale)
    assert client.get("/nl/over-ons/")["X-Page-Cache"] == "miss"
    assert client.get("/en/")["X-Page-Cache"] == "miss"


def test_any_response_that_used_the_csrf_token_is_private_and_not_stored(rf, page_cache):
    """Whatever the view, a response whose rendering asked for the token: each visitor gets a
    token of their own, never one from the cache."""

    def view_with_a_form(request):
        return HttpResponse(f'<input name="csrfmiddlewaretoken" value="{get_token(request)}">')

    stack = PageCacheMiddleware(CsrfViewMiddleware(view_with_a_form))
    first = stack(rf.get("/nl/formulier/"))
    second = stack(rf.get("/nl/formulier/"))
    for response in (first, second):
        assert "private" in response["Cache-Control"] and "no-cache" in response["Cache-Control"]
        assert "X-Page-Cache" not in response
    assert first.content != second.content


def test_a_page_with_a_csrf_form_is_never_cached_and_its_form_works(home, about, page_cache):
    PageViewRestriction.objects.create(
        page=about, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    first_visitor = Client(enforce_csrf_checks=True)
    second_visitor = Client(enforce_csrf_checks=True)
    first = first_visitor.get("/nl/over-ons/")
    second = second_visitor.get("/nl/over-ons/")
    for response in (first, second):
        assert response.status_code == 200
        assert "private" in response["Cache-Control"] and "no-cache" in response["Cache-Control"]
        assert "X-Page-Cache" not in response
    first_token = first.context["csrf_token"]
    assert str(first_token) != str(second.context["csrf_token"])

    form_url = (
        f"/_util/authenticate_with_password/{about.get_view_restrictions()[0].pk}/{about.pk}/"
    )
    answer = first_visitor.post(
        form_url,
        {"password": "geheim", "return_url": "/nl/over-ons/", "csrfmiddlewaretoken": first_token},
    )
    assert answer.status_code == 302
    assert first_visitor.get("/nl/over-ons/").status_code == 200


class PurgeRecorder(BaseHTTPRequestHandler):
    purged = []

    def do_PURGE(self):  # noqa: N802 (the HTTP method's name)
        PurgeRecorder.purged.append((self.headers["Host"], self.path))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def varnish(settings):
    """A stand-in for Varnish on a local port that records the PURGE requests it gets."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), PurgeRecorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    PurgeRecorder.purged = []
    settings.WAGTAILFRONTENDCACHE = {
        **settings.WAGTAILFRONTENDCACHE,
        "varnish": {
            "BACKEND": "core.caching.varnish.TimeoutHTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_port}",
            "TIMEOUT": 2,
        },
    }
    yield PurgeRecorder.purged
    server.shutdown()


def test_publishing_sends_purges_to_varnish_for_the_page_its_parents_and_translation(
    home, about, varnish, commit
):
    with commit():
        english = publish_translation(about, "en", title="About us", slug="about-us")
    varnish.clear()
    english.title = "About the platform"
    with commit():
        english.save_revision().publish()
    paths = {path for _host, path in varnish}
    assert {"/en/about-us/", "/en/", "/nl/over-ons/"} <= paths
    assert all(host == "testserver" for host, _path in varnish)


def test_locales_are_looked_up_once_until_one_changes(locales, django_assert_num_queries):
    """Wagtail asks for the locale of a language many times per page (core/compat.py keeps
    the answer with what every page shows, core/caching/sitecache.py): a request after the
    first checks only the content generation, once."""

    def in_a_request(lookups):
        return RequestCacheMiddleware(lambda request: lookups())(None)

    in_a_request(lambda: (Locale.objects.get_for_language("en"), Locale.get_default()))
    with django_assert_num_queries(1):
        assert in_a_request(
            lambda: (Locale.objects.get_for_language("en"), Locale.get_default())
        ) == (locales["en"], locales["nl"])
    locales["en"].save()  # a change to the locales: looked up afresh
    with django_assert_num_queries(2):
        assert in_a_request(lambda: Locale.objects.get_for_language("en")) == locales["en"]
