"""Permanent links /p/<id>/: they follow renames and moves, and say 410 once a page is gone."""

from wagtail.models import Page

import pytest

from core.models import Permalink
from tests.factories import ProjectPageFactory
from tests.helpers import soup


def get(client, page_id, language="nl"):
    return client.get(f"/p/{page_id}/", HTTP_ACCEPT_LANGUAGE=language)


@pytest.mark.parametrize("language", ["nl", "en"])
def test_redirects_permanently_to_the_page_in_the_visitors_language(client, site_tree, language):
    project = site_tree["project"]
    for page in project.values():
        response = get(client, page.pk, language)
        assert response.status_code == 301
        assert response["Location"] == project[language].url
        assert "Accept-Language" in response["Vary"]
        assert "max-age=3600" in response["Cache-Control"]


def test_without_a_translation_in_the_visitors_language_it_leads_to_the_page_itself(
    client, site_tree
):
    untranslated = ProjectPageFactory(parent=site_tree["theme"]["nl"], slug="alleen-nl")
    response = get(client, untranslated.pk, "en")
    assert response["Location"] == "/nl/themas/participatie/alleen-nl/"


def test_the_link_survives_a_rename(client, site_tree):
    project = site_tree["project"]["nl"]
    project.slug = "dit-ben-ik"
    project.title = "Dit ben ik!"
    project.save_revision().publish()
    response = get(client, project.pk)
    assert response.status_code == 301
    assert response["Location"] == "/nl/themas/participatie/dit-ben-ik/"
    assert client.get(response["Location"]).status_code == 200


def test_the_link_survives_a_move(client, site_tree):
    project = site_tree["project"]["nl"]
    project.move(site_tree["other_theme"]["nl"], pos="last-child")
    response = get(client, project.pk)
    assert response["Location"] == "/nl/themas/inclusie/this-is-me/"
    assert client.get(response["Location"]).status_code == 200


def test_a_deleted_page_is_gone_with_a_way_on(client, site_tree):
    project = site_tree["project"]
    for page in project.values():
        Page.objects.get(pk=page.pk).delete()
    response = get(client, project["en"].pk, "en")
    assert response.status_code == 410
    html = soup(response)
    assert html.find("h1").get_text() == "This page has been removed"
    links = {a["href"] for a in html.select("main a")}
    # the theme it was in, all themes, the library
    assert {"/en/themes/participation/", "/en/themes/", "/en/library/"} <= links
    record = Permalink.objects.get(page_id=project["en"].pk)
    assert record.deleted_at is not None
    assert record.title == "This is me! (en)"


def test_when_one_translation_is_deleted_the_link_leads_to_another(client, site_tree):
    project = site_tree["project"]
    Page.objects.get(pk=project["en"].pk).delete()
    response = get(client, project["en"].pk, "en")
    assert response.status_code == 301
    assert response["Location"] == project["nl"].url


def test_a_deleted_theme_takes_its_projects_links_to_gone(client, site_tree):
    project = site_tree["project"]["nl"]
    for theme in site_tree["theme"].values():
        Page.objects.get(pk=theme.pk).delete()
    response = get(client, project.pk)
    assert response.status_code == 410
    assert Permalink.objects.get(page_id=project.pk).deleted_at is not None


def test_ids_that_never_had_a_link_are_not_found(client, site_tree):
    assert get(client, 999_999).status_code == 404
    # a theme page has no permanent link
    assert get(client, site_tree["theme"]["nl"].pk).status_code == 404


def test_an_unpublished_page_is_not_found_rather_than_gone(client, site_tree):
    publication = site_tree["publication"]
    for page in publication.values():
        page.unpublish()
    assert get(client, publication["nl"].pk).status_code == 404


def test_every_project_and_publication_has_its_link_recorded(site_tree):
    ids = {page.pk for name in ("project", "publication") for page in site_tree[name].values()}
    assert set(Permalink.objects.values_list("page_id", flat=True)) == ids


def test_unknown_paths_without_language_still_redirect_to_a_language(client, site_tree):
    response = client.get("/themas/", HTTP_ACCEPT_LANGUAGE="nl")
    assert response.status_code == 302
    assert response["Location"] == "/nl/themas/"


def test_project_and_publication_pages_show_their_link_with_a_copy_button(client, site_tree):
    for name in ("project", "publication"):
        page = site_tree[name]["en"]
        html = soup(client.get(page.url))
        field = html.find("input", id="permalink")
        assert field["value"] == f"http://testserver/p/{page.pk}/"
        assert field.has_attr("readonly")
        assert html.find("label", attrs={"for": "permalink"}).get_text() == "Permanent link"
        # the copy button appears only with JavaScript (an external file: the CSP allows no
        # inline script)
        button = html.find("button", attrs={"data-copy": "permalink"})
        assert button.has_attr("hidden")
        assert html.find("script", src="/static/js/copy.js")
        assert not [s for s in html.find_all("script") if s.string and s.get("type") is None]


def test_a_project_page_offers_a_card_to_paste(client, site_tree):
    project = site_tree["project"]["nl"]
    html = soup(client.get(project.url))
    section = html.find("section", attrs={"aria-labelledby": "link-to-us-heading"})
    assert section.find("h2").get_text() == "Link naar dit project"
    snippet = section.find("textarea", id="project-card-html")
    assert snippet.has_attr("readonly")
    card = soup(snippet.get_text())
    assert card.find("a")["href"] == f"http://testserver/p/{project.pk}/"
    assert card.find("a").get_text() == "This is me!"
    assert "Participatie · 2017" in card.get_text()
    assert "Een project van" in card.get_text()
    assert not card.find(["script", "iframe", "style", "img"])
    assert not any(tag.has_attr("style") or tag.has_attr("onclick") for tag in card.find_all())
