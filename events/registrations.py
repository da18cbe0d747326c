"""Registering for an event: places, the waiting list and the e-mails that go with them.

Every change of who holds a place happens inside a transaction that first locks the event's
row (``SELECT … FOR UPDATE``): two people registering for the last place at the same moment
are served one after the other, and exactly one of them gets it. Registrations and their
status are saved before any e-mail is queued (``core.email.queue``): nothing a visitor
submitted is lost when mail is down.

Statuses: *confirmed* (a place), *waiting* (on the list), *offered* (a freed place held
for ``EVENT_OFFER_HOURS`` until accepted), *cancelled*, *expired* (an offer not taken).
"""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from wagtail.models import Locale

from core.email.queue import queue_email
from core.models import OutgoingEmail
from events.calendar import event_calendar
from events.choices import EventStatus
from events.models.registration import Registration

EMAIL_TEMPLATE = "events/emails/registration"
Status = Registration.Status


def _locked(event):
    """The source event of ``event``, its row locked until the transaction ends."""
    return lock_event(event.source_event.pk)


def lock_event(pk):
    event_model = Registration._meta.get_field("event").related_model
    return event_model.objects.select_for_update(of=("self",)).get(pk=pk)


def register(event, data, language):
    """Register ``data`` (the form's cleaned data) for ``event``.

    Returns the registration: confirmed when a place is free, else on the waiting list; the
    one that existed already when the address was registered before (its owner gets an
    e-mail saying so); None when the event is full and has no waiting list.
    """
    with transaction.atomic():
        source = _locked(event)
        existing = Registration.objects.filter(
            event=source, email=data["email"], status__in=Registration.ACTIVE
        ).first()
        if existing is not None:
            send(existing, "duplicate")
            return existing
        if source.capacity is None or (
            Registration.objects.holding_place(source).count() < source.capacity
        ):
            status = Status.CONFIRMED
        elif source.waiting_list:
            status = Status.WAITING
        else:
            return None
        now = timezone.now()
        registration = Registration.objects.create(
            event=source,
            language=language,
            status=status,
            name=data["name"],
            email=data["email"],
            organisation=data.get("organisation", ""),
            role=data.get("role", ""),
            needs=data.get("needs", ""),
            consent_at=now,
            confirmed_at=now if status == Status.CONFIRMED else None,
        )
        send(registration, "confirmed" if status == Status.CONFIRMED else "waiting")
    return registration


def cancel(registration):
    """Cancel a registration; a freed place is offered to the first on the waiting list.
    False when it was no longer active."""
    with transaction.atomic():
        source = _locked(registration.event)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.status not in Registration.ACTIVE:
            return False
        registration.status = Status.CANCELLED
        registration.cancelled_at = timezone.now()
        registration.save(update_fields=["status", "cancelled_at"])
        send(registration, "cancelled")
        offer_free_places(source)
    return True


def accept_offer(registration):
    """Take the place offered; False when the offer is gone (expired or withdrawn)."""
    with transaction.atomic():
        _locked(registration.event)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        now = timezone.now()
        if registration.status != Status.OFFERED or registration.offer_expires_at <= now:
            return False
        registration.status = Status.CONFIRMED
        registration.confirmed_at = now
        registration.save(update_fields=["status", "confirmed_at"])
        send(registration, "confirmed")
    return True


def offer_free_places(source, now=None):
    """Offer each free place of the (locked) event to the next on its waiting list, by
    e-mail, until the offer deadline; nothing once registration has closed."""
    now = now or timezone.now()
    if source.capacity is None or not source.registration_is_open(now):
        return 0
    free = source.capacity - Registration.objects.holding_place(source).count()
    offered = 0
    for registration in Registration.objects.waiting(source)[: max(free, 0)]:
        registration.status = Status.OFFERED
        registration.offered_at = now
        registration.offer_expires_at = min(
            now + timedelta(hours=settings.EVENT_OFFER_HOURS), source.registration_closes
        )
        registration.save(update_fields=["status", "offered_at", "offer_expires_at"])
        send(registration, "offered")
        offered += 1
    return offered


def expire_offers(now=None):
    """Offers past their deadline expire; their places go to the next on the list."""
    now = now or timezone.now()
    expired = 0
    event_ids = set(
        Registration.objects.filter(status=Status.OFFERED, offer_expires_at__lte=now).values_list(
            "event_id", flat=True
        )
    )
    for event_id in event_ids:
        with transaction.atomic():
            source = lock_event(event_id)
            due = Registration.objects.select_for_update().filter(
                event=source, status=Status.OFFERED, offer_expires_at__lte=now
            )
            for registration in due:
                registration.status = Status.EXPIRED
                registration.save(update_fields=["status"])
                send(registration, "expired")
                expired += 1
            offer_free_places(source, now)
    return expired


def send_reminders(now=None):
    """Remind the participants of events starting within ``EVENT_REMINDER_DAYS``; each
    registration is reminded once, however often this runs (and on several servers)."""
    now = now or timezone.now()
    due = Registration.objects.filter(
        status=Status.CONFIRMED,
        reminder_sent_at__isnull=True,
        anonymised_at__isnull=True,
        event__status=EventStatus.SCHEDULED,
        event__start__gt=now,
        event__start__lte=now + timedelta(days=settings.EVENT_REMINDER_DAYS),
    ).select_related("event")
    sent = 0
    for registration in due:
        with transaction.atomic():
            claimed = Registration.objects.filter(
                pk=registration.pk, reminder_sent_at__isnull=True
            ).update(reminder_sent_at=now)
            if claimed:
                send(registration, "reminder")
                sent += 1
    return sent


def anonymise(registration):
    """Erase the personal data of a registration and the e-mails sent for it; the record
    stays (status and event) for the yearly figures."""
    with transaction.atomic():
        email_ids = list(registration.emails.values_list("pk", flat=True))
        registration.emails.clear()
        OutgoingEmail.objects.filter(pk__in=email_ids).delete()
        Registration.objects.filter(pk=registration.pk).update(
            name="",
            email="",
            organisation="",
            role="",
            needs="",
            anonymised_at=timezone.now(),
        )


def event_in_language(source, language):
    """The live translation of the source event in ``language``, else the source event."""
    translation = source.get_translation_or_none(
        Locale.objects.filter(language_code=language).first()
    )
    return translation if translation is not None and translation.live else source


def send(registration, message):
    """Queue the e-mail ``message`` (confirmed, waiting, offered, …) to the registrant, in
    their language; a confirmation or reminder carries the calendar file and, for an online
    event, the meeting link."""
    event = event_in_language(registration.event, registration.language)
    base_url = settings.WAGTAILADMIN_BASE_URL
    with_place = message in ("confirmed", "reminder")
    attachments = []
    if with_place:
        ics = event_calendar([event], base_url=base_url, for_participant=True).decode()
        attachments.append((f"{event.slug}.ics", ics, "text/calendar"))
    email = queue_email(
        to=registration.email,
        purpose=f"event-{message}",
        language=registration.language,
        template=EMAIL_TEMPLATE,
        context={
            "message": message,
            "event": event,
            "event_url": event.full_url,
            "registration": registration,
            "personal_url": base_url + registration.get_absolute_url(),
            "online_url": event.online_url if with_place and event.is_online else "",
        },
        attachments=attachments,
    )
    registration.emails.add(email)
    return email
