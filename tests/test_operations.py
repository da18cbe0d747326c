"""Failing politely: a database outage, readiness, request ids in logs without personal data,
error reporting."""

import json
import logging
import socket
from contextlib import contextmanager

from django.db import connection
from django.test import Client
from django.utils.html import escape

import pytest
from sentry_sdk.utils import event_from_exception

import core.caching.redis
from core.operations.logging import (
    JsonFormatter,
    RedactPersonalDataFilter,
    RequestIdFilter,
    scrub_sentry_event,
)
from core.operations.views import server_error
from tests.factories import StandardPageFactory
from tests.helpers import run_manage

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="simulates an outage of the PostgreSQL server"
)
outage_db = pytest.mark.django_db(transaction=True)


@contextmanager
def database_unreachable():
    """The database server stops answering (a port nothing listens on), then comes back."""
    saved = dict(connection.settings_dict)
    connection.close()
    connection.settings_dict["PORT"] = "1"
    try:
        yield
    finally:
        connection.close()
        connection.settings_dict.update(saved)


def visitor():
    return Client(raise_request_exception=False)


def test_readyz_reports_database_and_cache(client, db):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": True, "cache": True}
    assert "no-cache" in response["Cache-Control"]


@postgresql_only
@outage_db
@pytest.mark.parametrize(
    ("path", "language", "text"),
    [
        ("/nl/over-ons/", "nl", "Tijdelijk niet beschikbaar"),
        ("/en/", "en", "Temporarily unavailable"),
    ],
)
def test_database_outage_gives_503_in_the_visitors_language_then_recovers(
    home, path, language, text
):
    StandardPageFactory(parent=home["nl"], title="Over ons", slug="over-ons")
    with database_unreachable():
        response = visitor().get(path)
        assert response.status_code == 503
        assert int(response["Retry-After"]) > 0
        html = response.content.decode()
        assert f'<html lang="{language}">' in html
        assert text in html
        assert "Traceback" not in html
        assert visitor().get("/readyz").json()["database"] is False
        assert visitor().get("/healthz").status_code == 200
    # the server is back: the same process answers again, without a restart
    assert visitor().get(path).status_code == 200
    assert visitor().get("/readyz").status_code == 200


@postgresql_only
@outage_db
def test_cached_pages_are_still_served_during_a_database_outage(home, settings):
    settings.PAGE_CACHE_SECONDS = 600
    # (the first view creates the site settings, which purges every page)
    for _attempt in range(2):
        assert visitor().get("/nl/").status_code == 200
    with database_unreachable():
        response = visitor().get("/nl/")
        assert response.status_code == 200
        assert response["X-Page-Cache"] == "hit"
        assert visitor().get("/nl/?niet-in-de-cache").status_code == 503


def test_a_bug_is_still_a_500_not_a_503(rf):
    try:
        raise ValueError("a bug")
    except ValueError:
        response = server_error(rf.get("/nl/"))
    assert response.status_code == 500


def test_every_response_has_a_request_id_and_keeps_the_proxys(client, db):
    generated = client.get("/healthz")["X-Request-ID"]
    assert len(generated) == 32
    assert client.get("/healthz")["X-Request-ID"] != generated
    assert client.get("/healthz", headers={"x-request-id": "varnish-1234abcd"})["X-Request-ID"] == (
        "varnish-1234abcd"
    )
    assert len(client.get("/healthz", headers={"x-request-id": "bad id\n"})["X-Request-ID"]) == 32


def formatted(record):
    for log_filter in (RequestIdFilter(), RedactPersonalDataFilter()):
        log_filter.filter(record)
    return json.loads(JsonFormatter().format(record))


def test_request_log_lines_are_json_with_request_id_and_no_personal_data(client, db, caplog):
    caplog.set_level(logging.INFO, logger="core.request")
    client.get(
        "/healthz?email=jan@example.org",
        headers={"x-request-id": "abcdef123456"},
    )
    (record,) = [r for r in caplog.records if r.name == "core.request"]
    line = formatted(record)
    assert line["request_id"] == "abcdef123456"
    assert line["path"] == "/healthz"
    assert line["status"] == 200
    assert line["method"] == "GET"
    assert "example.org" not in json.dumps(line)


def test_email_addresses_never_reach_the_log():
    record = logging.LogRecord(
        "newsletter",
        logging.WARNING,
        __file__,
        1,
        "Signup of %s failed",
        ("jan@example.org",),
        None,
    )
    line = formatted(record)
    assert line["message"] == "Signup of [e-mail] failed"


def subscribe(email):
    raise ValueError(f"Could not subscribe {email}")


def test_error_reports_carry_no_personal_data():
    try:
        subscribe("jan@example.org")
    except ValueError as error:
        event, hint = event_from_exception(error)
    assert '"vars"' in json.dumps(event)  # Sentry collects the local variables, the source...
    event["logentry"] = {"message": "Signup of %s failed", "params": ["jan@example.org"]}
    event["breadcrumbs"] = {
        "values": [{"message": "mail to jan@example.org", "data": {"to": "jan@example.org"}}]
    }
    event["request"] = {
        "url": "https://example.org/nl/nieuwsbrief/jan@example.org/",
        "query_string": "email=jan@example.org",
        "data": {"email": "jan@example.org"},
        "cookies": {"sessionid": "abc"},
        "headers": {"Cookie": "sessionid=abc", "User-Agent": "Firefox"},
    }

    scrubbed = json.dumps(scrub_sentry_event(event, hint))

    # ...the report keeps what helps to fix the error, and nothing personal
    assert "jan@example.org" not in scrubbed
    assert '"vars"' not in scrubbed and "sessionid" not in scrubbed
    assert "Could not subscribe [e-mail]" in scrubbed
    assert "Signup of %s failed" in scrubbed and "Firefox" in scrubbed
    assert '"function": "subscribe"' in scrubbed


def test_sentry_reports_errors_without_personal_data_when_configured():
    result = run_manage(
        "site_cms.settings.production",
        "shell",
        "--no-imports",
        "-c",
        "import sentry_sdk; client = sentry_sdk.get_client(); "
        "print(client.is_active(), client.options['send_default_pii'])",
        extra_env={
            "SECRET_KEY": "x" * 50,
            "SENTRY_DSN": "http://public@127.0.0.1:9/1",
        },
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "False"]


@pytest.fixture
def redis_away(settings, monkeypatch):
    """The shared cache configured as in production, on a port where no Redis answers."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # free once closed: nothing listens there
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
            "OPTIONS": {
                "SOCKET_CONNECT_TIMEOUT": 1,
                "SOCKET_TIMEOUT": 1,
                "IGNORE_EXCEPTIONS": True,
            },
        }
    }
    settings.PAGE_CACHE_SECONDS = 600
    settings.SITE_CACHE_SECONDS = 86400
    settings.SEARCH_CACHE_SECONDS = 600
    monkeypatch.setattr(core.caching.redis, "_last_logged", 0.0)


def test_a_redis_outage_serves_pages_without_the_cache(home, redis_away, caplog):
    visitor = Client()
    for _ in range(2):
        page = visitor.get("/nl/")
        assert page.status_code == 200
        assert "X-Page-Cache" not in page or page["X-Page-Cache"] == "miss"
        assert escape(home["nl"].title) in page.content.decode()
    assert visitor.get("/en/").status_code == 200
    assert visitor.get("/nl/zoeken/", {"q": "integratie"}).status_code == 200
    # the rate limits are open while their counters are away
    assert visitor.get("/nl/zoeken/suggesties/", {"q": "in"}).status_code == 200
    # told once, not once per cache call of every request
    outage_lines = [r for r in caplog.records if "Redis does not answer" in r.getMessage()]
    assert len(outage_lines) == 1, caplog.text
    # not ready, so a load balancer can tell
    assert visitor.get("/readyz").status_code == 503
