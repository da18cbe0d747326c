"""Documents are served only through Wagtail's document view, and only when something public
uses them; images of private collections are not served either (docs/security.md)."""

import time
from urllib.parse import parse_qs, urlsplit

from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.test import Client

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

import pytest

from core.storage import is_document
from tests.factories import StandardPageFactory
from tests.helpers import BUCKET


def document(name, content=b"%PDF-1.4 inhoud", **fields):
    return get_document_model().objects.create(
        title=name, file=ContentFile(content, name=f"{name}.pdf"), **fields
    )


def private_collection():
    private = Collection.get_first_root_node().add_child(name="Intern")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.PASSWORD, password="x"
    )
    return private


def page_with(parent, item, **fields):
    return StandardPageFactory(parent=parent, body=[("download", {"document": item})], **fields)


def downloaded(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_no_document_is_served_from_the_media_folder_whatever_its_address(client, home):
    published = document("jaarverslag")
    page_with(home["nl"], published)
    assert client.get(published.url).status_code == 200
    for address in (
        f"/media/{published.file.name}",
        f"/media/images/../{published.file.name}",
        f"/media/original_images/..%2F{published.file.name}",
        "/media/documents/",
    ):
        response = client.get(address)
        assert response.status_code == 404, address
        assert b"PDF-1.4" not in downloaded(response)


def test_images_are_served_from_the_media_folder_unless_their_collection_is_private(client, db):
    public = get_image_model().objects.create(title="Foto", file=get_test_image_file())
    hidden = get_image_model().objects.create(
        title="Interne foto",
        file=get_test_image_file(filename="intern.png"),
        collection=private_collection(),
    )
    assert client.get(f"/media/{public.file.name}").status_code == 200
    assert client.get(public.get_rendition("fill-50x50").url).status_code == 200
    assert client.get(f"/media/{hidden.file.name}").status_code == 404
    assert client.get(hidden.get_rendition("fill-50x50").url).status_code == 404


def test_a_document_only_a_draft_or_restricted_page_uses_is_not_served_to_the_public(client, home):
    embargoed = document("embargo-rapport")
    draft = page_with(home["nl"], embargoed, live=False)
    assert client.get(embargoed.url).status_code == 404
    unused = document("nergens-gebruikt")
    assert client.get(unused.url).status_code == 404

    draft.save_revision().publish()
    assert downloaded(client.get(embargoed.url)) == b"%PDF-1.4 inhoud"

    PageViewRestriction.objects.create(page=draft, restriction_type=PageViewRestriction.LOGIN)
    assert client.get(embargoed.url).status_code == 404


def test_editors_get_every_document_they_may_see(client, home, django_user_model):
    embargoed = document("embargo-rapport")
    page_with(home["nl"], embargoed, live=False)
    editor = django_user_model.objects.create_user("redacteur", password="geheim-wachtwoord")
    editors = Group.objects.create(name="Redactie")
    editors.permissions.add(Permission.objects.get(codename="access_admin"))
    editor.groups.add(editors)
    client.force_login(editor)
    assert downloaded(client.get(embargoed.url)) == b"%PDF-1.4 inhoud"


def test_a_chosen_document_of_a_private_collection_is_left_out_of_the_page(client, home):
    private = document("intern-memo", collection=private_collection())
    page = page_with(home["nl"], private, title="Over ons", slug="over-ons")
    html = client.get(page.url).content.decode()
    assert "intern-memo" not in html
    assert private.url not in html
    assert client.get(private.url).status_code == 200  # Wagtail's password form
    assert "PDF-1.4" not in client.get(private.url).content.decode()


def test_documents_on_s3_are_private_objects_and_images_public(s3, home):
    client, endpoint = s3
    report = document("jaarbericht")
    page_with(home["nl"], report)
    image = get_image_model().objects.create(title="Foto", file=get_test_image_file())

    def public_read(key):
        grants = client.get_object_acl(Bucket=BUCKET, Key=key)["Grants"]
        return any(
            grant["Grantee"].get("URI", "").endswith("/global/AllUsers")
            and grant["Permission"] == "READ"
            for grant in grants
        )

    assert not public_read(report.file.name)
    assert public_read(image.file.name)
    assert public_read(image.get_rendition("fill-50x50").file.name)
    # the file's own URL, should anything ask for it, is signed and short-lived
    query = parse_qs(urlsplit(report.file.url).query)
    assert "Signature" in query or "X-Amz-Signature" in query
    lifetime = (
        int(query["X-Amz-Expires"][0])
        if "X-Amz-Expires" in query
        else int(query["Expires"][0]) - time.time()
    )
    assert 0 < lifetime <= 61
    assert image.file.url == f"{endpoint}/{BUCKET}/{image.file.name}"
    # the site streams it through its document view
    assert downloaded(Client().get(report.url)) == b"%PDF-1.4 inhoud"


@pytest.mark.parametrize("path", ["documents/x.pdf", "/documents/x.pdf", "documents\\x.pdf"])
def test_the_storage_knows_a_document_by_its_folder(path):
    assert is_document(path)
    assert not is_document("original_images/documents.png")
