"""Start the newsletter editions scheduled for now and resume sends a stopped worker left.

Schedule it every minute (cron or a systemd timer), e.g.:
    * * * * *  cd /srv/site && .venv/bin/python manage.py send_newsletters
It only hands mailings to the task worker; running it while a send is under way is safe
(nothing is sent twice, newsletter/sending.py).
"""

from django.core.management.base import BaseCommand

from newsletter import sending


class Command(BaseCommand):
    help = "Start scheduled newsletter editions that are due and resume unfinished sends."

    def handle(self, *args, **options):
        started, resumed = sending.send_due()
        self.stdout.write(f"Started {started} and resumed {resumed} mailing(s).")
