"""Trigram indexes for searching the question inbox on PostgreSQL.

The inbox's search (questions/views.py, ``search_fields`` plus the personal-data fields)
matches ``UPPER(field) LIKE UPPER('%term%')`` on each field: without an index PostgreSQL
reads all of every question's text, 20,000 questions in about a second at institute scale.
A GIN trigram index on the same expression per field serves a reference number or a name
in milliseconds and a common word (most questions) in about half the time. pg_trgm is
created if missing (trusted since PostgreSQL 13). Nothing happens on SQLite.
"""

from django.db import migrations

FIELDS = [
    "reference",
    "question",
    "organisation",
    "role",
    "answer",
    "internal_notes",
    "name",
    "email",
]


def index_name(field):
    return f"questions_inbox_search_{field}"


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    table = apps.get_model("questions", "SubmittedQuestion")._meta.db_table
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for field in FIELDS:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {index_name(field)} ON {schema_editor.quote_name(table)} "
            f"USING gin (UPPER({schema_editor.quote_name(field)}::text) gin_trgm_ops)"
        )


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for field in FIELDS:
        schema_editor.execute(f"DROP INDEX IF EXISTS {index_name(field)}")


class Migration(migrations.Migration):
    dependencies = [("questions", "0001_initial")]

    operations = [migrations.RunPython(create_indexes, drop_indexes)]
