"""The machinery every public form shares: stored e-mails with retries, the rate limiter."""

from django.core import mail
from django.core.management import call_command
from django.http import HttpResponse
from django.test import RequestFactory

import pytest

from core.email.queue import queue_email
from core.email.tasks import next_retry_delay
from core.forms import ProtectedForm
from core.models import OutgoingEmail
from core.ratelimit import rate_limit
from tests.email_backends import FlakyBackend

FLAKY = "tests.email_backends.FlakyBackend"


@pytest.fixture
def flaky_mail(settings):
    settings.EMAIL_BACKEND = FLAKY
    FlakyBackend.failures_left = 0
    yield FlakyBackend
    FlakyBackend.failures_left = 0


def send_test_email(language="nl"):
    return queue_email(
        to="lezer@example.org",
        purpose="test",
        template="emails/test_message",
        context={"name": "Fatima"},
        language=language,
    )


@pytest.mark.django_db(transaction=True)
def test_queued_email_is_stored_then_delivered_in_its_language(flaky_mail):
    email = send_test_email(language="en")
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.SENT
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["lezer@example.org"]
    assert "Fatima" in message.body
    assert "Kennisplatform Integratie & Samenleving" in message.body  # the shared frame
    assert message.alternatives[0].mimetype == "text/html"
    assert '<html lang="en">' in message.alternatives[0].content


@pytest.mark.django_db(transaction=True)
def test_failed_email_is_kept_and_a_retry_delivers_it(flaky_mail):
    flaky_mail.failures_left = 1
    email = send_test_email()
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.RETRYING
    assert "mail server unavailable" in email.last_error
    assert mail.outbox == []

    call_command("retry_emails", "--now", verbosity=0)
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.SENT
    assert email.attempts == 2
    assert len(mail.outbox) == 1


@pytest.mark.django_db(transaction=True)
def test_email_gives_up_after_the_maximum_attempts(flaky_mail, settings):
    settings.EMAIL_MAX_ATTEMPTS = 2
    flaky_mail.failures_left = 10
    email = send_test_email()
    call_command("retry_emails", "--now", verbosity=0)
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.FAILED
    assert email.attempts == 2
    # a given-up e-mail is not retried again: staff can see it in the admin …
    call_command("retry_emails", "--now", verbosity=0)
    email.refresh_from_db()
    assert email.attempts == 2
    # … until the mail server is back and someone asks for one more attempt
    flaky_mail.failures_left = 0
    call_command("retry_emails", "--failed", verbosity=0)
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.SENT
    assert email.attempts == 3
    assert len(mail.outbox) == 1


def test_retries_wait_longer_each_time_up_to_two_hours():
    delays = [next_retry_delay(attempt).total_seconds() / 60 for attempt in range(1, 17)]
    assert delays[:5] == [2, 4, 8, 16, 32]
    assert max(delays) == 120
    assert 18 * 60 < sum(delays[:15]) < 24 * 60  # the default 16 attempts span about a day


def test_rate_limit_answers_429_with_retry_after(settings, db):
    settings.FORM_RATE_LIMIT = "2/h"

    @rate_limit("test-form")
    def view(request):
        return HttpResponse("ok")

    factory = RequestFactory()
    statuses = [view(factory.post("/", REMOTE_ADDR="192.0.2.7")).status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    blocked = view(factory.post("/", REMOTE_ADDR="192.0.2.7"))
    assert 0 < int(blocked["Retry-After"]) <= 3600
    # another client and GET requests are not affected
    assert view(factory.post("/", REMOTE_ADDR="192.0.2.8")).status_code == 200
    assert view(factory.get("/", REMOTE_ADDR="192.0.2.7")).status_code == 200


class ConsentForm(ProtectedForm):
    consent_label = "Ik ga akkoord"


def test_honeypot_and_consent_errors_are_shown_on_their_fields():
    form = ConsentForm(data={"website": "http://spam.example"})
    assert not form.is_valid()
    assert form.errors["website"] == ["Dit veld moet leeg blijven."]
    assert form.errors["consent"] == ["Geef uw toestemming om verder te gaan."]
    assert ConsentForm(data={"consent": "on"}).is_valid()
