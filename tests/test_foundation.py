"""The skeleton: locales, base template, operational endpoints, admin, settings."""

from pathlib import Path

from django.test import RequestFactory
from django.views.defaults import server_error

from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

import pytest

from home.models import HomePage, StandardPage
from tests.editing import EditorPageTestCase
from tests.factories import StandardPageFactory
from tests.helpers import publish_translation, run_manage, soup

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def about(home):
    page = StandardPageFactory(
        parent=home["nl"],
        title="Over ons",
        slug="over-ons",
        intro="Wie we zijn en hoe we werken.",
        search_description="",
    )
    english = publish_translation(
        page, "en", title="About us", slug="about-us", intro="Who we are and how we work."
    )
    return {"nl": page, "en": english}


@pytest.mark.parametrize(
    ("language", "title", "description"),
    [
        ("nl", "Kennisplatform Integratie & Samenleving", "Kennis over integratie"),
        ("en", "Knowledge Platform Integration & Society", "Knowledge on integration"),
    ],
)
def test_home_page_renders_in_each_language(client, home, language, title, description):
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    html = soup(response)
    assert html.html["lang"] == language
    assert html.find("h1").get_text() == title
    assert len(html.find_all("h1")) == 1
    assert html.find("meta", attrs={"name": "description"})["content"].startswith(description)
    assert html.find("link", rel="canonical")["href"] == f"http://testserver/{language}/"
    hreflangs = {link["hreflang"]: link["href"] for link in html.find_all("link", hreflang=True)}
    assert hreflangs == {"nl": "http://testserver/nl/", "en": "http://testserver/en/"}
    assert html.find("meta", property="og:title")["content"] == title
    assert html.find("a", class_="skip-link")["href"] == "#main-content"
    assert html.find("main", id="main-content") is not None


@pytest.mark.parametrize(
    ("path", "language", "title", "description", "other"),
    [
        ("/nl/over-ons/", "nl", "Over ons", "Wie we zijn", "/en/about-us/"),
        ("/en/about-us/", "en", "About us", "Who we are", "/nl/over-ons/"),
    ],
)
def test_standard_page_renders_with_meta_and_language_switcher(
    client, about, path, language, title, description, other
):
    response = client.get(path)
    assert response.status_code == 200
    html = soup(response)
    assert html.html["lang"] == language
    assert html.title.get_text().startswith(title)
    assert html.find("h1").get_text() == title
    # the intro is the meta description when no search description was written
    assert html.find("meta", attrs={"name": "description"})["content"].startswith(description)
    assert html.find("link", rel="canonical")["href"] == f"http://testserver{path}"
    switcher = html.find("nav", class_="language-switcher")
    assert switcher.find("a", href=other) is not None


def test_language_switcher_leaves_out_untranslated_pages(client, home):
    StandardPageFactory(parent=home["nl"], title="Alleen Nederlands", slug="alleen-nl")
    html = soup(client.get("/nl/alleen-nl/"))
    assert html.find("nav", class_="language-switcher") is None
    assert [link["hreflang"] for link in html.find_all("link", hreflang=True)] == ["nl"]


@pytest.mark.parametrize(
    ("accept", "target"), [("", "/nl/"), ("en-GB,en;q=0.9", "/en/"), ("nl", "/nl/"), ("de", "/nl/")]
)
def test_root_redirects_to_a_locale(client, home, accept, target):
    response = client.get("/", headers={"accept-language": accept} if accept else {})
    assert response.status_code == 302
    assert response["Location"] == target


def test_healthz_answers_while_the_process_runs_without_asking_the_database(client):
    # no database access is allowed in this test (pytest-django blocks it)
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_robots_and_sitemap_cover_both_locales(client, about):
    robots = client.get("/robots.txt")
    assert robots.status_code == 200
    assert "Sitemap: http://testserver/sitemap.xml" in robots.content.decode()
    sitemap = client.get("/sitemap.xml")
    assert sitemap.status_code == 200
    xml = sitemap.content.decode()
    for url in ("/nl/", "/en/", "/nl/over-ons/", "/en/about-us/"):
        assert f"<loc>http://testserver{url}</loc>" in xml
    assert 'hreflang="en" href="http://testserver/en/about-us/"' in xml


def test_favicon_and_static_css_are_served(client, db):
    assert client.get("/favicon.ico").status_code == 200
    assert client.get("/static/favicon.svg").status_code == 200


def test_unknown_page_gives_the_404_page(client, home):
    response = client.get("/nl/bestaat-niet/")
    assert response.status_code == 404
    assert "Pagina niet gevonden" in response.content.decode()


def test_500_page_renders_without_a_database():
    # no database access is allowed in this test (pytest-django blocks it)
    response = server_error(RequestFactory().get("/nl/"))
    assert response.status_code == 500
    assert "Er ging iets mis" in response.content.decode()


def test_admin_login_page_loads_in_dutch(client, db):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert 'lang="nl"' in response.content.decode()


class TestEditorsCreatePages(EditorPageTestCase):
    def test_editor_can_create_a_standard_page(self):
        self.assertCanCreateAt(HomePage, StandardPage)
        self.assertCanCreate(
            self.home,
            StandardPage,
            nested_form_data(
                {
                    "title": "Toegankelijkheidsverklaring",
                    "slug": "toegankelijkheid",
                    "intro": "Hoe toegankelijk deze site is.",
                    "body": streamfield(
                        [("paragraph", rich_text("<p>Wij volgen WCAG 2.1 AA.</p>"))]
                    ),
                }
            ),
        )
        page = StandardPage.objects.get(slug="toegankelijkheid")
        self.assertEqual(page.intro, "Hoe toegankelijk deze site is.")

    def test_page_placement_rules(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertCanNotCreateAt(StandardPage, HomePage)


def test_production_settings_refuse_to_start_without_secret_key():
    result = run_manage("site_cms.settings.production", "check")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_deploy_check_is_clean_under_production_settings():
    result = run_manage(
        "site_cms.settings.production",
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        extra_env={
            "SECRET_KEY": "x" * 20 + "-long-random-production-key-" + "y" * 30,
            "ALLOWED_HOSTS": "kennisplatform.example",
        },
    )
    assert result.returncode == 0, result.stderr + result.stdout
