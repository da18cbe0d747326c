"""Every locale is moderated: editors lose the publish permission on the translations'
trees that earlier versions gave them, unless TRANSLATORS_MAY_PUBLISH is on (editorial/groups.py)."""

from django.conf import settings
from django.db import migrations

from editorial.groups import revoke_translator_publishing


def forwards(apps, schema_editor):
    if not settings.TRANSLATORS_MAY_PUBLISH:
        revoke_translator_publishing(apps)


class Migration(migrations.Migration):
    dependencies = [("editorial", "0003_events_group")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
