"""Site search: stemming per language, locale isolation, filters, promotions, PDF text,
autocomplete, bad input and a constant query count."""

import datetime
import re

from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page, PageViewRestriction

import pytest

from search.models import DocumentText
from tests import factories
from tests.helpers import another_process_changes_content, make_superuser, publish_translation, soup

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL: full-text stemming and trigram matching are PostgreSQL features "
    "(on SQLite the search uses plain matching)",
)


def search_url(language, **params):
    with translation.override(language):
        url = reverse("search:search")
    return url, params


def get_search(client, language, **params):
    url, params = search_url(language, **params)
    return client.get(url, params)


def result_titles(response):
    return [link.get_text(strip=True) for link in soup(response).select(".search-result h3 a")]


def facet(response, heading):
    """{label: count} of one filter list on the results page."""
    for title in soup(response).select(".search-filters h3"):
        if title.get_text(strip=True) == heading:
            options = {}
            for item in title.find_next_sibling("ul").select("li"):
                text = item.get_text(" ", strip=True)
                label, count = re.match(r"(.+?) \((\d+)\)", text).groups()
                options[label] = int(count)
            return options
    return {}


def make_pdf(text):
    """A minimal one-page PDF showing ``text`` (ASCII), as bytes."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    pdf = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    pdf += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return pdf


@pytest.fixture
def site(home):
    """Two themes (one translated), a project, a dossier and publications in two years."""
    nl = home["nl"]
    theme_index = factories.ThemeIndexPageFactory(parent=nl)
    participation = factories.ThemePageFactory(
        parent=theme_index, title="Participatie", slug="participatie"
    )
    migration = factories.ThemePageFactory(
        parent=theme_index, title="Nieuwe migratie", slug="nieuwe-migratie"
    )
    project = factories.ProjectPageFactory(
        parent=participation,
        title="Werk voor statushouders",
        summary="Statushouders en werk: een project over de arbeidsmarkt.",
    )
    library = factories.PublicationIndexPageFactory(parent=nl, intro="Alle publicaties.")
    report = factories.PublicationPageFactory(
        parent=library,
        title="Statushouders aan het werk",
        summary="Hoe gemeenten statushouders naar werk begeleiden.",
        publication_date=datetime.date(2017, 3, 1),
        themes=[participation],
    )
    article = factories.PublicationPageFactory(
        parent=library,
        title="Kansen voor statushouders",
        publication_type="article",
        summary="Een artikel over statushouders in het onderwijs.",
        publication_date=datetime.date(2016, 9, 1),
        themes=[migration],
    )
    publish_translation(library, "en", title="Publications", intro="All publications.")
    publish_translation(theme_index, "en", title="Themes")
    dossiers = factories.DossierIndexPageFactory(parent=nl)
    dossier = factories.DossierPageFactory(
        parent=dossiers,
        title="Dossier statushouders",
        intro="Alles over statushouders.",
        themes=[migration],
    )
    return {
        "library": library,
        "participation": participation,
        "migration": migration,
        "project": project,
        "report": report,
        "article": article,
        "dossier": dossier,
    }


# The URL and the field in the header


def test_search_page_has_a_translated_url(client, home):
    assert search_url("nl")[0] == "/nl/zoeken/"
    assert search_url("en")[0] == "/en/search/"
    for language in ("nl", "en"):
        response = get_search(client, language)
        assert response.status_code == 200
        page = soup(response)
        assert page.html["lang"] == language
        assert len(page.find_all("h1")) == 1
        assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex, follow"


def test_every_page_has_a_labelled_search_field_in_its_header(client, home):
    for language, url in (("nl", home["nl"].url), ("en", home["en"].url)):
        header = soup(client.get(url)).find("header")
        form = header.find("form", attrs={"role": "search"})
        assert form["action"] == search_url(language)[0]
        field = form.find("input", attrs={"name": "q"})
        assert header.find("label", attrs={"for": field["id"]}).get_text(strip=True)
        script = soup(client.get(url)).find("script", src=re.compile(r"js/search\.js$"))
        assert script.has_attr("defer")


def test_the_language_switcher_links_to_the_same_search(client, home):
    response = get_search(client, "nl", q="werk")
    switcher = soup(response).find("nav", class_="language-switcher")
    assert switcher.find("a", hreflang="en")["href"] == "/en/search/?q=werk"


# Stemming and languages


@postgres_only
def test_dutch_words_are_stemmed_in_dutch(client, site):
    factories.PublicationPageFactory(
        parent=site["library"],
        title="Opvang in gemeenten",
        summary="Gemeenten vangen vluchtelingen op en begeleiden hen naar werk.",
    )
    response = get_search(client, "nl", q="vluchteling")
    assert result_titles(response) == ["Opvang in gemeenten"]


@postgres_only
def test_english_words_are_stemmed_in_english(client, site):
    report = factories.PublicationPageFactory(
        parent=site["library"], title="Rapport", summary="Over beleid."
    )
    publish_translation(
        report, "en", title="Local integration", summary="How municipalities shape policies."
    )
    # "policy" finds "policies" only with English stemming; "vluchteling" only with Dutch.
    assert result_titles(get_search(client, "en", q="policy")) == ["Local integration"]


def test_results_come_only_from_the_active_language(client, site):
    publish_translation(
        site["report"],
        "en",
        title="Refugees at work",
        summary="How municipalities guide statushouders to work.",
    )
    assert result_titles(get_search(client, "en", q="statushouders")) == ["Refugees at work"]
    assert "Refugees at work" not in result_titles(get_search(client, "nl", q="statushouders"))


def test_results_show_type_title_summary_date_and_theme(client, site):
    response = get_search(client, "nl", q="statushouders begeleiden")
    [item] = soup(response).select(".search-result")
    assert item.find("h3").get_text(strip=True) == "Statushouders aan het werk"
    assert item.find("h3").a["href"] == site["report"].url
    meta = item.select_one(".meta").get_text(" ", strip=True)
    assert "Publicatie" in meta
    assert item.find("time")["datetime"] == "2017-03-01"
    assert "Participatie" in meta
    assert "Hoe gemeenten statushouders naar werk begeleiden." in item.get_text()


# Filters, counts, sorting, pagination


def test_filters_show_counts_and_combine_with_the_query(client, site):
    response = get_search(client, "nl", q="statushouders")
    assert response.status_code == 200
    assert facet(response, "Type") == {"Publicatie": 2, "Project": 1, "Dossier": 1}
    assert facet(response, "Thema") == {"Participatie": 2, "Nieuwe migratie": 2}
    assert facet(response, "Jaar")["2017"] == 1
    assert facet(response, "Jaar")["2016"] == 1

    theme = site["migration"].pk
    response = get_search(client, "nl", q="statushouders", theme=theme)
    assert sorted(result_titles(response)) == ["Dossier statushouders", "Kansen voor statushouders"]
    # the other filters count within the chosen theme
    assert facet(response, "Type") == {"Publicatie": 1, "Dossier": 1}

    response = get_search(client, "nl", q="statushouders", type="dossiers.publicationpage")
    assert sorted(result_titles(response)) == [
        "Kansen voor statushouders",
        "Statushouders aan het werk",
    ]
    assert facet(response, "Thema") == {"Participatie": 1, "Nieuwe migratie": 1}

    response = get_search(
        client, "nl", q="statushouders", type="dossiers.publicationpage", year=2017
    )
    assert result_titles(response) == ["Statushouders aan het werk"]
    # the query still counts: another word, no results
    response = get_search(client, "nl", q="onderwijs", type="dossiers.publicationpage", year=2017)
    assert result_titles(response) == []


def test_a_translated_publication_counts_for_the_translated_theme(client, site):
    participation_en = publish_translation(site["participation"], "en", title="Participation")
    # the translation still links to the Dutch theme (wagtail-localize keeps page links)
    publish_translation(site["report"], "en", title="Refugees at work", summary="Statushouders.")
    response = get_search(client, "en", q="statushouders")
    assert facet(response, "Theme") == {"Participation": 1}
    response = get_search(client, "en", q="statushouders", theme=participation_en.pk)
    assert result_titles(response) == ["Refugees at work"]
    assert "Participation" in soup(response).select_one(".search-result .meta").get_text()


def test_results_sort_by_date(client, site):
    response = get_search(
        client, "nl", q="statushouders", type="dossiers.publicationpage", sort="date"
    )
    assert result_titles(response) == ["Statushouders aan het werk", "Kansen voor statushouders"]
    assert soup(response).select_one(".search-sort [aria-current]").get_text() == "datum"


def test_a_word_in_the_title_ranks_first_then_newest(client, site):
    older = factories.PublicationPageFactory(
        parent=site["library"],
        title="Jaarverslag",
        summary="Asielzoekers, asielzoekers en nog eens asielzoekers.",
        publication_date=datetime.date(2015, 1, 1),
    )
    factories.PublicationPageFactory(
        parent=site["library"],
        title="Opvang van asielzoekers",
        summary="Een rapport.",
        publication_date=datetime.date(2012, 1, 1),
    )
    factories.PublicationPageFactory(
        parent=site["library"],
        title="Nieuwkomers",
        summary="Over asielzoekers.",
        publication_date=datetime.date(2020, 1, 1),
    )
    assert older.live
    assert result_titles(get_search(client, "nl", q="asielzoeker")) == [
        "Opvang van asielzoekers",
        "Nieuwkomers",
        "Jaarverslag",
    ]


def test_results_are_paginated(client, site):
    for number in range(25):
        factories.PublicationPageFactory(
            parent=site["library"], title=f"Jaarcijfers {number}", summary="Jaarcijfers."
        )
    first = get_search(client, "nl", q="jaarcijfers")
    assert len(result_titles(first)) == 20
    assert "25 resultaten" in soup(first).select_one(".search-summary").get_text()
    next_link = soup(first).select_one(".pagination a[rel=next]")["href"]
    second = client.get(search_url("nl")[0] + next_link)
    assert len(result_titles(second)) == 5
    assert not set(result_titles(first)) & set(result_titles(second))


def test_results_are_fresh_when_pages_are_cached(client, site, settings):
    settings.PAGE_CACHE_SECONDS = 3600
    assert result_titles(get_search(client, "nl", q="asielzoekers")) == []
    factories.PublicationPageFactory(
        parent=site["library"], title="Asiel", summary="Opvang van asielzoekers."
    )
    response = get_search(client, "nl", q="asielzoekers")
    assert result_titles(response) == ["Asiel"]
    assert "X-Page-Cache" not in response


def test_kept_results_are_reused_counted_and_dropped_when_a_page_is_published(
    client, site, settings, django_capture_on_commit_callbacks
):
    settings.SEARCH_CACHE_SECONDS = 600
    with CaptureQueriesContext(connection) as rendered:
        first = get_search(client, "nl", q="statushouders")
    with CaptureQueriesContext(connection) as kept:
        again = get_search(client, "nl", q="statushouders")
    assert result_titles(again) == result_titles(first)
    assert "Statushouders aan het werk" in result_titles(first)
    assert len(kept) < len(rendered) / 2  # the search itself was not run again
    assert Query.objects.get(query_string="statushouders").hits == 2  # both counted
    # other filters, another language: results of their own
    assert result_titles(get_search(client, "nl", q="statushouders", year=2016)) == [
        "Kansen voor statushouders"
    ]
    assert result_titles(get_search(client, "en", q="statushouders")) == []

    new = factories.PublicationPageFactory(
        parent=site["library"], title="Statushouders in de wijk", summary="Buren.", live=False
    )
    assert "Statushouders in de wijk" not in result_titles(get_search(client, "nl", q="wijk"))
    with django_capture_on_commit_callbacks(execute=True):
        new.save_revision().publish()
    assert "Statushouders in de wijk" in result_titles(get_search(client, "nl", q="statushouders"))
    new.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        new.unpublish()
    assert "Statushouders in de wijk" not in result_titles(
        get_search(client, "nl", q="statushouders")
    )


def test_kept_results_follow_a_change_made_in_another_process(client, site, settings):
    """Kept in each process's own memory without Redis, yet renewed by a change anywhere."""
    settings.SEARCH_CACHE_SECONDS = 600
    assert "Statushouders aan het werk" in result_titles(get_search(client, "nl", q="werk"))
    Page.objects.filter(pk=site["report"].pk).update(title="Werk voor statushouders")
    another_process_changes_content()
    titles = result_titles(get_search(client, "nl", q="werk"))
    assert "Werk voor statushouders" in titles
    assert "Statushouders aan het werk" not in titles


# Promotions and the search-terms report


def test_promoted_results_are_shown_in_the_active_language(client, site):
    publish_translation(site["report"], "en", title="Refugees at work", summary="Work.")
    promotion = SearchPromotion.objects.create(
        query=Query.get("Jaarbericht"), page=site["report"], description="Ons jaarverslag."
    )
    response = get_search(client, "nl", q="jaarbericht")
    promoted = soup(response).select_one(".search-promotions")
    assert promoted.a.get_text() == "Statushouders aan het werk"
    assert promoted.a["href"] == site["report"].url
    assert "Ons jaarverslag." in promoted.get_text()
    english = soup(get_search(client, "en", q="jaarbericht")).select_one(".search-promotions")
    assert english.a.get_text() == "Refugees at work"
    promotion.delete()
    assert soup(get_search(client, "nl", q="jaarbericht")).select_one(".search-promotions") is None


def test_searches_are_recorded_for_the_search_terms_report(client, site):
    get_search(client, "nl", q="Statushouders")
    get_search(client, "nl", q="statushouders  ")
    get_search(client, "nl", q="statushouders", page=2)  # browsing pages is not a new search
    assert Query.objects.get(query_string="statushouders").hits == 2
    client.force_login(make_superuser())
    report = client.get(reverse("wagtailsearchpromotions:search_terms"))
    assert report.status_code == 200
    assert "statushouders" in report.content.decode()


def test_private_unpublished_and_alias_pages_are_never_found(client, site):
    """A restricted page, an unpublished one and an alias of either (or of a public page:
    an alias repeats its original) never appear, nor count in a filter."""
    private_section = factories.ThemePageFactory(
        parent=site["participation"].get_parent(), title="Intern", slug="intern"
    )
    PageViewRestriction.objects.create(
        page=private_section, restriction_type=PageViewRestriction.LOGIN
    )
    restricted = factories.PublicationPageFactory(
        parent=private_section, title="Geheime statushouders", summary="Statushouders."
    )
    unpublished = factories.PublicationPageFactory(
        parent=site["library"], title="Concept over statushouders", summary="Statushouders."
    )
    unpublished.unpublish()
    restricted.create_alias(parent=site["library"], update_slug="geheime-alias")
    unpublished.create_alias(parent=site["library"], update_slug="concept-alias")
    site["article"].create_alias(parent=site["library"], update_slug="kansen-alias")

    response = get_search(client, "nl", q="statushouders")
    assert sorted(result_titles(response)) == [
        "Dossier statushouders",
        "Kansen voor statushouders",
        "Statushouders aan het werk",
        "Werk voor statushouders",
    ]
    assert facet(response, "Type") == {"Publicatie": 2, "Project": 1, "Dossier": 1}
    assert "4 resultaten" in soup(response).select_one(".search-summary").get_text()
    by_date = get_search(client, "nl", q="statushouders", sort="date")
    assert sorted(result_titles(by_date)) == sorted(result_titles(response))
    titles = [result["title"] for result in autocomplete(client, "nl", "statush").json()["results"]]
    assert sorted(titles) == sorted(result_titles(response))


# Documents


def test_a_word_only_in_the_pdf_finds_the_publication(
    client, site, django_capture_on_commit_callbacks
):
    report = site["report"]
    with django_capture_on_commit_callbacks(execute=True):
        document = factories.DocumentFactory(
            title="Rapport",
            file=ContentFile(make_pdf("De inburgeringsplicht in cijfers"), name="rapport.pdf"),
        )
    assert "inburgeringsplicht" in DocumentText.objects.get(document=document).text
    assert result_titles(get_search(client, "nl", q="inburgeringsplicht")) == []
    # linking the document to the publication indexes its text with the page
    report.document = document
    report.save_revision().publish()
    assert result_titles(get_search(client, "nl", q="inburgeringsplicht")) == [report.title]

    # a new file replaces the text and the publication is indexed again
    with django_capture_on_commit_callbacks(execute=True):
        document.file = ContentFile(make_pdf("Taaleis en participatieverklaring"), name="v2.pdf")
        document.save()
    assert result_titles(get_search(client, "nl", q="inburgeringsplicht")) == []
    assert result_titles(get_search(client, "nl", q="participatieverklaring")) == [report.title]


def test_a_document_that_is_not_a_readable_pdf_keeps_no_text(
    site, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        broken = factories.DocumentFactory(file=ContentFile(b"not a pdf", name="kapot.pdf"))
        sheet = factories.DocumentFactory(file=ContentFile(b"a,b\n1,2\n", name="cijfers.csv"))
    assert DocumentText.objects.get(document=broken).text == ""
    assert not DocumentText.objects.filter(document=sheet).exists()


# Autocomplete


def autocomplete(client, language, query, **extra):
    with translation.override(language):
        url = reverse("search:autocomplete")
    return client.get(url, {"q": query}, **extra)


def test_autocomplete_suggests_titles_of_the_active_language(client, site):
    publish_translation(site["report"], "en", title="Statusholders at work", summary="Work.")
    with translation.override("nl"):
        assert reverse("search:autocomplete") == "/nl/zoeken/suggesties/"
    response = autocomplete(client, "nl", "Statush")
    assert response["Content-Type"] == "application/json"
    results = response.json()["results"]
    assert {
        "title": "Statushouders aan het werk",
        "url": site["report"].url,
        "type": "Publicatie",
    } in results
    assert all(result["url"].startswith("/nl/") for result in results)
    english = autocomplete(client, "en", "Statush").json()["results"]
    assert [result["title"] for result in english] == ["Statusholders at work"]
    assert autocomplete(client, "nl", "s").json()["results"] == []


def test_autocomplete_is_rate_limited(client, site, settings):
    settings.SEARCH_AUTOCOMPLETE_RATE = "3/m"
    statuses = [autocomplete(client, "nl", "Statush").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    assert 0 < int(autocomplete(client, "nl", "Statush")["Retry-After"]) <= 60
    other_client = autocomplete(client, "nl", "Statush", REMOTE_ADDR="192.0.2.99")
    assert other_client.status_code == 200


# Bad input: a normal page, never a 500, nothing echoed unescaped


def test_an_empty_query_shows_the_form(client, site):
    for query in ("", "   ", "?!", "''''"):
        response = get_search(client, "nl", q=query)
        assert response.status_code == 200
        assert result_titles(response) == []
        assert soup(response).find("input", id="search-q")
    assert not Query.objects.exists()


def test_a_very_long_query_is_shortened(client, site):
    response = get_search(client, "nl", q="statushouders " + "a" * 10_000)
    assert response.status_code == 200
    assert len(soup(response).find("input", id="search-q")["value"]) == 200
    assert soup(response).find(id="search-q-note")
    assert autocomplete(client, "nl", "b" * 10_000).status_code == 200


@pytest.mark.parametrize(
    "query",
    [
        "'; DROP TABLE wagtailcore_page; --",
        '"statushouders',
        "<script>alert('x')</script>",
        "statushouders & | ! ( ) : * \\",
        "%_ NEAR AND OR NOT -statushouders",
        "'statushouders'",
        "\"unbalanced 'quotes",
    ],
)
def test_metacharacters_are_searched_as_text(client, site, query):
    response = get_search(client, "nl", q=query)
    assert response.status_code == 200
    content = response.content.decode()
    assert "<script>alert" not in content
    shown = soup(response).find("input", id="search-q")["value"]
    assert shown == " ".join(query.replace('"', " ").split())
    assert autocomplete(client, "nl", query).status_code == 200


@pytest.mark.parametrize(
    "params",
    [
        {"type": "nonsense"},
        {"type": "<b>x</b>"},
        {"theme": "abc"},
        {"theme": "999999"},
        {"year": "abc"},
        {"year": "99999"},
        {"sort": "name"},
        {"q": "statushouders\x00"},
    ],
)
def test_nonsense_parameters_give_400_with_a_message(client, site, params):
    response = get_search(client, "nl", **{"q": "statushouders", **params})
    assert response.status_code == 400
    assert soup(response).select_one(".search-errors[role=alert] li")
    assert "<b>x</b>" not in response.content.decode()


@pytest.mark.parametrize("page", ["0", "-1", "abc", "99999", "1.5"])
def test_page_numbers_out_of_range_show_a_page_of_results(client, site, page):
    response = get_search(client, "nl", q="statushouders", page=page)
    assert response.status_code == 200
    assert result_titles(response)


def test_a_theme_of_the_other_language_is_not_a_filter(client, site):
    english_theme = publish_translation(site["participation"], "en", title="Participation")
    response = get_search(client, "nl", q="statushouders", theme=english_theme.pk)
    assert response.status_code == 400


# Nothing found


def test_no_results_page_links_to_the_library(client, site):
    response = get_search(client, "nl", q="xylofoon")
    assert response.status_code == 200
    empty = soup(response).select_one(".search-empty")
    assert empty.find("a", href=site["library"].url)


def test_answered_questions_are_found_with_their_theme(client, site):
    service = factories.QuestionIndexPageFactory(parent=site["library"].get_parent())
    factories.QuestionPageFactory(
        parent=service,
        title="Statushouders en vrijwilligerswerk",
        question="Mogen statushouders vrijwilligerswerk doen?",
        theme=site["participation"],
    )
    response = get_search(client, "nl", q="vrijwilligerswerk")
    assert result_titles(response) == ["Statushouders en vrijwilligerswerk"]
    assert facet(response, "Type") == {"Vraag en antwoord": 1}
    assert facet(response, "Thema") == {"Participatie": 1}
    # nothing found: the library and the question service are offered
    empty = soup(get_search(client, "nl", q="xylofoon")).select_one(".search-empty")
    assert empty.find("a", href=service.url)
    assert empty.find("a", href=site["library"].url)


def test_questions_and_publications_found_together_show_their_themes(client, site):
    service = factories.QuestionIndexPageFactory(parent=site["library"].get_parent())
    factories.QuestionPageFactory(
        parent=service,
        title="Statushouders en vrijwilligerswerk",
        question="Mogen statushouders vrijwilligerswerk doen?",
        theme=site["participation"],
    )
    response = get_search(client, "nl", q="statushouders")
    assert response.status_code == 200
    items = {
        item.find("h3").get_text(strip=True): item.select_one(".meta").get_text(" ", strip=True)
        for item in soup(response).select(".search-result")
    }
    assert "Participatie" in items["Statushouders en vrijwilligerswerk"]
    assert "Participatie" in items["Statushouders aan het werk"]


@postgres_only
def test_no_results_suggests_pages_with_similar_words(client, site):
    response = get_search(client, "nl", q="statushouuders")
    assert result_titles(response) == []
    suggestions = [a.get_text() for a in soup(response).select(".search-empty ul a")]
    assert "Statushouders aan het werk" in suggestions


# Cost


def test_the_results_page_query_count_does_not_grow_with_the_results(
    client, site, django_assert_num_queries
):
    def add_publications(start, count):
        for number in range(start, start + count):
            factories.PublicationPageFactory(
                parent=site["library"],
                title=f"Monitor {number}",
                summary="De integratiemonitor.",
                themes=[site["participation"], site["migration"]],
            )

    def count_queries():
        get_search(client, "nl", q="integratiemonitor")  # warm caches (site root, content types)
        with CaptureQueriesContext(connection) as queries:
            response = get_search(client, "nl", q="integratiemonitor")
        return response, len(queries)

    add_publications(0, 5)
    response, five = count_queries()
    assert len(result_titles(response)) == 5
    add_publications(5, 15)
    get_search(client, "nl", q="integratiemonitor")  # after a change: site-wide data afresh
    with django_assert_num_queries(five):
        response = get_search(client, "nl", q="integratiemonitor")
    assert len(result_titles(response)) == 20


def test_a_results_page_of_every_type_stays_within_15_queries_none_repeated(client, site):
    """Sorted by date, one page of results can show every page type: its specific rows are
    one query per type, the themes of all of them one query."""
    service = factories.QuestionIndexPageFactory(parent=site["library"].get_parent())
    factories.QuestionPageFactory(
        parent=service, title="Statushouders?", theme=site["participation"]
    )
    events = factories.EventIndexPageFactory(parent=site["library"].get_parent())
    factories.EventPageFactory(parent=events, title="Statushouders ontmoeten")
    get_search(client, "nl", q="statushouders", sort="date")
    with CaptureQueriesContext(connection) as queries:
        response = get_search(client, "nl", q="statushouders", sort="date")
    assert len(facet(response, "Type")) == 5
    statements = [query["sql"] for query in queries.captured_queries]
    assert len(statements) <= 15
    assert len(set(statements)) == len(statements)
