"""End-to-end checks of the scale-out stack that scripts/scaleout.sh starts.

Talks HTTP to Varnish and to each gunicorn instance, and uses the site's own models (same
production settings and database) to publish a change and to look at what reached the
database. The site's e-mails go by SMTP to a small mail server run here (MailServer), which
can be stopped to play a mail outage. Prints one line per check and ends with
"N passed, N failed".
"""

import html
import os
import re
import socketserver
import subprocess
import sys
import threading
import time
import uuid
from http.cookiejar import CookieJar
from urllib.error import HTTPError
from urllib.parse import urlencode, urlsplit
from urllib.request import HTTPCookieProcessor, HTTPRedirectHandler, Request, build_opener

import django
import django.utils.timezone

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
django.setup()

from django.apps import apps  # noqa: E402
from django.conf import settings  # noqa: E402
from django.db import connections  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import translation  # noqa: E402

from wagtail.models import Page  # noqa: E402

from core.models import OutgoingEmail  # noqa: E402
from newsletter import sending  # noqa: E402

APPS = os.environ["SCALEOUT_APPS"].split()
VARNISH = os.environ["SCALEOUT_VARNISH"]
WORKER_LOG = os.environ["SCALEOUT_WORKER_LOG"]
# set by the database outage check: when PostgreSQL was started again
DATABASE_BACK_AT = []


class SMTPHandler(socketserver.StreamRequestHandler):
    """Just enough SMTP for Django's SMTP backend; keeps the recipients of each message."""

    def reply(self, line):
        self.wfile.write(f"{line}\r\n".encode())

    def handle(self):
        self.reply("220 scaleout-check ESMTP")
        recipients = []
        for line in self.rfile:
            command = line.decode("ascii", "replace").strip()
            verb = command[:4].upper()
            if verb == "QUIT":
                self.reply("221 bye")
                return
            if verb == "RCPT":
                recipients.append(re.search(r"<(.*)>", command)[1])
            elif verb == "DATA":
                self.reply("354 end with <CR><LF>.<CR><LF>")
                for data_line in self.rfile:
                    if data_line == b".\r\n":
                        break
                self.server.received.extend(recipients)
                recipients = []
            self.reply("250 ok")  # EHLO, HELO, MAIL, RSET, NOOP and the above


class MailServer:
    """The site's mail server (EMAIL_HOST/EMAIL_PORT); stop() and start() play an outage."""

    def __init__(self, port):
        self.port = port
        self.received = []
        self.server = None

    def start(self):
        socketserver.ThreadingTCPServer.allow_reuse_address = True
        self.server = socketserver.ThreadingTCPServer(("127.0.0.1", self.port), SMTPHandler)
        self.server.daemon_threads = True
        self.server.received = self.received
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


MAIL = MailServer(settings.EMAIL_PORT)


class NoRedirects(HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def fetch(url, data=None, headers=None, cookies=None):
    """(status, headers, body) without following redirects."""
    opener = build_opener(
        NoRedirects, HTTPCookieProcessor(CookieJar() if cookies is None else cookies)
    )
    body = urlencode(data).encode() if data is not None else None
    request = Request(url, data=body, headers=headers or {})  # noqa: S310 (our own http URLs)
    try:
        with opener.open(request, timeout=10) as response:
            return response.status, response.headers, response.read().decode()
    except HTTPError as error:
        return error.code, error.headers, error.read().decode()


def eventually(condition, seconds, what):
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {seconds} s: {what}")
        time.sleep(0.2)


def postgres(action):
    """Stop or start the stack's PostgreSQL (the functions of scripts/lib/stack.sh)."""
    connections.close_all()
    subprocess.run(  # noqa: S603
        ["bash", "-c", f"source scripts/lib/stack.sh && pg_{action}"],  # noqa: S607
        check=True,
        env={**os.environ, "STACK_PG_DATA": os.environ["SCALEOUT_PG_DATA"]},
    )


def signup_path():
    with translation.override("nl"):
        return reverse("newsletter_signup")


def a_dutch_page():
    return Page.objects.live().filter(depth=3, locale__language_code="nl").first().specific


def check_page_is_served_from_varnish():
    fetch(f"{VARNISH}/nl/")
    status, headers, _body = fetch(f"{VARNISH}/nl/")
    assert status == 200, status
    assert headers["X-Cache"] == "HIT", headers["X-Cache"]
    return "the second request for /nl/ is a Varnish hit"


def check_a_published_change_is_shown_at_once():
    page = a_dutch_page()
    url = f"{VARNISH}{page.get_url()}"
    fetch(url)
    assert fetch(url)[1]["X-Cache"] == "HIT"
    marker = uuid.uuid4().hex[:8]
    page.title = f"{page.title} {marker}"
    started = time.monotonic()
    page.save_revision().publish()
    seconds = time.monotonic() - started
    assert marker in fetch(url)[2], f"{url} still shows the old title"
    return f"the next request for {page.get_url()} showed the new title ({seconds:.1f} s publish)"


def sign_up():
    """A newsletter signup through Varnish; returns its e-mail address once it is stored."""
    email = f"scaleout-{uuid.uuid4().hex[:8]}@example.org"
    status, _headers, _body = fetch(
        f"{VARNISH}{signup_path()}",
        data={"email": email, "name": "", "language": "nl", "consent": "on", "website": ""},
        headers={"Accept-Language": "nl"},
    )
    assert status in (200, 302, 303), status
    subscriber_model = apps.get_model("newsletter", "Subscriber")
    assert subscriber_model.objects.filter(email=email).exists(), "no subscriber stored"
    return email


def wait_until_mailed(email, seconds):
    """Wait until the worker has sent the e-mail to ``email`` and the mail server has it."""
    eventually(
        lambda: (
            OutgoingEmail.objects.filter(to=email, status=OutgoingEmail.Status.SENT).exists()
            and email in MAIL.received
        ),
        seconds,
        f"the worker sent the e-mail to {email}",
    )


def check_newsletter_signup_reaches_the_database_and_the_mail_is_sent():
    if not apps.is_installed("newsletter"):
        return None  # the newsletter app is not on this branch yet
    email = sign_up()
    started = time.monotonic()
    # (the worker may first work through the index updates the demo content queued)
    wait_until_mailed(email, 300)
    seconds = time.monotonic() - started
    return f"a signup through Varnish was stored; the worker sent its e-mail after {seconds:.0f} s"


def check_database_outage_gives_503_and_both_instances_recover():
    # a page in Varnish's cache before the outage (once the purges of earlier checks ran)
    eventually(lambda: fetch(f"{VARNISH}/en/")[1]["X-Cache"] == "HIT", 15, "/en/ is cached")
    postgres("stop")
    try:
        for app in APPS:
            status, headers, body = fetch(f"{app}/nl/?uncached={uuid.uuid4().hex}")
            assert status == 503, (app, status)
            assert int(headers["Retry-After"]) > 0
            assert "Tijdelijk niet beschikbaar" in body
            assert fetch(f"{app}/readyz")[0] == 503
            assert fetch(f"{app}/healthz")[0] == 200
        assert fetch(f"{VARNISH}/en/")[0] == 200, "Varnish keeps serving its cached copy"
    finally:
        postgres("start")
    started = time.monotonic()
    DATABASE_BACK_AT.append(started)
    for app in APPS:
        eventually(
            lambda app=app: fetch(f"{app}/nl/?uncached={uuid.uuid4().hex}")[0] == 200,
            5,
            f"{app} recovers without a restart",
        )
    return (
        "both instances answered 503 + Retry-After without PostgreSQL and recovered "
        f"{time.monotonic() - started:.1f} s after it was back"
    )


def check_the_worker_comes_back_after_the_database_outage():
    if not apps.is_installed("newsletter"):
        return None
    email = sign_up()
    wait_until_mailed(email, 60)
    with open(WORKER_LOG) as log:
        restarts = log.read().count("supervise: exited")
    return (
        f"a signup after the outage was e-mailed {time.monotonic() - DATABASE_BACK_AT[-1]:.1f} s "
        f"after PostgreSQL was back (the worker exited and was restarted {restarts} times)"
    )


def check_a_signup_during_a_mail_outage_is_mailed_when_the_server_is_back():
    if not apps.is_installed("newsletter"):
        return None
    MAIL.stop()
    try:
        email = sign_up()
        eventually(
            lambda: OutgoingEmail.objects.filter(
                to=email, status=OutgoingEmail.Status.RETRYING, attempts=1
            ).exists(),
            30,
            "the failed e-mail is kept for another attempt",
        )
    finally:
        MAIL.start()
    started = time.monotonic()
    # what cron runs every 5 minutes in production (--now: not waiting for the back-off)
    subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "retry_emails", "--now"], check=True, capture_output=True
    )
    wait_until_mailed(email, 60)
    return (
        "a signup while the mail server was down was stored, its e-mail kept, and sent "
        f"{time.monotonic() - started:.1f} s after the server was back (retry_emails)"
    )


def redis_port():
    return str(urlsplit(os.environ["REDIS_URL"]).port)


def check_a_redis_outage_is_served_without_the_cache():
    """Last, since it ends with Redis stopped: a page from each instance while Redis is away
    (rendered, not cached), /readyz 503, and ready again once Redis is back."""
    subprocess.run(  # noqa: S603
        ["redis-cli", "-p", redis_port(), "shutdown", "nosave"],  # noqa: S607
        check=False,
        stdout=subprocess.DEVNULL,
    )
    eventually(lambda: fetch(f"{APPS[0]}/readyz")[0] == 503, 5, "Redis is away")
    for app in APPS:
        status, _headers, body = fetch(f"{app}/nl/?uncached={uuid.uuid4().hex}")
        assert status == 200, (app, status)
        assert "<h1" in body
        assert fetch(f"{app}/readyz")[0] == 503
    restarted = subprocess.Popen(  # noqa: S603
        ["redis-server", "--bind", "127.0.0.1", "--port", redis_port(), "--save", ""],  # noqa: S607
        stdout=subprocess.DEVNULL,
    )
    try:
        started = time.monotonic()
        for app in APPS:
            eventually(
                lambda app=app: fetch(f"{app}/readyz")[0] == 200, 5, f"{app} ready with Redis"
            )
        seconds = time.monotonic() - started
    finally:
        restarted.terminate()
        restarted.wait()
    return (
        "without Redis both instances rendered pages (200, no cache) and /readyz said 503; "
        f"ready again {seconds:.1f} s after Redis was back"
    )


def alternate_until_refused(send, attempts):
    """Send to the instances in turn; return (statuses, instances that answered 429)."""
    statuses, refused_by = [], set()
    for attempt in range(attempts):
        app = APPS[attempt % len(APPS)]
        statuses.append(send(app))
        if statuses[-1] == 429:
            refused_by.add(app)
    return statuses, refused_by


def check_a_login_flood_is_refused_by_either_instance():
    cookies = CookieJar()
    _status, _headers, body = fetch(f"{APPS[0]}/admin/login/", cookies=cookies)
    token = html.unescape(re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body)[1])
    client = {"X-Forwarded-For": "203.0.113.10"}

    def send(app):
        return fetch(
            f"{app}/admin/login/",
            data={"username": "admin", "password": "wrong", "csrfmiddlewaretoken": token},
            headers=client,
            cookies=cookies,
        )[0]

    statuses, refused_by = alternate_until_refused(send, 14)
    assert statuses == [200] * 10 + [429] * 4, statuses
    assert refused_by == set(APPS), refused_by
    return "10 failed logins spread over both instances, then 429 from each (limits in Redis)"


def check_a_form_flood_is_refused_by_either_instance():
    if not apps.is_installed("newsletter"):
        return None
    client = {"X-Forwarded-For": "203.0.113.11"}

    def send(app):
        data = {"email": f"flood-{uuid.uuid4().hex[:8]}@example.org", "consent": "on"}
        return fetch(f"{app}{signup_path()}", data=data, headers=client)[0]

    statuses, refused_by = alternate_until_refused(send, 10)
    assert statuses.count(429) == 4, f"FORM_RATE_LIMIT=6 but: {statuses}"
    assert refused_by == set(APPS), refused_by
    return "6 signups spread over both instances, then 429 from each"


def check_an_edition_is_sent_by_the_worker_to_each_subscriber_once():
    """A published edition sent to 40 new confirmed subscribers (and any the demo has): the
    worker delivers one message to each through the mail server and reports it sent."""
    if not apps.is_installed("newsletter"):
        return None
    page_model = apps.get_model("newsletter", "NewsletterPage")
    edition_model = apps.get_model("newsletter", "NewsletterEditionPage")
    subscriber_model = apps.get_model("newsletter", "Subscriber")
    newsletter = page_model.objects.live().filter(locale__language_code="nl").first()
    assert newsletter is not None, "no Dutch newsletter page in the demo content"
    run = uuid.uuid4().hex[:8]
    edition = newsletter.add_child(
        instance=edition_model(
            title=f"Scale-out {run}", slug=f"scaleout-{run}", subject=f"Scale-out {run}"
        )
    )
    edition.save_revision().publish()
    now = django.utils.timezone.now()
    subscriber_model.objects.bulk_create(
        subscriber_model(
            email=f"edition-{run}-{n}@example.org",
            language="nl",
            status="confirmed",
            consent_given_at=now,
            consent_version="scaleout",
            confirmed_at=now,
        )
        for n in range(40)
    )
    expected = set(sending.audience(edition).values_list("email", flat=True))
    before = {address: MAIL.received.count(address) for address in expected}
    started = time.monotonic()
    mailing = sending.start(edition)
    eventually(
        lambda: type(mailing).objects.get(pk=mailing.pk).status == "sent",
        300,
        "the worker sent the whole edition",
    )
    counts = {address: MAIL.received.count(address) - before[address] for address in expected}
    assert set(counts.values()) == {1}, f"not one message each: {sorted(set(counts.values()))}"
    report = sending.report(mailing)
    assert report["sent"] == len(expected), report
    seconds = time.monotonic() - started
    return f"{len(expected)} subscribers got one message each, via the worker, in {seconds:.0f} s"


CHECKS = [
    check_page_is_served_from_varnish,
    check_a_published_change_is_shown_at_once,
    check_newsletter_signup_reaches_the_database_and_the_mail_is_sent,
    check_an_edition_is_sent_by_the_worker_to_each_subscriber_once,
    check_database_outage_gives_503_and_both_instances_recover,
    check_the_worker_comes_back_after_the_database_outage,
    check_a_signup_during_a_mail_outage_is_mailed_when_the_server_is_back,
    check_a_login_flood_is_refused_by_either_instance,
    check_a_form_flood_is_refused_by_either_instance,
    check_a_redis_outage_is_served_without_the_cache,
]


def main():
    MAIL.start()
    passed = failed = skipped = 0
    for check in CHECKS:
        name = check.__name__.removeprefix("check_").replace("_", " ")
        try:
            result = check()
        except Exception as error:  # report every check, then fail
            failed += 1
            print(f"FAIL {name}: {type(error).__name__}: {error}", flush=True)
            continue
        if result is None:
            skipped += 1
            print(f"SKIP {name}: the newsletter app is not installed", flush=True)
        else:
            passed += 1
            print(f"ok   {name}: {result}", flush=True)
    print(f"scaleout: {passed} passed, {failed} failed, {skipped} skipped")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
