"""The editors' work in a real browser: moderation of a new publication, and a translation
made in wagtail-localize's editor."""

import pytest

from dossiers.models import PublicationPage
from tests.browser.conftest import choose_many, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def choose(page, field, button, title):
    """Pick ``title`` in the chooser modal of the page editor's ``field``."""
    section = page.locator(f"#panel-child-inhoud-{field}-section")
    section.get_by_role("button", name=button).click()
    page.locator(".modal-dialog").get_by_role("link", name=title).first.click()
    section.get_by_text(title).first.wait_for()


def open_actions(page):
    page.get_by_role("button", name="Meer acties").click()


def test_editor_submits_a_publication_and_the_moderator_approves_it(site, new_page):
    editor = new_page()
    log_in(editor, "redacteur")
    editor.goto(f"/admin/pages/add/dossiers/publicationpage/{site['library'].pk}/")
    editor.fill("#id_title", "Werk voor statushouders")
    editor.select_option("#id_publication_type", "report")
    editor.fill("#id_publication_date", "2017-11-01")
    editor.fill(
        "#id_summary", "Hoe gemeenten vluchtelingen met een verblijfsvergunning aan werk helpen."
    )
    choose(editor, "document", "Kies een document", "Jaarbericht 2017 (pdf)")
    choose(editor, "image", "Kies een afbeelding", "Omslag jaarbericht")
    choose_many(editor, "themes", "Thema's toevoegen", "Participatie")
    body = editor.locator("#panel-child-inhoud-body-section")
    body.get_by_role("button", name="Blok invoegen").first.click()
    editor.get_by_role("option", name="Tekst").click()
    body.locator("[contenteditable=true]").first.click()
    editor.keyboard.type("Werk is de snelste weg naar meedoen.")
    # Wagtail saves a draft by itself while the editor types; submit once it has
    editor.get_by_text("Opgeslagen", exact=True).first.wait_for()
    open_actions(editor)
    with editor.expect_navigation():
        editor.click("button[name='action-submit']")
    editor.get_by_text("ter goedkeuring ingediend").first.wait_for()

    publication = PublicationPage.objects.get(title="Werk voor statushouders")
    assert not publication.live
    assert publication.workflow_in_progress

    moderator = new_page()
    log_in(moderator, "eindredacteur")
    moderator.goto(f"/admin/pages/{publication.pk}/edit/")
    open_actions(moderator)
    with moderator.expect_navigation():
        moderator.click("[data-workflow-action-name='approve']")

    publication.refresh_from_db()
    assert publication.live

    visitor = new_page()
    visitor.goto(publication.url)
    assert visitor.locator("h1").inner_text() == "Werk voor statushouders"
    assert visitor.get_by_text("Werk is de snelste weg naar meedoen.").is_visible()
    for listing in (site["library"], site["theme"]):
        visitor.goto(listing.url)
        link = visitor.locator("main").get_by_role("link", name="Werk voor statushouders")
        assert link.first.get_attribute("href") == publication.url, listing.url


def test_editor_translates_a_theme_a_moderator_publishes_it_and_the_switcher_leads_to_it(
    site, new_page
):
    """Every language is moderated: the editor translates, the Eindredactie publishes."""
    theme = site["untranslated_theme"]
    editor = new_page()
    log_in(editor, "redacteur")
    editor.goto(f"/admin/localize/submit/page/{theme.pk}/")
    editor.get_by_label("English").check()
    with editor.expect_navigation():
        editor.get_by_role("button", name="Verzenden").click()
    editor.get_by_text("succesvol verzonden om in English vertaald te worden").wait_for()
    translate(editor, "Sociale stabiliteit", "Social stability")
    translate(editor, "Spanningen in wijken", "Tensions in neighbourhoods and how to prevent them.")
    translate(editor, "sociale-stabiliteit", "social-stability")  # with the content
    assert editor.get_by_role("button", name="Publiceer in").count() == 0
    translation_editor = editor.url

    moderator = new_page()
    log_in(moderator, "eindredacteur")
    moderator.goto(translation_editor)
    with moderator.expect_navigation():
        moderator.get_by_role("button", name="Publiceer in").click()

    visitor = new_page()
    visitor.goto(theme.url)
    visitor.locator(".language-switcher").get_by_role("link", name="English").click()
    visitor.wait_for_url("**/en/themes/social-stability/")
    assert visitor.locator("h1").inner_text() == "Social stability"
    assert visitor.locator("html").get_attribute("lang") == "en"


def translate(page, source_text, translation):
    """Translate one segment in wagtail-localize's editor."""
    segment = page.locator("li", has_text=source_text).last
    segment.get_by_role("button", name="Vertaal").click()
    segment.locator("textarea").fill(translation)
    segment.get_by_role("button", name="Opslaan").click()
    segment.get_by_text(translation).wait_for()
