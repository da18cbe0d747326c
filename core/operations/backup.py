"""Backups: the database and every stored file (images, documents) in one timestamped folder.

A backup folder holds ``database.dump`` (PostgreSQL, ``pg_dump --format=custom``) or
``database.sqlite3`` (SQLite), ``media.tar.gz`` (every file of the default storage, local
disk or S3) and ``manifest.json`` (when, which engine, encrypted or not, how many rows each
table had), which ``restore`` uses to check its work. With ``BACKUP_ENCRYPTION_KEY`` set the
dump and the archive are encrypted (``.enc``, core.operations.encryption). Everything is
streamed: no file and no dump is ever held in memory whole. Folders and files are readable
by their owner only.
"""

import io
import json
import os
import re
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from contextlib import closing, contextmanager
from datetime import UTC, datetime
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import connection

from core.operations.encryption import MAGIC, DecryptingReader, EncryptingWriter, fernet

MANIFEST = "manifest.json"
MEDIA_ARCHIVE = "media.tar.gz"
POSTGRES_DUMP = "database.dump"
SQLITE_COPY = "database.sqlite3"
ENCRYPTED_SUFFIX = ".enc"
BACKUP_NAME = re.compile(r"\d{8}-\d{6}")
STREAM_BYTES = 1024 * 1024


class BackupError(Exception):
    pass


def row_counts():
    """{table: rows} for every model table, to compare a restored database with the backup."""
    tables = sorted(
        {model._meta.db_table for model in apps.get_models(include_auto_created=True)}
        & set(connection.introspection.table_names())
    )
    counts = {}
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608
            counts[table] = cursor.fetchone()[0]
    return counts


def postgres_environment():
    """libpq's variables for the configured database, for pg_dump and pg_restore."""
    database = connection.settings_dict
    values = {
        "PGHOST": database.get("HOST"),
        "PGPORT": database.get("PORT"),
        "PGUSER": database.get("USER"),
        "PGPASSWORD": database.get("PASSWORD"),
        "PGDATABASE": database.get("NAME"),
    }
    return {**os.environ, **{key: str(value) for key, value in values.items() if value}}


def storage_files(folder=""):
    """Every file name in the default storage (walks local disk and S3 alike)."""
    try:
        folders, files = default_storage.listdir(folder)
    except FileNotFoundError:  # nothing was ever uploaded
        return
    for name in files:
        yield f"{folder}/{name}" if folder else name
    for name in folders:
        yield from storage_files(f"{folder}/{name}" if folder else name)


def private_file(path, flags):
    """``open``'s opener for files only the owner may read (a backup holds personal data)."""
    return os.open(path, flags, 0o600)


@contextmanager
def writing(path, key):
    """A stream that writes ``path``, encrypted with ``key`` when one is given."""
    with open(path, "xb", opener=private_file) as raw:
        if key:
            with EncryptingWriter(raw, key) as writer:
                yield writer
        else:
            yield raw


@contextmanager
def reading(path, key):
    """A stream of ``path``'s contents, decrypted with ``key`` when the file is encrypted."""
    with open(path, "rb") as raw:
        if raw.read(len(MAGIC)) != MAGIC:
            raw.seek(0)
            yield raw
            return
        if not key:
            raise BackupError("This backup is encrypted: set BACKUP_ENCRYPTION_KEY to restore it.")
        raw.seek(0)
        with io.BufferedReader(DecryptingReader(raw, key), STREAM_BYTES) as reader:
            yield reader


def file_name(name, key):
    return name + ENCRYPTED_SUFFIX if key else name


def dump_database(target, key):
    if connection.vendor == "postgresql":
        with writing(target / file_name(POSTGRES_DUMP, key), key) as output:
            stream(["pg_dump", "--format=custom", "--no-owner"], output=output)
    elif connection.vendor == "sqlite":
        connection.ensure_connection()
        copy = target / SQLITE_COPY
        with open(copy, "xb", opener=private_file):
            pass
        with closing(sqlite3.connect(copy)) as database:
            connection.connection.backup(database)
        if key:  # the copy is encrypted and removed (it was readable by the owner only)
            with (
                open(copy, "rb") as source,
                writing(target / file_name(SQLITE_COPY, key), key) as output,
            ):
                shutil.copyfileobj(source, output, STREAM_BYTES)
            copy.unlink()
    else:
        raise BackupError(f"Backups of {connection.vendor} databases are not supported.")


def stream(command, output=None, source=None):
    """Run ``command`` with ``source`` (a stream) as its input or its output written to
    ``output``, chunk by chunk, never holding the whole in memory."""
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(  # noqa: S603 (a fixed program with our own arguments)
            command,
            env=postgres_environment(),
            stdin=subprocess.PIPE if source else subprocess.DEVNULL,
            stdout=subprocess.PIPE if output else subprocess.DEVNULL,
            stderr=errors,
        )
        try:
            if source:
                with process.stdin:
                    shutil.copyfileobj(source, process.stdin, STREAM_BYTES)
            if output:
                shutil.copyfileobj(process.stdout, output, STREAM_BYTES)
        except BrokenPipeError:
            pass  # the program stopped reading: its error message says why
        finally:
            returncode = process.wait()
            if process.stdout:
                process.stdout.close()
        if returncode != 0:
            errors.seek(0)
            message = errors.read().decode(errors="replace").strip()
            raise BackupError(f"{command[0]} failed: {message}")


def archive_media(target, key):
    """Every stored file into one tar.gz, each streamed from the storage into the archive."""
    count = 0
    with (
        writing(target / file_name(MEDIA_ARCHIVE, key), key) as output,
        tarfile.open(fileobj=output, mode="w|gz") as archive,
    ):
        for name in storage_files():
            info = tarfile.TarInfo(name)
            info.size = default_storage.size(name)
            with default_storage.open(name, "rb") as source:
                archive.addfile(info, source)
            count += 1
    return count


def create_backup(destination, keep=0):
    """A new backup folder under ``destination`` (encrypted with ``BACKUP_ENCRYPTION_KEY``
    when set); then only the ``keep`` newest backups there are kept (0: all)."""
    key = settings.BACKUP_ENCRYPTION_KEY
    if key:
        fernet(key)  # a wrong key fails now, not after the dump
    destination = Path(destination)
    destination.mkdir(parents=True, exist_ok=True)
    folder = destination / datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    folder.mkdir(mode=0o700, exist_ok=False)
    try:
        dump_database(folder, key)
        files = archive_media(folder, key)
        manifest = {
            "created": datetime.now(UTC).isoformat(),
            "engine": connection.vendor,
            "encrypted": bool(key),
            "files": files,
            "rows": row_counts(),
        }
        (folder / MANIFEST).write_text(json.dumps(manifest, indent=2))
    except Exception:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    prune_backups(destination, keep)
    return folder, manifest


def backups_in(destination):
    """The complete backup folders in ``destination``, oldest first."""
    return sorted(
        folder
        for folder in Path(destination).iterdir()
        if folder.is_dir() and BACKUP_NAME.fullmatch(folder.name) and (folder / MANIFEST).exists()
    )


def prune_backups(destination, keep):
    """Delete all but the ``keep`` newest backups in ``destination`` (none when ``keep`` is 0)."""
    if keep <= 0:
        return []
    removed = backups_in(destination)[:-keep]
    for folder in removed:
        shutil.rmtree(folder)
    return removed


def restore_database(folder, manifest, key):
    engine = manifest["engine"]
    if engine != connection.vendor:
        raise BackupError(f"This backup is of a {engine} database, not {connection.vendor}.")
    encrypted = manifest.get("encrypted", False)
    if engine == "postgresql":
        connection.close()
        command = [
            "pg_restore",
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            "--dbname",
            connection.settings_dict["NAME"],
        ]
        with reading(folder / file_name(POSTGRES_DUMP, encrypted), key) as source:
            stream(command, source=source)
        return
    connection.ensure_connection()
    if not encrypted:
        with closing(sqlite3.connect(folder / SQLITE_COPY)) as source:
            source.backup(connection.connection)
        return
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / SQLITE_COPY
        with (
            reading(folder / file_name(SQLITE_COPY, encrypted), key) as source,
            open(copy, "xb", opener=private_file) as plain,
        ):
            shutil.copyfileobj(source, plain, STREAM_BYTES)
        with closing(sqlite3.connect(copy)) as database:
            database.backup(connection.connection)


def restore_media(folder, manifest, key):
    count = 0
    archive_path = folder / file_name(MEDIA_ARCHIVE, manifest.get("encrypted", False))
    with reading(archive_path, key) as source, tarfile.open(fileobj=source, mode="r|gz") as archive:
        for member in archive:
            name = member.name
            if not member.isfile() or name.startswith("/") or ".." in Path(name).parts:
                continue
            if default_storage.exists(name):
                default_storage.delete(name)
            content = File(archive.extractfile(member), name=name)
            content.size = member.size
            saved = default_storage.save(name, content)
            if saved != name:
                raise BackupError(f"{name} was stored as {saved}")
            count += 1
    return count


def restore_backup(folder):
    folder = Path(folder)
    manifest = json.loads((folder / MANIFEST).read_text())
    key = settings.BACKUP_ENCRYPTION_KEY
    restore_database(folder, manifest, key)
    files = restore_media(folder, manifest, key)
    counts = row_counts()
    differences = {
        table: (rows, counts.get(table))
        for table, rows in manifest["rows"].items()
        if counts.get(table) != rows
    }
    if differences:
        raise BackupError(f"Restored tables differ from the backup: {differences}")
    return files, counts


def default_backup_folder():
    return Path(settings.BACKUP_DIR)
