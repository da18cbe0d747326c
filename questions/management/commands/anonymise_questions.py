"""Erase the personal data of closed questions once they are past the retention period.

The period is ``QUESTION_RETENTION_DAYS`` (environment variable, default 365 days after a
question was closed). Schedule it once a day (cron or a systemd timer):
    30 3 * * *  cd /srv/site && .venv/bin/python manage.py anonymise_questions
"""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from questions.models import SubmittedQuestion


class Command(BaseCommand):
    help = (
        "Erase the name and e-mail address (and the e-mails sent) of questions closed longer "
        "ago than QUESTION_RETENTION_DAYS."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Retention period in days (default: the QUESTION_RETENTION_DAYS setting).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Only count the questions that are due."
        )

    def handle(self, *args, days=None, dry_run=False, **options):
        days = settings.QUESTION_RETENTION_DAYS if days is None else days
        due = SubmittedQuestion.objects.filter(
            status=SubmittedQuestion.Status.CLOSED,
            closed_at__lte=timezone.now() - timedelta(days=days),
            anonymised_at__isnull=True,
        )
        if dry_run:
            self.stdout.write(f"{due.count()} closed question(s) are due to be anonymised.")
            return
        count = 0
        for question in due.iterator():
            question.anonymise()
            count += 1
        self.stdout.write(f"Anonymised {count} closed question(s) older than {days} days.")
