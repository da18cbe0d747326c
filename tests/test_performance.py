"""The SQL query budget: every page type renders in at most 15 queries with a cold
page cache and repeats none; listings cost the same whatever their length, images included;
what is kept across requests (core.caching.sitecache) is forgotten the moment the content changes.
"""

import datetime
from collections import Counter

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import PageViewRestriction

import pytest

from core.models import Navigation, SiteSettings
from dossiers.models import PublicationAuthor
from tests import factories
from tests.helpers import count_queries, publish_translation, soup

MAX_QUERIES = 15


def repeated_queries(captured):
    """The SQL statements (with their parameters) run more than once: {sql: times}."""
    counts = Counter(query["sql"] for query in captured.captured_queries)
    return {sql: times for sql, times in counts.items() if times > 1}


def queries_of(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return captured


@pytest.fixture
def demo_site(site_tree):
    """``site_tree`` filled like the demo content: images, authors, partners, testimonials,
    related items, the question service, the annual report, a standard page, the newsletter
    page, the menus and the site settings. Returns {page type: {language: URL}}."""
    nl = {name: pages["nl"] for name, pages in site_tree.items()}
    home = nl["home"]
    partners = factories.PartnerFactory.create_batch(3, logo=factories.ImageFactory())
    project = nl["project"]
    project.partners.set(partners)
    project.result_page = nl["publication"]
    project.social_image = factories.ImageFactory()
    project.save_revision().publish()
    publication = nl["publication"]
    publication.image = factories.ImageFactory()
    publication.document = factories.DocumentFactory()
    publication.themes.set([nl["theme"]])
    publication.save_revision().publish()
    for person in factories.PersonFactory.create_batch(2):
        PublicationAuthor.objects.create(publication=publication, person=person)
    for _n in range(2):
        factories.TestimonialFactory(theme=nl["theme"], photo=factories.ImageFactory())
    dossier = nl["dossier"]
    dossier.themes.set([nl["theme"]])
    dossier.related_publications.set([publication])
    dossier.related_projects.set([project])
    dossier.save_revision().publish()
    questions = factories.QuestionIndexPageFactory(parent=home)
    question = factories.QuestionPageFactory(parent=questions, theme=nl["theme"])
    question.partners.set(partners[:1])
    question.save_revision().publish()
    about = factories.StandardPageFactory(parent=home, title="Over ons", slug="over-ons")
    privacy = factories.StandardPageFactory(parent=home, title="Privacy", slug="privacy")
    newsletter = factories.NewsletterPageFactory(parent=home, privacy_page=privacy)
    report = factories.AnnualReportPageFactory(
        parent=home,
        body=[
            ("key_figures", [{"label": "projecten", "number": "", "live_figure": "projects"}]),
            ("month_chart", {"heading": "Sitebezoek", "series": "visits"}),
            ("publication_figures", {"heading": "Publicaties", "publications": [], "count": 5}),
            ("theme_overview", {"heading": "Thema's", "themes": []}),
        ],
    )
    extra = {
        "newsletter": newsletter,
        "questions": questions,
        "question": question,
        "standard": about,
        "report": report,
    }
    for name, page in extra.items():
        site_tree[name] = {"nl": page, "en": publish_translation(page, "en", slug=f"{name}-en")}
    for code in ("nl", "en"):
        Navigation.objects.create(
            locale=home.locale if code == "nl" else site_tree["home"]["en"].locale,
            header_links=[
                ("link", {"page": nl["themes"], "url": "", "label": ""}),
                ("link", {"page": nl["library"], "url": "", "label": ""}),
                ("link", {"page": about, "url": "", "label": ""}),
            ],
            footer_links=[
                ("link", {"page": privacy, "url": "", "label": ""}),
                ("link", {"page": None, "url": "https://www.example.org/", "label": "Elders"}),
            ],
            footer_text=f'<p>Zie <a linktype="page" id="{about.pk}">over ons</a>.</p>',
        )
    SiteSettings.objects.update_or_create(
        site=home.get_site(), defaults={"email": "info@example.org", "phone": "030 123 45 67"}
    )
    urls = {
        name: {code: page.url for code, page in pages.items()}
        for name, pages in site_tree.items()
        if name != "other_theme"
    }
    urls["partner"] = {
        code: site_tree["partners"][code].specific.partner_url(partners[0]) for code in ("nl", "en")
    }
    urls["search"] = {"nl": "/nl/zoeken/?q=publicatie", "en": "/en/search/?q=report"}
    return urls


PAGE_TYPES = [
    "home",
    "themes",
    "theme",
    "project",
    "library",
    "publication",
    "dossiers",
    "dossier",
    "questions",
    "question",
    "partners",
    "partner",
    "report",
    "standard",
    "newsletter",
    "search",
]


def test_every_page_type_renders_in_at_most_15_queries_repeating_none(client, demo_site):
    # One site for every page type and language (building it is the slow part); every
    # page over its budget is reported, not only the first.
    over_budget = []
    for name in PAGE_TYPES:
        for url in demo_site[name].values():
            client.get(url)  # the first request after a change computes what every page shows
            captured = queries_of(client, url)
            if len(captured) > MAX_QUERIES or repeated_queries(captured):
                statements = "\n".join(query["sql"] for query in captured.captured_queries)
                repeats = repeated_queries(captured)
                over_budget.append(
                    f"{url}: {len(captured)} queries, repeats {repeats}\n{statements}"
                )
    assert not over_budget, "\n\n".join(over_budget)


def test_no_query_repeats_even_when_every_cache_is_cold(client, demo_site):
    for name in PAGE_TYPES:
        for url in demo_site[name].values():
            client.get(url)  # renditions drawn, the process's content types known
            cache.clear()
            captured = queries_of(client, url)
            assert not repeated_queries(captured), f"{url} repeats {repeated_queries(captured)}"


def add_publications(library, theme, count):
    for _n in range(count):
        publication = factories.PublicationPageFactory(
            parent=library, image=factories.ImageFactory()
        )
        publication.themes.set([theme])
        publication.save()
        PublicationAuthor.objects.create(publication=publication, person=factories.PersonFactory())


def test_the_library_costs_the_same_queries_for_twice_the_publications(client, site_tree):
    library, theme = site_tree["library"]["nl"], site_tree["theme"]["nl"]
    url = library.url
    add_publications(library, theme, 3)
    few = count_queries(client, url)
    add_publications(library, theme, 3)
    assert count_queries(client, url) == few <= MAX_QUERIES
    cards = soup(client.get(url)).select(".card--publication img")
    assert len(cards) == 7 - 1  # the fixture's own publication has no cover


def test_a_theme_costs_the_same_queries_for_twice_the_testimonials_and_publications(
    client, site_tree
):
    theme, library = site_tree["theme"]["nl"], site_tree["library"]["nl"]
    url = theme.url

    def add(count):
        add_publications(library, theme, count)
        for _n in range(count):
            factories.TestimonialFactory(theme=theme, photo=factories.ImageFactory())
            factories.ProjectPageFactory(parent=theme)

    add(2)
    few = count_queries(client, url)
    add(2)
    assert count_queries(client, url) == few <= MAX_QUERIES
    page = soup(client.get(url))
    assert len(page.select(".testimonial__photo")) == 4
    assert len(page.select(".card--publication img")) == 4


def test_the_partner_index_costs_the_same_queries_for_twice_the_partners(client, site_tree):
    url = site_tree["partners"]["nl"].url
    factories.PartnerFactory.create_batch(3, logo=factories.ImageFactory())
    few = count_queries(client, url)
    factories.PartnerFactory.create_batch(3, logo=factories.ImageFactory())
    assert count_queries(client, url) == few <= MAX_QUERIES
    assert len(soup(client.get(url)).select(".partner__logo")) == 6


def test_the_menus_follow_a_publish_at_once(client, demo_site, site_tree):
    about = site_tree["standard"]["nl"]
    header = soup(client.get("/nl/")).select(".site-nav a")
    assert "/nl/over-ons/" in [link["href"] for link in header]
    about.title = "Wie wij zijn"
    about.save_revision().publish()
    header = soup(client.get("/nl/")).select(".site-nav a")
    assert "Wie wij zijn" in [link.text for link in header]
    about.unpublish()
    header = soup(client.get("/nl/")).select(".site-nav a")
    assert "/nl/over-ons/" not in [link["href"] for link in header]


def test_the_footer_follows_the_site_settings_and_the_themes_at_once(client, demo_site, site_tree):
    home = site_tree["home"]["nl"]
    assert "info@example.org" in client.get("/nl/").content.decode()
    settings = SiteSettings.for_site(home.get_site())
    settings.email = "contact@example.org"
    settings.save()
    page = soup(client.get("/nl/"))
    assert page.find("a", href="mailto:contact@example.org") is not None
    topics = [label.text.strip() for label in page.select("#footer-newsletter-topics label")]
    factories.ThemePageFactory(parent=site_tree["themes"]["nl"], title="Nieuwe migratie")
    page = soup(client.get("/nl/"))
    new_topics = [label.text.strip() for label in page.select("#footer-newsletter-topics label")]
    assert new_topics == [*topics, "Nieuwe migratie"]


def test_a_view_restriction_hides_a_page_from_the_listings_at_once(client, site_tree):
    library = site_tree["library"]["nl"]
    publication = site_tree["publication"]["nl"]
    assert publication.title in client.get(library.url).content.decode()
    PageViewRestriction.objects.create(page=publication, restriction_type="login")
    assert publication.title not in client.get(library.url).content.decode()
    assert client.get(publication.url).status_code == 302  # to the login


def test_pages_below_a_routable_page_and_its_routes_are_found(client, demo_site, site_tree):
    publication = site_tree["publication"]["nl"]
    response = client.get(publication.url + "cite/bibtex/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/x-bibtex")
    assert client.get(demo_site["partner"]["nl"]).status_code == 200
    assert client.get(publication.url + "no-such-page/").status_code == 404
    assert client.get("/nl/themas/no-such-theme/").status_code == 404
    breadcrumbs = soup(client.get(site_tree["project"]["nl"].url)).select(".breadcrumbs a")
    assert [link["href"] for link in breadcrumbs] == [
        "/nl/",
        "/nl/themas/",
        "/nl/themas/participatie/",
    ]


def test_an_unpublished_page_is_not_found_and_a_draft_parent_still_leads_on(client, site_tree):
    theme = site_tree["theme"]["nl"]
    project = site_tree["project"]["nl"]
    theme.unpublish()
    assert client.get(theme.url if theme.url else "/nl/themas/participatie/").status_code == 404
    # Wagtail serves a live page below an unpublished one: so does the routing
    assert client.get("/nl/themas/participatie/this-is-me/").status_code == 200
    project.unpublish()
    assert client.get("/nl/themas/participatie/this-is-me/").status_code == 404


def test_the_first_request_after_a_change_repeats_nothing(client, demo_site, site_tree):
    url = demo_site["theme"]["nl"]
    client.get(url)
    publication = site_tree["publication"]["nl"]
    publication.publication_date = datetime.date(2018, 1, 1)
    publication.save_revision().publish()
    captured = queries_of(client, url)
    assert not repeated_queries(captured)


def test_a_search_term_promoted_after_it_was_searched_shows_its_promotion(client, site_tree):
    url = "/nl/zoeken/?q=vluchtelingenwerk"
    assert soup(client.get(url)).select(".search-promotions a") == []
    SearchPromotion.objects.create(
        query=Query.get("vluchtelingenwerk"),
        page=site_tree["publication"]["nl"],
        sort_order=0,
        description="Het rapport.",
    )
    links = soup(client.get(url)).select(".search-promotions a")
    assert [link["href"] for link in links] == [site_tree["publication"]["nl"].url]
    assert Query.get("vluchtelingenwerk").hits == 2  # both searches counted
