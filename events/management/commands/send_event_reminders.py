"""Remind participants of the events starting within EVENT_REMINDER_DAYS, and expire the
waiting-list offers past their deadline (their places go to the next on the list).

Each registration is reminded once, however often this runs. Schedule it every hour:
    15 * * * *  cd /srv/site && .venv/bin/python manage.py send_event_reminders
"""

from django.core.management.base import BaseCommand

from events import registrations


class Command(BaseCommand):
    help = "Send event reminders (once per registration) and expire waiting-list offers."

    def handle(self, *args, **options):
        expired = registrations.expire_offers()
        sent = registrations.send_reminders()
        self.stdout.write(f"Expired {expired} offer(s); queued {sent} reminder(s).")
