"""Newsletter editions: composed as pages, previewed, tested, sent once, reported."""

import base64
import json
import re
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from wagtail.models import Page

import pytest

from newsletter import sending
from newsletter.models import Delivery, Mailing, NewsletterEditionPage, Subscriber
from tests.email_backends import DyingBackend, WorkerKilled
from tests.factories import (
    ImageFactory,
    NewsletterEditionPageFactory,
    NewsletterPageFactory,
    PublicationIndexPageFactory,
    PublicationPageFactory,
    SubscriberFactory,
    ThemeIndexPageFactory,
    ThemePageFactory,
)
from tests.helpers import publish_translation, soup

WEBHOOK = "/anymail/postmark/tracking/"
WEBHOOK_AUTH = "webhook-user:webhook-secret"


def html_part(message):
    return next(content for content, kind in message.alternatives if kind == "text/html")


@pytest.fixture
def newsletter(home):
    page = NewsletterPageFactory(parent=home["nl"])
    return {
        "nl": page,
        "en": publish_translation(page, "en", title="Newsletter", slug="newsletter"),
    }


@pytest.fixture
def publication(home):
    library = PublicationIndexPageFactory(parent=home["nl"])
    return PublicationPageFactory(
        parent=library,
        title="Gemeenten en statushouders",
        summary="Wat werkt bij de begeleiding naar werk.",
        image=ImageFactory(title="Statushouders aan het werk"),
    )


@pytest.fixture
def edition(newsletter, publication):
    return NewsletterEditionPageFactory(
        parent=newsletter["nl"],
        title="Nieuwsbrief december",
        slug="december",
        subject="Nieuws over integratie, december",
        body=[
            ("text", "<p>Een jaar vol kennis.</p>"),
            ("pages", {"heading": "Uitgelicht", "pages": [publication]}),
        ],
    )


@pytest.fixture
def staff(db):
    user = get_user_model().objects.create_superuser(
        "redacteur", "redacteur@kennisplatform.example", "pw", first_name="Ruth"
    )
    return user


@pytest.fixture
def admin_client(client, staff):
    client.force_login(staff)
    return client


def send_now(edition, django_capture_on_commit_callbacks, user=None):
    with django_capture_on_commit_callbacks(execute=True):
        return sending.start(edition, user)


def recipients(outbox):
    return sorted(address for message in outbox for address in message.to)


# --- audience -----------------------------------------------------------------------------


def test_audience_is_the_confirmed_subscribers_of_the_editions_language(edition, newsletter):
    dutch = SubscriberFactory(language="nl")
    SubscriberFactory(language="en")
    SubscriberFactory(language="nl", status=Subscriber.Status.PENDING)
    SubscriberFactory(language="nl", status=Subscriber.Status.UNSUBSCRIBED)
    SubscriberFactory(language="nl", suppressed_at=timezone.now(), suppression_reason="bounce")
    assert list(sending.audience(edition)) == [dutch]


def test_audience_can_be_limited_to_topics_chosen_in_either_language(edition, home):
    index = ThemeIndexPageFactory(parent=home["nl"])
    publish_translation(index, "en", title="Themes", slug="themes")
    work, education = (
        ThemePageFactory(parent=index, slug="werk"),
        ThemePageFactory(parent=index, slug="onderwijs"),
    )
    english_work = publish_translation(work, "en", title="Work", slug="work")
    chose_work = SubscriberFactory()
    chose_work.topics.set([work])
    chose_both = SubscriberFactory()
    chose_both.topics.set([work, education])
    chose_education = SubscriberFactory()
    chose_education.topics.set([education])
    SubscriberFactory()  # no topics chosen
    edition.topics.set([english_work])
    edition.save()
    assert set(sending.audience(edition)) == {chose_work, chose_both}


def test_the_mailing_screen_shows_the_count_before_sending(admin_client, edition):
    SubscriberFactory.create_batch(3)
    SubscriberFactory(language="en")
    response = admin_client.get(f"/admin/newsletter/editions/{edition.pk}/")
    assert response.status_code == 200
    audience = soup(response.content).find(class_="newsletter-mailing__audience")
    assert "3" in audience.get_text()


# --- the e-mail ---------------------------------------------------------------------------


def test_each_subscriber_gets_one_personal_message_that_works_in_mail_clients(
    edition, django_capture_on_commit_callbacks
):
    fatima = SubscriberFactory(name="Fatima <b>", email="fatima@example.org")
    SubscriberFactory(name="", email="anoniem@example.org")
    send_now(edition, django_capture_on_commit_callbacks)

    assert recipients(mail.outbox) == ["anoniem@example.org", "fatima@example.org"]
    message = next(m for m in mail.outbox if m.to == ["fatima@example.org"])
    assert message.subject == "Nieuws over integratie, december"
    html = html_part(message)
    page = soup(html)
    # table layout, styles inlined, nothing to fetch from elsewhere but the site's images
    assert page.find("table", attrs={"role": "presentation"}) is not None
    assert "color: #0b4f6c" in page.find("h1")["style"]
    assert "Beste Fatima &lt;b&gt;," in html
    image = page.find("img")
    assert image["src"].startswith("http://testserver/media/images/")
    assert image["alt"] == "Statushouders aan het werk"
    assert len(page.find_all("img")) == 1  # no tracking pixel
    links = [a["href"] for a in page.find_all("a")]
    assert all(link.startswith("http://testserver/") for link in links)
    assert "http://testserver/nl/publicaties/gemeenten-en-statushouders/" in links
    assert "http://testserver/nl/nieuwsbrief/december/" in links  # view in browser
    # the plain-text alternative
    assert "Gemeenten en statushouders" in message.body
    assert "Wat werkt bij de begeleiding naar werk." in message.body
    assert "Beste Fatima <b>," in message.body
    key = fatima.manage_key
    unsubscribe = f"http://testserver/nl/nieuwsbrief/afmelden/{key}/?edition={edition.pk}"
    assert unsubscribe in message.body
    assert unsubscribe.replace("&", "&amp;") in html
    assert f"http://testserver/nl/nieuwsbrief/voorkeuren/{key}/" in message.body
    anonymous = next(m for m in mail.outbox if m.to == ["anoniem@example.org"])
    assert "Beste lezer," in anonymous.body


def test_messages_carry_the_list_headers_of_rfc_8058(edition, django_capture_on_commit_callbacks):
    subscriber = SubscriberFactory()
    send_now(edition, django_capture_on_commit_callbacks)
    (message,) = mail.outbox
    # the one-click address (POST without session or CSRF token), naming the edition
    key = subscriber.manage_key
    unsubscribe = f"http://testserver/nl/newsletter-unsubscribe/{key}/?edition={edition.pk}"
    assert message.extra_headers["List-Unsubscribe"] == f"<{unsubscribe}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message.extra_headers["List-Id"].endswith("<nieuwsbrief.testserver>")


def test_the_english_edition_goes_to_english_subscribers_with_english_pages(
    client, edition, publication, django_capture_on_commit_callbacks
):
    publish_translation(publication.get_parent(), "en", title="Library", slug="library")
    publish_translation(
        publication, "en", title="Municipalities and refugees", slug="municipalities"
    )
    english = publish_translation(
        edition, "en", title="December newsletter", slug="december", subject="News, December"
    )
    SubscriberFactory(language="nl")
    reader = SubscriberFactory(language="en", name="Sam")
    send_now(english, django_capture_on_commit_callbacks)
    (message,) = mail.outbox
    assert message.to == [reader.email]
    assert "Municipalities and refugees" in message.body
    assert "Dear Sam," in message.body
    assert "http://testserver/en/newsletter/december/" in message.body
    web = soup(client.get("/en/newsletter/december/"))
    assert web.html["lang"] == "en"
    assert web.find("a", string="Municipalities and refugees") is not None


def test_the_latest_block_lists_what_was_published_since_the_previous_edition(
    edition, newsletter, publication, django_capture_on_commit_callbacks
):
    SubscriberFactory()
    send_now(edition, django_capture_on_commit_callbacks)
    Mailing.objects.filter(edition=edition).update(started_at=timezone.now() - timedelta(days=1))
    library = publication.get_parent()
    newer = PublicationPageFactory(
        parent=library, title="Nieuw rapport", first_published_at=timezone.now()
    )
    draft = PublicationPageFactory(parent=library, title="Concept", live=False)
    january = NewsletterEditionPageFactory(
        parent=newsletter["nl"],
        slug="januari",
        body=[("latest", {"heading": "Nieuw", "count": 5})],
    )
    mail.outbox.clear()
    send_now(january, django_capture_on_commit_callbacks)
    (message,) = mail.outbox
    assert newer.title in message.body
    assert draft.title not in message.body
    assert publication.title not in message.body  # published before the previous edition


# --- sending once -------------------------------------------------------------------------


def test_a_worker_killed_mid_send_sends_the_rest_once_when_started_again(
    edition, settings, django_capture_on_commit_callbacks
):
    subscribers = SubscriberFactory.create_batch(10)
    settings.NEWSLETTER_BATCH_SIZE = 3
    settings.EMAIL_BACKEND = "tests.email_backends.DyingBackend"
    DyingBackend.deliveries_left = 4
    with django_capture_on_commit_callbacks(execute=False):
        mailing = sending.start(edition)
    with pytest.raises(WorkerKilled):
        sending.run(mailing.pk)
    assert len(mail.outbox) == 4
    # the message in flight when the worker died went out: it is not sent again
    assert Delivery.objects.filter(status=Delivery.Status.SENDING).count() == 1

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.NEWSLETTER_CLAIM_TIMEOUT = 0  # the dead worker's claims are taken over at once
    call_command("send_newsletters", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert recipients(mail.outbox) == sorted(s.email for s in subscribers)
    mailing.refresh_from_db()
    assert mailing.status == Mailing.Status.SENT
    report = sending.report(mailing)
    assert (report["recipients"], report["sent"], report["interrupted"]) == (10, 9, 1)


def test_claims_of_a_live_worker_are_not_taken_over(edition, django_capture_on_commit_callbacks):
    SubscriberFactory.create_batch(4)
    with django_capture_on_commit_callbacks(execute=False):
        mailing = sending.start(edition)
    first = sending.claim_batch(mailing.pk, 2)
    second = sending.claim_batch(mailing.pk, 10)
    assert {d.pk for d in first}.isdisjoint({d.pk for d in second})
    assert len(second) == 2
    assert sending.claim_batch(mailing.pk, 10) == []


def test_an_edition_cannot_be_sent_twice(admin_client, edition, django_capture_on_commit_callbacks):
    SubscriberFactory.create_batch(2)
    url = f"/admin/newsletter/editions/{edition.pk}/"
    with django_capture_on_commit_callbacks(execute=True):
        first = admin_client.post(url, {"send": "", "when": ""}, follow=True)
        second = admin_client.post(url, {"send": "", "when": ""}, follow=True)
    assert "De editie wordt verstuurd." in first.content.decode()
    assert "Deze editie is al verstuurd of ingepland." in second.content.decode()
    assert len(mail.outbox) == 2
    assert Mailing.objects.count() == 1
    # the switch from scheduled to sending happens once, whoever asks
    assert sending.begin(Mailing.objects.get().pk) is False


def test_a_send_can_be_scheduled_for_later(
    admin_client, edition, django_capture_on_commit_callbacks
):
    SubscriberFactory()
    later = timezone.localtime() + timedelta(hours=2)
    response = admin_client.post(
        f"/admin/newsletter/editions/{edition.pk}/",
        {"send": "", "when": later.strftime("%Y-%m-%d %H:%M")},
    )
    assert response.status_code == 302
    mailing = Mailing.objects.get()
    assert mailing.status == Mailing.Status.SCHEDULED
    with django_capture_on_commit_callbacks(execute=True):
        sending.send_due(now=timezone.now())
    assert mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        sending.send_due(now=later + timedelta(minutes=1))
    assert len(mail.outbox) == 1
    mailing.refresh_from_db()
    assert mailing.status == Mailing.Status.SENT


def test_batches_keep_to_the_rate(edition, settings, django_capture_on_commit_callbacks):
    SubscriberFactory.create_batch(6)
    settings.NEWSLETTER_BATCH_SIZE = 4
    with django_capture_on_commit_callbacks(execute=False):
        mailing = sending.start(edition)
    clock = {"now": 0.0}
    waits = []

    def sleep(seconds):
        waits.append(seconds)
        clock["now"] += seconds

    sending.run(mailing.pk, throttle=sending.Throttle(2, clock=lambda: clock["now"], sleep=sleep))
    assert len(mail.outbox) == 6
    # 2 messages per second: the 6th goes out 2.5 seconds after the first
    assert clock["now"] == pytest.approx(2.5)
    assert len(waits) == 5


def test_a_subscriber_who_unsubscribed_meanwhile_is_skipped(
    edition, django_capture_on_commit_callbacks
):
    stays, leaves = SubscriberFactory.create_batch(2)
    with django_capture_on_commit_callbacks(execute=False):
        mailing = sending.start(edition)
    leaves.unsubscribe()
    sending.run(mailing.pk)
    assert recipients(mail.outbox) == [stays.email]
    assert sending.report(mailing)["skipped"] == 1


# --- moderation ---------------------------------------------------------------------------


def test_only_a_published_edition_can_be_sent(
    admin_client, newsletter, django_capture_on_commit_callbacks
):
    SubscriberFactory()
    draft = NewsletterEditionPageFactory(parent=newsletter["nl"], slug="concept", live=False)
    draft.save_revision()
    url = f"/admin/newsletter/editions/{draft.pk}/"
    response = admin_client.post(url, {"send": "", "when": ""}, follow=True)
    assert "Alleen een gepubliceerde editie kan worden verstuurd" in response.content.decode()
    assert not Mailing.objects.exists()
    # approved (published) through the workflow, it can
    draft.get_latest_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(url, {"send": "", "when": ""})
    assert len(mail.outbox) == 1


def test_sending_needs_the_send_permission(client, edition, django_capture_on_commit_callbacks):
    SubscriberFactory()
    editor = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")
    editor.is_superuser = False
    editor.save()
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    response = client.post(f"/admin/newsletter/editions/{edition.pk}/", {"send": ""})
    assert response.status_code in (302, 403)
    assert not Mailing.objects.exists()


# --- preview and test send ----------------------------------------------------------------


def test_preview_shows_the_latest_draft_as_html_and_plain_text(admin_client, edition):
    draft = edition.get_latest_revision_as_object()
    draft.subject = "Nieuwe onderwerpregel"
    draft.title = "Concepttitel"
    draft.save_revision()
    screen = admin_client.get(f"/admin/newsletter/editions/{edition.pk}/")
    page = soup(screen.content)
    frames = page.find_all("iframe")
    assert [frame["width"] for frame in frames] == ["375", "720"]
    assert "Concepttitel" in page.find(class_="newsletter-mailing__text").get_text()
    preview = admin_client.get(frames[0]["src"])
    assert preview.status_code == 200
    assert preview["X-Frame-Options"] == "SAMEORIGIN"
    assert "Concepttitel" in preview.content.decode()
    assert "Beste Ruth," in preview.content.decode()


def test_a_test_send_goes_to_staff_addresses_only(admin_client, edition, staff):
    SubscriberFactory()
    url = f"/admin/newsletter/editions/{edition.pk}/"
    refused = admin_client.post(url, {"test": "", "addresses": "iemand@example.org"})
    assert refused.status_code == 400
    assert "is niet het adres van een medewerker" in refused.content.decode()
    assert mail.outbox == []
    sent = admin_client.post(url, {"test": "", "addresses": staff.email})
    assert sent.status_code == 302
    (message,) = mail.outbox
    assert message.to == [staff.email]
    assert message.subject.startswith("[TEST] ")
    assert not Mailing.objects.exists()


# --- bounces and complaints ---------------------------------------------------------------


def postmark(client, payload, auth=WEBHOOK_AUTH):
    return client.post(
        WEBHOOK,
        json.dumps(payload),
        content_type="application/json",
        HTTP_AUTHORIZATION="Basic " + base64.b64encode(auth.encode()).decode(),
    )


def bounce(email, kind, delivery_id=""):
    return {
        "RecordType": "Bounce" if kind != "SpamComplaint" else "SpamComplaint",
        "Type": kind,
        "ID": 42,
        "MessageID": "883953f4-6105-42a2-a16a-77a8eac79483",
        "Email": email,
        "BouncedAt": "2026-12-04T10:00:00Z",
        "Description": "The server was unable to deliver your message",
        "Metadata": {"delivery": str(delivery_id)},
    }


@pytest.fixture
def sent(edition, django_capture_on_commit_callbacks):
    subscriber = SubscriberFactory(email="lezer@example.org")
    send_now(edition, django_capture_on_commit_callbacks)
    return subscriber, Delivery.objects.get(subscriber=subscriber)


def test_a_hard_bounce_suppresses_the_address_and_counts_in_the_report(client, sent, edition):
    subscriber, delivery = sent
    response = postmark(client, bounce("Lezer@example.org", "HardBounce", delivery.pk))
    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.suppression_reason == Subscriber.SuppressionReason.BOUNCE
    assert subscriber not in sending.audience(edition)
    assert sending.report(delivery.mailing)["bounced"] == 1


def test_a_complaint_suppresses_and_a_soft_bounce_is_only_counted(client, sent):
    subscriber, delivery = sent
    postmark(client, bounce(subscriber.email, "Transient", delivery.pk))
    subscriber.refresh_from_db()
    assert (subscriber.soft_bounces, subscriber.suppressed_at) == (1, None)
    postmark(client, bounce(subscriber.email, "SpamComplaint", delivery.pk))
    subscriber.refresh_from_db()
    assert subscriber.suppression_reason == Subscriber.SuppressionReason.COMPLAINT
    report = sending.report(delivery.mailing)
    assert (report["soft_bounced"], report["complaints"]) == (1, 1)


@pytest.mark.parametrize("auth", ["webhook-user:wrong", "someone:webhook-secret"])
def test_a_forged_webhook_call_changes_nothing(client, sent, auth):
    subscriber, delivery = sent
    response = postmark(client, bounce(subscriber.email, "HardBounce", delivery.pk), auth=auth)
    assert response.status_code == 400
    subscriber.refresh_from_db()
    assert subscriber.suppressed_at is None


def test_staff_see_suppressed_addresses(admin_client, sent, client):
    subscriber, delivery = sent
    postmark(client, bounce(subscriber.email, "HardBounce", delivery.pk))
    response = admin_client.get("/admin/newsletter/subscribers/?suppression_reason=bounce")
    assert response.status_code == 200
    assert subscriber.email in response.content.decode()
    assert "harde bounce" in response.content.decode()


# --- unsubscribes and the report ----------------------------------------------------------


def test_unsubscribing_from_an_edition_is_counted_in_its_report(sent, edition):
    subscriber, delivery = sent
    mail_program = Client(enforce_csrf_checks=True)  # no session, no CSRF token
    link = f"/nl/nieuwsbrief/afmelden/{subscriber.manage_key}/?edition={edition.pk}"
    assert mail_program.get(link).status_code == 200  # a link scanner only sees the question
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.CONFIRMED
    one_click = f"/nl/newsletter-unsubscribe/{subscriber.manage_key}/?edition={edition.pk}"
    mail_program.post(one_click, {"List-Unsubscribe": "One-Click"})
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    assert sending.report(delivery.mailing)["unsubscribes"] == 1


def test_the_report_and_its_progress_endpoint(admin_client, sent, edition):
    response = admin_client.get(f"/admin/newsletter/editions/{edition.pk}/progress/")
    assert response.status_code == 200
    data = response.json()
    assert (data["recipients"], data["sent"], data["failed"], data["percent"]) == (1, 1, 0, 100)
    assert data["status"] == "sent"
    screen = soup(admin_client.get(f"/admin/newsletter/editions/{edition.pk}/").content)
    assert screen.find(attrs={"data-mailing-field": "sent"}).get_text() == "1"
    bar = screen.find("progress")
    assert bar["data-progress-url"].endswith("/progress/")
    assert screen.find("script", src=re.compile("mailing-progress.js")) is not None
    assert not [s for s in screen.find_all("script") if s.string and "progress" in s.string]


def test_progress_of_an_edition_not_sent_is_404(admin_client, edition):
    response = admin_client.get(f"/admin/newsletter/editions/{edition.pk}/progress/")
    assert response.status_code == 404


# --- on the site --------------------------------------------------------------------------


def test_each_edition_is_a_web_page_in_the_archive(client, edition, newsletter, publication):
    NewsletterEditionPageFactory(parent=newsletter["nl"], title="Nog niet uit", live=False)
    archive = soup(client.get("/nl/nieuwsbrief/").content)
    links = [a["href"] for a in archive.select(".edition-archive a")]
    assert links == ["/nl/nieuwsbrief/december/"]
    response = client.get("/nl/nieuwsbrief/december/")
    assert response.status_code == 200
    page = soup(response.content)
    assert page.find("h1").get_text() == "Nieuwsbrief december"
    assert page.find("a", string="Gemeenten en statushouders") is not None
    assert page.select_one(".newsletter-edition img")["alt"] == "Statushouders aan het werk"


def test_editions_are_children_of_the_newsletter_page_only():
    assert NewsletterEditionPage.parent_page_types == ["newsletter.NewsletterPage"]
    assert Page in NewsletterEditionPage.__mro__


def test_editors_create_an_edition_and_preview_it_in_the_admin(admin_client, newsletter):
    add_url = f"/admin/pages/add/newsletter/newslettereditionpage/{newsletter['nl'].pk}/"
    data = {
        "title": "Nieuwsbrief maart",
        "slug": "maart",
        "subject": "Maart",
        "preheader": "",
        "intro": json.dumps({"blocks": [], "entityMap": {}}),
        "body-count": "1",
        "body-0-type": "latest",
        "body-0-deleted": "",
        "body-0-order": "0",
        "body-0-value-heading": "Nieuw",
        "body-0-value-count": "3",
    }
    created = admin_client.post(add_url, data)
    assert created.status_code == 302
    edition = NewsletterEditionPage.objects.get(slug="maart")
    assert not edition.live  # a draft until approved
    # Wagtail's preview panel shows the draft, its "latest" block filled
    edit_url = f"/admin/pages/{edition.pk}/edit/"
    check = admin_client.post(edit_url + "preview/", {**data, "title": "Maart (concept)"})
    assert check.json()["is_valid"] is True
    preview = admin_client.get(edit_url + "preview/")
    assert preview.status_code == 200
    assert soup(preview.content).find("h1").get_text() == "Maart (concept)"
