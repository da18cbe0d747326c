"""Walking the Wagtail admin as a user would: what to visit is found, not listed by hand.

- the admin menu of the user (``admin_menu`` with its submenus: settings, reports, snippets),
- the links of each screen reached from it (one visit per URL shape: ``/pages/N/edit/``),
- each listing with a search term and with every value of each of its filters,
- every chooser in the URL configuration, with a search term, in both locales,
- the add, edit and preview views of every page type and snippet (unsaved and saved).

Used by tests/demo_site/test_admin_crawl.py (and handy from a shell when an admin screen 500s).
"""

import json
import re
import sys
from functools import partial
from urllib.parse import urlencode, urlsplit

from django.core.signals import got_request_exception
from django.test import RequestFactory
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from wagtail.admin.menu import admin_menu
from wagtail.models import Locale, Page, get_page_models
from wagtail.snippets.models import get_snippet_models

from bs4 import BeautifulSoup

SEARCH_TERM = "integratie"
# Links the crawl never follows: they end the session or leave the admin.
SKIPPED = re.compile(r"logout|/admin/password_reset|^/(nl|en)/|/localize/.+/(disable|convert)")
MAX_LINKS_PER_SCREEN = 60


def menu_urls(user):
    """The URLs of every entry of ``user``'s admin menu, submenus included."""
    request = RequestFactory().get(reverse("wagtailadmin_home"))
    request.user = user
    urls = []

    def walk(menu):
        for item in menu.menu_items_for_request(request):
            if getattr(item, "menu", None) is not None:
                walk(item.menu)
            elif item.url:
                urls.append(item.url)

    walk(admin_menu)
    return urls


def chooser_urls():
    """The URL of every chooser (a view named "...choose...", without arguments)."""
    found = []

    def walk(patterns, namespace):
        for entry in patterns:
            if isinstance(entry, URLResolver):
                inner = entry.namespace or namespace
                if entry.namespace and namespace:
                    inner = f"{namespace}:{entry.namespace}"
                walk(entry.url_patterns, inner)
            elif isinstance(entry, URLPattern) and entry.name and "choose" in entry.name:
                name = f"{namespace}:{entry.name}" if namespace else entry.name
                if not entry.pattern.regex.groups:
                    found.append(name)

    walk(get_resolver().url_patterns, None)
    return sorted({reverse(name) for name in found})


def shape(url):
    """The URL with its numbers and query values taken out: one visit per shape."""
    parts = urlsplit(url)
    keys = sorted(part.split("=")[0] for part in parts.query.split("&") if part)
    return re.sub(r"\d+", "N", parts.path) + "?" + "&".join(keys)


def admin_links(html):
    soup = BeautifulSoup(html, "html.parser")
    links = []
    for anchor in soup.select("a[href]"):
        href = anchor["href"]
        if href.startswith("/admin/") and not SKIPPED.search(href) and "#" not in href:
            links.append(href)
    return links[:MAX_LINKS_PER_SCREEN]


def filter_urls(url, html):
    """``url`` with each value of each filter of the listing's filter form (GET forms)."""
    soup = BeautifulSoup(html, "html.parser")
    urls = []
    for form in soup.find_all("form"):
        if (form.get("method") or "get").lower() != "get":
            continue
        for select in form.find_all("select"):
            for option in select.find_all("option"):
                if option.get("value"):
                    urls.append(_with_query(url, {select["name"]: option["value"]}))
        for choice in form.find_all("input", type=["checkbox", "radio"]):
            if choice.get("name") and choice.get("value"):
                urls.append(_with_query(url, {choice["name"]: choice["value"]}))
    return urls


def _with_query(url, params):
    separator = "&" if "?" in url else "?"
    return url + separator + urlencode(params)


def form_data(html, **overrides):
    """What a browser would post from the admin's edit form in ``html``."""
    soup = BeautifulSoup(html, "html.parser")
    forms = [form for form in soup.find_all("form") if form.find(attrs={"name": "title"})]
    form = forms[0] if forms else max(soup.find_all("form"), key=lambda f: len(str(f)))
    data = {}
    for field in form.find_all(["input", "textarea", "select"]):
        name = field.get("name")
        if not name or field.get("type") in ("submit", "button", "file"):
            continue
        if field.find_parent("template"):  # a browser posts no field of a <template>
            continue
        if field.name == "textarea":
            data[name] = field.get_text()
        elif field.name == "select":
            chosen = field.find_all("option", selected=True) or field.find_all("option")[:1]
            if chosen and chosen[0].get("value") is not None:
                data[name] = chosen[0]["value"]
        elif field.get("type") in ("checkbox", "radio"):
            if field.has_attr("checked"):
                data[name] = field.get("value", "on")
        else:
            data[name] = field.get("value", "")
    for block in form.select("[data-w-block-arguments-value]"):
        state = json.loads(block["data-w-block-arguments-value"])[0]
        data.update(block_data(block["id"], state))
    for name, value in overrides.items():
        if not data.get(name):
            data[name] = value
    return data


def block_data(prefix, state):
    """The fields StreamField's JavaScript posts for a block whose form state is ``state``."""
    data = {}
    if isinstance(state, list) and all(isinstance(item, dict) for item in state):
        data[f"{prefix}-count"] = len(state)
        for number, item in enumerate(state):
            child = f"{prefix}-{number}"
            data.update({f"{child}-deleted": "", f"{child}-order": number})
            data[f"{child}-id"] = item.get("id") or ""
            if "type" in item:
                data[f"{child}-type"] = item["type"]
            data.update(block_data(f"{child}-value", item.get("value")))
    elif isinstance(state, dict):
        for name, value in state.items():
            data.update(block_data(f"{prefix}-{name}", value))
    elif state is True:
        data[prefix] = "on"
    elif state is not False:
        data[prefix] = "" if state is None else state
    return data


def page_type_urls():
    """(add URL, preview-on-add URL, edit URL or None, preview-on-edit URL or None) per page
    type, below an existing page of a type it may be created under."""
    default = Locale.get_default()
    found = []
    for model in get_page_models():
        if model is Page:
            continue
        app, name = model._meta.app_label, model._meta.model_name
        parent = next(
            (
                candidate
                for parent_model in model.allowed_parent_page_models()
                for candidate in parent_model.objects.filter(locale=default)[:5]
                if model.can_create_at(candidate)
            ),
            None,
        )
        existing = model.objects.first()
        found.append(
            (
                reverse("wagtailadmin_pages:add", args=[app, name, parent.pk]) if parent else None,
                reverse("wagtailadmin_pages:preview_on_add", args=[app, name, parent.pk])
                if parent
                else None,
                reverse("wagtailadmin_pages:edit", args=[existing.pk]) if existing else None,
                reverse("wagtailadmin_pages:preview_on_edit", args=[existing.pk])
                if existing
                else None,
            )
        )
    return found


def snippet_urls():
    """(add URL, preview-on-add URL or None, edit URL or None, preview-on-edit URL or None)
    per snippet model."""
    found = []
    for model in get_snippet_models():
        viewset = model.snippet_viewset
        previewable = viewset.preview_enabled if hasattr(viewset, "preview_enabled") else False
        existing = model.objects.first()
        found.append(
            (
                reverse(viewset.get_url_name("add")),
                reverse(viewset.get_url_name("preview_on_add")) if previewable else None,
                reverse(viewset.get_url_name("edit"), args=[existing.pk]) if existing else None,
                reverse(viewset.get_url_name("preview_on_edit"), args=[existing.pk])
                if existing and previewable
                else None,
            )
        )
    return found


class Crawler:
    """Visits admin URLs with ``client`` and records every answer of 500 or more."""

    def __init__(self, client):
        self.client = client
        self.client.raise_request_exception = False
        self.errors = []
        self.visited = 0
        self.shapes = set()

    def get(self, url):
        return self.request("GET", url)

    def post(self, url, data):
        return self.request("POST", url, data)

    def request(self, method, url, data=None):
        """One request; an answer of 500 or more is recorded with the exception behind it."""
        self.visited += 1
        exceptions = []

        def record(sender, request, **kwargs):
            exceptions.append(repr(sys.exc_info()[1])[:300])

        got_request_exception.connect(record)
        try:
            send = self.client.get if method == "GET" else partial(self.client.post, data=data)
            response = send(url)
        finally:
            got_request_exception.disconnect(record)
        if response.status_code >= 500:
            self.errors.append(f"{method} {url}: {response.status_code} {' '.join(exceptions)}")
        return response

    def html(self, response):
        if response.status_code == 200 and "html" in response.get("Content-Type", ""):
            return response.content.decode()
        return None

    def screen(self, url, depth=1):
        """Visit ``url`` once per shape, then the admin links on it (to ``depth``)."""
        if shape(url) in self.shapes:
            return None
        self.shapes.add(shape(url))
        html = self.html(self.get(url))
        if html and depth:
            for link in admin_links(html):
                self.screen(link, depth - 1)
        return html

    def listing(self, url):
        """A menu entry: the screen, its search and each value of each filter."""
        html = self.screen(url)
        if html is None:
            return
        if 'name="q"' in html:
            self.get(_with_query(url, {"q": SEARCH_TERM}))
        for filtered in filter_urls(url, html):
            self.get(filtered)

    def chooser(self, url):
        for params in ({}, {"q": SEARCH_TERM}, {"q": SEARCH_TERM, "locale": "en"}):
            self.get(_with_query(url, params) if params else url)

    def editing(self, add_url, preview_add_url, edit_url, preview_edit_url):
        """The add and edit forms, and the preview of the unsaved and of the saved object."""
        for form_url, preview_url, overrides in (
            (add_url, preview_add_url, {"title": "Crawltest", "slug": "crawltest"}),
            (edit_url, preview_edit_url, {}),
        ):
            if form_url is None:
                continue
            html = self.html(self.get(form_url))
            if html and preview_url:
                self.post(preview_url, form_data(html, **overrides))
                self.get(preview_url)
