"""An editor uploads an image inside the image chooser of a page's edit view, once new and
once again (Wagtail then asks whether to use the image already in the library); the browser
reports no error on the way (tests/browser/watch.py)."""

from wagtail.images import get_image_model

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import log_in
from tests.browser.test_editor_week import png

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def choose_another(page, section):
    """The chooser's actions menu (shown outside the section) → "Wijzig afbeelding"."""
    section.get_by_role("button", name="Acties").click()
    page.get_by_role("button", name="Wijzig afbeelding").click()


def upload(modal, title, content):
    modal.get_by_role("tab", name="Uploaden").click()
    modal.locator("input[type=file]").set_input_files(
        {"name": "grafiek.png", "mimeType": "image/png", "buffer": content}
    )
    modal.get_by_label("Titel").fill(title)
    modal.get_by_role("button", name="Uploaden").click()


def test_editor_uploads_an_image_in_the_chooser_then_the_same_one_again(site, new_page):
    publication = site["publication"]
    content = png()
    editor = new_page()
    log_in(editor, "redacteur")
    editor.goto(f"/admin/pages/{publication.pk}/edit/")
    section = editor.locator("#panel-child-inhoud-image-section")
    modal = editor.locator(".modal-dialog")

    choose_another(editor, section)
    upload(modal, "Grafiek instroom", content)
    expect(section).to_contain_text("Grafiek instroom")

    # the same file again: Wagtail shows both images and asks which one to use
    choose_another(editor, section)
    upload(modal, "Grafiek instroom (opnieuw)", content)
    expect(modal).to_contain_text("dubbeling")
    modal.get_by_role("link", name="Gebruik bestaande en verwijder nieuwe").click()
    expect(modal).to_have_count(0)
    expect(section).to_contain_text("Grafiek instroom")
    expect(section).not_to_contain_text("opnieuw")
    images = get_image_model().objects.filter(title__startswith="Grafiek instroom")
    assert [image.title for image in images] == ["Grafiek instroom"]
