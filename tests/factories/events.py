"""Factories of the agenda and its events."""

import datetime

from django.utils import timezone

import factory
import wagtail_factories

from events.models import EventIndexPage, EventPage


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Agenda"
    slug = "agenda"

    class Meta:
        model = EventIndexPage


class EventPageFactory(wagtail_factories.PageFactory):
    """A seminar next month (10:00–12:00 Dutch time), without registration."""

    title = factory.Sequence(lambda n: f"Bijeenkomst {n}")
    kind = "seminar"
    summary = "Een bijeenkomst voor beleidsmakers en professionals."
    venue = "Huis van de Stad"
    address = "Stationsplein 1, Utrecht"
    start = factory.LazyFunction(
        lambda: (timezone.localtime() + datetime.timedelta(days=30)).replace(
            hour=10, minute=0, second=0, microsecond=0
        )
    )
    end = factory.LazyAttribute(lambda event: event.start + datetime.timedelta(hours=2))

    class Meta:
        model = EventPage
