"""A visitor finds a seminar from the home page, registers, gets the confirmation with its
calendar file and cancels through the personal link; staff export the list."""

import re

import icalendar
import pytest

from core.models import OutgoingEmail
from editorial.groups import EVENTS
from events.models import Registration
from tests.browser.conftest import log_in, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_visitor_registers_for_a_seminar_and_cancels_then_staff_export(site, new_page):
    visitor = new_page()
    visitor.goto("/nl/")
    visitor.get_by_role("link", name="Seminar Turkse spanningen").click()
    assert visitor.locator("h1").inner_text() == "Seminar Turkse spanningen"
    visitor.get_by_role("link", name="Aanmelden", exact=True).click()

    form = visitor.locator("main form[method=post]")
    form.locator("input[name=name]").fill("Fatima el Amrani")
    form.locator("input[name=email]").fill("fatima@example.org")
    form.locator("input[name=organisation]").fill("Gemeente Utrecht")
    form.locator("textarea[name=needs]").fill("vegetarisch")
    form.locator("input[name=consent]").check()
    form.get_by_role("button", name="Aanmelden").click()
    assert "We hebben een e-mail gestuurd" in visitor.locator("main").inner_text()

    registration = Registration.objects.get(email="fatima@example.org")
    assert registration.status == Registration.Status.CONFIRMED
    email = OutgoingEmail.objects.get(to="fatima@example.org", purpose="event-confirmed")
    [attachment] = email.attachments
    calendar = icalendar.Calendar.from_ical(attachment["content"])
    assert str(calendar.events[0]["SUMMARY"]) == "Seminar Turkse spanningen"

    link = re.search(r"http://testserver(/\S+/registration/\S+/)", email.text_body).group(1)
    visitor.goto(link)
    assert "uw status: aangemeld" in visitor.locator("main").inner_text()
    visitor.get_by_role("button", name="Mijn aanmelding annuleren").click()
    assert "Uw aanmelding is geannuleerd." in visitor.locator("main").inner_text()
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CANCELLED

    make_user("organisator", EVENTS)
    staff = new_page()
    log_in(staff, "organisator")
    staff.goto(f"/admin/events/registrations/?event={site['event'].pk}")
    assert "fatima@example.org" in staff.locator("main").inner_text()
    # the export link sits in the header's actions menu; fetch it with the staff's session
    staff.locator("header").get_by_role("button", name="Acties").click()
    export_url = staff.get_by_role("link", name="Exporteren (CSV)").get_attribute("href")
    assert f"event={site['event'].pk}" in export_url
    export = staff.request.get(export_url)
    assert export.headers["content-type"] == "text/csv; charset=utf-8"
    lines = export.body().decode("utf-8-sig").splitlines()
    assert lines[0].startswith("Bijeenkomst;Status;Naam")
    assert "Fatima el Amrani" in lines[1]
