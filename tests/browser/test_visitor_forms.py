"""Visitors' forms in a real browser: the newsletter signup in the footer (double opt-in)
and the question form with its reference number."""

import re

import pytest

from core.models import OutgoingEmail
from newsletter.models import Subscriber
from questions.models import SubmittedQuestion

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_visitor_subscribes_from_the_footer_and_confirms(site, new_page, live_server):
    visitor = new_page()
    visitor.goto(site["theme"].url)
    footer = visitor.locator("footer .newsletter-signup")
    footer.locator("input[name=email]").fill("lezer@example.org")
    footer.locator("input[name=consent]").check()
    footer.get_by_role("button", name="Inschrijven").click()
    assert visitor.locator("h1").inner_text() == "Kijk in uw mailbox"

    subscriber = Subscriber.objects.get(email="lezer@example.org")
    assert subscriber.status == Subscriber.Status.PENDING
    email = OutgoingEmail.objects.get(to="lezer@example.org")
    link = re.search(re.escape(live_server.url) + r"(/\S+)", email.text_body).group(1)
    visitor.goto(link)
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.CONFIRMED


def test_visitor_asks_a_question_and_sees_the_reference_number(site, new_page):
    visitor = new_page()
    visitor.goto(site["questions"].url)
    form = visitor.locator("main form[method=post]").first
    form.locator("input[name=name]").fill("Fatima el Amrani")
    form.locator("input[name=email]").fill("fatima@example.org")
    form.locator("textarea[name=question]").fill(
        "Welke aanpak werkt om statushouders in onze gemeente aan werk te helpen?"
    )
    form.locator("input[name=consent]").check()
    form.get_by_role("button", name="Vraag versturen").click()
    assert visitor.locator("h1").inner_text() == "Bedankt voor uw vraag"

    question = SubmittedQuestion.objects.get(email="fatima@example.org")
    assert question.reference
    assert question.reference in visitor.locator("main").inner_text()
