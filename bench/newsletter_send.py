"""Sending one newsletter edition to 10,000 subscribers through a local SMTP server.

    .venv/bin/python bench/newsletter_send.py [--recipients 10000] [--rate 0] [--kill-after 0]

Starts an SMTP server (aiosmtpd) on a free loopback port, makes a database of its own
(SQLite in a temporary folder unless DATABASE_URL is set: give a PostgreSQL URL to measure
the production path with SKIP LOCKED), a newsletter page, an edition and N confirmed
subscribers, and sends the edition with Django's SMTP backend through
``newsletter.sending`` as the task worker does. ``--kill-after K`` stops the first run after
K messages (as a kill would, right after the server accepted the K-th) and starts a second
run, as a restarted worker does. Prints messages per second, the process's peak memory, and
the proof: every subscriber received exactly one message, and none received two.
"""

import argparse
import logging
import os
import resource
import socket
import sys
import tempfile
import threading
import time
from collections import Counter

import django

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
WORKDIR = tempfile.mkdtemp(prefix="kp-newsletter-bench-")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_cms.settings.dev")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{WORKDIR}/bench.sqlite3")
django.setup()

from django.core.mail.backends.smtp import EmailBackend  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import override_settings  # noqa: E402
from django.utils import timezone  # noqa: E402

from wagtail.models import Locale, Page, Site  # noqa: E402

from aiosmtpd.controller import Controller  # noqa: E402

from newsletter import sending  # noqa: E402
from newsletter.models import (  # noqa: E402
    CONSENT_VERSION,
    Delivery,
    Mailing,
    NewsletterEditionPage,
    NewsletterPage,
    Subscriber,
)


class CountingHandler:
    """The SMTP server's side: counts the messages each address receives."""

    def __init__(self):
        self.received = Counter()
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        with self.lock:
            self.received.update(address.lower() for address in envelope.rcpt_tos)
        return "250 OK"


class KilledWorker(BaseException):
    pass


class DyingSMTPBackend(EmailBackend):
    """Django's SMTP backend that stops the worker after ``left`` messages."""

    left = 0

    def send_messages(self, messages):
        sent = super().send_messages(messages)
        if DyingSMTPBackend.left:
            DyingSMTPBackend.left -= sent
            if DyingSMTPBackend.left <= 0:
                raise KilledWorker
        return sent


def make_content(recipients):
    call_command("migrate", verbosity=0)
    locale = Locale.objects.get_or_create(language_code="nl")[0]
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "localhost", 8000
    site.save()
    newsletter = site.root_page.add_child(
        instance=NewsletterPage(title="Nieuwsbrief", slug="nieuwsbrief", locale=locale)
    )
    edition = newsletter.add_child(
        instance=NewsletterEditionPage(
            title="Benchmark-editie",
            slug=f"benchmark-{int(time.time())}",
            subject="Benchmark",
            intro="<p>Het nieuws van deze maand.</p>",
            body=[
                ("text", "<p>Een alinea tekst met <a href='https://example.org/'>een link</a>.</p>")
            ],
            locale=locale,
        )
    )
    now = timezone.now()
    Subscriber.objects.bulk_create(
        (
            Subscriber(
                email=f"lezer{n}@bench.example",
                name=f"Lezer {n}",
                language="nl",
                status=Subscriber.Status.CONFIRMED,
                consent_given_at=now,
                consent_version=CONSENT_VERSION,
                confirmed_at=now,
            )
            for n in range(recipients)
        ),
        batch_size=1000,
    )
    return Page.objects.get(pk=edition.pk).specific


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--recipients", type=int, default=10_000)
    parser.add_argument("--rate", type=float, default=0, help="messages per second (0: no limit)")
    parser.add_argument("--batch-size", type=int, default=100)
    parser.add_argument("--kill-after", type=int, default=0)
    options = parser.parse_args()

    logging.getLogger("mail.log").setLevel(logging.WARNING)  # aiosmtpd logs every command
    handler = CountingHandler()
    with socket.socket() as probe:  # a free port (aiosmtpd cannot be given port 0)
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    print(f"database: {connection.vendor}; SMTP server on 127.0.0.1:{port}")

    edition = make_content(options.recipients)
    backend = "newsletter_send.DyingSMTPBackend" if options.kill_after else None
    DyingSMTPBackend.left = options.kill_after
    sys.modules.setdefault("newsletter_send", sys.modules[__name__])
    smtp = {
        "EMAIL_BACKEND": backend or "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": port,
        "EMAIL_USE_TLS": False,
        "EMAIL_HOST_USER": "",
        "EMAIL_HOST_PASSWORD": "",
    }
    with override_settings(
        DEBUG=False,
        NEWSLETTER_SEND_RATE=options.rate,
        NEWSLETTER_BATCH_SIZE=options.batch_size,
        NEWSLETTER_CLAIM_TIMEOUT=0,
        TASKS={"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}},
        **smtp,
    ):
        started = time.perf_counter()
        # the immediate task backend sends in-process; it records a killed run as failed
        sending.start(edition)
        mailing = Mailing.objects.get(edition=edition)
        if options.kill_after:
            print(f"first run stopped after {sum(handler.received.values())} messages")
            with override_settings(EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend"):
                sending.send_due()
        elapsed = time.perf_counter() - started
    time.sleep(0.5)  # the last message's DATA is counted by the server's thread
    controller.stop()

    report = sending.report(mailing)
    received = handler.received
    twice = [address for address, count in received.items() if count > 1]
    expected = {email.lower() for email in Subscriber.objects.values_list("email", flat=True)}
    missing = expected - set(received)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"recipients:       {report['recipients']}")
    print(f"sent (recorded):  {report['sent']}  interrupted: {report['interrupted']}")
    print(f"received (SMTP):  {sum(received.values())} messages to {len(received)} addresses")
    print(f"duplicates:       {len(twice)}")
    print(f"missing:          {len(missing)}")
    print(f"time:             {elapsed:.1f} s  ({report['recipients'] / elapsed:.0f} messages/s)")
    print(f"peak memory:      {peak_mb:.0f} MB (maximum resident set size of this process)")
    waiting = Delivery.objects.filter(status__in=["pending", "claimed"]).count()
    print(f"deliveries left waiting: {waiting}")
    if twice or missing or options.recipients != report["recipients"]:
        sys.exit("FAILED: not exactly one message per subscriber")


if __name__ == "__main__":
    main()
