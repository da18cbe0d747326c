"""The admin speaks Dutch in the choosers and the editor: the labels Wagtail and
wagtail-localize leave in English are translated by the site (core/admin_labels.py,
locale/packages/, docs/translation.md)."""

import datetime
import gettext as gettext_module
import json
import os
from html import unescape
from pathlib import Path

from django.apps import apps
from django.urls import reverse
from django.utils import timezone

import wagtail
import wagtail_localize

import polib
import pytest
import wagtail_factories

from tests.helpers import ROOT, soup

DUTCH = {"HTTP_ACCEPT_LANGUAGE": "nl"}


def modal_html(client, url):
    """The HTML of an admin modal step (Wagtail answers its modal views with JSON)."""
    response = client.get(url, **DUTCH)
    assert response.status_code == 200
    return soup(json.loads(response.content)["html"])


def labels(html):
    return [label.get_text(" ", strip=True).rstrip(" *") for label in html.select("label")]


@pytest.mark.parametrize(
    ("url_name", "expected"),
    [
        ("wagtailadmin_choose_page_external_link", ["URL", "Linktekst"]),
        (
            "wagtailadmin_choose_page_email_link",
            ["E-mailadres", "Linktekst", "Onderwerp", "Berichttekst"],
        ),
        ("wagtailadmin_choose_page_phone_link", ["Telefoonnummer", "Linktekst"]),
        ("wagtailadmin_choose_page_anchor_link", ["#", "Linktekst"]),
    ],
)
def test_the_link_chooser_labels_its_fields_in_dutch(editor_client, url_name, expected):
    # as the rich-text editor opens it: every kind of link allowed
    kinds = "&".join(f"allow_{kind}_link=true" for kind in ("external", "email", "phone", "anchor"))
    html = modal_html(editor_client, f"{reverse(url_name)}?{kinds}")
    assert labels(html) == expected
    assert "E-maillink" in html.get_text()
    assert "Email link" not in html.get_text()


def test_the_document_chooser_names_the_file_column_in_dutch(editor_client):
    wagtail_factories.DocumentFactory(title="Jaarbericht 2017")
    html = modal_html(editor_client, reverse("wagtaildocs_chooser:choose"))
    headers = [th.get_text(strip=True) for th in html.select("thead th")]
    assert "Bestand" in headers
    assert "File" not in headers


def test_the_page_editor_shows_dutch_toolbar_labels_and_times(editor_client, site_tree):
    publication = site_tree["publication"]["nl"]
    revision = publication.save_revision()
    revision.created_at = timezone.now() - datetime.timedelta(days=3)
    revision.save(update_fields=["created_at"])
    response = editor_client.get(f"/admin/pages/{publication.pk}/edit/", **DUTCH)
    # the rich-text toolbar of the body's text blocks (Draftail's feature descriptions, in the
    # definition of the body's blocks)
    blocks = unescape(response.content.decode())
    assert '"description": "Vet"' in blocks and '"description": "Cursief"' in blocks
    assert '"description": "Bold"' not in blocks and '"description": "Italic"' not in blocks
    # the status side panel: when the draft was saved, in Dutch
    status = soup(response).select_one("[data-side-panel='status']").get_text(" ", strip=True)
    assert "3\xa0dagen geleden" in status
    assert "ago" not in status


@pytest.mark.parametrize(
    ("url_name", "english", "dutch"),
    [
        # Wagtail's scripts and wagtail-localize's translation editor
        ("wagtailadmin_javascript_catalog", "Server Error", "Serverfout"),
        ("wagtail_localize:javascript_catalog", "Server error", "Serverfout"),
    ],
)
def test_the_admin_scripts_get_dutch_for_their_untranslated_messages(
    editor_client, url_name, english, dutch
):
    catalog = editor_client.get(reverse(url_name), **DUTCH).content.decode()
    assert f'"{english}": "{dutch}"' in catalog


def package_catalogs(domain):
    """The Dutch catalogs (``domain``) of Wagtail's and wagtail-localize's installed apps."""
    for app in apps.get_app_configs():
        if app.name.split(".")[0] in ("wagtail", "wagtail_localize"):
            yield gettext_module.translation(
                domain, os.path.join(app.path, "locale"), languages=["nl"], fallback=True
            )


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_the_sites_dutch_for_the_packages_is_still_needed(domain):
    """Each string of locale/packages/ is one the packages still write and still leave
    untranslated: after an upgrade, this names the entries to drop."""
    catalogs = list(package_catalogs(domain))
    sources = [
        path.read_text(errors="ignore")
        for package in (wagtail, wagtail_localize)
        for path in Path(package.__file__).parent.rglob("*")
        if path.suffix in (".py", ".html", ".js") and "locale" not in path.parts
    ]
    entries = polib.pofile(ROOT / "locale" / "packages" / "nl" / "LC_MESSAGES" / f"{domain}.po")
    for entry in entries:
        quoted = (f'"{entry.msgid}"', f"'{entry.msgid}'")
        assert any(q in source for q in quoted for source in sources), entry.msgid
        assert all(catalog.gettext(entry.msgid) == entry.msgid for catalog in catalogs), (
            f"{entry.msgid!r} is translated by the package now"
        )
