"""Calendar files (iCalendar, RFC 5545) and "add to calendar" links for events.

- ``event_calendar(events, …)``: a VCALENDAR with one VEVENT per event, times in
  Europe/Amsterdam with the VTIMEZONE included, all-day events as dates (DTEND the day
  after the last day, as RFC 5545 says). Cancelled events say ``STATUS:CANCELLED`` so
  calendars that subscribed to the feed strike them out.
- The meeting link of an online event goes only into the file attached to a participant's
  e-mail (``for_participant=True``), never into the public file or feed.
- ``calendar_links(event, request)``: plain links to the .ics file, Google Calendar and
  Outlook; no script of a third party on the page.
"""

import datetime
from urllib.parse import urlencode

from django.conf import settings
from django.utils import timezone

import icalendar

from events.choices import TIME_ZONE, EventStatus

PRODUCT_ID = "-//Kennisplatform Integratie & Samenleving//Agenda//NL"
ICAL_STATUS = {
    EventStatus.SCHEDULED: "CONFIRMED",
    EventStatus.POSTPONED: "TENTATIVE",
    EventStatus.CANCELLED: "CANCELLED",
}


def event_uid(event, base_url):
    """Stable across languages and edits: the source event's translation key."""
    host = base_url.split("://")[-1].strip("/") or "localhost"
    return f"{event.translation_key}@{host}"


def _dates(event):
    if event.all_day:
        last_day = event.local_end.date()
        return event.local_start.date(), last_day + datetime.timedelta(days=1)
    return event.local_start, event.local_end


def vevent(event, base_url, *, for_participant=False):
    item = icalendar.Event()
    start, end = _dates(event)
    item.add("uid", event_uid(event, base_url))
    item.add("dtstamp", timezone.now())
    item.add("dtstart", start)
    item.add("dtend", end)
    item.add("summary", event.title)
    url = event.full_url
    description = [event.summary]
    if event.status != EventStatus.SCHEDULED and event.status_reason:
        description.insert(0, f"{event.get_status_display().upper()}: {event.status_reason}")
    location = event.location_text
    if for_participant and event.is_online and event.online_url:
        description.append(event.online_url)
        location = ", ".join(part for part in [location, event.online_url] if part)
    if url:
        item.add("url", url)
        description.append(url)
    item.add("description", "\n\n".join(part for part in description if part))
    if location:
        item.add("location", location)
    item.add("status", ICAL_STATUS[event.status])
    if event.last_published_at:
        item.add("last-modified", event.last_published_at)
    return item


def event_calendar(events, *, base_url=None, name=None, for_participant=False):
    """The events as the bytes of an iCalendar file."""
    base_url = base_url or settings.WAGTAILADMIN_BASE_URL
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    if name:
        calendar.add("x-wr-calname", name)
        calendar.add("x-wr-timezone", str(TIME_ZONE))
    for event in events:
        calendar.add_component(vevent(event, base_url, for_participant=for_participant))
    calendar.add_missing_timezones()
    return calendar.to_ical()


def _utc(value):
    return value.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def calendar_links(event, request):
    """(label key, URL) pairs: the .ics file, Google Calendar, Outlook.com/Office 365."""
    page_url = event.get_full_url(request)
    start, end = _dates(event)
    if event.all_day:
        google_dates = f"{start:%Y%m%d}/{end:%Y%m%d}"
        outlook_times = {"startdt": start.isoformat(), "enddt": end.isoformat(), "allday": "true"}
    else:
        google_dates = f"{_utc(start)}/{_utc(end)}"
        outlook_times = {"startdt": start.isoformat(), "enddt": end.isoformat()}
    details = f"{event.summary}\n\n{page_url}"
    google = {
        "action": "TEMPLATE",
        "text": event.title,
        "dates": google_dates,
        "details": details,
        "location": event.location_text,
        "ctz": str(TIME_ZONE),
    }
    outlook = {
        "path": "/calendar/action/compose",
        "rru": "addevent",
        "subject": event.title,
        "body": details,
        "location": event.location_text,
        **outlook_times,
    }
    return {
        "ics": event.url + event.reverse_subpage("ics"),
        "google": "https://calendar.google.com/calendar/render?" + urlencode(google),
        "outlook": "https://outlook.office.com/calendar/action/compose?" + urlencode(outlook),
    }
