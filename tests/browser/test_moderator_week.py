"""A week of the final editors (Eindredactie) in a real browser: the dashboard shows what waits
for review, the moderator approves a new page with a comment and it goes live; a page with a
go-live date is scheduled instead. The editor's e-mail carries the comment."""

import datetime

from django.core import mail
from django.utils import timezone

from wagtail.models import Workflow

import pytest
from playwright.sync_api import expect

from dossiers.models import PublicationPage
from tests import factories
from tests.browser.conftest import log_in
from tests.browser.screenshots import screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def submitted_publication(site, title, **fields):
    """A new publication the editor wrote and submitted for moderation (never live)."""
    publication = factories.PublicationPageFactory(
        parent=site["library"], title=title, live=False, **fields
    )
    revision = publication.save_revision(user=site["editor"])
    Workflow.objects.get(name="Moderatie door de eindredactie").start(publication, site["editor"])
    return publication, revision


def approve_with_comment(page, comment, shot=None):
    """Approve with a comment: "Goedkeuren met opmerking en publiceren" under "Meer acties";
    ``shot`` names a screenshot of the dialog."""
    page.get_by_role("button", name="Meer acties").click()
    page.get_by_role("button", name="Goedkeuren met opmerking en publiceren").click()
    modal = page.locator(".modal-dialog")
    modal.get_by_label("Opmerking").fill(comment)
    if shot:
        screenshot(page, shot)
    with page.expect_navigation():
        modal.locator("button[type=submit]").click()


def test_moderator_finds_the_new_page_and_approves_it_with_a_comment(site, new_page):
    publication, _revision = submitted_publication(site, "Werk voor statushouders")
    moderator = new_page()
    log_in(moderator, "eindredacteur")
    queue = moderator.locator("#editorial-queue-section")
    expect(queue).to_contain_text("Werk voor statushouders")
    screenshot(moderator, "eindredactie-dashboard")
    queue.get_by_role("link", name="Werk voor statushouders").first.click()
    moderator.wait_for_url(f"**/admin/pages/{publication.pk}/edit/")
    mail.outbox.clear()
    approve_with_comment(moderator, "Mooi stuk, kort en helder.", "eindredactie-goedkeuren")

    expect(moderator.locator(".messages")).to_contain_text("gepubliceerd")
    publication = PublicationPage.objects.get(pk=publication.pk)
    assert publication.live
    assert not publication.has_unpublished_changes
    assert not publication.workflow_in_progress
    visitor = new_page()
    assert visitor.goto(publication.url).status == 200
    to_editor = [m for m in mail.outbox if m.to == [site["editor"].email]]
    assert to_editor and "Mooi stuk, kort en helder." in to_editor[-1].body


def test_a_page_with_a_go_live_date_is_scheduled_on_approval(site, new_page):
    tomorrow = timezone.now() + datetime.timedelta(days=1)
    publication, _revision = submitted_publication(site, "Vanaf morgen", go_live_at=tomorrow)
    moderator = new_page()
    log_in(moderator, "eindredacteur")
    moderator.goto(f"/admin/pages/{publication.pk}/edit/")
    approve_with_comment(moderator, "Morgen online.")

    expect(moderator.locator(".messages")).to_contain_text("ingepland")
    publication = PublicationPage.objects.get(pk=publication.pk)
    assert not publication.live
    assert publication.scheduled_revision is not None
