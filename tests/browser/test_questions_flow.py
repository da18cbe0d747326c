"""A visitor asks a question in a real browser: errors next to the fields, then the thanks;
both states meet WCAG 2.1 AA (axe-core)."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from questions.models import SubmittedQuestion
from tests.browser.test_accessibility import WCAG_21_AA

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def violations(axe, page):
    results = axe.run(page, options=WCAG_21_AA)
    return results.generate_report() if results.violations_count else ""


def test_visitor_corrects_the_form_and_gets_a_reference_number(site, new_page):
    axe = Axe()
    page = new_page(width=375)
    page.goto(site["questions"].url)
    page.fill("#id_name", "Fatima el Amrani")
    page.fill("#id_email", "fatima@")
    page.fill("#id_question", "Te kort")
    page.click("button:has-text('Vraag versturen')")

    assert page.locator("#id_email_error").is_visible()
    assert page.locator("#id_question_error").inner_text().startswith("Zorg dat deze waarde")
    assert page.locator("#id_consent_error").is_visible()
    assert page.locator("#id_name").input_value() == "Fatima el Amrani"  # nothing typed is lost
    assert SubmittedQuestion.objects.count() == 0
    assert violations(axe, page) == ""

    page.fill("#id_email", "fatima@example.org")
    page.fill("#id_question", "Welke aanpak helpt statushouders het snelst aan betaald werk?")
    page.select_option("#id_theme", label="Participatie")
    page.check("#id_consent")
    page.click("button:has-text('Vraag versturen')")

    question = SubmittedQuestion.objects.get()
    assert page.url.split("#")[0].endswith("/nl/vragen/bedankt/")
    assert page.locator("h1").inner_text() == "Bedankt voor uw vraag"
    assert question.reference in page.locator("main").inner_text()
    assert question.theme == site["theme"]
    assert violations(axe, page) == ""
