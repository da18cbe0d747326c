"""Subscriber figures for templates, the admin and the annual report (no addresses)."""

from datetime import datetime

from django.db.models import Count, Q
from django.utils import timezone

from newsletter.models import Subscriber


def confirmed_count(year=None):
    """Confirmed subscribers now, or at the end of ``year`` as far as the records tell.

    For a past year: confirmed before the year ended and not unsubscribed before then.
    Erased subscribers are gone from every year.
    """
    if year is None:
        return Subscriber.objects.filter(status=Subscriber.Status.CONFIRMED).count()
    end = timezone.make_aware(datetime(year + 1, 1, 1))
    return (
        Subscriber.objects.filter(confirmed_at__lt=end)
        .filter(Q(unsubscribed_at__isnull=True) | Q(unsubscribed_at__gte=end))
        .count()
    )


def counts_by_status():
    """{status: count} for every status, zeros included."""
    counts = dict.fromkeys(Subscriber.Status.values, 0)
    rows = Subscriber.objects.values_list("status").annotate(count=Count("pk")).order_by()
    counts.update(dict(rows))
    return counts
