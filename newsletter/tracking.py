"""What the mail provider reports back (anymail's tracking webhooks, docs/newsletter.md).

Anymail checks each webhook call (the shared secret of ``ANYMAIL_WEBHOOK_SECRET``, or the
provider's signature) before it sends the ``tracking`` signal handled here:

- a hard bounce or a spam complaint suppresses the address: it gets no edition any more,
  and staff see it (and why) in the subscribers list;
- a soft bounce (the provider retries) is counted on the subscriber and the delivery;
- the event is matched to its delivery by the metadata the message carried, else by the
  provider's message id, so it shows in that edition's report.
"""

from django.db.models import F
from django.utils import timezone

from anymail.signals import EventType

from newsletter.models import Delivery, Subscriber

HARD = {EventType.BOUNCED: Subscriber.SuppressionReason.BOUNCE}
COMPLAINT = {EventType.COMPLAINED: Subscriber.SuppressionReason.COMPLAINT}
SOFT = {EventType.DEFERRED}


def find_delivery(event, subscriber):
    deliveries = Delivery.objects.filter(subscriber=subscriber)
    delivery_id = (event.metadata or {}).get("delivery", "")
    if str(delivery_id).isdigit():
        return deliveries.filter(pk=int(delivery_id)).first()
    if event.message_id:
        return deliveries.filter(message_id=event.message_id).first()
    return None


def record_event(sender, event, esp_name, **kwargs):
    """Receiver of ``anymail.signals.tracking``."""
    if event.event_type not in {*HARD, *COMPLAINT, *SOFT} or not event.recipient:
        return
    subscriber = Subscriber.objects.filter(email__iexact=event.recipient).first()
    if subscriber is None:
        return
    delivery = find_delivery(event, subscriber)
    deliveries = Delivery.objects.filter(pk=delivery.pk) if delivery else Delivery.objects.none()
    now = timezone.now()
    if event.event_type in SOFT:
        Subscriber.objects.filter(pk=subscriber.pk).update(soft_bounces=F("soft_bounces") + 1)
        deliveries.update(soft_bounces=F("soft_bounces") + 1)
    elif event.event_type in HARD:
        subscriber.suppress(HARD[event.event_type])
        deliveries.filter(bounced_at__isnull=True).update(bounced_at=now)
    else:
        subscriber.suppress(COMPLAINT[event.event_type])
        deliveries.filter(complained_at__isnull=True).update(complained_at=now)
