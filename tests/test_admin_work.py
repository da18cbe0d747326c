"""A communications officer's week in the admin: the figures, the messages, the exports."""

import datetime

from django.test import Client
from django.urls import reverse

from editorial import groups as editorial
from tests import factories
from tests.admin_crawl import menu_urls
from tests.helpers import make_user, soup


def member_of(group_name, username="medewerker"):
    user = make_user(username, group_name)
    client = Client()
    client.force_login(user)
    return user, client


def test_communications_officers_keep_the_figures(db):
    """The groups made by the migrations: the newsletter group reaches and edits the figures."""
    user, client = member_of(editorial.NEWSLETTER)
    factories.MediaMentionFactory(title="Interview over statushouders", outlet="NOS")
    mentions = reverse("wagtailsnippets_stats_mediamention:list")
    followers = reverse("wagtailsnippets_stats_socialfollowers:add")

    assert mentions in menu_urls(user)
    assert "Interview over statushouders" in client.get(mentions).content.decode()
    response = client.post(followers, {"channel": "linkedin", "year": 2017, "followers": 1850})
    assert response.status_code == 302

    editor, editor_client = member_of(editorial.EDITORS, "redacteur")
    assert mentions not in menu_urls(editor)
    assert editor_client.get(mentions).status_code in (302, 403)


def test_the_admin_is_dutch_for_new_staff_whatever_their_browser(db):
    _user, client = member_of(editorial.EDITORS)
    response = client.get(reverse("wagtailadmin_home"), HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    assert 'lang="nl"' in response.content.decode()


def test_the_unsubscribe_confirmation_says_afmelden_not_verwijderen(db):
    _user, client = member_of(editorial.NEWSLETTER)
    subscriber = factories.SubscriberFactory(email="lezer@example.org")
    response = client.get(reverse("newsletter_subscribers:unsubscribe", args=[subscriber.pk]))
    text = " ".join(soup(response).find("main").get_text(" ").split()).lower()
    assert "afmeld" in text
    assert "verwijder" not in text


def test_subscriber_times_are_in_the_site_time_zone(db):
    """A sign-up at 10:00 UTC on a summer's day is 12:00 in Amsterdam."""
    _user, client = member_of(editorial.NEWSLETTER)
    moment = datetime.datetime(2026, 6, 1, 10, 0, tzinfo=datetime.UTC)
    subscriber = factories.SubscriberFactory(
        email="zomer@example.org", created_at=moment, confirmed_at=moment
    )
    inspect = client.get(reverse("newsletter_subscribers:inspect", args=[subscriber.pk]))
    listing = client.get(reverse("newsletter_subscribers:index"))
    for response in (inspect, listing):
        html = response.content.decode()
        assert "12:00" in html and "10:00" not in html


def test_the_account_page_offers_only_time_zones_browsers_know(db):
    _user, client = member_of(editorial.EDITORS)
    html = soup(client.get(reverse("wagtailadmin_account")))
    zones = [option["value"] for option in html.select("select[name$=current_time_zone] option")]
    assert "Europe/Amsterdam" in zones
    assert "localtime" not in zones and "posixrules" not in zones
    assert all(zone in ("", "UTC") or "/" in zone for zone in zones)
