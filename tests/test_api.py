"""The read-only public API at /api/v2/: filters, fields, CORS, caching and the rate limit."""

import wagtail_factories

from core.models import Partner
from dossiers.models import PublicationAuthor
from tests.factories import (
    PartnerFactory,
    PersonFactory,
    ProjectPageFactory,
    PublicationPageFactory,
)
from tests.helpers import count_queries


def get(client, url, **extra):
    response = client.get(url, **extra)
    assert response.status_code == 200, response.content
    return response.json()


def titles(data):
    return [item["title"] for item in data["items"]]


def test_pages_filtered_by_type_and_language(client, site_tree):
    data = get(client, "/api/v2/pages/?type=themes.ProjectPage&locale=en")
    assert titles(data) == ["This is me! (en)"]
    [item] = data["items"]
    assert item["meta"]["locale"] == "en"
    assert item["meta"]["html_url"] == "http://testserver/en/themes/participation/this-is-me-en/"
    assert titles(get(client, "/api/v2/pages/?type=themes.ThemePage&locale=nl")) == [
        "Participatie",
        "Inclusie",
    ]
    library = get(client, "/api/v2/pages/?type=dossiers.PublicationPage&locale=nl")
    assert titles(library) == ["Boze burgers"]


def test_a_project_carries_its_period_status_partners_result_and_permanent_link(client, site_tree):
    ministry = PartnerFactory(name="Ministerie van SZW", slug="szw", kind=Partner.Kind.MINISTRY)
    project = site_tree["project"]["en"]
    project.partners.set([ministry])
    project.result_page = site_tree["publication"]["nl"]
    project.save_revision().publish()
    fields = "summary,start_year,status,partner_organisations,result_full_url,permalink"
    data = get(client, f"/api/v2/pages/{project.pk}/?fields={fields}")
    assert data["summary"] == "A project."
    assert data["start_year"] == 2017
    assert data["status"] == "running"
    assert data["partner_organisations"] == [
        {"name": "Ministerie van SZW", "slug": "szw", "kind": "ministry", "website": ""}
    ]
    # the result in the project's language
    assert data["result_full_url"] == "http://testserver/en/library/angry-citizens/"
    assert data["permalink"] == f"http://testserver/p/{project.pk}/"


def test_a_publication_carries_its_authors_themes_and_document(client, site_tree):
    publication = site_tree["publication"]["en"]
    publication.document = wagtail_factories.DocumentFactory(title="Angry citizens (pdf)")
    publication.themes.set([site_tree["theme"]["nl"]])
    PublicationAuthor.objects.create(
        publication=publication, person=PersonFactory(name="Ö. Yıldız")
    )
    publication.save_revision().publish()
    data = get(client, f"/api/v2/pages/{publication.pk}/")
    assert data["publication_type"] == "report"
    assert data["publication_date"] == "2017-06-01"
    assert data["author_names"] == ["Ö. Yıldız"]
    assert data["theme_titles"] == ["Participation"]
    assert data["document"]["title"] == "Angry citizens (pdf)"
    assert (
        data["document"]["meta"]["download_url"] == f"http://testserver{publication.document.url}"
    )


def test_partners_filtered_by_kind_and_language(client, site_tree):
    ministry = PartnerFactory(name="Ministerie van SZW", kind=Partner.Kind.MINISTRY)
    PartnerFactory(name="Gemeente Utrecht")
    PartnerFactory(name="Concept", kind=Partner.Kind.MINISTRY, live=False)
    english = ministry.copy_for_translation(site_tree["project"]["en"].locale)
    english.name = "Ministry of Social Affairs"
    english.save()

    data = get(client, "/api/v2/partners/?kind=ministry&locale=nl")
    assert [item["name"] for item in data["items"]] == ["Ministerie van SZW"]
    assert data["items"][0]["meta"]["locale"] == "nl"
    english_data = get(client, "/api/v2/partners/?locale=en")
    assert [item["name"] for item in english_data["items"]] == ["Ministry of Social Affairs"]
    assert get(client, "/api/v2/partners/")["meta"]["total_count"] == 3


def test_images_and_documents_are_listed(client, site_tree):
    wagtail_factories.ImageFactory(title="Logo")
    report = wagtail_factories.DocumentFactory(title="Jaarbericht 2017")
    wagtail_factories.DocumentFactory(title="Concept, nergens gebruikt")
    publication = site_tree["publication"]["nl"]
    publication.document = report
    publication.save_revision().publish()
    assert titles(get(client, "/api/v2/images/")) == ["Logo"]
    # only documents that something public uses (docs/security.md)
    assert titles(get(client, "/api/v2/documents/")) == ["Jaarbericht 2017"]


def test_answers_are_open_to_every_origin_and_cacheable(client, site_tree):
    response = client.get("/api/v2/pages/", HTTP_ORIGIN="https://gemeente.example")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "public" in response["Cache-Control"]
    assert "max-age=300" in response["Cache-Control"]
    preflight = client.options("/api/v2/pages/", HTTP_ORIGIN="https://gemeente.example")
    assert preflight["Access-Control-Allow-Origin"] == "*"
    assert "GET" in preflight["Access-Control-Allow-Methods"]


def test_the_api_is_read_only(client, site_tree):
    response = client.post("/api/v2/pages/", {"title": "Nieuw"})
    assert response.status_code == 405
    assert response["Access-Control-Allow-Origin"] == "*"


def test_a_missing_object_is_not_found_not_redirected(client, site_tree):
    response = client.get("/api/v2/pages/999999/")
    assert response.status_code == 404
    assert response.json()["message"]


def test_an_unknown_search_operator_is_a_bad_request_not_a_server_error(client, site_tree):
    for operator in ("%ff", "xor", ""):
        response = client.get(f"/api/v2/pages/?search=0&search_operator={operator}")
        assert response.status_code == 400, operator
        assert response.json()["message"] == "search_operator must be 'and' or 'or'"
    # the two operators pass, in any case
    for operator in ("and", "OR"):
        response = client.get(f"/api/v2/pages/?search=boze&search_operator={operator}")
        assert "search_operator" not in response.json().get("message", ""), operator


def test_too_many_requests_from_one_client_get_429(client, site_tree, settings):
    settings.API_RATE_LIMIT = "3/m"
    for _attempt in range(3):
        assert client.get("/api/v2/pages/").status_code == 200
    response = client.get("/api/v2/pages/")
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 60
    assert response["Access-Control-Allow-Origin"] == "*"
    # another client is not held back
    assert client.get("/api/v2/pages/", REMOTE_ADDR="198.51.100.4").status_code == 200


def test_listings_cost_the_same_number_of_queries_however_many_items(client, site_tree):
    urls = [
        "/api/v2/pages/?type=themes.ProjectPage&locale=nl&fields=summary,status,permalink",
        "/api/v2/pages/?type=dossiers.PublicationPage&fields=author_names,permalink",
        "/api/v2/partners/?locale=nl",
    ]

    def add(count):
        for _number in range(count):
            project = ProjectPageFactory(parent=site_tree["theme"]["nl"])
            project.partners.set([PartnerFactory()])
            project.save_revision().publish()
            publication = PublicationPageFactory(parent=site_tree["library"]["nl"])
            PublicationAuthor.objects.create(publication=publication, person=PersonFactory())

    add(2)
    few = [count_queries(client, url) for url in urls]
    add(4)
    assert [count_queries(client, url) for url in urls] == few
