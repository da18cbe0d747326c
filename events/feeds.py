"""Feeds of the upcoming events of each language: RSS 2.0, Atom and an iCalendar feed.

/nl/feeds/agenda/rss.xml, …/atom.xml and …/agenda.ics (and the same under /en/) list the
published, public events of that language that have not ended, the soonest first. The
iCalendar feed is what a calendar program subscribes to; cancelled events stay in it
(``STATUS:CANCELLED``) until they are over, so that subscribers see the cancellation.
"""

from django.contrib.syndication.views import Feed
from django.http import HttpResponse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from wagtail.models import Locale, Site

from core.listings import live_in_active_locale, section_page
from core.models import SiteSettings
from events.calendar import event_calendar
from events.choices import EventStatus
from events.models import EventIndexPage, EventPage
from events.models.pages import upcoming

FEED_LENGTH = 50
FEED_TYPES = {"rss": Rss201rev2Feed, "atom": Atom1Feed}


def upcoming_events():
    """The upcoming events of the active language, for the feeds."""
    return list(
        upcoming(live_in_active_locale(EventPage.objects.all()).defer_streamfields())[:FEED_LENGTH]
    )


def feed_title(request):
    institute = SiteSettings.for_request(request).organisation_name
    return f"{_('Agenda')} | {institute}"


class UpcomingEventFeed(Feed):
    def __init__(self, feed_format):
        self.feed_format = feed_format
        self.feed_type = FEED_TYPES[feed_format]

    def get_object(self, request):
        return request

    def title(self, request):
        return feed_title(request)

    def link(self, request):
        agenda = section_page(EventIndexPage)
        if agenda is not None:
            return agenda.get_full_url(request)
        return request.build_absolute_uri(f"/{Locale.get_active().language_code}/")

    def description(self, request):
        return _("Upcoming seminars, work sessions and trainings of the knowledge platform.")

    def items(self, request):
        events = upcoming_events()
        for event in events:
            event.feed_link = event.get_full_url(request)
        return events

    def item_title(self, event):
        when = date_format(event.local_start, "j F Y")
        status = "" if event.status == EventStatus.SCHEDULED else f" ({event.get_status_display()})"
        return f"{when}: {event.title}{status}"

    def item_description(self, event):
        parts = [event.summary, event.location_text]
        if event.status != EventStatus.SCHEDULED and event.status_reason:
            parts.insert(0, event.status_reason)
        return "\n\n".join(part for part in parts if part)

    def item_link(self, event):
        return event.feed_link

    def item_pubdate(self, event):
        return event.first_published_at

    def item_updateddate(self, event):
        return event.last_published_at

    def item_categories(self, event):
        return [event.get_kind_display()]


def ical_feed(request):
    site = Site.find_for_request(request)
    base_url = site.root_url if site else None
    body = event_calendar(upcoming_events(), base_url=base_url, name=feed_title(request))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="agenda.ics"'
    return response
