"""Every public output of the site, found from the URL configuration and the sitemap.

Used by the leak test and the bad-input test, so that a new URL (a feed, an export, an API
endpoint) is covered by both without editing them.

- ``public_patterns()``: every URL pattern outside the admin and Wagtail's page view, with
  the converters of its parameters; the i18n patterns once per language.
- ``concrete_urls(pattern, ints, strings, pairs)``: the pattern filled with ids and strings
  (``pairs``: (int, str) and (int, int) tuples for patterns with two parameters, such as a
  document's id and file name).
- ``sitemap_urls(client)``: the <loc> and alternate addresses of /sitemap.xml.
- ``get_forms(html)``: the GET forms of a page (search, library and question filters) as
  (action, {name: [values]}).
"""

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.converters import IntConverter
from django.urls.resolvers import LocalePrefixPattern, RegexPattern, RoutePattern
from django.utils import translation

from bs4 import BeautifulSoup

# Wagtail's catch-all page view: its addresses come from the sitemap.
PAGE_VIEW = "wagtail_serve"
# The back office (its own tests cover it).
BACK_OFFICE = "admin/"


@dataclass(frozen=True)
class Pattern:
    """A URL pattern: ``template`` with one ``{}`` per parameter, and each parameter's kind
    ('int' or 'str')."""

    name: str
    template: str
    kinds: tuple
    view: object

    @property
    def api_view(self):
        """The API view class (Wagtail's viewsets), when this is an API endpoint."""
        view_class = getattr(self.view, "cls", None)
        return view_class if hasattr(view_class, "known_query_parameters") else None


def _pieces(pattern):
    """(text with {} for each parameter, kinds) of one pattern."""
    if isinstance(pattern, LocalePrefixPattern):
        return pattern.language_prefix, ()
    if isinstance(pattern, RoutePattern):
        route = str(pattern)
        kinds = []

        def replace(match):
            converter = pattern.converters[match.group("name")]
            kinds.append("int" if isinstance(converter, IntConverter) else "str")
            return "{}"

        return re.sub(r"<(?:\w+:)?(?P<name>\w+)>", replace, route), tuple(kinds)
    if isinstance(pattern, RegexPattern):
        regex = str(pattern).lstrip("^").rstrip("$")
        kinds = []

        def replace(match):
            kinds.append("int" if match.group(0).endswith(r"\d+)") else "str")
            return "{}"

        text = re.sub(r"\((?:\?P<\w+>)?[^()]*(?:\([^()]*\)[^()]*)*\)[*+?]?", replace, regex)
        return text.replace("\\", ""), tuple(kinds)
    raise TypeError(pattern)


def public_patterns():
    """Every public pattern (not the admin, not Wagtail's page view), each language."""
    found = {}
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            _walk(get_resolver().url_patterns, "/", (), found)
    return list(found.values())


def _walk(patterns, prefix, kinds, found):
    for item in patterns:
        text, item_kinds = _pieces(item.pattern)
        if (prefix + text).lstrip("/").startswith(BACK_OFFICE):
            continue
        if isinstance(item, URLResolver):
            _walk(item.url_patterns, prefix + text, kinds + item_kinds, found)
        elif isinstance(item, URLPattern) and item.name != PAGE_VIEW:
            template = prefix + text
            found[template] = Pattern(item.name, template, kinds + item_kinds, item.callback)


def concrete_urls(pattern, ints, strings, pairs):
    """The addresses of ``pattern`` filled with candidate values."""
    if not pattern.kinds:
        return [pattern.template]
    if len(pattern.kinds) == 1:
        values = ints if pattern.kinds[0] == "int" else strings
        return [pattern.template.format(value) for value in values]
    urls = []
    for pair in pairs:
        kinds = tuple("int" if isinstance(value, int) else "str" for value in pair)
        if kinds == pattern.kinds:
            urls.append(pattern.template.format(*pair))
    return urls


def sitemap_urls(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    text = response.content.decode()
    urls = set(re.findall(r"<loc>([^<]+)</loc>", text)) | set(re.findall(r'href="([^"]+)"', text))
    return sorted({urlsplit(url).path for url in urls})


def get_forms(html, methods=("get",)):
    """The forms of a page sent with one of ``methods``: [(action path, {field name:
    [values to try]})]."""
    soup = BeautifulSoup(html, "html.parser")
    forms = []
    for form in soup.find_all("form"):
        if (form.get("method") or "get").lower() not in methods:
            continue
        fields = {}
        for field in form.find_all(["input", "select", "textarea"]):
            name = field.get("name")
            if not name:
                continue
            values = fields.setdefault(name, [])
            if field.name == "select":
                values += [option.get("value", option.text) for option in field.find_all("option")]
            elif field.get("type") in ("checkbox", "radio", "hidden"):
                values.append(field.get("value", "on"))
        forms.append((urlsplit(form.get("action") or "").path, fields))
    return forms
