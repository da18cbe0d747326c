"""Give the Nieuwsbrief group its newsletter permissions once the newsletter tables exist.

0003 may run before the newsletter app's first migration (it does not depend on it), and
then finds no subscriber permissions to grant; setup_editorial only adds what is missing.
"""

from django.db import migrations

from home.editorial import ensure_permissions_exist, setup_editorial


def forwards(apps, schema_editor):
    ensure_permissions_exist(apps)
    setup_editorial(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_editorial_setup"),
        ("newsletter", "0001_initial"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
