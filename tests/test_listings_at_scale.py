"""Listings that grow with an institute's work: paginated, at a constant number of queries,
private items never shown (docs/performance.md, "At institute scale")."""

import pytest

from partners.models import PartnerIndexPage
from tests import factories
from tests.helpers import count_queries, get_html, texts


@pytest.fixture
def partners_index(home):
    return factories.PartnerIndexPageFactory(parent=home["nl"])


def add_partners(count, kind="municipality", start=0):
    return [
        factories.PartnerFactory(name=f"Partner {number:03d}", kind=kind)
        for number in range(start, start + count)
    ]


def test_partner_index_shows_one_page_of_partners_and_every_kind_counted(client, partners_index):
    add_partners(PartnerIndexPage.PER_PAGE + 5)
    factories.PartnerFactory(name="Zeta kennis", kind="knowledge_institute")
    factories.PartnerFactory(name="Concept", kind="ngo", live=False)

    first = get_html(client, "/nl/partners/")
    names = texts(first, ".partner__name")
    assert len(names) == PartnerIndexPage.PER_PAGE
    assert names[:2] == ["Partner 000", "Partner 001"]
    assert texts(first, "nav.toc a") == ["Gemeente (65)", "Kennisinstituut (1)"]
    assert texts(first, "nav.pagination [aria-current=page]") == ["1"]
    assert "Concept" not in first.get_text()

    second = get_html(client, "/nl/partners/?page=2")
    assert texts(second, ".partner__name") == [
        *(f"Partner {number:03d}" for number in range(60, 65)),
        "Zeta kennis",
    ]
    assert texts(second, "main section h2") == ["Gemeente", "Kennisinstituut"]
    assert texts(second, "nav.pagination [aria-current=page]") == ["2"]

    only_institutes = get_html(client, "/nl/partners/?kind=knowledge_institute")
    assert texts(only_institutes, ".partner__name") == ["Zeta kennis"]
    assert not only_institutes.select("nav.pagination")


def test_partner_index_costs_the_same_queries_for_one_page_or_many(client, partners_index):
    add_partners(3)
    queries = count_queries(client, "/nl/partners/")
    add_partners(PartnerIndexPage.PER_PAGE * 2, kind="ngo", start=3)
    assert count_queries(client, "/nl/partners/") == queries
    assert count_queries(client, "/nl/partners/?page=2") == queries


def test_long_pagination_links_the_ends_and_the_neighbours_only(
    client, partners_index, monkeypatch
):
    monkeypatch.setattr(PartnerIndexPage, "PER_PAGE", 2)
    add_partners(2 * 16)
    html = get_html(client, "/nl/partners/?page=8")
    shown = [item.get_text(" ", strip=True) for item in html.select("nav.pagination li")]
    assert shown == [
        "Vorige",
        *("Pagina 1", "Pagina 2", "…"),
        *("Pagina 5", "Pagina 6", "Pagina 7", "8", "Pagina 9", "Pagina 10", "Pagina 11"),
        *("…", "Pagina 15", "Pagina 16"),
        "Volgende",
    ]
    assert texts(html, ".partner__name") == ["Partner 014", "Partner 015"]
