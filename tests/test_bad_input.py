"""No public endpoint answers 5xx, whatever it is sent (property-based, with Hypothesis).

Every URL pattern of the site (tests/public_outputs.py: feeds, open data, the API, permanent
links, share images, media, statistics, the newsletter signup, …) and every page of the
sitemap get generated junk — NUL bytes, quotes, invalid UTF-8 percent-escapes, huge and
negative numbers, Unicode digits, 10,000-character values, repeated parameters — in their
path parameters and in every parameter they know (the API's own, the fields of the forms on
the pages), by GET and by POST. A bad input must get a clear 4xx, never a 5xx.
"""

from urllib.parse import quote

from django.test import Client

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.output_site import built_once
from tests.public_outputs import get_forms, public_patterns, sitemap_urls

EXAMPLES = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Parameters the site's views read, besides the fields of the forms on its pages.
KNOWN_PARAMETERS = [
    "q",
    "page",
    "theme",
    "type",
    "year",
    "kind",
    "sort",
    "v",
    "next",
    "locale",
    "token",
    "email",
]

junk = st.one_of(
    st.text(max_size=40),
    st.sampled_from(
        [
            "\x00",
            "a\x00b",
            "'",
            '"',
            '"unbalanced',
            "' OR 1=1 --",
            "²",
            "١٢٣",
            "-1",
            "-99999999999999999999",
            "9" * 40,
            str(2**63),
            "1e309",
            "NaN",
            "2017-13-45",
            "not-a-date",
            "../../etc/passwd",
            "x" * 10_000,
            "*",
            ",",
            "-",
        ]
    ),
    st.integers().map(str),
)
# percent-escapes that are not UTF-8, written into the query string as they are
raw_escapes = st.sampled_from(["%ff", "%c3%28", "%00", "%e2%82", "%", "%zz", "%ed%a0%80"])


@pytest.fixture(scope="module")
def output_site(django_db_setup, django_db_blocker, tmp_path_factory):
    with built_once(django_db_blocker, tmp_path_factory) as site:
        yield site


@pytest.fixture
def media_root(settings, output_site):
    """(Replaces the conftest's: the site's files stay where it was built.)"""
    settings.MEDIA_ROOT = output_site.media_root
    return settings.MEDIA_ROOT


@st.composite
def query_strings(draw, names):
    """A query string of up to five parameters (names may repeat), maybe with a raw
    invalid percent-escape."""
    pairs = draw(st.lists(st.tuples(st.sampled_from(names), junk), max_size=5))
    parts = [f"{quote(name)}={quote(value)}" for name, value in pairs]
    if draw(st.booleans()):
        parts.append(f"{draw(st.sampled_from(names))}={draw(raw_escapes)}")
    return "&".join(parts)


def path_values(kinds):
    values = {
        "int": st.one_of(st.integers(min_value=0, max_value=2**70).map(str), junk),
        "str": junk,
    }
    return st.tuples(*(values[kind] for kind in kinds))


def parameter_names(pattern):
    api = pattern.api_view
    names = sorted(api.known_query_parameters) if api else []
    return [*names, *KNOWN_PARAMETERS, "publication_date", "id", "title", "slug"]


def send(client, method, url):
    path, _sep, query = url.partition("?")
    if method == "get":
        return client.get(path, QUERY_STRING=query)
    return client.post(path, data=query, content_type="application/x-www-form-urlencoded")


def unique_by_view():
    """One pattern per view and parameter kinds (the other language's is the same view)."""
    patterns = {}
    for pattern in public_patterns():
        patterns.setdefault((pattern.name, pattern.template.split("/")[1]), pattern)
    return list(patterns.values())


@pytest.mark.parametrize("pattern", unique_by_view(), ids=lambda pattern: pattern.template)
def test_no_url_pattern_answers_5xx_to_junk(db, output_site, pattern):
    client = Client()

    @EXAMPLES
    @given(
        values=path_values(pattern.kinds),
        query=query_strings(parameter_names(pattern)),
        method=st.sampled_from(["get", "post"]),
    )
    def check(values, query, method):
        path = pattern.template.format(*(quote(value, safe="") for value in values))
        response = send(client, method, f"{path}?{query}")
        assert response.status_code < 500, (method, path, query)

    check()


def test_no_page_answers_5xx_to_junk_in_its_forms(db, output_site):
    """Every page of the sitemap, with the fields of its forms (search, filters, the
    question and newsletter forms) and the known parameters."""
    client = Client()
    pages = {}
    for url in sitemap_urls(client):
        names = set(KNOWN_PARAMETERS)
        html = client.get(url).content.decode()
        for _action, fields in get_forms(html, methods=("get", "post")):
            names.update(fields)
        pages[url] = sorted(names)
    urls = sorted(pages)

    @settings(EXAMPLES, max_examples=50)
    @given(data=st.data(), method=st.sampled_from(["get", "post"]))
    def check(data, method):
        url = data.draw(st.sampled_from(urls))
        query = data.draw(query_strings(pages[url]))
        response = send(client, method, f"{url}?{query}")
        assert response.status_code < 500, (method, url, query)

    check()
