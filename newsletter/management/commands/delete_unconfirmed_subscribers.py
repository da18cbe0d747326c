"""Delete signups that were never confirmed within the retention period.

Schedule it daily (cron or a systemd timer), e.g.:
    15 3 * * *  cd /srv/site && .venv/bin/python manage.py delete_unconfirmed_subscribers
"""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from newsletter import subscriptions
from newsletter.models import Subscriber


class Command(BaseCommand):
    help = (
        "Delete newsletter signups not confirmed within NEWSLETTER_RETENTION_DAYS days, "
        "with the e-mails stored for them."
    )

    def handle(self, *args, **options):
        cutoff = timezone.now() - timedelta(days=settings.NEWSLETTER_RETENTION_DAYS)
        deleted = subscriptions.erase(Subscriber.objects.unconfirmed_since(cutoff))
        self.stdout.write(f"Deleted {deleted} unconfirmed signup(s).")
