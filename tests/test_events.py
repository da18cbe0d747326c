"""The agenda: listing and archive, event pages, calendar files, feeds and structured data."""

import datetime
import json

from django.core import mail
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import feedparser
import icalendar
import pytest

from annual_report.figures import live_figures
from events.choices import TIME_ZONE
from events.models import EventPage
from tests.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    PartnerFactory,
    PersonFactory,
    ProjectPageFactory,
    ThemeIndexPageFactory,
    ThemePageFactory,
)
from tests.helpers import publish_translation, soup


def card_titles(response):
    return [
        title.get_text(strip=True) for title in soup(response).select(".card--event .card__title")
    ]


def at(days, hour=10, minute=0):
    """A moment ``days`` from today at ``hour``:``minute`` Dutch time."""
    day = timezone.localdate() + datetime.timedelta(days=days)
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=TIME_ZONE)


@pytest.fixture
def agenda(home):
    """The agenda in Dutch and English, two themes (one translated) and a project."""
    index = EventIndexPageFactory(parent=home["nl"])
    index_en = publish_translation(index, "en", title="Events", slug="events")
    themes = ThemeIndexPageFactory(parent=home["nl"])
    publish_translation(themes, "en", title="Themes", slug="themes")
    theme = ThemePageFactory(parent=themes, title="Participatie", slug="participatie")
    theme_en = publish_translation(theme, "en", title="Participation", slug="participation")
    other_theme = ThemePageFactory(parent=themes, title="Nieuwe migratie", slug="nieuwe-migratie")
    project = ProjectPageFactory(parent=theme, title="Armoede is geen schande", slug="armoede")
    return {
        "index": index,
        "index_en": index_en,
        "theme": theme,
        "theme_en": theme_en,
        "other_theme": other_theme,
        "project": project,
    }


def add_event(agenda, **fields):
    return EventPageFactory(parent=agenda["index"], **fields)


# The listing


def test_agenda_lists_upcoming_events_soonest_first_and_leaves_past_ones_out(client, agenda):
    add_event(agenda, title="Later", start=at(40), end=at(40, 12))
    add_event(agenda, title="Soon", start=at(3), end=at(3, 12))
    add_event(agenda, title="Over", start=at(-3), end=at(-3, 12))
    # started an hour ago, still going on: still listed
    now = timezone.localtime()
    add_event(
        agenda,
        title="Now",
        start=now - datetime.timedelta(hours=1),
        end=now + datetime.timedelta(hours=1),
    )

    response = client.get("/nl/agenda/")
    assert response.status_code == 200
    assert card_titles(response) == ["Now", "Soon", "Later"]


def test_filters_by_kind_theme_and_month_are_plain_get_parameters(client, agenda):
    seminar = add_event(agenda, title="Seminar", kind="seminar", start=at(5), end=at(5, 12))
    seminar.themes.add(agenda["theme"])
    seminar.save_revision().publish()
    add_event(agenda, title="Training", kind="training", start=at(70), end=at(70, 12))
    month = at(70).strftime("%Y-%m")

    assert card_titles(client.get("/nl/agenda/?kind=training")) == ["Training"]
    assert card_titles(client.get("/nl/agenda/?theme=participatie")) == ["Seminar"]
    assert card_titles(client.get(f"/nl/agenda/?month={month}")) == ["Training"]
    assert card_titles(client.get("/nl/agenda/?kind=seminar&theme=nieuwe-migratie")) == []
    # the form shows the chosen filters, so the URL can be bookmarked and shared
    page = soup(client.get("/nl/agenda/?kind=training"))
    assert page.find("select", attrs={"name": "kind"}).find("option", selected=True)["value"] == (
        "training"
    )
    month_options = [option["value"] for option in page.select("select[name=month] option")]
    assert month in month_options


@pytest.mark.parametrize(
    "query", ["kind=party", "theme=unknown", "month=2026-13", "month=abc", "page=999", "page=x"]
)
def test_bad_filter_values_never_break_the_listing(client, agenda, query):
    add_event(agenda, title="Seminar")
    response = client.get(f"/nl/agenda/?{query}")
    assert response.status_code == 200


def test_english_agenda_lists_the_english_events_and_themes(client, agenda):
    event = add_event(agenda, title="Seminar over armoede")
    event.themes.add(agenda["theme"])
    event.save_revision().publish()
    publish_translation(event, "en", title="Seminar on poverty", slug="seminar-on-poverty")

    response = client.get("/en/events/")
    assert card_titles(response) == ["Seminar on poverty"]
    # the translation keeps pointing at the Dutch theme: the English theme filter finds it
    assert card_titles(client.get("/en/events/?theme=participation")) == ["Seminar on poverty"]
    themes = [option.get_text() for option in soup(response).select("select[name=theme] option")]
    assert themes[1:] == ["Participation"]


def test_listing_has_a_constant_query_count(client, agenda):
    def count_queries():
        with CaptureQueriesContext(connection) as context:
            assert client.get("/nl/agenda/?kind=seminar").status_code == 200
        return len(context)

    for day in range(2):
        add_event(agenda, start=at(day + 1), end=at(day + 1, 12))
    count_queries()  # after a publish, the first request fills the site-wide caches
    few = count_queries()
    for day in range(10):
        event = add_event(agenda, start=at(day + 10), end=at(day + 10, 12))
        event.themes.add(agenda["theme"])
        event.partners.add(PartnerFactory())
        event.save_revision().publish()
    count_queries()
    assert count_queries() == few


def test_archive_lists_past_events_per_year(client, agenda):
    add_event(
        agenda,
        title="Seminar Turkse spanningen",
        start=datetime.datetime(2017, 11, 2, 13, 30, tzinfo=TIME_ZONE),
        end=datetime.datetime(2017, 11, 2, 17, 0, tzinfo=TIME_ZONE),
    )
    add_event(
        agenda,
        title="Slotbijeenkomst",
        start=datetime.datetime(2018, 6, 5, 10, tzinfo=TIME_ZONE),
        end=datetime.datetime(2018, 6, 5, 16, tzinfo=TIME_ZONE),
    )
    add_event(agenda, title="Upcoming")

    agenda_page = soup(client.get("/nl/agenda/"))
    assert [link.get_text() for link in agenda_page.select("#archive-heading + ul a")] == [
        "2018",
        "2017",
    ]
    archive = client.get("/nl/agenda/2017/")
    assert archive.status_code == 200
    assert card_titles(archive) == ["Seminar Turkse spanningen"]
    assert client.get("/nl/agenda/2016/").status_code == 404


def test_home_theme_and_project_pages_show_their_events(client, agenda):
    project = agenda["project"]
    project.save_revision().publish()
    seminar = add_event(agenda, title="Seminar", start=at(5), end=at(5, 12))
    seminar.themes.add(agenda["theme"])
    seminar.projects.add(project)
    seminar.save_revision().publish()
    add_event(agenda, title="Elsewhere", start=at(6), end=at(6, 12))
    past = add_event(agenda, title="Peertraining", start=at(-200), end=at(-200, 16))
    past.projects.add(project)
    past.save_revision().publish()

    assert card_titles(client.get("/nl/")) == ["Seminar", "Elsewhere"]
    assert card_titles(client.get(agenda["theme"].url)) == ["Seminar"]
    assert card_titles(client.get(agenda["other_theme"].url)) == []
    # a project shows its events, past ones too, the latest first
    assert card_titles(client.get(project.url)) == ["Seminar", "Peertraining"]


# The event page


def test_event_page_shows_when_where_who_and_keeps_the_online_link_secret(client, agenda):
    event = add_event(
        agenda,
        title="Webinar inclusief communiceren",
        kind="webinar",
        attendance_mode="online",
        online_url="https://meet.example.org/secret-room",
        audience="Communicatieadviseurs van gemeenten",
        start=datetime.datetime(2030, 3, 5, 14, 0, tzinfo=TIME_ZONE),
        end=datetime.datetime(2030, 3, 5, 15, 30, tzinfo=TIME_ZONE),
    )
    event.partners.add(PartnerFactory(name="Saluti"))
    event.speakers.add(PersonFactory(name="Sabine de Bruijn", role="onderzoeker"))
    event.save_revision().publish()

    response = client.get(event.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "secret-room" not in html
    assert "5 maart 2030, 14:00" in html
    assert "Communicatieadviseurs van gemeenten" in html
    assert "Saluti" in html
    assert "Sabine de Bruijn" in html
    assert "ontvangen de link per e-mail" in html
    assert "secret-room" not in client.get(event.url + "ical/").content.decode()


def test_cancelled_event_says_so_clearly_with_the_reason(client, agenda):
    event = add_event(
        agenda,
        title="Werksessie",
        status="cancelled",
        status_reason="De spreker is ziek; we zoeken een nieuwe datum.",
    )
    page = soup(client.get(event.url))
    notice = page.select_one(".notice--cancelled")
    assert "Deze bijeenkomst gaat niet door." in notice.get_text()
    assert "De spreker is ziek" in notice.get_text()
    assert page.find("a", string="Aanmelden") is None
    assert "card--cancelled" in client.get("/nl/agenda/").content.decode()


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"end": at(5, 9)}, "end"),
        ({"status": "postponed"}, "status_reason"),
        ({"attendance_mode": "online"}, "online_url"),
        ({"registration_deadline": at(6)}, "registration_deadline"),
    ],
)
def test_event_validation_names_the_field_to_correct(agenda, fields, field):
    valid = {"title": "X", "summary": "Y", "kind": "seminar", "start": at(5, 10), "end": at(5, 12)}
    event = EventPage(**{**valid, **fields})
    with pytest.raises(ValidationError) as error:
        event.clean()
    assert list(error.value.message_dict) == [field]


def test_event_across_the_dst_change_keeps_its_dutch_times(client, agenda):
    # the clocks go forward at 02:00 on the last Sunday of March 2030 (31 March)
    event = add_event(
        agenda,
        title="Training over de nacht",
        start=datetime.datetime(2030, 3, 30, 20, 0, tzinfo=TIME_ZONE),
        end=datetime.datetime(2030, 3, 31, 10, 0, tzinfo=TIME_ZONE),
    )
    event.refresh_from_db()
    assert event.end - event.start == datetime.timedelta(hours=13)  # not 14: an hour skipped
    html = client.get(event.url).content.decode()
    assert "30 maart 2030, 20:00" in html
    assert "31 maart 2030, 10:00" in html
    assert 'datetime="2030-03-30T20:00:00+01:00"' in html
    assert 'datetime="2030-03-31T10:00:00+02:00"' in html

    calendar = icalendar.Calendar.from_ical(client.get(event.url + "ical/").content)
    vevent = calendar.events[0]
    assert vevent.start == datetime.datetime(2030, 3, 30, 20, 0, tzinfo=TIME_ZONE)
    assert vevent.start.utcoffset() == datetime.timedelta(hours=1)
    assert vevent.end.utcoffset() == datetime.timedelta(hours=2)
    # (aware datetimes of one time zone subtract by the clock: compare in UTC)
    assert vevent.end.astimezone(datetime.UTC) - vevent.start.astimezone(
        datetime.UTC
    ) == datetime.timedelta(hours=13)
    assert calendar.walk("VTIMEZONE")[0]["TZID"] == "Europe/Amsterdam"


def test_ical_file_parses_back_with_the_event(client, agenda):
    event = add_event(agenda, title="Seminar Turkse spanningen", venue="Pakhuis de Zwijger")
    response = client.get(event.url + "ical/")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = icalendar.Calendar.from_ical(response.content)
    vevent = calendar.events[0]
    assert str(vevent["SUMMARY"]) == "Seminar Turkse spanningen"
    assert "Pakhuis de Zwijger" in str(vevent["LOCATION"])
    assert str(vevent["STATUS"]) == "CONFIRMED"
    assert vevent.start == event.start
    assert str(vevent["URL"]).endswith(event.url)


def test_all_day_event_is_a_date_in_the_calendar_and_on_the_page(client, agenda):
    event = add_event(
        agenda,
        title="Congres",
        all_day=True,
        start=datetime.datetime(2030, 6, 11, 0, 0, tzinfo=TIME_ZONE),
        end=datetime.datetime(2030, 6, 12, 23, 59, tzinfo=TIME_ZONE),
    )
    vevent = icalendar.Calendar.from_ical(client.get(event.url + "ical/").content).events[0]
    assert vevent.start == datetime.date(2030, 6, 11)
    assert vevent.end == datetime.date(2030, 6, 13)  # DTEND is the day after the last day
    assert "11 juni 2030" in client.get(event.url).content.decode()


def test_add_to_calendar_links_need_no_script(client, agenda):
    event = add_event(agenda, title="Seminar")
    page = soup(client.get(event.url))
    hrefs = [link["href"] for link in page.select("#take-part-heading ~ ul a")]
    assert hrefs[0] == event.url + "ical/"
    assert hrefs[1].startswith("https://calendar.google.com/calendar/render?action=TEMPLATE")
    assert hrefs[2].startswith("https://outlook.office.com/calendar/")
    assert not [script for script in page.find_all("script") if "google" in str(script)]


def test_ical_and_rss_feeds_list_the_upcoming_events_of_each_language(client, agenda):
    event = add_event(agenda, title="Seminar over armoede", start=at(5), end=at(5, 12))
    publish_translation(event, "en", title="Seminar on poverty", slug="seminar-on-poverty")
    add_event(agenda, title="Verleden", start=at(-5), end=at(-5, 12))
    add_event(agenda, title="Geannuleerd", status="cancelled", status_reason="Ziek.")

    calendar = icalendar.Calendar.from_ical(client.get("/nl/feeds/agenda/agenda.ics").content)
    summaries = sorted(str(item["SUMMARY"]) for item in calendar.events)
    assert summaries == ["Geannuleerd", "Seminar over armoede"]
    assert {str(item["STATUS"]) for item in calendar.events} == {"CONFIRMED", "CANCELLED"}
    english = icalendar.Calendar.from_ical(client.get("/en/feeds/agenda/agenda.ics").content)
    assert [str(item["SUMMARY"]) for item in english.events] == ["Seminar on poverty"]
    # the same event in both languages has the same UID
    dutch_uid = next(
        str(item["UID"]) for item in calendar.events if "armoede" in str(item["SUMMARY"])
    )
    assert str(english.events[0]["UID"]) == dutch_uid

    rss = feedparser.parse(client.get("/nl/feeds/agenda/rss.xml").content)
    assert [entry.title.split(": ", 1)[1] for entry in rss.entries] == [
        "Seminar over armoede",
        "Geannuleerd (gaat niet door)",
    ]
    atom = feedparser.parse(client.get("/en/feeds/agenda/atom.xml").content)
    assert [entry.link for entry in atom.entries] == [
        "http://testserver/en/events/seminar-on-poverty/"
    ]


def test_event_json_ld(client, agenda):
    event = add_event(
        agenda,
        title="Seminar Turkse spanningen",
        attendance_mode="mixed",
        online_url="https://meet.example.org/secret",
        status="postponed",
        status_reason="Nieuwe datum volgt.",
    )
    event.partners.add(PartnerFactory(name="Stichting ISBO", website="https://isbo.example"))
    event.save_revision().publish()
    script = soup(client.get(event.url)).find("script", type="application/ld+json")
    graph = json.loads(script.string)["@graph"]
    item = next(entry for entry in graph if entry["@type"] == "Event")
    assert item["eventStatus"] == "https://schema.org/EventPostponed"
    assert item["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert item["location"][0]["@type"] == "Place"
    assert item["location"][1] == {"@type": "VirtualLocation", "url": event.full_url}
    assert [organiser["name"] for organiser in item["organizer"]][1:] == ["Stichting ISBO"]
    assert item["offers"]["price"] == "0"
    assert item["startDate"] == timezone.localtime(event.start, TIME_ZONE).isoformat()
    assert "secret" not in script.string


def test_annual_report_counts_events_per_kind_and_participants(agenda):
    def on(day, **fields):
        start = datetime.datetime(2017, 5, day, 10, tzinfo=TIME_ZONE)
        return add_event(agenda, start=start, end=start + datetime.timedelta(hours=2), **fields)

    on(1, kind="seminar", participants=80)
    on(2, kind="training", participants=12)
    on(3, kind="training")
    on(4, kind="training", status="cancelled", status_reason="Ziek.", participants=99)
    values = live_figures.compute(
        2017,
        [("events", None), ("events_training", None), ("event_participants", None)],
        cached=False,
    )
    assert values == {
        ("events", None): 3,
        ("events_training", None): 2,
        ("event_participants", None): 92,
    }
    assert mail.outbox == []
