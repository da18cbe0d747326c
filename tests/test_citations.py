"""Citing a publication: Highwire Press tags, the APA-style reference, BibTeX and RIS."""

import datetime
import uuid

import pytest
import wagtail_factories

from dossiers.citations import Citation
from dossiers.models import PublicationAuthor, PublicationPage
from tests.factories import PersonFactory, PublicationPageFactory
from tests.helpers import soup

INSTITUTE = "Kennisplatform Integratie & Samenleving"


def publication_with(site_tree, authors, **fields):
    publication = PublicationPageFactory(
        parent=site_tree["library"]["nl"],
        title=fields.pop("title", "Boze burgers"),
        slug=f"publicatie-{uuid.uuid4().hex[:8]}",
        publication_date=datetime.date(2017, 3, 14),
        summary="Over onvrede en\nwantrouwen.",
        **fields,
    )
    for name in authors:
        PublicationAuthor.objects.create(publication=publication, person=PersonFactory(name=name))
    publication.save_revision().publish()
    return PublicationPage.objects.get(pk=publication.pk)


@pytest.fixture
def several_authors(site_tree):
    return publication_with(
        site_tree,
        ["Sabine de Bruijn", "Ikram Taouanza", "Jan-Willem van der Berg"],
        document=wagtail_factories.DocumentFactory(title="Boze burgers (pdf)"),
    )


def download(client, publication, extension):
    response = client.get(f"{publication.url}cite/{extension}/")
    assert response.status_code == 200
    assert response["Content-Type"].endswith("charset=utf-8")
    assert response["Content-Disposition"].startswith("attachment; filename=")
    return response.content.decode("utf-8")


def test_bibtex_of_several_authors(client, several_authors):
    bibtex = download(client, several_authors, "bibtex")
    permalink = f"http://testserver/p/{several_authors.pk}/"
    assert bibtex.startswith("@techreport{deBruijn2017Boze,\n")
    assert (
        "  author = {de Bruijn, Sabine and Taouanza, Ikram and van der Berg, Jan-Willem},\n"
        in bibtex
    )
    assert "  title = {{Boze burgers}},\n" in bibtex
    assert "  year = {2017},\n" in bibtex
    assert "  institution = {Kennisplatform Integratie \\& Samenleving},\n" in bibtex
    assert f"  url = {{{permalink}}}" in bibtex
    assert f"  file = {{http://testserver{several_authors.document.url}}}" in bibtex
    assert bibtex.rstrip().endswith("}")
    assert bibtex.count("{") == bibtex.count("}")


def test_ris_of_several_authors(client, several_authors):
    ris = download(client, several_authors, "ris")
    lines = ris.split("\r\n")
    assert lines[0] == "TY  - RPRT"
    assert [line for line in lines if line.startswith("AU  - ")] == [
        "AU  - de Bruijn, Sabine",
        "AU  - Taouanza, Ikram",
        "AU  - van der Berg, Jan-Willem",
    ]
    assert "PY  - 2017" in lines
    assert "DA  - 2017/03/14/" in lines
    assert "AB  - Over onvrede en wantrouwen." in lines
    assert f"UR  - http://testserver/p/{several_authors.pk}/" in lines
    assert f"L1  - http://testserver{several_authors.document.url}" in lines
    assert lines[-2:] == ["ER  - ", ""]


def test_without_authors_the_institute_is_the_author(client, site_tree):
    publication = publication_with(
        site_tree, [], publication_type=PublicationPage.Type.BLOG, title="Vijf lessen"
    )
    bibtex = download(client, publication, "bibtex")
    assert bibtex.startswith("@online{Kennisplatform2017Vijf,")
    assert "  author = {{Kennisplatform Integratie \\& Samenleving}},\n" in bibtex
    assert "  publisher = {Kennisplatform Integratie \\& Samenleving},\n" in bibtex
    ris = download(client, publication, "ris")
    assert "TY  - BLOG\r\n" in ris
    assert f"AU  - {INSTITUTE}\r\n" in ris
    assert "L1  - " not in ris


def test_non_ascii_names_keep_their_letters(client, site_tree):
    publication = publication_with(
        site_tree, ["Özlem Yıldız", "Søren Ærø"], title="Één taal, twee culturen"
    )
    bibtex = download(client, publication, "bibtex")
    assert bibtex.startswith("@techreport{Yildiz2017Een,")
    assert "author = {Yıldız, Özlem and Ærø, Søren}" in bibtex
    assert "title = {{Één taal, twee culturen}}" in bibtex
    ris = download(client, publication, "ris")
    assert "AU  - Yıldız, Özlem\r\nAU  - Ærø, Søren\r\n" in ris
    assert "TI  - Één taal, twee culturen\r\n" in ris


def test_bibtex_escapes_latex_specials(client, site_tree):
    publication = publication_with(site_tree, ["Anna Jansen"], title="50% meer_kansen & {zo}")
    assert "title = {{50\\% meer\\_kansen \\& \\{zo\\}}}" in download(client, publication, "bibtex")


def test_the_english_translation_is_cited_in_english(client, site_tree):
    ris = download(client, site_tree["publication"]["en"], "ris")
    assert "TI  - Angry citizens\r\n" in ris
    assert "LA  - en\r\n" in ris


def apa(client, publication):
    return str(client.get(publication.url).context["citation"].apa_html)


def test_apa_reference_of_several_authors(client, several_authors):
    permalink = f"http://testserver/p/{several_authors.pk}/"
    assert apa(client, several_authors) == (
        "de Bruijn, S., Taouanza, I., &amp; van der Berg, J.-W. (2017). <i>Boze burgers</i>. "
        f'Kennisplatform Integratie &amp; Samenleving. <a href="{permalink}">{permalink}</a>'
    )


def test_apa_reference_of_one_author_with_a_non_ascii_name(client, site_tree):
    publication = publication_with(site_tree, ["Özlem Yıldız"], title="Wie is wie?")
    assert apa(client, publication).startswith("Yıldız, Ö. (2017). <i>Wie is wie?</i> ")


def test_apa_reference_without_authors_names_the_institute_once(client, site_tree):
    blog = publication_with(
        site_tree, [], publication_type=PublicationPage.Type.BLOG, title="Vijf lessen"
    )
    reference = apa(client, blog)
    assert reference.startswith(
        "Kennisplatform Integratie &amp; Samenleving. (2017). Vijf lessen. "
        "<i>Kennisplatform Integratie &amp; Samenleving</i>. <a href="
    )
    video = publication_with(
        site_tree, [], publication_type=PublicationPage.Type.VIDEO, title="Dit ben ik!"
    )
    assert apa(client, video).startswith(
        "Kennisplatform Integratie &amp; Samenleving. (2017). <i>Dit ben ik!</i> [Video]. <a "
    )


def test_apa_reference_of_more_than_twenty_authors(client, site_tree):
    names = [f"Auteur Nummer{number}" for number in range(1, 23)]
    publication = publication_with(site_tree, names)
    reference = apa(client, publication)
    assert reference.startswith("Nummer1, A., Nummer2, A., ")
    assert "Nummer19, A., … Nummer22, A. (2017)" in reference
    assert "Nummer20" not in reference


def test_publication_pages_carry_highwire_tags_and_a_cite_block(client, several_authors):
    response = client.get(several_authors.url)
    html = soup(response)
    head = html.find("head")

    def tags(name):
        return [tag["content"] for tag in head.find_all("meta", attrs={"name": name})]

    assert tags("citation_title") == ["Boze burgers"]
    assert tags("citation_author") == [
        "de Bruijn, Sabine",
        "Taouanza, Ikram",
        "van der Berg, Jan-Willem",
    ]
    assert tags("citation_publication_date") == ["2017/03/14"]
    assert tags("citation_publisher") == [INSTITUTE]
    assert tags("citation_pdf_url") == [f"http://testserver{several_authors.document.url}"]
    assert tags("citation_language") == ["nl"]

    block = html.find("section", attrs={"aria-labelledby": "cite-heading"})
    assert block.find("h2").get_text() == "Citeer dit"
    assert block.find(id="apa-reference").get_text().startswith("de Bruijn, S., Taouanza, I.,")
    links = {a["href"] for a in block.find_all("a", download=True)}
    assert links == {f"{several_authors.url}cite/bibtex/", f"{several_authors.url}cite/ris/"}


def test_without_authors_the_institute_is_the_highwire_author(client, site_tree):
    html = soup(client.get(site_tree["publication"]["en"].url))
    authors = html.find("head").find_all("meta", attrs={"name": "citation_author"})
    assert [tag["content"] for tag in authors] == [INSTITUTE]


def test_a_publication_never_saved_is_cited_without_a_link(rf, site_tree):
    """The editor's preview before the first save: no permanent link yet, and no "None"."""
    publication = PublicationPage(
        title="Nog niet opgeslagen",
        publication_date=datetime.date(2017, 3, 14),
        publication_type=PublicationPage.Type.REPORT,
        locale=site_tree["library"]["nl"].locale,
    )
    reference = str(Citation(publication, rf.get("/")).apa_html)
    assert reference.startswith("Kennisplatform Integratie &amp; Samenleving. (2017). ")
    assert "None" not in reference and "<a " not in reference
