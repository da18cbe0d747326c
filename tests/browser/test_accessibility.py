"""Accessibility (axe-core, WCAG 2.1 A and AA) and screenshots of the public pages, in both
languages, at phone and desktop width. Screenshots land in test-artifacts/screenshots/."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import ARTIFACTS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
WIDTHS = {"phone": 375, "desktop": 1280}
SCREENSHOTS = ARTIFACTS / "screenshots"


def pages_to_check(site):
    """(name, URL) of every kind of public page, in Dutch and in English."""
    pages = {
        "home": site["home"]["nl"],
        "theme": site["theme"],
        "project": site["project"],
        "dossier": site["dossier"],
        "publication": site["publication"],
        "annual-report": site["annual_report"],
        "questions": site["questions"],
        "question": site["question"],
    }
    urls = []
    for name, page in pages.items():
        for translation in page.get_translations(inclusive=True).live():
            urls.append((f"{name}-{translation.locale.language_code}", translation.url))
    library = site["library"]
    year = site["publication"].publication_date.year
    for translation in library.get_translations(inclusive=True).live():
        code = translation.locale.language_code
        urls.append((f"library-filtered-{code}", f"{translation.url}?year={year}&type=report"))
    return urls


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
    assert len(checked) >= 12
    for width_name, width in WIDTHS.items():
        page = new_page(width=width)
        for name, url in checked:
            response = page.goto(url)
            assert response.status == 200, url
            page.screenshot(path=SCREENSHOTS / f"{name}-{width_name}.png", full_page=True)
            results = axe.run(page, options=WCAG_21_AA)
            if results.violations_count:
                failures.append(f"{url} at {width}px: {results.generate_report()}")
    assert not failures, "\n\n".join(failures)
