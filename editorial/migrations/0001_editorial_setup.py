"""The editorial groups, their permissions and the moderation workflow (editorial/groups.py).

Runs after every app whose models the groups are given permissions on; additive, so on a
database that had the groups already it only completes them.
"""

from django.db import migrations

from editorial.groups import ensure_permissions_exist, setup_editorial


def forwards(apps, schema_editor):
    ensure_permissions_exist(apps)
    setup_editorial(apps)


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("home", "0007_move_partner_index_and_annual_report"),
        ("partners", "0001_initial"),
        ("annual_report", "0001_initial"),
        ("core", "0004_outgoingemail_headers"),
        ("themes", "0002_project_partners_related_name"),
        ("dossiers", "0003_dossierpage_related_questions"),
        ("questions", "0001_initial"),
        ("newsletter", "0002_subscriber_topics"),
        ("stats", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
