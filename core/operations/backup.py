"""Backups: the database and every stored file (images, documents) in one timestamped folder.

A backup folder holds ``database.dump`` (PostgreSQL, ``pg_dump --format=custom``) or
``database.sqlite3`` (SQLite), ``media.tar.gz`` (every file of the default storage, local
disk or S3) and ``manifest.json`` (when, which engine, how many rows each table had), which
``restore`` uses to check its work.
"""

import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
from datetime import UTC, datetime
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection

MANIFEST = "manifest.json"
MEDIA_ARCHIVE = "media.tar.gz"
POSTGRES_DUMP = "database.dump"
SQLITE_COPY = "database.sqlite3"


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


def run(command):
    result = subprocess.run(  # noqa: S603 (a fixed program with our own arguments)
        command, env=postgres_environment(), capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()}")


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


def dump_database(target):
    if connection.vendor == "postgresql":
        run(["pg_dump", "--format=custom", "--no-owner", "--file", str(target / POSTGRES_DUMP)])
    elif connection.vendor == "sqlite":
        connection.ensure_connection()
        with sqlite3.connect(target / SQLITE_COPY) as copy:
            connection.connection.backup(copy)
    else:
        raise BackupError(f"Backups of {connection.vendor} databases are not supported.")


def archive_media(target):
    count = 0
    with tarfile.open(target / MEDIA_ARCHIVE, "w:gz") as archive:
        for name in storage_files():
            with default_storage.open(name, "rb") as source:
                data = source.read()
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
            count += 1
    return count


def create_backup(destination):
    folder = Path(destination) / datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    folder.mkdir(parents=True, exist_ok=False)
    try:
        dump_database(folder)
        files = archive_media(folder)
        manifest = {
            "created": datetime.now(UTC).isoformat(),
            "engine": connection.vendor,
            "files": files,
            "rows": row_counts(),
        }
        (folder / MANIFEST).write_text(json.dumps(manifest, indent=2))
    except Exception:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return folder, manifest


def restore_database(folder, engine):
    if engine != connection.vendor:
        raise BackupError(f"This backup is of a {engine} database, not {connection.vendor}.")
    if engine == "postgresql":
        connection.close()
        run(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--no-privileges",
                "--single-transaction",
                "--dbname",
                connection.settings_dict["NAME"],
                str(folder / POSTGRES_DUMP),
            ]
        )
    else:
        connection.ensure_connection()
        with sqlite3.connect(folder / SQLITE_COPY) as source:
            source.backup(connection.connection)


def restore_media(folder):
    count = 0
    with tarfile.open(folder / MEDIA_ARCHIVE, "r:gz") as archive:
        for member in archive:
            name = member.name
            if not member.isfile() or name.startswith("/") or ".." in Path(name).parts:
                continue
            if default_storage.exists(name):
                default_storage.delete(name)
            saved = default_storage.save(name, ContentFile(archive.extractfile(member).read()))
            if saved != name:
                raise BackupError(f"{name} was stored as {saved}")
            count += 1
    return count


def restore_backup(folder):
    folder = Path(folder)
    manifest = json.loads((folder / MANIFEST).read_text())
    restore_database(folder, manifest["engine"])
    files = restore_media(folder)
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
