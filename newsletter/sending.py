"""Sending an edition to the list: once, in batches, at a set rate (docs/newsletter.md).

- ``audience(edition)``: confirmed, not suppressed subscribers of the edition's language,
  limited to the edition's topics if it has any.
- ``start(edition, user, when=None)``: the one way to send. It fails if the edition is not
  published (so it went through moderation) or was sent (or scheduled) already; two
  editors clicking at once get one mailing, because the mailing is unique per edition.
- ``run(mailing_id)``: the worker's loop (task ``send_mailing``). It claims a batch of
  deliveries (``SELECT … FOR UPDATE SKIP LOCKED`` on PostgreSQL, so several workers share
  a mailing), and for each message first marks it *sending* (a conditional UPDATE only one
  worker wins), then hands it to the mail server, then marks it *sent*. A worker killed at
  any point and started again sends every message still waiting, and none twice.
"""

import logging
import time
from types import SimpleNamespace

from django.conf import settings
from django.core.mail import get_connection
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.tasks import task
from django.utils import timezone
from django.utils.translation import gettext as _

from newsletter.mailing import Personaliser, render_edition
from newsletter.models import Delivery, Mailing, Subscriber

logger = logging.getLogger(__name__)

TEST_SUBJECT_PREFIX = "[TEST] "


class SendRefused(Exception):
    """Why an edition cannot be sent (shown to the editor)."""


def audience(edition):
    subscribers = Subscriber.objects.receiving().filter(language=edition.locale.language_code)
    topic_keys = list(edition.topics.values_list("translation_key", flat=True))
    if topic_keys:
        chosen = Subscriber.topics.through.objects.filter(
            themepage__translation_key__in=topic_keys
        ).values("subscriber_id")
        subscribers = subscribers.filter(pk__in=chosen)
    return subscribers


def start(edition, user=None, when=None):
    """Send ``edition`` now, or at ``when``; return its mailing. Raises ``SendRefused``."""
    edition.refresh_from_db()
    if not edition.live:
        raise SendRefused(_("Only a published edition can be sent: have it approved first."))
    if Mailing.objects.filter(edition=edition).exists():
        raise SendRefused(_("This edition has been sent or scheduled already."))
    scheduled = when is not None and when > timezone.now()
    try:
        with transaction.atomic():
            mailing = Mailing.objects.create(
                edition=edition,
                requested_by=user,
                status=Mailing.Status.SCHEDULED,
                scheduled_for=when if scheduled else timezone.now(),
            )
    except IntegrityError:
        raise SendRefused(_("This edition has been sent or scheduled already.")) from None
    if not scheduled:
        begin(mailing.pk)
        mailing.refresh_from_db()
    return mailing


def begin(mailing_id):
    """Scheduled → sending, once: freeze the content, make a delivery per recipient, and
    hand the mailing to the worker. Returns whether this call started it."""
    with transaction.atomic():
        won = Mailing.objects.filter(pk=mailing_id, status=Mailing.Status.SCHEDULED).update(
            status=Mailing.Status.SENDING, started_at=timezone.now()
        )
        if not won:
            return False
        mailing = Mailing.objects.select_related("edition").get(pk=mailing_id)
        edition = mailing.edition.specific
        rendered = render_edition(edition)
        mailing.subject = rendered.subject
        mailing.html_body = rendered.html_body
        mailing.text_body = rendered.text_body
        mailing.save(update_fields=["subject", "html_body", "text_body"])
        recipients = audience(edition).values_list("pk", flat=True).order_by("pk")
        Delivery.objects.bulk_create(
            (Delivery(mailing=mailing, subscriber_id=pk) for pk in recipients.iterator()),
            batch_size=1000,
            ignore_conflicts=True,
        )
        transaction.on_commit(lambda: send_mailing.enqueue(mailing_id))
    return True


class Throttle:
    """At most ``rate`` messages per second, on average since the first one."""

    def __init__(self, rate, clock=time.monotonic, sleep=time.sleep):
        self.interval = 1 / rate if rate else 0
        self.clock, self.sleep = clock, sleep
        self.started = None
        self.count = 0

    def wait(self):
        now = self.clock()
        if self.started is None:
            self.started = now
        due = self.started + self.count * self.interval
        if due > now:
            self.sleep(due - now)
        self.count += 1


def claim_batch(mailing_id, size):
    """Take up to ``size`` waiting deliveries for this worker. Rows another worker holds
    are skipped; claims older than ``NEWSLETTER_CLAIM_TIMEOUT`` seconds (a worker that
    died before reaching them) are taken over."""
    now = timezone.now()
    stale = now - timezone.timedelta(seconds=settings.NEWSLETTER_CLAIM_TIMEOUT)
    with transaction.atomic():
        ids = list(
            Delivery.objects.select_for_update(skip_locked=True)
            .filter(mailing_id=mailing_id)
            .filter(
                Q(status=Delivery.Status.PENDING)
                | Q(status=Delivery.Status.CLAIMED, claimed_at__lt=stale)
            )
            .order_by("pk")
            .values_list("pk", flat=True)[:size]
        )
        Delivery.objects.filter(pk__in=ids).update(status=Delivery.Status.CLAIMED, claimed_at=now)
    return list(Delivery.objects.filter(pk__in=ids).select_related("subscriber").order_by("pk"))


def is_receiving(subscriber):
    return subscriber.status == Subscriber.Status.CONFIRMED and subscriber.suppressed_at is None


def deliver(delivery, rendered, personaliser, connection):
    """Send one message, at most once: whoever turns it from claimed to sending sends it."""
    claimed = Delivery.objects.filter(
        pk=delivery.pk, status=Delivery.Status.CLAIMED, claimed_at=delivery.claimed_at
    )
    if not claimed.update(status=Delivery.Status.SENDING):
        return
    subscriber = delivery.subscriber  # as it was when the batch was claimed
    if subscriber is None or not is_receiving(subscriber):
        Delivery.objects.filter(pk=delivery.pk).update(status=Delivery.Status.SKIPPED)
        return
    message = personaliser.message(rendered, subscriber, connection, delivery_id=delivery.pk)
    try:
        message.send()
    except Exception as error:  # any backend error: record it, go on with the next
        logger.warning("Newsletter delivery %s failed: %s", delivery.pk, type(error).__name__)
        Delivery.objects.filter(pk=delivery.pk).update(
            status=Delivery.Status.FAILED, error=f"{type(error).__name__}: {error}"[:500]
        )
        return
    status = getattr(message, "anymail_status", None)
    Delivery.objects.filter(pk=delivery.pk).update(
        status=Delivery.Status.SENT,
        sent_at=timezone.now(),
        message_id=(status.message_id or "")[:255] if status else "",
    )


def run(mailing_id, throttle=None):
    """Send what is waiting of a mailing; finish it when nothing is left."""
    mailing = Mailing.objects.select_related("edition").filter(pk=mailing_id).first()
    if mailing is None or mailing.status != Mailing.Status.SENDING:
        return
    rendered = SimpleNamespace(
        subject=mailing.subject, html_body=mailing.html_body, text_body=mailing.text_body
    )
    personaliser = Personaliser(mailing.edition.specific)
    throttle = throttle or Throttle(settings.NEWSLETTER_SEND_RATE)
    connection = get_connection()
    while batch := claim_batch(mailing_id, settings.NEWSLETTER_BATCH_SIZE):
        with connection:  # one connection to the mail server per batch
            for delivery in batch:
                throttle.wait()
                deliver(delivery, rendered, personaliser, connection)
    waiting = Delivery.objects.filter(
        mailing_id=mailing_id, status__in=[Delivery.Status.PENDING, Delivery.Status.CLAIMED]
    )
    if not waiting.exists():
        Mailing.objects.filter(pk=mailing_id, status=Mailing.Status.SENDING).update(
            status=Mailing.Status.SENT, finished_at=timezone.now()
        )


@task()
def send_mailing(mailing_id):
    run(mailing_id)


def send_due(now=None):
    """Start scheduled mailings whose time has come and resume unfinished ones (a worker
    stopped mid-send): what ``manage.py send_newsletters`` does every minute."""
    now = now or timezone.now()
    due = Mailing.objects.due(now).values_list("pk", flat=True)
    started = [mailing_id for mailing_id in due if begin(mailing_id)]
    unfinished = Mailing.objects.filter(status=Mailing.Status.SENDING).exclude(pk__in=started)
    resumed = list(unfinished.values_list("pk", flat=True))
    for mailing_id in resumed:
        send_mailing.enqueue(mailing_id)
    return len(started), len(resumed)


def send_test(edition, addresses, name=""):
    """The edition as it is now (latest draft) to staff addresses, marked as a test."""
    rendered = render_edition(edition)
    rendered.subject = TEST_SUBJECT_PREFIX + rendered.subject
    personaliser = Personaliser(edition)
    connection = get_connection()
    with connection:
        for address in addresses:
            reader = SimpleNamespace(email=address, name=name, manage_key="test")
            personaliser.message(rendered, reader, connection).send()


def report(mailing):
    """The numbers of a mailing (one query)."""
    status = Delivery.Status
    counts = mailing.deliveries.aggregate(
        recipients=Count("pk"),
        sent=Count("pk", filter=Q(status=status.SENT)),
        failed=Count("pk", filter=Q(status=status.FAILED)),
        interrupted=Count("pk", filter=Q(status=status.SENDING)),
        skipped=Count("pk", filter=Q(status=status.SKIPPED)),
        waiting=Count("pk", filter=Q(status__in=[status.PENDING, status.CLAIMED])),
        bounced=Count("pk", filter=Q(bounced_at__isnull=False)),
        soft_bounced=Count("pk", filter=Q(soft_bounces__gt=0)),
        complaints=Count("pk", filter=Q(complained_at__isnull=False)),
        unsubscribes=Count("pk", filter=Q(unsubscribed_at__isnull=False)),
    )
    done = counts["recipients"] - counts["waiting"]
    counts["percent"] = round(100 * done / counts["recipients"]) if counts["recipients"] else 100
    counts["status"] = mailing.status
    return counts
