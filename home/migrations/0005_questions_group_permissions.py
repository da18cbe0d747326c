"""Give the Vragen group the question inbox's permissions once the questions tables exist
(0003 may run before the questions app's first migration; setup_editorial only adds)."""

from django.db import migrations

from home.editorial import ensure_permissions_exist, setup_editorial


def forwards(apps, schema_editor):
    ensure_permissions_exist(apps)
    setup_editorial(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0004_newsletter_group_permissions"),
        ("questions", "0001_initial"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
