"""Accessibility (axe-core, WCAG 2.1 A and AA) and screenshots of the public pages, in both
languages, at phone and desktop width. Screenshots land in test-artifacts/screenshots/."""

from django.urls import reverse
from django.utils.translation import override as translation_override

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import ARTIFACTS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
WIDTHS = {"phone": 375, "desktop": 1280}
SCREENSHOTS = ARTIFACTS / "screenshots"
YEAR = 2017


def pages_to_check(site):
    """(name, URL, form to submit empty or None) of every kind of public page, in Dutch and
    in English; a form is submitted empty (browser validation off) to show its errors."""
    pages = {
        "home": (site["home"]["nl"], "", None),
        "theme": (site["theme"], "", None),
        "project": (site["project"], "", None),
        "dossier": (site["dossier"], "", None),
        "publication": (site["publication"], "", None),
        "library-filtered": (site["library"], f"?year={YEAR}&type=report", None),
        "question-form-errors": (site["questions"], "", "main form[method=post]"),
        "newsletter-form-errors": (site["newsletter"], "", "main form[method=post]"),
        "annual-report": (site["annual_report"], "", None),
        "question": (site["question"], "", None),
        "agenda": (site["agenda"], "", None),
        "event": (site["event"], "", None),
        # the registration form has both routes in either language; one suffices here
        "event-form-errors": (site["event"], "register/", "main form[method=post]"),
    }
    checked = []
    for name, (page, query, form) in pages.items():
        for translation in page.get_translations(inclusive=True).live():
            code = translation.locale.language_code
            checked.append((f"{name}-{code}", translation.url + query, form))
    for code, words in (("nl", "integratie"), ("en", "integration")):
        with translation_override(code):
            checked.append((f"search-{code}", f"{reverse('search:search')}?q={words}", None))
    return checked


def show(page, url, form):
    response = page.goto(url)
    assert response.status == 200, url
    if form:
        page.locator(form).first.evaluate("form => form.noValidate = true")
        with page.expect_navigation():
            page.locator(form).first.locator("button[type=submit]").click()
        assert page.locator(".errorlist, [aria-invalid=true]").count(), f"{url}: no errors shown"


def test_public_pages_meet_wcag_21_aa_at_phone_and_desktop_width(site, new_page):
    axe = Axe()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    failures = []
    # the check itself works: an unlabelled field in a page without a language is caught
    probe = new_page()
    probe.set_content("<html><body><form><input type=text></form></body></html>")
    found = {rule["id"] for rule in axe.run(probe, options=WCAG_21_AA).response["violations"]}
    assert {"label", "html-has-lang"} <= found
    checked = pages_to_check(site)
    assert len(checked) == 28
    for width_name, width in WIDTHS.items():
        page = new_page(width=width)
        for name, url, form in checked:
            show(page, url, form)
            page.screenshot(path=SCREENSHOTS / f"{name}-{width_name}.png", full_page=True)
            results = axe.run(page, options=WCAG_21_AA)
            if results.violations_count:
                failures.append(f"{url} at {width}px: {results.generate_report()}")
    assert not failures, "\n\n".join(failures)
