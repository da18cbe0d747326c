"""Choosing partners, themes and people on a page: searchable choosers in the page's language,
from which an editor may also add a new partner or person (core/choosers.py)."""

import json

from django.apps import apps
from django.test import Client
from django.urls import reverse
from django.utils.http import urlencode

from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

import pytest

from core import choosers
from core.models import Partner, Person
from editorial import groups as editorial
from events.models import EventPage
from tests import factories
from tests.helpers import make_user, soup


@pytest.fixture
def redacteur(site_tree):
    """A member of the editors' group (not a superuser), logged in."""
    editorial.setup_editorial(apps)
    client = Client()
    client.force_login(make_user("redacteur", editorial.EDITORS))
    return client


@pytest.fixture
def partners(locales):
    utrecht = factories.PartnerFactory(name="Gemeente Utrecht", slug="utrecht")
    english = utrecht.copy_for_translation(locales["en"])
    english.name = "Municipality of Utrecht"
    english.save()
    return {
        "utrecht": utrecht,
        "utrecht_en": english,
        "vluchtelingenwerk": factories.PartnerFactory(
            name="VluchtelingenWerk Nederland", slug="vluchtelingenwerk"
        ),
    }


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def chooser_url(client, page, field):
    """The chooser address the page editor's ``field`` opens."""
    html = soup(client.get(edit_url(page)))
    return html.select_one(f"#id_{field}-chooser")["data-chooser-url"]


def listed(client, url, **params):
    """The titles a chooser modal (or its search results) lists."""
    if params:
        url = f"{url}{'&' if '?' in url else '?'}{urlencode(params)}"
    response = client.get(url)
    assert response.status_code == 200
    # The modal answers JSON holding its HTML; its search results are HTML.
    is_json = response["Content-Type"].startswith("application/json")
    html = json.loads(response.content)["html"] if is_json else response.content
    return {link.get_text(strip=True) for link in soup(html).select("td.title a, td.title label")}


def test_the_partner_chooser_lists_only_the_partners_in_the_language_of_the_page(
    redacteur, site_tree, partners
):
    dutch, english = site_tree["project"]["nl"], site_tree["project"]["en"]

    url = chooser_url(redacteur, dutch, "partners")
    assert listed(redacteur, url) == {"Gemeente Utrecht", "VluchtelingenWerk Nederland"}
    url = chooser_url(redacteur, english, "partners")
    assert listed(redacteur, url) == {"Municipality of Utrecht"}


def test_a_new_page_chooses_in_the_language_of_its_parent(redacteur, site_tree, partners):
    parent = site_tree["theme"]["en"]
    add = reverse("wagtailadmin_pages:add", args=["themes", "projectpage", parent.pk])

    url = soup(redacteur.get(add)).select_one("#id_partners-chooser")["data-chooser-url"]

    assert listed(redacteur, url) == {"Municipality of Utrecht"}


def test_the_theme_chooser_lists_only_the_themes_in_the_language_of_the_page(redacteur, site_tree):
    url = chooser_url(redacteur, site_tree["dossier"]["en"], "themes")
    assert listed(redacteur, url) == {"Participation", "Inclusion"}


def test_searching_a_chooser_finds_by_part_of_a_word(redacteur, site_tree, partners):
    factories.PersonFactory(name="Sabine de Bruijn", organisation="Universiteit Utrecht")
    factories.PersonFactory(name="Jan Jansen")
    event = factories.EventPageFactory(parent=site_tree["home"]["nl"])
    partner_url = chooser_url(redacteur, event, "partners")
    person_url = chooser_url(redacteur, event, "speakers")
    theme_url = chooser_url(redacteur, event, "themes")
    results = reverse("wagtailsnippetchoosers_core_partner:choose_results")

    assert listed(redacteur, partner_url, q="utre") == {"Gemeente Utrecht"}
    assert listed(redacteur, results, q="vluchtelingen", locale="nl") == {
        "VluchtelingenWerk Nederland"
    }
    assert listed(redacteur, person_url, q="bruijn") == {"Sabine de Bruijn"}
    assert listed(redacteur, person_url, q="universiteit") == {"Sabine de Bruijn"}
    assert listed(redacteur, theme_url, q="particip") == {"Participatie"}
    assert listed(redacteur, partner_url, q="nergens") == set()


def test_an_editor_adds_a_partner_from_the_chooser_as_a_draft_in_the_language_of_the_page(
    redacteur, site_tree
):
    url = chooser_url(redacteur, site_tree["project"]["en"], "partners")
    create = reverse("wagtailsnippetchoosers_core_partner:create") + url[url.index("?") :]

    response = redacteur.post(
        create, {"name": "City of Rotterdam", "slug": "rotterdam", "kind": "municipality"}
    )

    partner = Partner.objects.get(name="City of Rotterdam")
    assert json.loads(response.content)["result"] == [
        {
            "id": str(partner.pk),
            "string": "City of Rotterdam",
            "edit_url": reverse("wagtailsnippets_core_partner:edit", args=[partner.pk]),
        }
    ]
    assert partner.locale.language_code == "en"
    assert not partner.live  # published by the moderators, like any partner
    assert partner.latest_revision is not None


def test_a_partner_with_a_slug_taken_in_that_language_is_refused_with_a_message(
    redacteur, site_tree, partners
):
    url = chooser_url(redacteur, site_tree["project"]["nl"], "partners")
    create = reverse("wagtailsnippetchoosers_core_partner:create") + url[url.index("?") :]

    response = redacteur.post(
        create, {"name": "Utrecht", "slug": "utrecht", "kind": "municipality"}
    )

    assert response.status_code == 200
    assert json.loads(response.content)["step"] == "reshow_creation_form"
    assert Partner.objects.filter(slug="utrecht", locale__language_code="nl").count() == 1


def test_an_editor_adds_a_speaker_from_the_chooser(redacteur, site_tree):
    event = factories.EventPageFactory(parent=site_tree["home"]["nl"])
    url = chooser_url(redacteur, event, "speakers")
    create = reverse("wagtailsnippetchoosers_core_person:create") + url[url.index("?") :]

    response = redacteur.post(create, {"name": "Halleh Ghorashi", "role": "hoogleraar"})

    person = Person.objects.get(name="Halleh Ghorashi")
    assert json.loads(response.content)["step"] == "chosen"
    assert person.locale.language_code == "nl"


def test_the_editor_saves_the_chosen_partners_and_finds_them_chosen_again(
    redacteur, site_tree, partners
):
    project = site_tree["project"]["nl"]
    chosen = [partners["vluchtelingenwerk"], partners["utrecht"]]
    data = nested_form_data(
        {
            "title": project.title,
            "slug": project.slug,
            "summary": project.summary,
            "start_year": 2017,
            "status": "running",
            "body": streamfield([]),
            "comments": inline_formset([]),
        }
    )
    data["partners"] = [str(partner.pk) for partner in chosen]

    response = redacteur.post(edit_url(project), data)

    assert response.status_code == 302
    project.refresh_from_db()
    draft = project.get_latest_revision_as_object()
    assert set(draft.partners.all()) == set(chosen)
    html = soup(redacteur.get(edit_url(project)))
    titles = {
        item.get_text(strip=True)
        for item in html.select("#id_partners-chooser .multiple-chooser__title")
    }
    assert titles == {"Gemeente Utrecht", "VluchtelingenWerk Nederland"}


def test_page_forms_can_be_built_before_the_admin_registers_its_viewsets(monkeypatch):
    """System checks build every page form, possibly before Wagtail registers the chooser
    viewsets (the order of checks is not fixed): that must not fail."""
    monkeypatch.setattr(choosers, "CHOOSERS", {})
    panel = choosers.ChooseManyPanel("themes").bind_to_model(EventPage)
    assert isinstance(panel.get_form_options()["widgets"]["themes"], choosers.MultipleChooser)
