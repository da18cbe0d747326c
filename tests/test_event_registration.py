"""Registering for events: places, the waiting list, e-mails, the personal link, staff views,
retention, and two people taking the last place at once."""

import datetime
import threading
import uuid

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test import Client, TestCase
from django.utils import timezone

import icalendar
import pytest

from core.models import OutgoingEmail
from editorial.groups import EDITORS, EVENTS, setup_editorial
from events import registrations
from events.models import EventPage, Registration
from tests.email_backends import FlakyBackend
from tests.factories import EventIndexPageFactory, EventPageFactory
from tests.helpers import publish_translation, soup

Status = Registration.Status
VALID = {
    "name": "Fatima el Amrani",
    "email": "fatima@example.org",
    "organisation": "Gemeente Utrecht",
    "role": "beleidsadviseur",
    "needs": "vegetarisch",
    "consent": "on",
}


def person(number):
    return {**VALID, "name": f"Deelnemer {number}", "email": f"deelnemer{number}@example.org"}


@pytest.fixture
def event(home):
    """A seminar in two weeks with 2 places and a waiting list, in Dutch and English."""
    index = EventIndexPageFactory(parent=home["nl"])
    publish_translation(index, "en", title="Events", slug="events")
    seminar = EventPageFactory(
        parent=index,
        title="Seminar Turkse spanningen",
        slug="seminar-turkse-spanningen",
        start=timezone.now() + datetime.timedelta(days=14),
        end=timezone.now() + datetime.timedelta(days=14, hours=3),
        registration_open=True,
        capacity=2,
    )
    return seminar


def delivered():
    """Run what waits for the commit (e-mail delivery) at the end of the block: the test's
    transaction is never committed."""
    return TestCase.captureOnCommitCallbacks(execute=True)


def register(client, event, data, **extra):
    with delivered():
        return client.post(event.url + "aanmelden/", data, **extra)


def register_directly(event, number):
    with delivered():
        return registrations.register(event, person(number), "nl")


def post(client, url, data):
    with delivered():
        return client.post(url, data, follow=True)


def run(command):
    with delivered():
        call_command(command, verbosity=0)


def messages_to(address):
    return [message for message in mail.outbox if message.to == [address]]


# The form


def test_registration_is_stored_and_confirmed_with_a_calendar_file(client, event):
    form_page = client.get(event.url + "aanmelden/")
    assert form_page.status_code == 200
    assert "private" in form_page["Cache-Control"]  # the form's CSRF token: never cached

    response = register(client, event, VALID)
    assert response.status_code == 200
    assert "We hebben een e-mail gestuurd" in response.content.decode()

    registration = Registration.objects.get()
    assert registration.status == Status.CONFIRMED
    assert (registration.name, registration.email, registration.needs) == (
        "Fatima el Amrani",
        "fatima@example.org",
        "vegetarisch",
    )
    assert registration.consent_at is not None
    [message] = mail.outbox
    assert message.subject == "Aangemeld: Seminar Turkse spanningen"
    assert registration.get_absolute_url() in message.body
    [(filename, content, mimetype)] = message.attachments
    assert (filename, mimetype) == ("seminar-turkse-spanningen.ics", "text/calendar")
    vevent = icalendar.Calendar.from_ical(content).events[0]
    assert str(vevent["SUMMARY"]) == "Seminar Turkse spanningen"
    assert vevent.start == event.start.replace(microsecond=0)


def test_the_event_page_itself_carries_no_csrf_token(client, event):
    page = client.get(event.url)
    assert "csrfmiddlewaretoken" not in page.content.decode()
    assert "private" not in page.get("Cache-Control", "")
    assert soup(page).find("a", string="Aanmelden")["href"] == event.url + "aanmelden/"


def test_registering_in_english_counts_for_the_same_event(client, event):
    event_en = publish_translation(event, "en", title="Seminar on Turkish tensions", slug="t")
    with delivered():
        response = client.post(event_en.url + "register/", person(1))
    assert response.status_code == 200
    registration = Registration.objects.get()
    assert registration.event_id == event.pk  # the Dutch source event holds the places
    assert registration.language == "en"
    assert mail.outbox[0].subject == "Registered: Seminar on Turkish tensions"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("name", "", "Vul uw naam in."),
        ("email", "geen-adres", "Vul een geldig e-mailadres in"),
        ("consent", "", "Geef uw toestemming om verder te gaan."),
        ("website", "http://spam.example", "Dit veld moet leeg blijven."),
    ],
)
def test_bad_input_is_rejected_next_to_its_field(client, event, field, value, message):
    response = register(client, event, {**VALID, field: value})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Registration.objects.exists()


def test_full_event_puts_people_on_the_waiting_list(client, event):
    register_directly(event, 1)
    register_directly(event, 2)
    form = client.get(event.url + "aanmelden/").content.decode()
    assert "Deze bijeenkomst is vol: u kunt zich aanmelden voor de wachtlijst." in form

    register(client, event, person(3))
    assert Registration.objects.get(email="deelnemer3@example.org").status == Status.WAITING
    assert messages_to("deelnemer3@example.org")[0].subject.startswith("Op de wachtlijst")
    assert messages_to("deelnemer3@example.org")[0].attachments == []


def test_full_event_without_waiting_list_is_closed(client, event):
    event.waiting_list = False
    event.save_revision().publish()
    register_directly(event, 1)
    register_directly(event, 2)
    assert "Deze bijeenkomst is vol." in client.get(event.url + "aanmelden/").content.decode()
    response = register(client, event, person(3))
    assert "We hebben een e-mail gestuurd" not in response.content.decode()
    assert Registration.objects.count() == 2


def test_registration_closes_at_its_deadline(client, event):
    event.registration_deadline = timezone.now() - datetime.timedelta(minutes=1)
    event.save_revision().publish()
    assert "Aanmelden is gesloten." in client.get(event.url).content.decode()
    response = register(client, event, VALID)
    assert "Aanmelden voor deze bijeenkomst is gesloten." in response.content.decode()
    assert not Registration.objects.exists()


def test_a_second_registration_learns_nothing_and_the_owner_is_told(client, event):
    first = register(client, event, VALID)
    mail.outbox.clear()
    again = register(
        client, event, {**VALID, "name": "Iemand anders", "email": "FATIMA@example.org"}
    )
    # the same answer as a first registration: the page reveals nothing about the address
    assert "We hebben een e-mail gestuurd" in again.content.decode()
    assert (
        soup(again).find("div", role="status").get_text()
        == soup(first).find("div", role="status").get_text()
    )
    assert Registration.objects.count() == 1
    assert Registration.objects.get().name == "Fatima el Amrani"
    [message] = mail.outbox
    assert message.to == ["fatima@example.org"]
    assert message.subject == "U bent al aangemeld: Seminar Turkse spanningen"


def test_too_many_registrations_get_429(client, event, settings):
    settings.FORM_RATE_LIMIT = "2/h"
    statuses = [register(client, event, {**VALID, "name": ""}).status_code for _ in range(2)]
    blocked = register(client, event, VALID)
    assert statuses == [200, 200]
    assert blocked.status_code == 429
    assert int(blocked["Retry-After"]) > 0
    assert not Registration.objects.exists()


def test_form_needs_its_csrf_token(event):
    client = Client(enforce_csrf_checks=True)
    page = client.get(event.url + "aanmelden/")
    assert register(client, event, VALID).status_code == 403
    token = soup(page).find("input", attrs={"name": "csrfmiddlewaretoken"})["value"]
    assert register(client, event, {**VALID, "csrfmiddlewaretoken": token}).status_code == 200
    assert Registration.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_registration_is_kept_when_mail_is_down(client, event, settings):
    settings.EMAIL_BACKEND = "tests.email_backends.FlakyBackend"
    FlakyBackend.failures_left = 1
    response = register(client, event, VALID)
    assert response.status_code == 200
    registration = Registration.objects.get()
    email = registration.emails.get()
    assert email.status == OutgoingEmail.Status.RETRYING
    assert email.attachments[0]["filename"] == "seminar-turkse-spanningen.ics"
    call_command("retry_emails", "--now", verbosity=0)
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.SENT
    assert mail.outbox[0].attachments[0][0] == "seminar-turkse-spanningen.ics"


# The personal link: cancel, accept, the waiting list moving up


def test_get_on_the_personal_link_never_cancels(client, event):
    registration = register_directly(event, 1)
    page = client.get(registration.get_absolute_url())
    assert page.status_code == 200
    assert "private" in page["Cache-Control"]
    assert "Deelnemer 1" in page.content.decode()
    client.head(registration.get_absolute_url())
    registration.refresh_from_db()
    assert registration.status == Status.CONFIRMED


def test_unknown_or_malformed_links_are_404(client, event):
    assert client.get(f"/nl/registration/{uuid.uuid4()}/").status_code == 404
    assert client.get("/nl/registration/not-a-token/").status_code == 404


def test_cancelling_offers_the_place_to_the_first_on_the_waiting_list(client, event, settings):
    settings.EVENT_OFFER_HOURS = 24
    first = register_directly(event, 1)
    register_directly(event, 2)
    waiting = [register_directly(event, number) for number in (3, 4)]
    mail.outbox.clear()

    response = post(client, first.get_absolute_url(), {"action": "cancel"})
    assert "Uw aanmelding is geannuleerd." in response.content.decode()
    first.refresh_from_db()
    assert first.status == Status.CANCELLED
    offered, still_waiting = (Registration.objects.get(pk=item.pk) for item in waiting)
    assert offered.status == Status.OFFERED
    assert still_waiting.status == Status.WAITING
    assert abs(
        offered.offer_expires_at - (timezone.now() + datetime.timedelta(hours=24))
    ) < datetime.timedelta(minutes=1)
    [offer] = messages_to("deelnemer3@example.org")
    assert offer.subject == "Een plaats voor u: Seminar Turkse spanningen"
    assert offered.get_absolute_url() in offer.body

    # cancelling again changes nothing
    post(client, first.get_absolute_url(), {"action": "cancel"})
    assert Registration.objects.filter(status=Status.OFFERED).count() == 1

    post(client, offered.get_absolute_url(), {"action": "accept"})
    offered.refresh_from_db()
    assert offered.status == Status.CONFIRMED
    confirmation = messages_to("deelnemer3@example.org")[-1]
    assert confirmation.subject.startswith("Aangemeld:")
    assert confirmation.attachments[0][2] == "text/calendar"


def test_an_expired_offer_goes_to_the_next_on_the_list(client, event):
    first = register_directly(event, 1)
    register_directly(event, 2)
    second_waiting = [register_directly(event, number) for number in (3, 4)][1]
    with delivered():
        registrations.cancel(first)
    offered = Registration.objects.get(status=Status.OFFERED)
    Registration.objects.filter(pk=offered.pk).update(
        offer_expires_at=timezone.now() - datetime.timedelta(minutes=1)
    )

    # too late to accept
    response = post(client, offered.get_absolute_url(), {"action": "accept"})
    assert "Helaas, dit aanbod is niet meer geldig." in response.content.decode()

    run("send_event_reminders")
    offered.refresh_from_db()
    second_waiting.refresh_from_db()
    assert offered.status == Status.EXPIRED
    assert second_waiting.status == Status.OFFERED
    assert messages_to("deelnemer3@example.org")[-1].subject.startswith("Aanbod verlopen")


# Reminders and the online link


def test_reminders_are_sent_once_with_the_online_link_for_participants_only(event, settings):
    settings.EVENT_REMINDER_DAYS = 2
    event.attendance_mode = "mixed"
    event.online_url = "https://meet.example.org/secret-room"
    event.start = timezone.now() + datetime.timedelta(days=1)
    event.end = event.start + datetime.timedelta(hours=2)
    event.save_revision().publish()
    register_directly(event, 1)
    register_directly(event, 2)
    register_directly(event, 3)  # waiting list
    confirmations = messages_to("deelnemer1@example.org")
    assert "secret-room" in confirmations[0].body
    assert "secret-room" not in messages_to("deelnemer3@example.org")[0].body
    mail.outbox.clear()

    run("send_event_reminders")
    run("send_event_reminders")
    assert sorted(message.to[0] for message in mail.outbox) == [
        "deelnemer1@example.org",
        "deelnemer2@example.org",
    ]
    assert all(message.subject.startswith("Herinnering:") for message in mail.outbox)
    assert "secret-room" in mail.outbox[0].body


def test_no_reminder_for_events_further_away(event, settings):
    settings.EVENT_REMINDER_DAYS = 2
    register_directly(event, 1)  # the event is in two weeks
    mail.outbox.clear()
    call_command("send_event_reminders", verbosity=0)
    assert mail.outbox == []


# Staff


@pytest.fixture
def staff(event):
    setup_editorial(apps)
    user_model = get_user_model()
    organiser = user_model.objects.create_user("organiser", "o@example.org", "pw")
    organiser.groups.add(Group.objects.get(name=EVENTS))
    editor = user_model.objects.create_user("editor", "e@example.org", "pw")
    editor.groups.add(Group.objects.get(name=EDITORS))
    return {"organiser": organiser, "editor": editor}


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def test_only_the_events_group_sees_registrations(staff, event):
    registration = register_directly(event, 1)
    organiser, editor = logged_in(staff["organiser"]), logged_in(staff["editor"])

    listing = organiser.get(f"/admin/events/registrations/?event={event.pk}")
    assert listing.status_code == 200
    assert "deelnemer1@example.org" in listing.content.decode()
    assert editor.get("/admin/events/registrations/").status_code == 302
    assert editor.get("/admin/events/registrations/export/").status_code in (302, 403)
    inspect = f"/admin/events/registrations/inspect/{registration.pk}/"
    assert editor.get(inspect).status_code in (302, 403)
    # editors still edit the event page itself
    assert editor.get(f"/admin/pages/{event.pk}/edit/").status_code == 200


def test_waiting_list_and_counts_per_event(staff, event):
    for number in range(1, 4):
        register_directly(event, number)
    organiser = logged_in(staff["organiser"])
    page = soup(organiser.get(f"/admin/events/registrations/?event={event.pk}&status=waiting"))
    counts = [item.get_text(" ", strip=True) for item in page.select(".nice-padding ul li")]
    assert "2 aangemeld" in counts
    assert "1 op de wachtlijst" in counts
    assert "deelnemer3@example.org" in str(page)
    assert "deelnemer1@example.org" not in str(page)


def test_csv_export_is_spreadsheet_safe_for_dutch_excel(staff, event):
    registrations.register(event, {**VALID, "name": '=HYPERLINK("x")', "organisation": "+31"}, "nl")
    organiser = logged_in(staff["organiser"])
    response = organiser.get(f"/admin/events/registrations/export/?event={event.pk}")
    assert response.status_code == 200
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeffBijeenkomst;Status;Naam")
    row = text.splitlines()[1].split(";")
    assert row[2] == '"\'=HYPERLINK(""x"")"'
    assert row[4] == "'+31"


def test_printable_attendance_list_has_the_confirmed_participants(staff, event):
    for number in range(1, 4):
        register_directly(event, number)
    organiser = logged_in(staff["organiser"])
    response = organiser.get(f"/admin/events/registrations/attendance/?event={event.pk}")
    names = [row.find_all("td")[1].get_text() for row in soup(response).select("tbody tr")]
    assert names == ["Deelnemer 1", "Deelnemer 2"]
    assert organiser.get("/admin/events/registrations/attendance/").status_code == 400


# Retention


def test_registrations_are_erased_after_the_retention_period(event, settings):
    settings.EVENT_RETENTION_DAYS = 30
    registration = register_directly(event, 1)
    email_ids = list(registration.emails.values_list("pk", flat=True))
    assert email_ids
    call_command("erase_event_registrations", verbosity=0)
    registration.refresh_from_db()
    assert registration.email == "deelnemer1@example.org"  # the event has not even taken place

    EventPage.objects.filter(pk=event.pk).update(
        start=timezone.now() - datetime.timedelta(days=32),
        end=timezone.now() - datetime.timedelta(days=31),
    )
    call_command("erase_event_registrations", verbosity=0)
    registration.refresh_from_db()
    assert (
        registration.name,
        registration.email,
        registration.organisation,
        registration.needs,
    ) == (
        "",
        "",
        "",
        "",
    )
    assert registration.anonymised_at is not None
    assert registration.status == Status.CONFIRMED  # still counts as a participant
    assert not OutgoingEmail.objects.filter(pk__in=email_ids).exists()
    # the personal link no longer shows anything
    assert Client().get(registration.get_absolute_url()).status_code == 404


# Two people, one place


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs row locks (PostgreSQL)")
@pytest.mark.django_db(transaction=True)
def test_two_concurrent_registrations_for_the_last_place_exactly_one_gets_it(event):
    event.capacity = 1
    event.save_revision().publish()
    start = threading.Barrier(2)
    errors = []

    def attempt(number):
        try:
            start.wait()
            register_directly(event, number)
        except Exception as error:  # reported below, not lost in the thread
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt, args=(number,)) for number in (1, 2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    statuses = sorted(Registration.objects.values_list("status", flat=True))
    assert statuses == [Status.CONFIRMED, Status.WAITING]
