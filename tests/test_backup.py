"""Backups a maintainer can trust: encrypted when a key is set (and refused with a wrong key or
when damaged), streamed, restorable on SQLite as on PostgreSQL (tests/test_storage_backup.py),
and only the newest kept."""

import io
import json
import os
import textwrap

import pytest
from cryptography.fernet import Fernet

from core.operations import encryption
from tests.helpers import run_manage


def manage(*arguments, environment):
    """``manage.py`` in a fresh process on the SQLite database of ``environment``."""
    return run_manage("site_cms.settings.test", *arguments, extra_env=environment)


def encrypt(data, key):
    target = io.BytesIO()
    with encryption.EncryptingWriter(target, key) as writer:
        for start in range(0, len(data), 300_000):  # written in pieces, as a dump is
            writer.write(data[start : start + 300_000])
    return target.getvalue()


def decrypt(data, key):
    with io.BufferedReader(encryption.DecryptingReader(io.BytesIO(data), key)) as reader:
        return reader.read()


def test_an_encrypted_backup_file_reads_back_only_whole_and_with_its_key():
    key = Fernet.generate_key()
    data = os.urandom(2 * encryption.CHUNK_BYTES + 12345) + b"jan@example.org"
    encrypted = encrypt(data, key)

    assert b"jan@example.org" not in encrypted
    assert decrypt(encrypted, key) == data
    with pytest.raises(encryption.EncryptionError, match="wrong BACKUP_ENCRYPTION_KEY"):
        decrypt(encrypted, Fernet.generate_key())
    last_chunk = encrypted.rindex(b"gAAAA") - encryption.LENGTH.size  # Fernet tokens start so
    with pytest.raises(encryption.EncryptionError, match="ends early"):
        decrypt(encrypted[:last_chunk], key)
    with pytest.raises(encryption.EncryptionError, match="not a valid key"):
        encrypt(b"data", "not-a-key")


SQLITE_ROUND_TRIP = textwrap.dedent(
    """
    import json, os
    from django.core.files.base import ContentFile
    from django.core.management import call_command
    from django.utils import timezone
    from wagtail.documents import get_document_model
    from wagtail.models import Page
    from newsletter.models import Subscriber

    backups = os.environ["BACKUP_DIR"]
    call_command("migrate", interactive=False, verbosity=0)
    root = Page.objects.get(depth=1)
    root.add_child(instance=Page(title="Over ons", slug="over-ons"))
    Subscriber.objects.create(
        email="jan@example.org", name="Jan", consent_given_at=timezone.now(), consent_version="1"
    )
    Document = get_document_model()
    Document.objects.create(title="Jaarbericht", file=ContentFile(b"%PDF 2017", name="jb.pdf"))
    call_command("backup", "--to", backups, verbosity=0)

    Page.objects.filter(title="Over ons").delete()
    Subscriber.objects.all().delete()
    for document in Document.objects.all():
        document.file.delete()
        document.delete()
    (folder,) = os.listdir(backups)
    call_command("restore", os.path.join(backups, folder), "--noinput", verbosity=0)
    document = Document.objects.get()
    print(json.dumps({
        "pages": list(Page.objects.values_list("title", flat=True)),
        "subscribers": list(Subscriber.objects.values_list("email", flat=True)),
        "file": document.file.read().decode(),
    }))
    """
)


def test_an_encrypted_sqlite_backup_restores_and_only_the_newest_are_kept(tmp_path):
    key = Fernet.generate_key().decode()
    backups = tmp_path / "backups"
    environment = {
        "DATABASE_URL": f"sqlite:///{tmp_path / 'site.sqlite3'}",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "BACKUP_DIR": str(backups),
        "BACKUP_ENCRYPTION_KEY": key,
    }

    result = manage("shell", "--no-imports", "-c", SQLITE_ROUND_TRIP, environment=environment)

    assert result.returncode == 0, result.stderr
    restored = json.loads(result.stdout.strip().splitlines()[-1])
    assert "Over ons" in restored["pages"]
    assert restored["subscribers"] == ["jan@example.org"]
    assert restored["file"] == "%PDF 2017"
    (folder,) = backups.iterdir()
    assert {path.name for path in folder.iterdir()} == {
        "database.sqlite3.enc",
        "media.tar.gz.enc",
        "manifest.json",
    }
    assert oct(folder.stat().st_mode & 0o777) == "0o700"
    for path in folder.glob("*.enc"):
        assert b"jan@example.org" not in path.read_bytes()
        assert b"%PDF 2017" not in path.read_bytes()

    wrong_key = {**environment, "BACKUP_ENCRYPTION_KEY": Fernet.generate_key().decode()}
    refused = manage("restore", str(folder), "--noinput", environment=wrong_key)
    assert refused.returncode == 1
    assert "wrong BACKUP_ENCRYPTION_KEY" in refused.stderr
    no_key = {**environment, "BACKUP_ENCRYPTION_KEY": ""}
    refused = manage("restore", str(folder), "--noinput", environment=no_key)
    assert "This backup is encrypted: set BACKUP_ENCRYPTION_KEY" in refused.stderr

    # a newer backup with --keep 1 leaves that one only; other folders are left alone
    (backups / "notes").mkdir()
    (folder.parent / "20000101-000000").mkdir()  # not a backup: no manifest
    newer = manage("backup", "--keep", "1", environment=environment)
    assert newer.returncode == 0, newer.stderr
    names = sorted(path.name for path in backups.iterdir())
    assert folder.name not in names
    assert len(names) == 3 and "notes" in names and "20000101-000000" in names
