"""An editor chooses partners, themes and speakers of an event in the page editor: searches
the chooser, adds a new speaker from inside it, removes a theme and saves; the browser
reports no error on the way (tests/browser/watch.py)."""

import pytest

from events.models import EventPage
from tests import factories
from tests.browser.conftest import choose_action, choose_many, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def add(page, field, button):
    """Open the chooser of the editor's ``field``; returns the modal."""
    page.locator(f"#id_{field}-chooser").get_by_role("button", name=button).click()
    modal = page.locator(".modal-dialog")
    modal.wait_for()
    return modal


def chosen(page, field):
    return page.locator(f"#id_{field}-chooser .multiple-chooser__title")


def test_editor_chooses_partners_themes_and_a_new_speaker_and_saves(site, new_page, locales):
    utrecht = factories.PartnerFactory(name="Gemeente Utrecht", slug="utrecht")
    english = utrecht.copy_for_translation(locales["en"])
    english.name = "Municipality of Utrecht"
    english.save()
    factories.PartnerFactory(name="Movisie", slug="movisie")
    event = site["event"]
    editor = new_page()
    log_in(editor, "redacteur")
    editor.goto(f"/admin/pages/{event.pk}/edit/")

    modal = add(editor, "partners", "Organiserende partners toevoegen")
    assert not modal.get_by_text("Municipality of Utrecht").count()  # English: not listed
    modal.get_by_role("textbox").first.fill("utre")
    modal.get_by_text("Movisie").wait_for(state="detached")
    modal.locator("label", has_text="Gemeente Utrecht").click()
    modal.get_by_role("button", name="Selectie bevestigen").click()
    chosen(editor, "partners").filter(has_text="Gemeente Utrecht").wait_for()

    choose_many(editor, "themes", "Thema's toevoegen", "Sociale stabiliteit")
    themes = editor.locator("#id_themes-chooser")
    themes.locator("li", has_text="Participatie").get_by_role("button").click()

    modal = add(editor, "speakers", "Sprekers toevoegen")
    modal.get_by_role("tab", name="Nieuwe persoon").click()
    modal.get_by_label("Naam").fill("Halleh Ghorashi")
    modal.get_by_label("Rol").fill("hoogleraar")
    modal.locator("form").get_by_role("button", name="Persoon toevoegen").click()
    chosen(editor, "speakers").filter(has_text="Halleh Ghorashi").wait_for()

    choose_action(editor, "Bewaar concept")
    editor.get_by_text("is gewijzigd").first.wait_for()

    draft = EventPage.objects.get(pk=event.pk).get_latest_revision_as_object()
    assert [partner.name for partner in draft.partners.all()] == ["Gemeente Utrecht"]
    assert [theme.title for theme in draft.themes.all()] == ["Sociale stabiliteit"]
    assert [person.name for person in draft.speakers.all()] == ["Halleh Ghorashi"]
    assert chosen(editor, "themes").all_inner_texts() == ["Sociale stabiliteit"]
    assert editor.watcher.problems == []  # no console error, uncaught error or 5xx
