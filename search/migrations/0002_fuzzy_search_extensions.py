"""Fuzzy search on PostgreSQL: the unaccent and pg_trgm extensions and f_unaccent().

The same as modelsearch's `enable_unaccent` and `enable_trigram` commands (unaccent first),
done by a migration so that no one has to run them by hand. Nothing happens on SQLite.
Both extensions are "trusted" (PostgreSQL 13+): the owner of the database may create them.
"""

from django.db import migrations

# modelsearch calls f_unaccent() for Fuzzy(..., unaccent=True); an IMMUTABLE wrapper because
# unaccent() itself is only STABLE.
CREATE_F_UNACCENT = """
CREATE OR REPLACE FUNCTION f_unaccent(text)
    RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS
$func$
SELECT public.unaccent('public.unaccent', $1)
$func$;
"""


def enable_fuzzy_search(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
    schema_editor.execute(CREATE_F_UNACCENT)
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")


def disable_fuzzy_search(apps, schema_editor):
    # The extensions stay: other code in the database may use them.
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("DROP FUNCTION IF EXISTS f_unaccent(text)")


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_document_text"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(enable_fuzzy_search, disable_fuzzy_search)]
