"""The Wagtail admin under the site's Content-Security-Policy, in a real browser: an
editor edits a page, previews it (in the panel and in a new tab), saves a draft and publishes,
and neither the admin, the previews nor the public page report one violation of the policy.

The window's watcher (tests/browser/watch.py) collects the violations.
The live server runs the policies of every environment (SECURE_CSP and ADMIN_CSP in
site_cms/settings/base.py; production changes neither), and the test checks that the
responses carry them.
"""

from wagtail.rich_text import RichText

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import choose_action, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WATCH_EDITS = """
document.addEventListener("w-unsaved:watch-edits", () => {
  document.documentElement.dataset.watchingEdits = "true";
});
"""


def policy(response):
    """The response's Content-Security-Policy as {directive: [sources]}."""
    directives = response.headers["content-security-policy"].split(";")
    return {name: sources for name, *sources in (d.split() for d in directives if d.strip())}


def test_editor_edits_previews_and_publishes_a_page_without_csp_violations(site, new_page):
    dossier = site["dossier"]
    dossier.body = [("paragraph", RichText("<p>Wat gemeenten doen.</p>"))]
    dossier.save_revision().publish()
    editor = new_page()
    editor.add_init_script(WATCH_EDITS)

    log_in(editor, "eindredacteur")
    response = editor.goto(f"/admin/pages/{dossier.pk}/edit/")
    admin_policy = policy(response)
    assert admin_policy["default-src"] == ["'self'"]
    assert admin_policy["frame-ancestors"] == ["'self'"]
    editor.locator("[data-side-panel-toggle='preview']").click()
    panel = editor.frame_locator("#w-preview-iframe")
    expect(panel.locator("h1")).to_have_text("Dossier vluchtelingen")
    # the editor notices changes (and updates the preview) from 2 s after it opened
    editor.locator("html[data-watching-edits]").wait_for(state="attached")
    editor.fill("#id_title", "Dossier statushouders")
    paragraph = editor.locator("#panel-child-inhoud-body-section [contenteditable=true]").first
    paragraph.click()
    editor.keyboard.press("End")
    editor.keyboard.type(" En wat werkt.")
    expect(panel.locator("h1")).to_have_text("Dossier statushouders")
    expect(panel.locator("main")).to_contain_text("Wat gemeenten doen. En wat werkt.")
    with editor.context.expect_page() as new_tab:
        editor.locator("[data-w-preview-target='newTab']").click()
    tab = new_tab.value
    expect(tab.locator("h1")).to_have_text("Dossier statushouders")
    expect(tab.locator("main")).to_contain_text("Wat gemeenten doen. En wat werkt.")
    tab.close()

    choose_action(editor, "Bewaar concept")
    dossier.refresh_from_db()
    assert dossier.has_unpublished_changes
    assert dossier.get_latest_revision_as_object().title == "Dossier statushouders"
    choose_action(editor, "Publiceren")
    dossier.refresh_from_db()
    assert dossier.title == "Dossier statushouders"
    assert not dossier.has_unpublished_changes

    visitor = editor.context.new_page()
    response = visitor.goto(dossier.url)
    public_policy = policy(response)
    assert public_policy["script-src"][0] == "'self'"
    assert "'unsafe-inline'" not in public_policy["script-src"]
    assert "'unsafe-inline'" not in public_policy["style-src"]
    assert visitor.locator("h1").inner_text() == "Dossier statushouders"
    expect(visitor.locator("main")).to_contain_text("Wat gemeenten doen. En wat werkt.")
    assert editor.watcher.csp_violations == []
