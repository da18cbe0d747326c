"""Nothing private reaches a public output (docs/security.md).

One site is built for the whole module, with a public side (Dutch and English) and, each
marked with a unique string in its title or name, its slug or file name and its file's
content:

- a draft page, an unpublished one, a scheduled one and an expired one;
- a page under each kind of view restriction (login, password, groups), each with a child;
  an English translation under a restriction; an untranslated (draft) English copy;
- a draft partner and a draft testimonial (snippets with draft state);
- a document and an image in a private collection, and a document only a draft page uses.

The public side names them wherever an editor could: the restricted themes are chosen on a
publication, a question, a dossier, the annual report and the footer; the draft partner on
a project; the private document is a publication's download.

Then every public output is requested: every address of the sitemap, every URL pattern of
the site (tests/public_outputs.py: feeds, open data, API with ``fields=*``, permanent links,
share images, media, robots.txt, …) with its parameters filled with the id and name of every
object (private ones included), and every GET form found on those pages (search, filters)
with each of its choices and each marker. No answer may contain a marker (in its body or
``Location``), other than one the request itself carried.
"""

from urllib.parse import unquote, urlencode

from django.test import Client

from wagtail.models import get_page_models

import pytest

from tests.output_site import SECRET_WORD, built_once
from tests.public_outputs import concrete_urls, get_forms, public_patterns, sitemap_urls


@pytest.fixture(scope="module")
def leaky_site(django_db_setup, django_db_blocker, tmp_path_factory):
    with built_once(django_db_blocker, tmp_path_factory) as site:
        yield site


@pytest.fixture
def media_root(settings, leaky_site):
    """(Replaces the conftest's: the site's files stay where it was built.)"""
    settings.MEDIA_ROOT = leaky_site.media_root
    return settings.MEDIA_ROOT


class Leaks:
    """Requests outputs and collects every answer that shows a marker."""

    def __init__(self, site):
        self.site = site
        self.client = Client()
        self.seen = set()
        self.found = []
        self.pages = {}

    def get(self, url, **params):
        if params:
            url = f"{url}?{urlencode(params, doseq=True)}"
        if url in self.seen:
            return None
        self.seen.add(url)
        response = self.client.get(url)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        if response.status_code >= 500:
            self.found.append(f"{url} answered {response.status_code}")
        asked = unquote(url).lower()
        shown = (body + response.get("Location", "").encode()).lower()
        for value in self.site.markers:
            if value not in asked and value.encode() in shown:
                self.found.append(f"{url} ({response.status_code}) shows {value}")
        if response.status_code == 200 and "html" in response.get("Content-Type", ""):
            self.pages[url] = body.decode("utf-8", "replace")
        return response


def test_no_page_of_the_sitemap_shows_anything_private(db, leaky_site):
    leaks = Leaks(leaky_site)
    urls = sitemap_urls(leaks.client)
    assert {url.split("/")[1] for url in urls} == {"nl", "en"}
    for url in urls:
        leaks.get(url)
    assert leaks.found == [], "\n".join(leaks.found)


def test_no_url_of_the_site_shows_or_serves_anything_private(db, leaky_site):
    """Every pattern, each parameter filled with every object's id and name; the API with
    ``fields=*``, per page type and language."""
    leaks = Leaks(leaky_site)
    page_types = [f"{model._meta.app_label}.{model.__name__}" for model in get_page_models()]
    for pattern in public_patterns():
        for url in concrete_urls(pattern, leaky_site.ints, leaky_site.strings, leaky_site.pairs):
            leaks.get(url)
            api = pattern.api_view
            if api is None:
                continue
            leaks.get(url, fields="*")
            if "type" in api.known_query_parameters and not pattern.kinds:
                for page_type in page_types:
                    for locale in ("nl", "en"):
                        leaks.get(url, type=page_type, fields="*", locale=locale)
    assert leaks.found == [], "\n".join(leaks.found)


def test_no_search_or_filter_shows_anything_private(db, leaky_site):
    """Every GET form of every page (search, library, questions, partners): a text field
    with the word every private item carries, a choice with each of its values and the id
    and slug of every page that is not public."""
    leaks = Leaks(leaky_site)
    for url in sitemap_urls(leaks.client):
        leaks.get(url)
    searches = set()
    for url, html in list(leaks.pages.items()):
        for action, fields in get_forms(html):
            action = action or url.split("?")[0]
            for name, values in fields.items():
                tried = {*values, *leaky_site.private_pages} if values else {SECRET_WORD}
                searches.update((action, name, value) for value in tried)
    for action, name, value in sorted(searches):
        leaks.get(action, **{name: value})
    assert leaks.found == [], "\n".join(leaks.found)
