"""Security headers, the Content-Security-Policy, admin login throttling and upload limits."""

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

import pytest

from tests.factories import StandardPageFactory


def directives(response):
    policy = response["Content-Security-Policy"]
    return {
        name: values
        for name, _space, values in (part.strip().partition(" ") for part in policy.split(";"))
    }


@pytest.mark.parametrize("path", ["/nl/", "/en/", "/nl/bestaat-niet/"])
def test_public_pages_send_a_strict_policy_and_security_headers(client, home, path):
    response = client.get(path)
    csp = directives(response)
    assert csp["default-src"] == "'self'"
    assert csp["frame-ancestors"] == "'self'"
    assert csp["object-src"] == "'none'"
    for name, values in csp.items():
        assert "unsafe-inline" not in values, name
        assert "http" not in values, f"{name} allows another host: {values}"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert "camera=()" in response["Permissions-Policy"]
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_admin_page_editor_and_preview_work_under_their_policies(client, home, editor_client):
    page = StandardPageFactory(parent=home["nl"], title="Over ons", slug="over-ons")
    edit = client.get(f"/admin/pages/{page.pk}/edit/")
    assert edit.status_code == 200
    admin_csp = directives(edit)
    assert "'unsafe-inline'" in admin_csp["script-src"]
    assert admin_csp["frame-ancestors"] == "'self'"
    assert "http" not in edit["Content-Security-Policy"]

    preview_url = f"/admin/pages/{page.pk}/edit/preview/"
    form = {
        "title": "Over ons (concept)",
        "slug": "over-ons",
        "intro": "Concepttekst",
        "body-count": "0",
        "body-0-type": "",
    }
    assert client.post(preview_url, form).json()["is_valid"] is True
    preview = client.get(preview_url)
    assert preview.status_code == 200
    assert "Over ons (concept)" in preview.content.decode()
    # the preview is a public page: the front-end policy, framable by the admin (same origin)
    preview_csp = directives(preview)
    assert preview_csp["frame-ancestors"] == "'self'"
    assert "unsafe-inline" not in preview_csp["script-src"]


def test_admin_login_page_has_the_admin_policy(client, db):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert "'unsafe-inline'" in directives(response)["script-src"]


def login(client, username, password, address="203.0.113.5"):
    return client.post(
        "/admin/login/",
        {"username": username, "password": password},
        REMOTE_ADDR=address,
    )


def test_ten_failed_logins_from_one_client_block_further_attempts(client, db, settings):
    settings.LOGIN_CLIENT_RATE_LIMIT = "10/h"
    get_user_model().objects.create_superuser("redacteur", "r@example.org", "juist-wachtwoord")
    for attempt in range(10):
        response = login(client, f"gok{attempt}", "fout")
        assert response.status_code == 200, attempt  # the form again, with its error
    refused = login(client, "redacteur", "juist-wachtwoord")
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    assert "Te veel mislukte pogingen" in refused.content.decode()
    assert "_auth_user_id" not in client.session
    # another client is not affected
    allowed = login(client, "redacteur", "juist-wachtwoord", address="198.51.100.7")
    assert allowed.status_code == 302


def test_password_validators_refuse_a_weak_password(db):
    with pytest.raises(ValidationError):
        validate_password("12345678")


def test_svg_and_oversized_images_are_refused_with_a_message(client, editor_client, settings):
    svg = SimpleUploadedFile(
        "logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    )
    response = client.post("/admin/images/add/", {"title": "Logo", "file": svg})
    assert response.status_code == 200
    assert "svg" not in response.context["form"].errors["file"][0].split(":")[0].lower()
    assert "png" in response.context["form"].errors["file"][0].lower()

    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 100
    big = SimpleUploadedFile("foto.png", get_test_image_file().file.getvalue())
    response = client.post("/admin/images/add/", {"title": "Foto", "file": big})
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not get_image_model().objects.exists()


def test_documents_are_limited_in_type_and_size(client, editor_client, settings):
    svg = SimpleUploadedFile("tekening.svg", b"<svg/>")
    response = client.post("/admin/documents/add/", {"title": "Tekening", "file": svg})
    assert response.status_code == 200
    assert "pdf" in response.context["form"].errors["file"][0]

    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 10
    pdf = SimpleUploadedFile("rapport.pdf", b"%PDF-1.4 " + b"x" * 100)
    response = client.post("/admin/documents/add/", {"title": "Rapport", "file": pdf})
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not get_document_model().objects.exists()


def test_documents_are_downloaded_as_attachments_in_a_sandbox(editor_client, db):
    # (an editor: to the public, a document no public page uses is not served at all)
    document = get_document_model().objects.create(
        title="Werkblad", file=SimpleUploadedFile("werkblad.txt", b"<script>alert(1)</script>")
    )
    response = editor_client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_behind_a_proxy_a_forged_forwarded_address_does_not_escape_the_limit(client, db, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.LOGIN_CLIENT_RATE_LIMIT = "10/h"
    for attempt in range(10):
        response = client.post(
            "/admin/login/",
            {"username": f"gok{attempt}", "password": "fout"},
            HTTP_X_FORWARDED_FOR=f"10.0.0.{attempt}, 203.0.113.5",  # forged, then the proxy's
        )
        assert response.status_code == 200
    refused = client.post(
        "/admin/login/",
        {"username": "iemand", "password": "fout"},
        HTTP_X_FORWARDED_FOR="10.9.9.9, 203.0.113.5",
    )
    assert refused.status_code == 429
