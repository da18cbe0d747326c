"""Erase the personal data of registrations once their event is past the retention period.

The period is ``EVENT_RETENTION_DAYS`` (environment variable, default 90 days after the
event ended). The registration stays without name, address, organisation, role or needs
(its status counts in the yearly figures), and the e-mails sent for it are deleted.
Schedule it once a day:
    45 3 * * *  cd /srv/site && .venv/bin/python manage.py erase_event_registrations
"""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from events import registrations
from events.models import Registration


class Command(BaseCommand):
    help = (
        "Erase the personal data of registrations for events that ended longer ago than "
        "EVENT_RETENTION_DAYS."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Retention period in days (default: the EVENT_RETENTION_DAYS setting).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Only count the registrations that are due."
        )

    def handle(self, *args, days=None, dry_run=False, **options):
        days = settings.EVENT_RETENTION_DAYS if days is None else days
        due = Registration.objects.filter(
            event__end__lte=timezone.now() - timedelta(days=days), anonymised_at__isnull=True
        )
        if dry_run:
            self.stdout.write(f"{due.count()} registration(s) are due to be erased.")
            return
        count = 0
        for registration in due.iterator():
            registrations.anonymise(registration)
            count += 1
        self.stdout.write(f"Erased {count} registration(s) of events older than {days} days.")
