"""The editorial groups, their permissions and the moderation workflow (home/editorial.py)."""

from django.db import migrations

from home.editorial import ensure_permissions_exist, setup_editorial


def forwards(apps, schema_editor):
    ensure_permissions_exist(apps)
    setup_editorial(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_homepage_key_figures_alter_homepage_body_and_more"),
        ("core", "0002_partner_person"),
        ("themes", "0001_initial"),
        ("dossiers", "0002_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
