"""Load the demo content (idempotent): `python manage.py load_demo_content`.

Builds the site from the facts of the 2017 annual report; a second run changes nothing.
Ends with the search index and the references index up to date.
"""

from django.apps import apps
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from home.demo import annual_report, newsletter, questions, site
from home.editorial import setup_editorial


class Command(BaseCommand):
    help = "Load the demo content built from the 2017 annual report (safe to run again)."

    def handle(self, *args, **options):
        with transaction.atomic():
            home = site.load()
            questions.load(home)
            newsletter.load(home)
            annual_report.load(home)
            # the groups' permissions on the English home page and the feature sections
            setup_editorial(apps)
        verbosity = options["verbosity"]
        call_command("update_index", verbosity=0)
        call_command("rebuild_references_index", verbosity=0)
        if verbosity:
            self.stdout.write(self.style.SUCCESS("Demo content loaded."))
