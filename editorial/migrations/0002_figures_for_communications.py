"""The communications officers (Nieuwsbrief group) keep the figures: media mentions and
social followers (editorial/groups.py, FIGURES_MODEL_PERMISSIONS). Additive, as 0001."""

from django.db import migrations

from editorial.groups import ensure_permissions_exist, setup_editorial


def forwards(apps, schema_editor):
    ensure_permissions_exist(apps)
    setup_editorial(apps)


class Migration(migrations.Migration):
    dependencies = [("editorial", "0001_editorial_setup"), ("stats", "0001_initial")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
