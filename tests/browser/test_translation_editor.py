"""A translator in wagtail-localize's editor, in Dutch: the page's URL (its slug) stands with
the title and the text in the content tab, and a segment the server fails to save says so in
Dutch (docs/translation.md)."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import log_in
from tests.browser.test_editorial_flow import translate

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_translator_finds_the_slug_with_the_content_and_reads_dutch(site, new_page):
    theme = site["untranslated_theme"]
    editor = new_page()
    log_in(editor, "redacteur")
    editor.goto(f"/admin/localize/submit/page/{theme.pk}/")
    editor.get_by_label("English").check()
    with editor.expect_navigation():
        editor.get_by_role("button", name="Verzenden").click()

    # as the editor opens, with no tab to switch to: the title, the slug, the introduction
    for text in ("Sociale stabiliteit", "sociale-stabiliteit", "Spanningen in wijken"):
        expect(editor.locator("li", has_text=text).last).to_be_visible()
    translate(editor, "Sociale stabiliteit", "Social stability")
    translate(editor, "sociale-stabiliteit", "social-stability")

    # the server refuses to save a segment: the editor's script says so in Dutch
    editor.route("**/strings/*/edit/", lambda route: route.fulfill(status=500, body=""))
    segment = editor.locator("li", has_text="Spanningen in wijken").last
    segment.get_by_role("button", name="Vertaal").click()
    segment.locator("textarea").fill("Tensions in neighbourhoods.")
    segment.get_by_role("button", name="Opslaan").click()
    expect(segment).to_contain_text("Serverfout")
    editor.watcher.expect("500")
