"""Once the editorial groups' set-up; it now lives in the editorial app's first migration,
which runs on every database (it only adds what is missing). Kept for the migration graph."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_editorial_setup"),
        ("newsletter", "0001_initial"),
    ]

    operations = [migrations.RunPython(migrations.RunPython.noop, migrations.RunPython.noop)]
