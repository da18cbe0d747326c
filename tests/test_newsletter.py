"""The newsletter: double opt-in signup, unsubscribe, preferences, retention, staff admin."""

import csv
import io
import re
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.template import Context, Template
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import ModelLogEntry, Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text

import pytest

from core.blocks import NewsletterSignupBlock
from core.models import OutgoingEmail
from newsletter import figures
from newsletter.models import CONSENT_VERSION, NewsletterPage, Subscriber
from tests.email_backends import FlakyBackend
from tests.factories import (
    HomePageFactory,
    NewsletterPageFactory,
    StandardPageFactory,
    SubscriberFactory,
    ThemeIndexPageFactory,
    ThemePageFactory,
)
from tests.helpers import publish_translation, soup

SIGNUP = "/nl/newsletter-signup/"


def links_in(message):
    return re.findall(r"http://testserver(/\S+/)", message.body)


@pytest.fixture
def pages(home):
    """The Dutch newsletter page with its English translation, and a privacy statement."""
    privacy = StandardPageFactory(parent=home["nl"], title="Privacyverklaring", slug="privacy")
    publish_translation(privacy, "en", title="Privacy statement", slug="privacy-statement")
    newsletter = NewsletterPageFactory(parent=home["nl"], privacy_page=privacy)
    english = publish_translation(
        newsletter, "en", title="Newsletter", slug="newsletter", intro="<p>Monthly news.</p>"
    )
    about = StandardPageFactory(parent=home["nl"], title="Over ons", slug="over-ons")
    return {"nl": newsletter, "en": english, "about": about}


@pytest.fixture
def post(client, django_capture_on_commit_callbacks):
    """POST like a browser; e-mails queued in the request are delivered (after commit)."""

    def post(url, data, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(url, data, REMOTE_ADDR=kwargs.pop("ip", "192.0.2.1"), **kwargs)

    return post


@pytest.fixture
def get(client, django_capture_on_commit_callbacks):
    def get(url):
        with django_capture_on_commit_callbacks(execute=True):
            return client.get(url)

    return get


def signup_data(**fields):
    return {
        "email": "Fatima@Example.org",
        "name": "Fatima",
        "language": "nl",
        "consent": "on",
        "website": "",
        "source": "/nl/over-ons/",
        **fields,
    }


# --- the page -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "language", "title", "privacy"),
    [
        ("/nl/nieuwsbrief/", "nl", "Nieuwsbrief", "/nl/privacy/"),
        ("/en/newsletter/", "en", "Newsletter", "/en/privacy-statement/"),
    ],
)
def test_newsletter_page_renders_the_signup_form_in_each_language(
    client, pages, path, language, title, privacy
):
    response = client.get(path)
    assert response.status_code == 200
    html = soup(response)
    assert html.html["lang"] == language
    assert [h1.get_text() for h1 in html.find_all("h1")] == [title]
    form = html.find("form", class_="newsletter-form")
    assert form["action"] == path
    assert form.find("input", attrs={"name": "csrfmiddlewaretoken"}) is not None
    for name in ("email", "name", "consent"):
        control = form.find("input", attrs={"name": name})
        assert html.find("label", attrs={"for": control["id"]}) is not None
    consent = form.find("input", attrs={"name": "consent"})
    help_text = html.find(id=consent["aria-describedby"])
    assert help_text.find("a")["href"] == privacy
    # the page has its own form: no second one in the footer
    assert len(html.find_all("form", method="post")) == 1


class TestNewsletterPageInAdmin(WagtailPageTestCase):
    def test_editors_can_create_one_per_home_page(self):
        home = HomePageFactory(parent=Page.get_first_root_node(), slug="home-admin")
        self.login()
        self.assertCanCreateAt(home.__class__, NewsletterPage)
        self.assertCanCreate(
            home,
            NewsletterPage,
            nested_form_data(
                {"title": "Nieuwsbrief", "slug": "nieuwsbrief", "intro": rich_text("<p>Nieuws</p>")}
            ),
        )
        home.refresh_from_db()
        self.assertFalse(NewsletterPage.can_create_at(home))


# --- signing up: double opt-in ------------------------------------------------------------


def test_footer_form_is_on_every_page_without_a_csrf_token(client, pages):
    html = soup(client.get("/nl/over-ons/"))
    form = html.select_one("footer form")
    assert form["action"] == SIGNUP
    assert form.find("input", attrs={"name": "csrfmiddlewaretoken"}) is None
    assert form.find("input", attrs={"name": "source"})["value"] == "/nl/over-ons/"
    assert form.select_one(".honeypot input")["name"] == "website"
    email = form.find("input", attrs={"name": "email"})
    assert html.find("label", attrs={"for": email["id"]}) is not None
    assert "csrftoken" not in client.cookies


def test_signup_confirm_flow_from_the_footer(
    pages, get, settings, django_capture_on_commit_callbacks
):
    client = Client(enforce_csrf_checks=True)  # the footer form has no token: still accepted
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(SIGNUP, signup_data())
    assert response.status_code == 302
    assert response["Location"] == "/nl/nieuwsbrief/bedankt/"

    subscriber = Subscriber.objects.get()
    assert subscriber.email == "fatima@example.org"
    assert subscriber.status == Subscriber.Status.PENDING
    assert subscriber.consent_version == CONSENT_VERSION
    assert subscriber.consent_source == "/nl/over-ons/"
    assert timezone.now() - subscriber.consent_given_at < timedelta(minutes=1)
    assert subscriber.confirmed_at is None

    assert OutgoingEmail.objects.get().purpose == "newsletter-confirm"
    [message] = mail.outbox
    assert message.to == ["fatima@example.org"]
    assert message.subject == "Bevestig uw aanmelding voor de nieuwsbrief"
    assert "Beste Fatima" in message.body
    assert settings.INSTITUTE_ADDRESS in message.body
    assert message.alternatives[0].mimetype == "text/html"
    confirm, preferences, unsubscribe = links_in(message)
    assert confirm.startswith("/nl/nieuwsbrief/bevestigen/")
    assert confirm in message.alternatives[0].content
    assert preferences.startswith("/nl/nieuwsbrief/voorkeuren/")
    assert unsubscribe.startswith("/nl/nieuwsbrief/afmelden/")

    thanks = get(response["Location"])
    assert "Kijk in uw mailbox" in soup(thanks).find("h1").get_text()

    confirmed = get(confirm)
    assert confirmed.status_code == 200
    assert soup(confirmed).find("h1").get_text() == "Aanmelding bevestigd"
    assert "no-cache" in confirmed["Cache-Control"]
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.CONFIRMED
    assert subscriber.confirmed_at is not None

    # the link works once
    again = get(confirm)
    assert again.status_code == 404
    assert "niet geldig" in soup(again).find("main").get_text()


def test_english_signup_gets_english_e_mail_and_links(pages, post, get):
    response = post("/en/newsletter-signup/", signup_data(language="en", source="/en/"))
    assert response["Location"] == "/en/newsletter/thanks/"
    [message] = mail.outbox
    assert message.subject == "Please confirm your newsletter subscription"
    assert 'lang="en"' in message.alternatives[0].content
    confirm = links_in(message)[0]
    assert confirm.startswith("/en/newsletter/confirm/")
    # mail programs offer their own unsubscribe button for the subscriber's link
    unsubscribe = message.extra_headers["List-Unsubscribe"]
    assert unsubscribe.startswith("<http") and "/en/newsletter/unsubscribe/" in unsubscribe
    assert get(confirm).status_code == 200
    assert Subscriber.objects.get().status == Subscriber.Status.CONFIRMED


def test_a_dutch_visitor_can_choose_the_english_newsletter(pages, post):
    post(SIGNUP, signup_data(language="en"))
    assert Subscriber.objects.get().language == "en"
    assert links_in(mail.outbox[0])[0].startswith("/en/newsletter/confirm/")


def test_signup_on_the_newsletter_page_itself_needs_its_csrf_token(pages):
    client = Client(enforce_csrf_checks=True)
    assert client.post("/nl/nieuwsbrief/", signup_data()).status_code == 403
    page = client.get("/nl/nieuwsbrief/")
    token = soup(page).find("input", attrs={"name": "csrfmiddlewaretoken"})["value"]
    response = client.post("/nl/nieuwsbrief/", {**signup_data(), "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert Subscriber.objects.get().consent_source == "/nl/over-ons/"


def test_expired_confirmation_link_does_not_confirm(pages, post, get, settings):
    post(SIGNUP, signup_data())
    confirm = links_in(mail.outbox[0])[0]
    Subscriber.objects.update(confirmation_token_expires_at=timezone.now() - timedelta(seconds=1))
    response = get(confirm)
    assert response.status_code == 410
    assert "verlopen" in soup(response).find("main").get_text()
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING


def test_a_new_signup_replaces_the_old_confirmation_link(pages, post, get):
    post(SIGNUP, signup_data())
    post(SIGNUP, signup_data())
    first, second = (links_in(message)[0] for message in mail.outbox)
    assert get(first).status_code == 404
    assert get(second).status_code == 200


def test_made_up_confirmation_link_is_rejected(pages, get):
    assert get("/nl/nieuwsbrief/bevestigen/not-a-real-token/").status_code == 404


def test_responses_do_not_reveal_whether_an_address_is_subscribed(pages, post, get):
    SubscriberFactory(email="fatima@example.org", name="Fatima", language="nl")
    known = post(SIGNUP, signup_data(name="Someone else", language="en"))
    unknown = post(SIGNUP, signup_data(email="nieuw@example.org"))
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]

    # the confirmed subscriber is unchanged and told so (in their own language)
    subscriber = Subscriber.objects.get(email="fatima@example.org")
    assert (subscriber.status, subscriber.name, subscriber.language) == (
        Subscriber.Status.CONFIRMED,
        "Fatima",
        "nl",
    )
    already, confirm = mail.outbox
    assert already.to == ["fatima@example.org"]
    assert already.subject == "U bent al ingeschreven voor onze nieuwsbrief"
    assert "bevestigen" not in already.body
    assert confirm.to == ["nieuw@example.org"]

    # the unsubscribe-request form answers alike too
    mail.outbox.clear()
    responses = [
        post("/nl/nieuwsbrief/afmelden/", {"email": address, "website": ""})
        for address in ("fatima@example.org", "onbekend@example.org")
    ]
    texts = [soup(response).find("main").get_text() for response in responses]
    assert texts[0] == texts[1]
    assert [message.to for message in mail.outbox] == [["fatima@example.org"]]


def test_an_unsubscribed_address_can_sign_up_again(pages, post, get):
    SubscriberFactory(
        email="fatima@example.org", status=Subscriber.Status.UNSUBSCRIBED, consent_version="old"
    )
    post(SIGNUP, signup_data())
    subscriber = Subscriber.objects.get()
    assert subscriber.status == Subscriber.Status.PENDING
    assert subscriber.consent_version == CONSENT_VERSION
    assert get(links_in(mail.outbox[0])[0]).status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.CONFIRMED
    assert subscriber.unsubscribed_at is None


# --- bad input ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"email": "geen-adres"}, "email", "Voer een geldig e-mailadres in."),
        ({"email": ""}, "email", "Dit is een verplicht veld."),
        ({"consent": ""}, "consent", "Geef uw toestemming om verder te gaan."),
        ({"website": "http://spam.example"}, "website", "Dit veld moet leeg blijven."),
        ({"name": "x" * 101}, "name", "niet meer dan 100 tekens"),
        ({"email": "a" * 250 + "@example.org"}, "email", "niet meer dan 254 tekens"),
        ({"language": "fr"}, "language", "Selecteer een geldige keuze"),
    ],
)
def test_bad_input_is_shown_next_to_its_field_and_nothing_is_saved(
    pages, post, data, field, message
):
    response = post(SIGNUP, signup_data(**data))
    assert response.status_code == 200
    html = soup(response)
    assert html.find("h1").get_text() == "Nieuwsbrief"  # shown on the newsletter page
    error = html.find(id=f"id_{field}_error")
    assert message in error.get_text()
    control = html.find(attrs={"name": field})
    if field != "language":
        assert f"id_{field}_error" in control["aria-describedby"]
    # the form comes back filled in, posting (with a CSRF token) to the page itself
    form = html.find("form", class_="newsletter-form")
    assert form["action"] == "/nl/nieuwsbrief/"
    assert Subscriber.objects.count() == 0
    assert OutgoingEmail.objects.count() == 0
    assert mail.outbox == []


def test_too_many_signups_from_one_client_get_429(pages, post, settings):
    settings.FORM_RATE_LIMIT = "3/h"
    statuses = [post(SIGNUP, signup_data(email=f"a{n}@example.org")).status_code for n in range(4)]
    assert statuses == [302, 302, 302, 429]
    blocked = post("/nl/nieuwsbrief/afmelden/", {"email": "a0@example.org"})
    assert blocked.status_code == 429
    assert 0 < int(blocked["Retry-After"]) <= 3600
    assert Subscriber.objects.count() == 3
    # another client is not affected
    assert post(SIGNUP, signup_data(email="b@example.org"), ip="192.0.2.99").status_code == 302


def test_a_failing_mail_server_loses_no_signup_and_a_retry_delivers(pages, post, settings):
    settings.EMAIL_BACKEND = "tests.email_backends.FlakyBackend"
    FlakyBackend.failures_left = 1
    try:
        response = post(SIGNUP, signup_data())
        assert response.status_code == 302
        assert Subscriber.objects.get().status == Subscriber.Status.PENDING
        email = OutgoingEmail.objects.get()
        assert email.status == OutgoingEmail.Status.RETRYING
        assert mail.outbox == []

        call_command("retry_emails", "--now", verbosity=0)
        email.refresh_from_db()
        assert email.status == OutgoingEmail.Status.SENT
        [message] = mail.outbox
        assert links_in(message)[0].startswith("/nl/nieuwsbrief/bevestigen/")
    finally:
        FlakyBackend.failures_left = 0


# --- unsubscribe and preferences ----------------------------------------------------------


def test_one_click_unsubscribe_from_the_link_in_an_e_mail(pages, post, get):
    post(SIGNUP, signup_data())
    confirm, _preferences, unsubscribe = links_in(mail.outbox[0])
    get(confirm)
    response = get(unsubscribe)
    assert response.status_code == 200
    assert "fatima@example.org" in soup(response).find("main").get_text()
    assert "no-cache" in response["Cache-Control"]
    subscriber = Subscriber.objects.get()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    assert subscriber.unsubscribed_at is not None
    # the link keeps working (idempotent), a tampered one does not
    assert get(unsubscribe).status_code == 200
    assert get(unsubscribe.replace("/afmelden/", "/afmelden/0", 1)).status_code == 404


def test_unsubscribe_form_e_mails_a_working_link(pages, post, get):
    SubscriberFactory(email="fatima@example.org", language="en")
    page = get("/nl/nieuwsbrief/afmelden/")
    assert page.status_code == 200
    assert soup(page).find("input", attrs={"name": "email"}) is not None
    post("/nl/nieuwsbrief/afmelden/", {"email": "FATIMA@example.org", "website": ""})
    [message] = mail.outbox
    assert message.subject == "Your link to unsubscribe from our newsletter"
    unsubscribe = links_in(message)[0]
    assert unsubscribe.startswith("/en/newsletter/unsubscribe/")
    get(unsubscribe)
    assert Subscriber.objects.get().status == Subscriber.Status.UNSUBSCRIBED


def test_preferences_link_changes_name_and_language(pages, post, get, client):
    post(SIGNUP, signup_data())
    confirm, preferences, _unsubscribe = links_in(mail.outbox[0])
    get(confirm)
    page = client.get(preferences)
    assert page.status_code == 200
    assert "no-cache" in page["Cache-Control"]
    form = soup(page).find("main").find("form")
    assert form.find("input", attrs={"name": "name"})["value"] == "Fatima"
    response = post(preferences, {"name": "Fatima B.", "language": "en", "website": ""})
    assert "opgeslagen" in soup(response).find("main").get_text()
    subscriber = Subscriber.objects.get()
    assert (subscriber.name, subscriber.language, subscriber.status) == (
        "Fatima B.",
        "en",
        Subscriber.Status.CONFIRMED,
    )
    assert get(preferences.replace("/voorkeuren/", "/voorkeuren/0", 1)).status_code == 404


# --- retention ----------------------------------------------------------------------------


def test_retention_command_deletes_only_old_unconfirmed_signups(pages, post, settings):
    settings.NEWSLETTER_RETENTION_DAYS = 14
    post(SIGNUP, signup_data(email="oud@example.org"))
    post(SIGNUP, signup_data(email="recent@example.org"))
    long_ago = timezone.now() - timedelta(days=15)
    Subscriber.objects.filter(email="oud@example.org").update(consent_given_at=long_ago)
    SubscriberFactory(email="trouw@example.org", consent_given_at=long_ago)

    call_command("delete_unconfirmed_subscribers", verbosity=0)

    assert set(Subscriber.objects.values_list("email", flat=True)) == {
        "recent@example.org",
        "trouw@example.org",
    }
    # the e-mails stored for the deleted signup went with it
    assert set(OutgoingEmail.objects.values_list("to", flat=True)) == {"recent@example.org"}


# --- figures ------------------------------------------------------------------------------


def test_confirmed_count_now_and_per_year(db):
    def at(year):
        return timezone.make_aware(timezone.datetime(year, 6, 1))

    SubscriberFactory(confirmed_at=at(2017))
    SubscriberFactory(confirmed_at=at(2018))
    SubscriberFactory(
        confirmed_at=at(2016), status=Subscriber.Status.UNSUBSCRIBED, unsubscribed_at=at(2018)
    )
    SubscriberFactory(status=Subscriber.Status.PENDING, confirmed_at=None)
    assert figures.confirmed_count() == 2
    assert figures.confirmed_count(year=2017) == 2
    assert figures.confirmed_count(year=2018) == 2
    assert figures.confirmed_count(year=2015) == 0
    assert figures.counts_by_status() == {"pending": 1, "confirmed": 2, "unsubscribed": 1}
    rendered = Template(
        "{% load newsletter_tags %}{% confirmed_subscriber_count as n %}{{ n }}"
    ).render(Context({}))
    assert rendered == "2"


# --- the StreamField block ----------------------------------------------------------------


def test_signup_block_renders_the_form_without_a_csrf_token(pages, rf):
    request = rf.get("/nl/over-ons/")
    block = NewsletterSignupBlock()
    html = soup(block.render(None, context={"request": request, "page": pages["about"]}))
    assert html.find("h2").get_text() == "Schrijf u in voor onze nieuwsbrief"
    form = html.find("form")
    assert form["action"] == SIGNUP
    assert form.find("input", attrs={"name": "csrfmiddlewaretoken"}) is None
    assert form.find("input", attrs={"name": "email"})["id"] == "newsletter-block-email"


# --- staff: the "Nieuwsbrief" menu in the admin -------------------------------------------

SUBSCRIBERS = "/admin/newsletter/subscribers/"


def staff_client(username, *groups):
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "pw")
    user.groups.add(*Group.objects.filter(name__in=groups))
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def subscribers(db):
    return {
        "fatima": SubscriberFactory(email="fatima@example.org", name="Fatima", language="nl"),
        "zoe": SubscriberFactory(email="zoe@example.org", name="Zoë Öztürk", language="en"),
        "evil": SubscriberFactory(email="evil@example.org", name="=HYPERLINK(1)", language="nl"),
        "pending": SubscriberFactory(
            email="wacht@example.org", status=Subscriber.Status.PENDING, confirmed_at=None
        ),
        "gone": SubscriberFactory(
            email="weg@example.org",
            status=Subscriber.Status.UNSUBSCRIBED,
            unsubscribed_at=timezone.now(),
        ),
    }


def test_only_the_newsletter_group_sees_subscribers(subscribers):
    editor = staff_client("redacteur", "Redacteuren")
    assert editor.get("/admin/").status_code == 200
    assert "fatima@example.org" not in editor.get(SUBSCRIBERS).content.decode()
    assert editor.get(SUBSCRIBERS).status_code == 302  # permission denied → dashboard
    assert editor.get(SUBSCRIBERS + "export/").status_code == 302
    assert SUBSCRIBERS not in editor.get("/admin/").content.decode()

    staff = staff_client("communicatie", "Nieuwsbrief")
    response = staff.get(SUBSCRIBERS)
    assert response.status_code == 200
    page = response.content.decode()
    assert "fatima@example.org" in page
    counts = [li.get_text(" ", strip=True) for li in soup(response).select(".newsletter-counts li")]
    assert counts == ["1 wacht op bevestiging", "3 bevestigd", "1 afgemeld"]
    assert SUBSCRIBERS in staff.get("/admin/").content.decode()


def test_staff_search_and_filter_subscribers(subscribers):
    staff = staff_client("communicatie", "Nieuwsbrief")

    def emails(query):
        html = soup(staff.get(SUBSCRIBERS + "results/?" + query))
        return {a.get_text(strip=True) for a in html.select("td.title .title-wrapper a")}

    assert emails("q=fatima%40") == {"fatima@example.org"}
    assert emails("q=Öztürk") == {"zoe@example.org"}
    assert emails("status=pending") == {"wacht@example.org"}
    assert emails("language=en") == {"zoe@example.org"}


def test_export_confirmed_subscribers_as_csv_for_excel(subscribers):
    staff = staff_client("communicatie", "Nieuwsbrief")
    response = staff.get(SUBSCRIBERS + "export/")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="subscribers-')
    assert response.content.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads it as UTF-8
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:3] == ["E-mailadres", "Naam", "Taal"]
    by_email = {row[0]: row for row in rows[1:]}
    assert set(by_email) == {"evil@example.org", "fatima@example.org", "zoe@example.org"}
    assert by_email["zoe@example.org"][1] == "Zoë Öztürk"
    assert by_email["evil@example.org"][1] == "'=HYPERLINK(1)"  # not run as a formula
    # the list's filters apply, the status stays "confirmed"
    english = staff.get(SUBSCRIBERS + "export/?language=en&status=pending")
    rows = list(csv.reader(io.StringIO(english.content.decode("utf-8-sig")), delimiter=";"))
    assert [row[0] for row in rows[1:]] == ["zoe@example.org"]


def test_staff_unsubscribe_a_subscriber_by_hand(subscribers):
    staff = staff_client("communicatie", "Nieuwsbrief")
    fatima = subscribers["fatima"]
    url = f"{SUBSCRIBERS}unsubscribe/{fatima.pk}/"
    assert url in staff.get(SUBSCRIBERS).content.decode()
    assert staff.get(url).status_code == 200
    assert staff.post(url).status_code == 302
    fatima.refresh_from_db()
    assert fatima.status == Subscriber.Status.UNSUBSCRIBED
    entry = ModelLogEntry.objects.get(action="newsletter.unsubscribe")
    assert "fatima" not in entry.label


def test_delete_erases_the_subscriber_and_their_e_mails(pages, post, subscribers):
    post("/nl/nieuwsbrief/afmelden/", {"email": "fatima@example.org", "website": ""})
    post(SIGNUP, signup_data(email="ander@example.org"))
    assert OutgoingEmail.objects.filter(to="fatima@example.org").exists()
    staff = staff_client("communicatie", "Nieuwsbrief")
    url = f"{SUBSCRIBERS}delete/{subscribers['fatima'].pk}/"
    assert "wissen" in staff.get(url).content.decode()
    assert staff.post(url).status_code == 302
    assert not Subscriber.objects.filter(email="fatima@example.org").exists()
    assert not OutgoingEmail.objects.filter(to="fatima@example.org").exists()
    assert OutgoingEmail.objects.filter(to="ander@example.org").exists()
    entry = ModelLogEntry.objects.get(action="wagtail.delete")
    assert "fatima" not in entry.label


def test_dashboard_shows_the_number_of_confirmed_subscribers(subscribers):
    editor = staff_client("redacteur", "Redacteuren")
    assert "3 nieuwsbriefabonnees" in editor.get("/admin/").content.decode()


# --- topics: the themes -------------------------------------------------------------------


@pytest.fixture
def themes(pages, home):
    """Two Dutch themes, one translated into English."""
    index = ThemeIndexPageFactory(parent=home["nl"])
    publish_translation(index, "en", title="Themes", slug="themes")
    migration = ThemePageFactory(parent=index, title="Nieuwe migratie", slug="nieuwe-migratie")
    publish_translation(migration, "en", title="New migration", slug="new-migration")
    inclusion = ThemePageFactory(parent=index, title="Inclusie", slug="inclusie")
    return {"migration": migration, "inclusion": inclusion}


def topic_choices(response):
    html = soup(response)
    return {
        html.find("label", attrs={"for": box["id"]}).get_text(strip=True): int(box["value"])
        for box in html.select("form.newsletter-form input[name=topics]")
    }


def test_topics_are_the_themes_in_the_visitors_language(client, themes):
    migration, inclusion = themes["migration"].pk, themes["inclusion"].pk
    assert topic_choices(client.get("/nl/nieuwsbrief/")) == {
        "Nieuwe migratie": migration,
        "Inclusie": inclusion,
    }
    # English titles where translated; the values stay the Dutch (source) pages
    assert topic_choices(client.get("/en/newsletter/")) == {
        "New migration": migration,
        "Inclusie": inclusion,
    }
    footer = soup(client.get("/nl/over-ons/")).select("footer input[name=topics]")
    assert {int(box["value"]) for box in footer} == {migration, inclusion}


def test_chosen_topics_are_stored_and_can_be_changed_later(themes, post, get, client):
    migration, inclusion = themes["migration"], themes["inclusion"]
    post("/en/newsletter-signup/", signup_data(language="en", topics=[migration.pk]))
    subscriber = Subscriber.objects.get()
    assert list(subscriber.topics.all()) == [migration]

    confirm, preferences, _unsubscribe = links_in(mail.outbox[0])
    get(confirm)
    page = client.get(preferences)
    checked = soup(page).select("main input[name=topics][checked]")
    assert [int(box["value"]) for box in checked] == [migration.pk]
    post(preferences, {"name": "Fatima", "language": "en", "topics": [inclusion.pk]})
    assert list(subscriber.topics.all()) == [inclusion]


def test_a_page_that_is_not_a_theme_is_not_a_topic(themes, post):
    theme_index = themes["migration"].get_parent()
    response = post(SIGNUP, signup_data(topics=[theme_index.pk]))
    assert "id_topics_error" in response.content.decode()
    assert Subscriber.objects.count() == 0


@pytest.fixture
def subscribers_with_topics(themes, subscribers):
    subscribers["fatima"].topics.set([themes["migration"]])
    subscribers["zoe"].topics.set([themes["migration"], themes["inclusion"]])
    return subscribers


def test_staff_filter_and_export_by_topic(themes, subscribers_with_topics):
    staff = staff_client("communicatie", "Nieuwsbrief")
    migration = themes["migration"].pk
    html = soup(staff.get(f"{SUBSCRIBERS}results/?topics={migration}"))
    emails = {a.get_text(strip=True) for a in html.select("td.title .title-wrapper a")}
    assert emails == {"fatima@example.org", "zoe@example.org"}
    assert "Nieuwe migratie, Inclusie" in html.get_text()

    export = staff.get(f"{SUBSCRIBERS}export/?topics={themes['inclusion'].pk}")
    rows = list(csv.reader(io.StringIO(export.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][3] == "Onderwerpen"
    assert [(row[0], row[3]) for row in rows[1:]] == [
        ("zoe@example.org", "Nieuwe migratie, Inclusie")
    ]


def test_subscriber_list_costs_the_same_queries_for_more_subscribers(
    themes, django_assert_num_queries
):
    staff = staff_client("communicatie", "Nieuwsbrief")

    def add(count):
        for _n in range(count):
            SubscriberFactory().topics.set([themes["migration"], themes["inclusion"]])

    add(5)
    staff.get(SUBSCRIBERS)  # warm up: session, permissions, content types
    with CaptureQueriesContext(connection) as five:
        assert staff.get(SUBSCRIBERS).status_code == 200
    add(5)
    with django_assert_num_queries(len(five.captured_queries)):
        response = staff.get(SUBSCRIBERS)
    assert len(soup(response).select("td.title .title-wrapper a")) == 10


# --- caching ------------------------------------------------------------------------------


def test_pages_with_the_signup_forms_are_cached_the_newsletter_page_is_not(client, pages, settings):
    settings.PAGE_CACHE_SECONDS = 600
    body = [("paragraph", "<p>Over ons.</p>"), ("newsletter_signup", None)]
    StandardPageFactory(parent=pages["nl"].get_parent(), slug="met-blok", body=body)
    first = client.get("/nl/met-blok/")
    forms = soup(first).select("form[method=post]")
    assert [form["action"] for form in forms] == [SIGNUP, SIGNUP]  # the block and the footer
    ids = [box["id"] for form in forms for box in form.select("input[name=email]")]
    assert len(set(ids)) == 2
    assert first["X-Page-Cache"] == "miss"
    assert Client().get("/nl/met-blok/")["X-Page-Cache"] == "hit"

    newsletter = Client().get("/nl/nieuwsbrief/")
    assert "private" in newsletter["Cache-Control"]
    assert Client().get("/nl/nieuwsbrief/").get("X-Page-Cache") != "hit"
    # a publish purges the page and its cacheable step, in each language's words
    assert pages["nl"].get_cached_paths() == ["/", "/bedankt/"]
    assert pages["en"].get_cached_paths() == ["/", "/thanks/"]
