"""What happens to a subscriber: sign up, confirm, unsubscribe, erase; and the e-mails sent.

Every change is saved before its e-mail is queued (core.email.queue delivers after the commit and
retries), so a failing mail server never loses a signup. Responses to visitors never reveal
whether an address was on the list: that is the views' job, these functions only act.
"""

from urllib.parse import urljoin

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation

from wagtail.models import Locale

from core.email.queue import queue_email
from core.models import OutgoingEmail
from newsletter.models.editions import Delivery
from newsletter.models.subscriber import Subscriber

EMAIL_PURPOSE_PREFIX = "newsletter-"


class ConfirmResult:
    CONFIRMED = "confirmed"
    EXPIRED = "expired"
    INVALID = "invalid"


def translated(page, language):
    """``page`` in ``language`` when translated, else ``page`` itself."""
    locale = Locale.objects.filter(language_code=language).first()
    return ((locale and page.get_translation_or_none(locale)) or page).specific


def page_url(page, language, route=None, **kwargs):
    """Absolute URL of ``page`` (or one of its routes) in ``language`` when translated."""
    translated_page = translated(page, language)
    url = translated_page.get_full_url()
    if route:
        with translation.override(translated_page.locale.language_code):
            url += translated_page.reverse_subpage(route, kwargs=kwargs)
    return url


def one_click_unsubscribe_url(page, language, key):
    """Absolute address that unsubscribes on a POST without session or CSRF token (RFC 8058)."""
    translated_page = translated(page, language)
    with translation.override(translated_page.locale.language_code):
        path = reverse("newsletter_unsubscribe", kwargs={"key": key})
    return urljoin(translated_page.get_full_url(), path)


def unsubscribe_headers(page, language, key):
    """The headers with which mail programs offer their own unsubscribe button."""
    return {
        "List-Unsubscribe": f"<{one_click_unsubscribe_url(page, language, key)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def send(subscriber, page, purpose, template, **context):
    """Queue a newsletter e-mail to ``subscriber`` with the unsubscribe/preferences links."""
    language = subscriber.language
    key = subscriber.manage_key
    unsubscribe_url = page_url(page, language, "unsubscribe", key=key)
    queue_email(
        to=subscriber.email,
        purpose=EMAIL_PURPOSE_PREFIX + purpose,
        template=f"newsletter/emails/{template}",
        language=language,
        headers=unsubscribe_headers(page, language, key),
        context={
            "subscriber": subscriber,
            "newsletter_url": page_url(page, language),
            "unsubscribe_url": unsubscribe_url,
            "preferences_url": page_url(page, language, "preferences", key=key),
            **context,
        },
    )


@transaction.atomic
def subscribe(page, *, email, name, language, topics, source):
    """Record a signup and send the e-mail that fits the address's state.

    New, pending or unsubscribed: (again) pending with a fresh consent record and a new
    confirmation link. Already confirmed: nothing changes, an "already subscribed" e-mail
    goes out instead (so a stranger cannot change someone's subscription).
    """
    subscriber = Subscriber.objects.select_for_update().filter(email=email).first()
    if subscriber is not None and subscriber.status == Subscriber.Status.CONFIRMED:
        send(subscriber, page, "already-subscribed", "already_subscribed")
        return subscriber
    subscriber = subscriber or Subscriber(email=email)
    subscriber.name = name
    subscriber.language = language
    subscriber.status = Subscriber.Status.PENDING
    subscriber.record_consent(source)
    token = subscriber.issue_confirmation_token()
    subscriber.save()
    subscriber.topics.set(topics)
    send(
        subscriber,
        page,
        "confirm",
        "confirm",
        confirm_url=page_url(page, language, "confirm", token=token),
        confirm_days=settings.NEWSLETTER_CONFIRM_DAYS,
    )
    return subscriber


@transaction.atomic
def confirm(token):
    """Confirm the subscription a confirmation link belongs to (once, before it expires)."""
    subscriber = Subscriber.objects.select_for_update().with_token(token).first()
    if subscriber is None or subscriber.status != Subscriber.Status.PENDING:
        return ConfirmResult.INVALID, None
    if subscriber.confirmation_expired:
        return ConfirmResult.EXPIRED, subscriber
    subscriber.confirm()
    return ConfirmResult.CONFIRMED, subscriber


def unsubscribe(signed_key, edition=None):
    """Unsubscribe whoever the link belongs to; None if the link is not valid (any more).

    ``edition`` is the id the link of a newsletter edition names (``?edition=``): the
    unsubscribe is counted in that edition's report, if it was sent to this subscriber.
    """
    subscriber = Subscriber.objects.with_manage_key(signed_key).first()
    if subscriber is None:
        return None
    if subscriber.status != Subscriber.Status.UNSUBSCRIBED and str(edition or "").isdigit():
        Delivery.objects.filter(
            subscriber=subscriber, mailing__edition_id=int(edition), unsubscribed_at__isnull=True
        ).update(unsubscribed_at=timezone.now())
    subscriber.unsubscribe()
    return subscriber


@transaction.atomic
def send_unsubscribe_link(page, email):
    """E-mail the unsubscribe link to ``email`` if it is (being) subscribed; else nothing."""
    subscriber = (
        Subscriber.objects.filter(email=email)
        .exclude(status=Subscriber.Status.UNSUBSCRIBED)
        .first()
    )
    if subscriber is not None:
        send(subscriber, page, "unsubscribe-link", "unsubscribe_link")


@transaction.atomic
def erase(subscribers):
    """GDPR erasure: delete the subscribers and every newsletter e-mail stored for them."""
    emails = list(subscribers.values_list("email", flat=True))
    OutgoingEmail.objects.filter(to__in=emails, purpose__startswith=EMAIL_PURPOSE_PREFIX).delete()
    subscribers.delete()
    return len(emails)
