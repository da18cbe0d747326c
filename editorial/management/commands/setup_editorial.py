"""`python manage.py setup_editorial`: complete the editorial groups (editorial/groups.py).

The migration creates the groups; run this again after adding a language's home page, the
question service or the newsletter page, so the groups get their permissions there too.
Only adds, never removes: changes made in Settings → Groups stay.
"""

from django.apps import apps
from django.core.management.base import BaseCommand

from editorial.groups import setup_editorial


class Command(BaseCommand):
    help = "Create or complete the editorial groups, their permissions and the workflow."

    def handle(self, *args, **options):
        groups = setup_editorial(apps)
        if options["verbosity"]:
            names = ", ".join(groups)
            self.stdout.write(self.style.SUCCESS(f"Editorial groups up to date: {names}."))
