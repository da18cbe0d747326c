"""Rich previews (OpenGraph, Twitter card, share images) and schema.org JSON-LD."""

import datetime
import io
import json

from django.core.files.storage import default_storage

from wagtail.rich_text import RichText

import pytest
import wagtail_factories
from PIL import Image

from core.models import Partner
from core.permalinks import share_images
from dossiers.models import PublicationAuthor, PublicationPage
from tests.factories import (
    PartnerFactory,
    PersonFactory,
    PublicationPageFactory,
    QuestionIndexPageFactory,
    QuestionPageFactory,
)
from tests.helpers import get_html, soup


def json_ld(response):
    """The parsed JSON-LD items of a page, by type (each page has exactly one script)."""
    assert response.status_code == 200
    scripts = soup(response).find_all("script", type="application/ld+json")
    assert len(scripts) == 1
    document = json.loads(scripts[0].string)
    assert document["@context"] == "https://schema.org"
    items = {}
    for item in document["@graph"]:
        items.setdefault(item["@type"], []).append(item)
    return items


def meta(html, key, value):
    tag = html.find("meta", attrs={key: value})
    return tag["content"] if tag else None


def test_home_page_describes_the_institute(client, site_tree):
    items = json_ld(client.get("/nl/"))
    [institute] = items["Organization"]
    assert institute["name"] == "Kennisplatform Integratie & Samenleving"
    assert institute["url"] == "http://testserver/"
    assert items["WebSite"][0]["inLanguage"] == "nl"
    assert items["BreadcrumbList"][0]["itemListElement"][0]["item"] == "http://testserver/nl/"


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_page_has_its_breadcrumb_trail(client, site_tree, language):
    for name, pages in site_tree.items():
        page = pages[language]
        [trail] = json_ld(client.get(page.url))["BreadcrumbList"]
        elements = trail["itemListElement"]
        assert [element["position"] for element in elements] == list(range(1, len(elements) + 1)), (
            name
        )
        assert elements[0]["item"] == f"http://testserver/{language}/"
        assert elements[-1]["item"] == page.full_url
        assert elements[-1]["name"] == page.title


def test_a_project_names_ministries_as_funders_and_other_partners_as_members(client, site_tree):
    ministry = PartnerFactory(name="Ministerie van SZW", kind=Partner.Kind.MINISTRY)
    municipality = PartnerFactory(name="Gemeente Utrecht", website="https://utrecht.example")
    english = municipality.copy_for_translation(site_tree["project"]["en"].locale)
    english.name = "Municipality of Utrecht"
    english.save()
    project = site_tree["project"]["nl"]
    project.partners.set([ministry, municipality])
    project.save_revision().publish()
    site_tree["project"]["en"].partners.set([ministry, municipality])
    site_tree["project"]["en"].save_revision().publish()

    [item] = json_ld(client.get(project.url))["ResearchProject"]
    assert item["name"] == "This is me!"
    assert item["foundingDate"] == "2017"
    assert item["funder"] == [{"@type": "Organization", "name": "Ministerie van SZW"}]
    assert item["member"] == [
        {"@type": "Organization", "name": "Gemeente Utrecht", "url": "https://utrecht.example"}
    ]
    [english_item] = json_ld(client.get(site_tree["project"]["en"].url))["ResearchProject"]
    assert english_item["member"][0]["name"] == "Municipality of Utrecht"


@pytest.mark.parametrize(
    ("publication_type", "schema_type"),
    [
        (PublicationPage.Type.REPORT, "Report"),
        (PublicationPage.Type.ARTICLE, "ScholarlyArticle"),
        (PublicationPage.Type.BLOG, "BlogPosting"),
    ],
)
def test_a_publication_carries_its_type_authors_date_and_file(
    client, site_tree, publication_type, schema_type
):
    document = wagtail_factories.DocumentFactory(title="Rapport (pdf)")
    publication = PublicationPageFactory(
        parent=site_tree["library"]["nl"],
        title="Vluchtelingen in getallen",
        publication_type=publication_type,
        publication_date=datetime.date(2017, 3, 14),
        document=document,
    )
    for name in ["Özlem Yıldız", "Jan van der Berg"]:
        PublicationAuthor.objects.create(publication=publication, person=PersonFactory(name=name))
    publication.themes.set([site_tree["theme"]["nl"]])
    publication.save_revision().publish()

    [item] = json_ld(client.get(publication.url))[schema_type]
    assert item["headline"] == "Vluchtelingen in getallen"
    assert item["datePublished"] == "2017-03-14"
    assert item["author"] == [
        {"@type": "Person", "name": "Özlem Yıldız"},
        {"@type": "Person", "name": "Jan van der Berg"},
    ]
    assert item["publisher"]["name"] == "Kennisplatform Integratie & Samenleving"
    assert item["about"] == ["Participatie"]
    assert item["encoding"]["contentUrl"] == f"http://testserver{document.url}"


def test_a_publication_without_authors_is_by_the_institute(client, site_tree):
    [item] = json_ld(client.get(site_tree["publication"]["en"].url))["Report"]
    assert item["author"] == [item["publisher"]]
    assert item["author"][0]["@type"] == "Organization"
    assert item["inLanguage"] == "en"


def test_json_ld_cannot_be_broken_out_of(client, site_tree):
    title = 'Wat "zij" zeggen </script><script>alert(1)</script> & meer'
    publication = PublicationPageFactory(parent=site_tree["library"]["nl"], title=title)
    response = client.get(publication.url)
    assert "<script>alert(1)" not in response.content.decode()
    [item] = json_ld(response)["Report"]
    assert item["name"] == title


def test_pages_without_an_image_are_shared_with_a_card_of_their_title(client, site_tree):
    project = site_tree["project"]["nl"]
    html = get_html(client, project.url)
    image_url = meta(html, "property", "og:image")
    assert image_url.startswith(f"http://testserver/share-image/{project.pk}.png?v=")
    assert meta(html, "name", "twitter:card") == "summary_large_image"
    assert meta(html, "name", "twitter:image") == image_url
    assert meta(html, "property", "og:title") == "This is me!"
    assert meta(html, "property", "og:url") == project.full_url
    assert meta(html, "property", "og:image:width") == "1200"
    assert meta(html, "property", "og:image:height") == "630"

    response = client.get(image_url.removeprefix("http://testserver"))
    assert response["Content-Type"] == "image/png"
    assert "max-age=31536000" in response["Cache-Control"]
    card = Image.open(io.BytesIO(b"".join(response.streaming_content)))
    assert card.size == (1200, 630)
    assert default_storage.exists(share_images.share_image_name(project))


def test_a_card_is_drawn_once_and_again_after_a_rename(client, site_tree, monkeypatch):
    drawn = []
    draw = share_images.draw_share_image
    monkeypatch.setattr(share_images, "draw_share_image", lambda *a: drawn.append(a) or draw(*a))
    publication = site_tree["publication"]["nl"]
    for _attempt in range(2):
        assert client.get(f"/share-image/{publication.pk}.png").status_code == 200
    assert drawn == [("Boze burgers", "Kennisplatform Integratie & Samenleving")]
    old_name = share_images.share_image_name(publication)

    publication.title = "Boze burgers: een verkenning"
    publication.save_revision().publish()
    assert client.get(f"/share-image/{publication.pk}.png").status_code == 200
    assert drawn[-1][0] == "Boze burgers: een verkenning"
    assert not default_storage.exists(old_name)


def test_a_page_with_its_own_image_is_shared_with_a_rendition_of_it(client, site_tree):
    project = site_tree["project"]["nl"]
    project.social_image = wagtail_factories.ImageFactory(width=2000, height=1400)
    project.save_revision().publish()
    html = get_html(client, project.url)
    assert ".fill-1200x630" in meta(html, "property", "og:image")
    assert meta(html, "name", "twitter:card") == "summary_large_image"


def test_no_card_for_pages_that_are_not_live(client, site_tree):
    page = site_tree["publication"]["nl"]
    page.unpublish()
    assert client.get(f"/share-image/{page.pk}.png").status_code == 404
    assert client.get("/share-image/999999.png").status_code == 404


def test_an_answered_question_is_a_qa_page(client, site_tree):
    index = QuestionIndexPageFactory(parent=site_tree["home"]["nl"])
    question = QuestionPageFactory(
        parent=index,
        title="Wat is inburgering?",
        question="Wat houdt de inburgeringsplicht in?",
        answer=[("paragraph", RichText("<p>Nieuwkomers leren de taal &amp; de samenleving.</p>"))],
    )
    [page] = json_ld(client.get(question.url))["QAPage"]
    entity = page["mainEntity"]
    assert entity["@type"] == "Question"
    assert entity["name"] == "Wat is inburgering?"
    assert entity["text"] == "Wat houdt de inburgeringsplicht in?"
    assert entity["answerCount"] == 1
    assert entity["acceptedAnswer"]["@type"] == "Answer"
    assert entity["acceptedAnswer"]["text"] == "Nieuwkomers leren de taal & de samenleving."
    assert entity["acceptedAnswer"]["author"]["name"] == "Kennisplatform Integratie & Samenleving"
