"""The "Evenementen" group: the agenda's section and the registrations (personal data)."""

from django.db import migrations

from editorial.groups import ensure_permissions_exist, setup_editorial


def forwards(apps, schema_editor):
    ensure_permissions_exist(apps)
    setup_editorial(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0002_figures_for_communications"),
        ("events", "0001_initial"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
