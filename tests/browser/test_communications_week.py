"""A week of a communications officer (groups Nieuwsbrief and Vragen) in a real browser, in
Dutch, through the admin's menu: a submitted question answered by e-mail and published as a
page draft; the subscribers listed and exported; a newsletter edition composed and its
audience and preview seen; a media mention and a follower count entered and the statistics
report read. Every window is watched for JavaScript errors, CSP violations and 5xx answers."""

import csv
import io
from pathlib import Path

from django.apps import apps
from django.core import mail

import pytest
from playwright.sync_api import expect

from editorial import groups as editorial
from newsletter.models import NewsletterEditionPage, Subscriber
from questions.models import QuestionPage, SubmittedQuestion
from stats.models import MediaMention, SocialFollowers
from tests.browser.conftest import log_in, open_menu
from tests.browser.screenshots import screenshot
from tests.factories import SubmittedQuestionFactory, SubscriberFactory
from tests.helpers import make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ANSWER = """Beste mevrouw El Amrani,

Werk vinden lukt statushouders het snelst met taal op de werkvloer en een vaste coach.

Met vriendelijke groet,
Kennisplatform"""


@pytest.fixture
def officer(site, new_page):
    """The communications officer, logged in."""
    editorial.setup_editorial(apps)  # the groups' rights below the pages made since
    make_user("communicatie", editorial.NEWSLETTER, editorial.QUESTIONS)
    page = new_page()
    log_in(page, "communicatie")
    return page


def save(page):
    with page.expect_navigation():
        page.locator("footer").get_by_role("button", name="Opslaan", exact=True).click()


def test_a_question_is_answered_by_email_and_published_as_a_page_draft(site, officer):
    question = SubmittedQuestionFactory(
        question="Welke aanpak helpt statushouders het snelst aan betaald werk?",
        theme=site["theme"],
    )
    screenshot(officer, "communicatie-dashboard")
    open_menu(officer, "Vragen")
    expect(officer.locator("main")).to_contain_text("Fatima el Amrani")  # may see the name
    with officer.expect_navigation():
        officer.get_by_role("link", name=question.reference).click()
    officer.fill("#id_answer", ANSWER)
    officer.select_option("#id_kind", "straightforward")
    screenshot(officer, "vragen-antwoord")
    save(officer)  # and stays on the question, its two actions beside the title
    expect(officer.locator(".messages")).to_contain_text("bijgewerkt")

    with officer.expect_navigation():
        officer.get_by_role("link", name="Antwoord per e-mail versturen").click()
    expect(officer.locator("main")).to_contain_text("taal op de werkvloer")
    screenshot(officer, "vragen-antwoord-versturen")
    with officer.expect_navigation():
        officer.get_by_role("button", name="Ja, verstuur het antwoord").click()
    expect(officer.locator(".messages")).to_contain_text(
        f"Het antwoord op {question.reference} staat klaar om verstuurd te worden."
    )
    (answer,) = [m for m in mail.outbox if m.to == [question.email]][-1:]
    assert "taal op de werkvloer" in answer.body
    question.refresh_from_db()
    assert question.status == SubmittedQuestion.Status.ANSWERED
    expect(officer.get_by_role("link", name="Antwoord per e-mail versturen")).to_have_count(0)

    with officer.expect_navigation():
        officer.get_by_role("link", name="Publiceren als pagina").click()
    with officer.expect_navigation():
        officer.get_by_role("button", name="Ja, maak een conceptpagina").click()
    messages = officer.locator(".messages")
    expect(messages).to_contain_text("Conceptpagina")
    expect(messages).to_contain_text("Beste mevrouw El Amrani")  # what was left out
    screenshot(officer, "vragen-conceptpagina")
    page = QuestionPage.objects.get(title__startswith="Welke aanpak")
    assert not page.live
    assert "Met vriendelijke groet" not in str(page.answer)
    assert "taal op de werkvloer" in str(page.answer)
    assert page.requester_name == ""  # the requester did not agree to be named
    officer.wait_for_url(f"**/admin/pages/{page.pk}/edit/")
    expect(officer.locator("#id_title")).to_have_value(page.title)


def test_subscribers_are_exported_and_an_edition_is_composed_and_previewed(site, officer):
    for name in ("Anna", "Bram", "Cem"):
        SubscriberFactory(name=name, email=f"{name.lower()}@example.org")
    SubscriberFactory(email="wacht@example.org", status=Subscriber.Status.PENDING)

    open_menu(officer, "Nieuwsbrief", "Abonnees")
    expect(officer.locator("main")).to_contain_text("anna@example.org")
    screenshot(officer, "nieuwsbrief-abonnees")
    with officer.expect_download() as download:
        officer.get_by_role("link", name="Bevestigde abonnees exporteren (CSV)").click()
    text = Path(download.value.path()).read_bytes().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[0][0] == "E-mailadres"
    assert [row[0] for row in rows[1:]] == [
        "anna@example.org",
        "bram@example.org",
        "cem@example.org",
    ]

    open_menu(officer, "Nieuwsbrief", "Edities")
    expect(officer.locator(".w-breadcrumbs")).to_contain_text("Edities van de nieuwsbrief")
    with officer.expect_navigation():
        officer.get_by_role("link", name="Nieuwe editie", exact=True).click()
    officer.fill("#id_title", "Nieuwsbrief december")
    officer.fill("#id_subject", "Nieuws over integratie")
    body = officer.locator("#panel-child-inhoud-body-section")
    body.get_by_role("button", name="Blok invoegen").first.click()
    officer.get_by_role("option", name="Nieuw sinds de vorige editie").click()
    body.locator("input[name='body-0-value-heading']").wait_for()
    screenshot(officer, "nieuwsbrief-editie-schrijven")
    with officer.expect_navigation():
        officer.locator("footer").get_by_role("button", name="Bewaar concept").click()
    edition = NewsletterEditionPage.objects.get(title="Nieuwsbrief december")
    assert not edition.live

    # the way to the mailing screen is under "…" beside the page title
    officer.locator("header").get_by_role("button", name="Acties").click()
    with officer.expect_navigation():
        officer.get_by_role("link", name="Bekijken, testen en versturen").click()
    expect(officer.locator(".w-breadcrumbs")).to_contain_text("Nieuwsbrief december")
    expect(officer.locator(".newsletter-mailing__audience")).to_have_text(
        "Deze editie gaat naar 3 bevestigde abonnees."
    )
    phone = officer.frame_locator("iframe[width='375']")
    phone.get_by_role("link", name="Boze burgers").first.wait_for()
    expect(officer.locator(".newsletter-mailing__text")).to_contain_text("Boze burgers")
    screenshot(officer, "nieuwsbrief-editie-bekijken")


def test_a_media_mention_and_followers_are_entered_and_the_statistics_read(site, officer):
    open_menu(officer, "Cijfers", "Mediavermeldingen")
    with officer.expect_navigation():
        officer.get_by_role("link", name="Mediavermelding toevoegen").first.click()
    officer.fill("#id_date", "2017-03-15")
    officer.fill("#id_outlet", "Binnenlands Bestuur")
    officer.fill("#id_title", "Gemeenten zoeken werk voor statushouders")
    screenshot(officer, "cijfers-mediavermelding")
    with officer.expect_navigation():
        officer.locator("footer").get_by_role("button", name="Opslaan", exact=True).click()
    assert MediaMention.objects.filter(outlet="Binnenlands Bestuur").exists()

    open_menu(officer, "Cijfers", "Volgers op sociale media")
    with officer.expect_navigation():
        officer.get_by_role("link", name="Volgers op sociale media toevoegen").first.click()
    officer.select_option("#id_channel", "linkedin")
    officer.fill("#id_year", "2017")
    officer.fill("#id_followers", "1936")
    save(officer)
    assert SocialFollowers.objects.get(channel="linkedin", year=2017).followers == 1936

    open_menu(officer, "Rapporten", "Statistieken")
    expect(officer.locator(".w-breadcrumbs")).to_contain_text("Statistieken")
    officer.select_option("#stats-year", "2017")
    with officer.expect_navigation():
        officer.get_by_role("button", name="Tonen").click()
    expect(officer.locator("main")).to_contain_text("Keren in de media dit jaar: 1.")
    screenshot(officer, "statistieken")
    with officer.expect_download() as download:
        officer.get_by_role("link", name="Downloaden als CSV").click()
    assert download.value.suggested_filename == "statistieken-2017.csv"
