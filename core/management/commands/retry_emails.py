"""Re-enqueue e-mails whose delivery failed (or whose task was lost).

Schedule it every few minutes (cron or a systemd timer) next to the task worker:
    */5 * * * *  cd /srv/site && .venv/bin/python manage.py retry_emails
After a mail outage longer than the retries last, ``--failed`` gives the e-mails that were
given up one more attempt each.
"""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.db.models import Q
from django.utils import timezone

from core.email.tasks import deliver_email
from core.models import OutgoingEmail

LOST_AFTER = timedelta(minutes=15)


class Command(BaseCommand):
    help = "Retry e-mails that failed to send and are due another attempt."

    def add_arguments(self, parser):
        parser.add_argument(
            "--now", action="store_true", help="Retry every failed e-mail, even if not yet due."
        )
        parser.add_argument(
            "--failed",
            action="store_true",
            help="Also give e-mails that were given up (status failed) one more attempt.",
        )

    def handle(self, *args, now=False, failed=False, **options):
        moment = timezone.now()
        if failed:
            given_up = OutgoingEmail.objects.filter(status=OutgoingEmail.Status.FAILED)
            given_up.update(status=OutgoingEmail.Status.RETRYING, next_attempt_at=moment)
        due = Q(status=OutgoingEmail.Status.RETRYING)
        if not now:
            due &= Q(next_attempt_at__lte=moment)
        lost = Q(status=OutgoingEmail.Status.QUEUED, created_at__lte=moment - LOST_AFTER)
        ids = list(OutgoingEmail.objects.filter(due | lost).values_list("pk", flat=True))
        for email_id in ids:
            deliver_email.enqueue(email_id)
        self.stdout.write(f"Re-enqueued {len(ids)} e-mail(s).")
