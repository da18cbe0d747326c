"""Background delivery of stored e-mails, with retries (Django's tasks framework has none)."""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.tasks import default_task_backend, task
from django.utils import timezone

from core.models import OutgoingEmail

logger = logging.getLogger(__name__)

RETRY_BACKOFF = timedelta(minutes=2)  # doubled after every failed attempt …
RETRY_BACKOFF_MAX = timedelta(hours=2)  # … up to this


def next_retry_delay(attempts):
    """The wait after the ``attempts``-th failed attempt: 2, 4, 8, … minutes, at most 2 hours
    (with the default 16 attempts, an e-mail is tried for about 20 hours)."""
    return min(RETRY_BACKOFF * 2 ** min(attempts - 1, 16), RETRY_BACKOFF_MAX)


@task()
def deliver_email(email_id):
    """Send one stored e-mail; on failure record it and schedule another attempt.

    Idempotent: an e-mail that was sent already is not sent again.
    """
    with transaction.atomic():
        email = OutgoingEmail.objects.select_for_update().filter(pk=email_id).first()
        if email is None or email.status in (
            OutgoingEmail.Status.SENT,
            OutgoingEmail.Status.FAILED,
        ):
            return email.status if email else "missing"
        message = EmailMultiAlternatives(
            subject=email.subject,
            body=email.text_body,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[email.to],
            headers=email.headers,
        )
        if email.html_body:
            message.attach_alternative(email.html_body, "text/html")
        for attachment in email.attachments:
            message.attach(attachment["filename"], attachment["content"], attachment["mimetype"])
        email.attempts += 1
        try:
            message.send()
        except Exception as error:  # any backend error: keep the e-mail and retry later
            logger.warning(
                "E-mail %s (%s) failed: %s", email.pk, email.purpose, type(error).__name__
            )
            email.last_error = f"{type(error).__name__}: {error}"[:2000]
            if email.gave_up:
                email.status = OutgoingEmail.Status.FAILED
                email.next_attempt_at = None
            else:
                email.status = OutgoingEmail.Status.RETRYING
                email.next_attempt_at = timezone.now() + next_retry_delay(email.attempts)
        else:
            email.status = OutgoingEmail.Status.SENT
            email.sent_at = timezone.now()
            email.next_attempt_at = None
            email.last_error = ""
        email.save()
    if email.status == OutgoingEmail.Status.RETRYING and default_task_backend.supports_defer:
        deliver_email.using(run_after=email.next_attempt_at).enqueue(email.pk)
    return email.status
