"""A week of an editor (Redacteuren) in a real browser, in Dutch: a new publication with a
body, an author found in the person chooser and a cover image uploaded inside the image
chooser; previewed before its first save and after; saved as a draft and submitted for
moderation; the account page. Then the final editor approves it with a comment and it is
live. Every window is watched for JavaScript errors, CSP violations and 5xx answers."""

import io

from django.core import mail

from wagtail.images import get_image_model

import pytest
from PIL import Image
from playwright.sync_api import expect

from dossiers.models import PublicationPage
from tests import factories
from tests.browser.conftest import choose_action, log_in
from tests.browser.screenshots import screenshot
from tests.browser.test_moderator_week import approve_with_comment

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "Werk voor statushouders"


def png(width=800, height=500):
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (40, 110, 160)).save(buffer, "PNG")
    return buffer.getvalue()


def toggle_preview(page):
    """The preview icon at the top right (Wagtail's tooltip: "Toon/verberg voorvertoning")."""
    page.get_by_role("button", name="Toon/verberg voorvertoning").click()


def test_editor_writes_previews_and_submits_a_publication_which_is_approved(site, new_page):
    factories.PersonFactory(name="Fatima el Amrani", organisation="Universiteit Utrecht")
    factories.PersonFactory(name="Jan de Vries")
    editor = new_page()
    log_in(editor, "redacteur")
    screenshot(editor, "redacteur-dashboard")
    editor.goto(f"/admin/pages/add/dossiers/publicationpage/{site['library'].pk}/")
    editor.fill("#id_title", TITLE)
    editor.select_option("#id_publication_type", "report")
    editor.fill("#id_publication_date", "2017-11-01")
    editor.fill("#id_summary", "Hoe gemeenten statushouders aan werk helpen.")
    body = editor.locator("#panel-child-inhoud-body-section")
    body.get_by_role("button", name="Blok invoegen").first.click()
    editor.get_by_role("option", name="Tekst").click()
    body.locator("[contenteditable=true]").first.click()
    editor.keyboard.type("Werk is de snelste weg naar meedoen.")

    # the preview, before the page was ever saved
    toggle_preview(editor)
    panel = editor.frame_locator("#w-preview-iframe")
    expect(panel.locator("h1")).to_have_text(TITLE)
    expect(panel.locator("main")).to_contain_text("Hoe gemeenten statushouders aan werk helpen.")
    expect(panel.locator("main")).not_to_contain_text("None")
    screenshot(editor, "redacteur-voorbeeld")
    toggle_preview(editor)

    # an author, found by searching in the person chooser
    authors = editor.locator("#panel-child-inhoud-auteurs-section")
    authors.get_by_role("button", name="Voeg Auteurs toe").click()
    modal = editor.locator(".modal-dialog")
    modal.locator("input[name=q]").fill("Fatima")
    expect(modal.get_by_text("Jan de Vries")).to_have_count(0)  # the results are searched
    modal.locator("label", has_text="Fatima el Amrani").click()
    expect(modal.get_by_role("checkbox").first).to_be_checked()
    modal.get_by_role("button", name="Selectie bevestigen").click()
    expect(authors).to_contain_text("Fatima el Amrani")

    # a cover image, uploaded inside the image chooser
    image_section = editor.locator("#panel-child-inhoud-image-section")
    image_section.get_by_role("button", name="Kies een afbeelding").click()
    modal.get_by_role("tab", name="Uploaden").click()
    modal.locator("input[type=file]").set_input_files(
        {"name": "omslag.png", "mimeType": "image/png", "buffer": png()}
    )
    modal.get_by_label("Titel").fill("Omslag werk voor statushouders")
    screenshot(editor, "redacteur-afbeelding-uploaden")
    modal.get_by_role("button", name="Uploaden").click()
    expect(image_section).to_contain_text("Omslag werk voor statushouders")
    assert get_image_model().objects.filter(title="Omslag werk voor statushouders").exists()

    # Wagtail's autosave creates the page and the editor's address becomes its edit view;
    # "Bewaar concept" clicked while that first autosave is still under way posts the form
    # as a new page a second time and is refused ("slug in use"), so the editor waits for
    # it (docs/editors-guide.md)
    editor.wait_for_url("**/edit/")
    choose_action(editor, "Bewaar concept")
    expect(editor.locator(".messages")).not_to_contain_text("fout")
    (publication,) = PublicationPage.objects.filter(title=TITLE)
    assert not publication.live
    draft = publication.get_latest_revision_as_object()
    assert [author.person.name for author in draft.authors.all()] == ["Fatima el Amrani"]
    assert draft.image.title == "Omslag werk voor statushouders"

    # the preview of the saved draft
    toggle_preview(editor)
    expect(panel.locator("h1")).to_have_text(TITLE)
    expect(panel.locator("main")).to_contain_text("Fatima el Amrani")
    expect(panel.locator("main")).to_contain_text("Werk is de snelste weg naar meedoen.")
    toggle_preview(editor)
    screenshot(editor, "redacteur-concept")

    choose_action(editor, "Stuur door naar Moderatie door de eindredactie", "redacteur-doorsturen")
    expect(editor.locator(".messages")).to_contain_text("ter goedkeuring ingediend")
    publication.refresh_from_db()
    assert publication.workflow_in_progress

    editor.goto("/admin/account/")
    # Wagtail's Dutch labels: "Voorkeurstaal" and "Huidige tijdzone", the server's by default
    expect(editor.get_by_label("Voorkeurstaal")).to_be_visible()
    expect(editor.get_by_label("Huidige tijdzone")).to_contain_text("Gebruik server tijdzone")
    screenshot(editor, "redacteur-account")

    # the final editor approves it with a comment, while the editor's window is still open
    editor.goto(f"/admin/pages/{publication.pk}/edit/")
    moderator = new_page()
    log_in(moderator, "eindredacteur")
    moderator.goto(f"/admin/pages/{publication.pk}/edit/")
    mail.outbox.clear()
    approve_with_comment(moderator, "Helder stuk.")
    expect(moderator.locator(".messages")).to_contain_text("gepubliceerd")
    publication = PublicationPage.objects.get(pk=publication.pk)
    assert publication.live and not publication.has_unpublished_changes
    visitor = new_page()
    visitor.goto(publication.url)
    expect(visitor.locator("main")).to_contain_text("Fatima el Amrani")
    to_editor = [m for m in mail.outbox if m.to == [site["editor"].email]]
    assert to_editor and "Helder stuk." in to_editor[-1].body
