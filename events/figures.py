"""Figures of the agenda for the annual report (registered by annual_report.figures).

An event counts in the year it started; cancelled events do not count. Events are counted
in the default language (a translation is the same event).
"""

from django.db.models import Count, Q

from wagtail.models import Locale

from core.caching.requestcache import memoize
from events.choices import EventKind, EventStatus
from events.models import EventPage, Registration


def events_of_year(year):
    return (
        EventPage.objects.live()
        .filter(locale=Locale.get_default(), start__year=year)
        .exclude(status=EventStatus.CANCELLED)
    )


def events_by_kind(year):
    """``{"seminar": 1, "work_session": 2, …, "total": 9}``, counted once per request."""
    return memoize(("events_by_kind", year), lambda: _events_by_kind(year))


def _events_by_kind(year):
    rows = events_of_year(year).values("kind").annotate(count=Count("pk")).order_by()
    per_kind = {row["kind"]: row["count"] for row in rows}
    counts = {kind: per_kind.get(kind, 0) for kind in EventKind.values}
    counts["total"] = sum(per_kind.values())
    return counts


def participants(year):
    """People who took part in the year's events: the number staff entered on the event
    (``participants``), else its confirmed registrations (kept, anonymised, after the
    retention period)."""
    events = events_of_year(year).annotate(
        registered=Count(
            "registrations", filter=Q(registrations__status=Registration.Status.CONFIRMED)
        )
    )
    return sum(
        event.participants if event.participants is not None else event.registered
        for event in events.only("pk", "participants")
    )
