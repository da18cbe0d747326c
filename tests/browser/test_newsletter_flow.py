"""A newsletter edition in a real browser: composed by the newsletter team, previewed and
tested, approved by a moderator, sent, and its report read."""

from django.apps import apps
from django.core import mail

import pytest

from editorial import groups as editorial
from newsletter.models import NewsletterEditionPage
from tests.browser.conftest import log_in
from tests.factories import SubscriberFactory
from tests.helpers import make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_edition_is_composed_tested_approved_sent_and_reported(site, new_page):
    editorial.setup_editorial(apps)  # the newsletter team works below the newsletter page
    writer_user = make_user("communicatie", editorial.NEWSLETTER)
    SubscriberFactory.create_batch(3)
    SubscriberFactory(language="en")

    writer = new_page()
    log_in(writer, "communicatie")
    writer.goto(f"/admin/pages/add/newsletter/newslettereditionpage/{site['newsletter'].pk}/")
    writer.fill("#id_title", "Nieuwsbrief december")
    writer.fill("#id_subject", "Nieuws over integratie")
    body = writer.locator("#panel-child-inhoud-body-section")
    body.get_by_role("button", name="Blok invoegen").first.click()
    writer.get_by_role("option", name="Nieuw sinds de vorige editie").click()
    body.locator("input[name='body-0-value-heading']").wait_for()
    writer.get_by_role("button", name="Meer acties").click()
    with writer.expect_navigation():
        writer.click("button[name='action-submit']")
    edition = NewsletterEditionPage.objects.get(title="Nieuwsbrief december")
    assert not edition.live

    # preview and test send, before approval
    writer.goto(f"/admin/newsletter/editions/{edition.pk}/")
    assert "3 bevestigde abonnees" in writer.locator(".newsletter-mailing__audience").inner_text()
    phone = writer.frame_locator("iframe[width='375']")
    phone.get_by_role("link", name="Boze burgers").first.wait_for()
    assert "Boze burgers" in writer.locator(".newsletter-mailing__text").inner_text()
    assert writer.get_by_role("button", name="Editie versturen").count() == 0
    with writer.expect_navigation():
        writer.get_by_role("button", name="Test versturen").click()
    writer.get_by_text("De test is verstuurd.").wait_for()
    # (the moderators' workflow notifications are in the outbox too)
    (test_message,) = [m for m in mail.outbox if m.subject.startswith("[TEST] ")]
    assert test_message.to == [writer_user.email]

    moderator = new_page()
    log_in(moderator, "eindredacteur")
    moderator.goto(f"/admin/pages/{edition.pk}/edit/")
    moderator.get_by_role("button", name="Meer acties").click()
    with moderator.expect_navigation():
        moderator.click("[data-workflow-action-name='approve']")
    edition.refresh_from_db()
    assert edition.live

    writer.goto(f"/admin/newsletter/editions/{edition.pk}/")
    with writer.expect_navigation():
        writer.get_by_role("button", name="Editie versturen").click()
    writer.get_by_text("De editie wordt verstuurd.").wait_for()
    assert writer.locator("[data-mailing-field='recipients']").inner_text() == "3"
    assert writer.locator("[data-mailing-field='sent']").inner_text() == "3"
    assert writer.locator("progress").get_attribute("value") == "100"
    edition_messages = [m for m in mail.outbox if m.subject == "Nieuws over integratie"]
    assert len(edition_messages) == 3
    assert all("Boze burgers" in message.body for message in edition_messages)
