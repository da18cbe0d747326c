"""Media and documents on S3-compatible storage (moto's server on a local port), and backups
that restore into a fresh database with the same content."""

import os
import subprocess
import sys
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import connection
from django.test import Client

from wagtail.documents import get_document_model
from wagtail.documents.models import document_served
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, CollectionViewRestriction, Page

import psycopg
import pytest
from cryptography.fernet import Fernet

from tests.factories import StandardPageFactory
from tests.helpers import BUCKET, stored_keys

ROOT = Path(__file__).resolve().parent.parent


def test_images_and_renditions_are_stored_on_s3(db, s3):
    client, endpoint = s3
    image = get_image_model().objects.create(title="Foto", file=get_test_image_file())
    rendition = image.get_rendition("fill-100x100")
    keys = stored_keys(client)
    assert image.file.name in keys
    assert rendition.file.name in keys
    assert rendition.url.startswith(f"{endpoint}/{BUCKET}/")


def test_documents_on_s3_are_downloaded_through_the_site_counted_and_permission_checked(s3, home):
    client, _endpoint = s3
    document = get_document_model().objects.create(
        title="Jaarbericht", file=ContentFile(b"%PDF-1.4 jaarbericht", name="jaarbericht.pdf")
    )
    StandardPageFactory(parent=home["nl"], body=[("download", {"document": document})])
    assert document.file.name in stored_keys(client)
    served = []

    def count(sender, instance, **kwargs):
        served.append(instance.pk)

    document_served.connect(count)
    response = Client().get(document.url)
    document_served.disconnect(count)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 jaarbericht"
    assert served == [document.pk]

    private = Collection.get_first_root_node().add_child(name="Intern")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    secret = get_document_model().objects.create(
        title="Intern", collection=private, file=ContentFile(b"intern", name="intern.txt")
    )
    refused = Client().get(secret.url)
    assert refused.status_code == 302
    assert "/admin/login/" in refused["Location"] or "login" in refused["Location"]


def page_titles(dbname):
    database = connection.settings_dict
    with psycopg.connect(
        dbname=dbname, host=database["HOST"], port=database["PORT"], user=database["USER"]
    ) as restored:
        titles = restored.execute("SELECT title FROM wagtailcore_page ORDER BY path").fetchall()
        documents = restored.execute("SELECT title, file FROM wagtaildocs_document").fetchall()
    return [title for (title,) in titles], documents


@pytest.mark.skipif(connection.vendor != "postgresql", reason="pg_dump and pg_restore")
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("key", ["", Fernet.generate_key().decode()], ids=["plain", "encrypted"])
def test_a_backup_restores_into_a_fresh_database_with_the_same_content(
    home, settings, tmp_path, key
):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.BACKUP_ENCRYPTION_KEY = key
    suffix = ".enc" if key else ""
    StandardPageFactory(parent=home["nl"], title="Over ons", slug="over-ons")
    # (a transactional test before this one may have flushed the migrations' root collection)
    Collection.get_first_root_node() or Collection.add_root(name="Root")
    document = get_document_model().objects.create(
        title="Jaarbericht 2017", file=ContentFile(b"%PDF-1.4 2017", name="jaarbericht.pdf")
    )
    call_command("backup", "--to", str(tmp_path / "backups"), verbosity=0)
    (folder,) = (tmp_path / "backups").iterdir()
    assert {path.name for path in folder.iterdir()} == {
        f"database.dump{suffix}",
        f"media.tar.gz{suffix}",
        "manifest.json",
    }
    if key:
        assert b"%PDF-1.4 2017" not in (folder / "media.tar.gz.enc").read_bytes()

    fresh = f"{connection.settings_dict['NAME']}_restored"
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{fresh}"')
        cursor.execute(f'CREATE DATABASE "{fresh}"')
    database = connection.settings_dict
    restored_media = tmp_path / "restored-media"
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "site_cms.settings.test",
        "DATABASE_URL": (
            f"postgres://{database['USER']}@{database['HOST'].replace('/', '%2F')}"
            f":{database['PORT']}/{fresh}"
        ),
        "MEDIA_ROOT": str(restored_media),
        "BACKUP_ENCRYPTION_KEY": key,
    }
    try:
        result = subprocess.run(
            [sys.executable, "manage.py", "restore", str(folder), "--noinput"],
            cwd=ROOT,
            env=environment,
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        assert "tables checked against the backup" in result.stdout
        titles, documents = page_titles(fresh)
        assert titles == list(Page.objects.order_by("path").values_list("title", flat=True))
        assert "Over ons" in titles
        assert documents == [("Jaarbericht 2017", document.file.name)]
        assert (restored_media / document.file.name).read_bytes() == b"%PDF-1.4 2017"
    finally:
        connection.close()
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{fresh}" WITH (FORCE)')
