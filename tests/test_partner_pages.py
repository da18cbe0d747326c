"""Partner organisations: the index filtered by kind, and a page per partner in both languages."""

import json

import pytest

from core.models import Partner
from tests.factories import (
    PartnerFactory,
    ProjectPageFactory,
    QuestionIndexPageFactory,
    QuestionPageFactory,
)
from tests.helpers import count_queries, get_html, publish_translation


def section_links(html, heading_id):
    section = html.find("section", attrs={"aria-labelledby": heading_id})
    return [a.get_text() for a in section.find_all("a")]


@pytest.fixture
def linked(site_tree):
    """Utrecht (translated) in a project, its result and an answered question; a ministry
    (not translated) with nothing; a draft partner."""
    utrecht = PartnerFactory(
        name="Gemeente Utrecht",
        slug="gemeente-utrecht",
        description="De gemeente Utrecht.",
        website="https://utrecht.example",
    )
    english = utrecht.copy_for_translation(site_tree["project"]["en"].locale)
    english.name, english.slug, english.description = (
        "Municipality of Utrecht",
        "municipality-of-utrecht",
        "The municipality of Utrecht.",
    )
    english.save()
    ministry = PartnerFactory(name="Ministerie van SZW", slug="szw", kind=Partner.Kind.MINISTRY)
    PartnerFactory(name="Nog niet gepubliceerd", slug="concept", live=False)

    for page in site_tree["project"].values():
        page.partners.set([utrecht])  # the translation keeps the Dutch partner
        page.result_page = site_tree["publication"]["nl"]
        page.save_revision().publish()
    questions = QuestionIndexPageFactory(parent=site_tree["home"]["nl"])
    publish_translation(questions, "en", title="Questions", slug="questions")
    question = QuestionPageFactory(parent=questions, title="Hoe vangen we statushouders op?")
    question.partners.set([utrecht])
    question.save_revision().publish()
    publish_translation(question, "en", title="How do we receive refugees?", slug="receive")
    return {"utrecht": utrecht, "english": english, "ministry": ministry}


def test_a_partner_page_lists_its_projects_publications_and_questions(client, site_tree, linked):
    html = get_html(client, "/nl/partners/gemeente-utrecht/")
    assert html.find("h1").get_text() == "Gemeente Utrecht"
    assert "De gemeente Utrecht." in html.find("main").get_text()
    assert html.find("a", href="https://utrecht.example")
    assert section_links(html, "partner-projects") == ["This is me!"]
    assert section_links(html, "partner-publications") == ["Boze burgers"]
    assert section_links(html, "partner-questions") == ["Hoe vangen we statushouders op?"]


def test_the_english_partner_page_lists_the_english_pages(client, site_tree, linked):
    html = get_html(client, "/en/partners/municipality-of-utrecht/")
    assert html.find("h1").get_text() == "Municipality of Utrecht"
    assert section_links(html, "partner-projects") == ["This is me! (en)"]
    assert section_links(html, "partner-publications") == ["Angry citizens"]
    assert section_links(html, "partner-questions") == ["How do we receive refugees?"]
    switcher = html.find("nav", class_="language-switcher")
    assert switcher.find("a", hreflang="nl")["href"] == "/nl/partners/gemeente-utrecht/"
    alternate = html.find("link", rel="alternate", hreflang="nl")
    assert alternate["href"] == "http://testserver/nl/partners/gemeente-utrecht/"


def test_an_untranslated_partner_is_shown_in_english_too(client, site_tree, linked):
    html = get_html(client, "/en/partners/szw/")
    assert html.find("h1").get_text() == "Ministerie van SZW"
    assert section_links(html, "partner-projects") == []


def test_unknown_and_draft_partners_are_not_found(client, site_tree, linked):
    assert client.get("/nl/partners/bestaat-niet/").status_code == 404
    assert client.get("/nl/partners/concept/").status_code == 404


def test_the_slug_of_another_language_leads_to_the_partner_in_this_one(client, site_tree, linked):
    response = client.get("/nl/partners/municipality-of-utrecht/")
    assert response.status_code == 301
    assert response["Location"] == "/nl/partners/gemeente-utrecht/"
    response = client.get("/en/partners/gemeente-utrecht/")
    assert response["Location"] == "/en/partners/municipality-of-utrecht/"


def test_a_partner_page_describes_the_organisation(client, site_tree, linked):
    html = get_html(client, "/nl/partners/gemeente-utrecht/")
    document = json.loads(html.find("script", type="application/ld+json").string)
    items = {item["@type"]: item for item in document["@graph"]}
    assert items["Organization"]["name"] == "Gemeente Utrecht"
    assert items["Organization"]["url"] == "https://utrecht.example"
    trail = items["BreadcrumbList"]["itemListElement"]
    assert [element["name"] for element in trail][-2:] == ["Partners", "Gemeente Utrecht"]
    assert trail[-1]["item"] == "http://testserver/nl/partners/gemeente-utrecht/"
    assert html.find("meta", property="og:title")["content"] == "Gemeente Utrecht"
    assert html.find("link", rel="canonical")["href"] == trail[-1]["item"]


@pytest.mark.parametrize(
    ("language", "names"),
    [
        ("nl", ["Gemeente Utrecht", "Ministerie van SZW"]),
        ("en", ["Municipality of Utrecht", "Ministerie van SZW"]),
    ],
)
def test_the_index_links_every_published_partner(client, site_tree, linked, language, names):
    """Grouped by kind (municipalities before ministries), untranslated ones in Dutch."""
    html = get_html(client, f"/{language}/partners/")
    cards = html.select(".partner-list h3 a")
    assert [card.get_text() for card in cards] == names
    for card in cards:
        assert client.get(card["href"]).status_code == 200


def test_the_index_filters_by_kind_without_javascript(client, site_tree, linked):
    html = get_html(client, "/nl/partners/?kind=ministry")
    assert [a.get_text() for a in html.select(".partner-list h3 a")] == ["Ministerie van SZW"]
    form = html.find("form", class_="filter")
    assert form["method"] == "get"
    select = form.find("select", attrs={"name": "kind"})
    assert form.find("label", attrs={"for": select["id"]})
    assert select.find("option", selected=True)["value"] == "ministry"
    # an unknown kind shows everything
    html = get_html(client, "/nl/partners/?kind=bogus")
    assert len(html.select(".partner-list h3 a")) == 2


def test_partner_listings_cost_the_same_number_of_queries_however_many_items(
    client, site_tree, linked
):
    utrecht = linked["utrecht"]
    urls = ["/nl/partners/", "/nl/partners/gemeente-utrecht/", "/en/partners/"]

    def add(count):
        for _number in range(count):
            PartnerFactory()
            project = ProjectPageFactory(parent=site_tree["theme"]["nl"])
            project.partners.set([utrecht])
            project.save_revision().publish()

    add(2)
    few = [count_queries(client, url) for url in urls]
    add(4)
    assert [count_queries(client, url) for url in urls] == few


def test_cached_partner_pages_are_purged_when_a_partner_changes(
    client, site_tree, linked, settings, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_SECONDS = 600
    # (the open-data files stream, so the page cache keeps none of them)
    urls = ["/nl/partners/", "/nl/partners/gemeente-utrecht/"]
    for url in urls:
        client.get(url)
        assert client.get(url)["X-Page-Cache"] == "hit"
    utrecht = linked["utrecht"]
    utrecht.description = "De gemeente Utrecht, vierde stad van Nederland."
    with django_capture_on_commit_callbacks(execute=True):
        utrecht.save()
    for url in urls:
        assert client.get(url)["X-Page-Cache"] == "miss", url
    assert "vierde stad" in client.get("/nl/partners/gemeente-utrecht/").content.decode()
