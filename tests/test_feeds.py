"""RSS 2.0 and Atom feeds: valid, newest first, one language each, advertised on the pages."""

import datetime

import feedparser
import pytest
import wagtail_factories

from dossiers.models import PublicationAuthor
from syndication.feeds import FEED_LENGTH
from tests.factories import (
    PersonFactory,
    PublicationPageFactory,
    QuestionIndexPageFactory,
    QuestionPageFactory,
)
from tests.helpers import count_queries, publish_translation, soup

FORMATS = [("rss", "rss20"), ("atom", "atom10")]


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


def publish(site_tree, title, day, **fields):
    return PublicationPageFactory(
        parent=site_tree["library"]["nl"],
        title=title,
        publication_date=datetime.date(2018, 1, 1) + datetime.timedelta(days=day),
        **fields,
    )


@pytest.mark.parametrize(("kind", "version"), FORMATS)
def test_the_library_feed_lists_the_newest_publications_of_its_language(
    client, site_tree, kind, version
):
    newer = publish(site_tree, "Nieuwer rapport", 10)
    publish_translation(newer, "en", title="Newer report", slug="newer-report")
    publish(site_tree, "Alleen in het Nederlands", 5)

    dutch = parse(client, f"/nl/feeds/publications/{kind}.xml")
    assert dutch.version == version
    assert dutch.feed.title == "Publicaties | Kennisplatform Integratie & Samenleving"
    assert dutch.feed.link == "http://testserver/nl/publicaties/"
    assert [entry.title for entry in dutch.entries] == [
        "Nieuwer rapport",
        "Alleen in het Nederlands",
        "Boze burgers",
    ]
    english = parse(client, f"/en/feeds/publications/{kind}.xml")
    assert english.feed.language if kind == "rss" else True
    assert [entry.title for entry in english.entries] == ["Newer report", "Angry citizens"]
    assert english.entries[0].link == "http://testserver/en/library/newer-report/"


def test_an_item_carries_its_permanent_link_date_authors_themes_and_file(client, site_tree):
    document = wagtail_factories.DocumentFactory(title="Het rapport")
    publication = publish(site_tree, "Rapport met alles", 3, document=document)
    for name in ["Sabine de Bruijn", "Özlem Yıldız"]:
        PublicationAuthor.objects.create(publication=publication, person=PersonFactory(name=name))
    publication.themes.set([site_tree["theme"]["nl"]])
    publication.save_revision().publish()

    [entry] = [
        entry
        for entry in parse(client, "/nl/feeds/publications/rss.xml").entries
        if entry.title == "Rapport met alles"
    ]
    assert entry.id == f"http://testserver/p/{publication.pk}/"
    assert entry.published.startswith("Thu, 04 Jan 2018 00:00:00 +0100")
    assert entry.author == "Sabine de Bruijn, Özlem Yıldız"
    assert [tag.term for tag in entry.tags] == ["Participatie"]
    assert entry.summary == "Een samenvatting van de publicatie."
    [enclosure] = entry.enclosures
    assert enclosure.href == f"http://testserver{document.url}"


def test_only_the_newest_items_are_listed(client, site_tree):
    for day in range(FEED_LENGTH + 2):
        publish(site_tree, f"Publicatie van dag {day}", day)
    entries = parse(client, "/nl/feeds/publications/atom.xml").entries
    assert len(entries) == FEED_LENGTH
    assert entries[0].title == f"Publicatie van dag {FEED_LENGTH + 1}"
    assert "Boze burgers" not in {entry.title for entry in entries}


@pytest.mark.parametrize(("kind", "version"), FORMATS)
def test_a_theme_feed_lists_the_publications_on_the_theme(client, site_tree, kind, version):
    theme = site_tree["theme"]
    on_theme = publish(site_tree, "Over participatie", 2)
    on_theme.themes.set([theme["nl"]])
    on_theme.save_revision().publish()
    # the translation keeps pointing at the Dutch theme
    publish_translation(on_theme, "en", title="On participation", slug="on-participation")
    publish(site_tree, "Over iets anders", 3)

    dutch = parse(client, f"/nl/feeds/themes/{theme['nl'].pk}/{kind}.xml")
    assert dutch.version == version
    assert dutch.feed.title.startswith("Participatie | ")
    assert [entry.title for entry in dutch.entries] == ["Over participatie"]
    english = parse(client, f"/en/feeds/themes/{theme['en'].pk}/{kind}.xml")
    assert [entry.title for entry in english.entries] == ["On participation"]
    # the Dutch theme's id in the English feed's address: the same English feed
    same = parse(client, f"/en/feeds/themes/{theme['nl'].pk}/{kind}.xml")
    assert [entry.title for entry in same.entries] == ["On participation"]


def test_a_dossier_feed_lists_the_publications_it_gathers(client, site_tree):
    dossier = site_tree["dossier"]
    gathered = publish(site_tree, "In het dossier", 4)
    publish(site_tree, "Niet in het dossier", 5)
    dossier["nl"].related_publications.set([gathered, site_tree["publication"]["nl"]])
    dossier["nl"].save_revision().publish()
    dossier["en"].related_publications.set([site_tree["publication"]["nl"]])
    dossier["en"].save_revision().publish()

    dutch = parse(client, f"/nl/feeds/dossiers/{dossier['nl'].pk}/rss.xml")
    assert [entry.title for entry in dutch.entries] == ["In het dossier", "Boze burgers"]
    english = parse(client, f"/en/feeds/dossiers/{dossier['en'].pk}/atom.xml")
    assert [entry.title for entry in english.entries] == ["Angry citizens"]


def test_feeds_of_missing_or_unpublished_pages_are_not_found(client, site_tree):
    assert client.get("/nl/feeds/themes/999999/rss.xml").status_code == 404
    project = site_tree["project"]["nl"]
    assert client.get(f"/nl/feeds/themes/{project.pk}/rss.xml").status_code == 404
    site_tree["dossier"]["en"].unpublish()
    assert (
        client.get(f"/en/feeds/dossiers/{site_tree['dossier']['nl'].pk}/rss.xml").status_code == 404
    )


@pytest.mark.parametrize(
    ("name", "feeds"),
    [
        ("home", ["/nl/feeds/publications/rss.xml", "/nl/feeds/publications/atom.xml"]),
        ("library", ["/nl/feeds/publications/rss.xml", "/nl/feeds/publications/atom.xml"]),
        ("theme", ["/nl/feeds/themes/{id}/rss.xml", "/nl/feeds/themes/{id}/atom.xml"]),
        ("dossier", ["/nl/feeds/dossiers/{id}/rss.xml", "/nl/feeds/dossiers/{id}/atom.xml"]),
        ("project", []),
    ],
)
def test_pages_advertise_their_feeds(client, site_tree, name, feeds):
    page = site_tree[name]["nl"]
    html = soup(client.get(page.url))
    links = html.find_all(
        "link", rel="alternate", type=["application/rss+xml", "application/atom+xml"]
    )
    assert [link["href"] for link in links] == [feed.format(id=page.pk) for feed in feeds]
    for link in links:
        assert parse(client, link["href"]).entries is not None


def test_feeds_cost_the_same_number_of_queries_however_many_items(client, site_tree):
    theme = site_tree["theme"]["nl"]
    urls = ["/nl/feeds/publications/rss.xml", f"/nl/feeds/themes/{theme.pk}/atom.xml"]

    def add(count, start):
        for day in range(start, start + count):
            publication = publish(site_tree, f"Publicatie {day}", day)
            PublicationAuthor.objects.create(
                publication=publication, person=PersonFactory(name=f"Auteur {day}")
            )
            publication.themes.set([theme, site_tree["other_theme"]["nl"]])
            publication.save_revision().publish()

    add(3, 0)
    few = [count_queries(client, url) for url in urls]
    add(6, 3)
    assert [count_queries(client, url) for url in urls] == few


@pytest.fixture
def questions(site_tree):
    index = QuestionIndexPageFactory(parent=site_tree["home"]["nl"])
    publish_translation(index, "en", title="Questions", slug="questions")
    return index


def test_the_questions_feed_lists_answered_questions_of_its_language(client, site_tree, questions):
    older = QuestionPageFactory(parent=questions, title="Wat is inburgering?")
    older.theme = site_tree["theme"]["nl"]
    older.save_revision().publish()
    publish_translation(older, "en", title="What is civic integration?", slug="civic")
    newer = QuestionPageFactory(parent=questions, title="Hoe werkt de participatieverklaring?")
    newer.save_revision().publish()

    dutch = parse(client, "/nl/feeds/questions/rss.xml")
    assert dutch.feed.title.startswith("Beantwoorde vragen | ")
    assert [entry.title for entry in dutch.entries] == [
        "Hoe werkt de participatieverklaring?",
        "Wat is inburgering?",
    ]
    assert [tag.term for tag in dutch.entries[1].tags] == ["Participatie"]
    english = parse(client, "/en/feeds/questions/atom.xml")
    assert [entry.title for entry in english.entries] == ["What is civic integration?"]
    assert [tag.term for tag in english.entries[0].tags] == ["Participation"]
    html = soup(client.get(questions.url))
    feeds = html.find_all("link", rel="alternate", type="application/rss+xml")
    assert [link["href"] for link in feeds] == ["/nl/feeds/questions/rss.xml"]


def test_the_questions_feed_costs_the_same_number_of_queries_however_many(
    client, site_tree, questions
):
    def add(count):
        for _number in range(count):
            question = QuestionPageFactory(parent=questions)
            question.theme = site_tree["theme"]["nl"]
            question.save_revision().publish()

    add(2)
    few = count_queries(client, "/nl/feeds/questions/rss.xml")
    add(4)
    assert count_queries(client, "/nl/feeds/questions/rss.xml") == few


def test_a_cached_feed_is_purged_when_a_publication_is_published(
    client, site_tree, settings, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_SECONDS = 600
    url = "/nl/feeds/publications/rss.xml"
    assert client.get(url)["X-Page-Cache"] == "miss"
    assert client.get(url)["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        publish(site_tree, "Net verschenen", 30).save_revision().publish()
    response = client.get(url)
    assert response["X-Page-Cache"] == "miss"
    assert feedparser.parse(response.content).entries[0].title == "Net verschenen"
