"""Add content at institute scale on top of the demo content: `manage.py load_scale_content`.

Idempotent and seeded (see ``demo.scale``); every count can be lowered, e.g. for a test:
``load_scale_content --publications 50 --subscribers 100``.
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from demo.scale import COUNTS, ScaleLoader
from dossiers.models import PublicationIndexPage


class Command(BaseCommand):
    help = "Add ten years of an institute's content on top of the demo content (safe to run again)."

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=2017, help="seed of the random content")
        for name, (default, text) in COUNTS.items():
            parser.add_argument(
                f"--{name}", type=int, default=default, help=f"{text} (default {default:,})"
            )

    def handle(self, *args, **options):
        if not PublicationIndexPage.objects.filter(locale__language_code="nl").exists():
            raise CommandError("Load the demo content first: manage.py load_demo_content")
        counts = {name: options[name] for name in COUNTS}
        if any(count < 0 for count in counts.values()):
            raise CommandError("Counts cannot be negative.")
        log = self.stdout.write if options["verbosity"] else lambda message: None
        with transaction.atomic():
            ScaleLoader(options["seed"], counts, log=log).load()
        if options["verbosity"]:
            self.stdout.write(self.style.SUCCESS("Scale content loaded."))
