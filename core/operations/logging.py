"""Structured logs: one JSON object a line, with the request id, without personal data.

- ``RequestIdMiddleware`` (outermost) takes the proxy's ``X-Request-ID`` when it looks like
  one, or makes one; sends it back in the response; and logs one line per request (method,
  path without query string, status, duration).
- ``RequestIdFilter`` puts the id on every record logged while the request runs.
- ``RedactPersonalDataFilter`` replaces e-mail addresses in every message by ``[e-mail]``;
  the code itself never logs question texts or names (only ids and purposes).
- ``JsonFormatter`` writes the fields above, never the request object or its headers.
"""

import contextvars
import json
import logging
import re
import time
import uuid
from datetime import UTC, datetime

request_id_var = contextvars.ContextVar("request_id", default="-")

EMAIL_PATTERN = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
INCOMING_ID_PATTERN = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
EXTRA_FIELDS = ("method", "path", "status", "duration_ms")

access_logger = logging.getLogger("core.request")


def redact(text):
    return EMAIL_PATTERN.sub("[e-mail]", text)


class RequestIdFilter(logging.Filter):
    def filter(self, record):
        if not hasattr(record, "request_id"):
            record.request_id = request_id_var.get()
        return True


class RedactPersonalDataFilter(logging.Filter):
    def filter(self, record):
        record.msg = redact(record.getMessage())
        record.args = ()
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record):
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", "-"),
        }
        entry.update(
            {field: getattr(record, field) for field in EXTRA_FIELDS if hasattr(record, field)}
        )
        if record.exc_info:
            entry["exception"] = redact(self.formatException(record.exc_info))
        return json.dumps(entry, ensure_ascii=False)


def scrub_sentry_event(event, hint):
    """Sentry's ``before_send``: no e-mail address in messages, exceptions, source lines or
    breadcrumbs; no cookies, query strings or submitted form data; no local variables."""
    for entry in event.get("logentry", {}), event.get("message", {}):
        if isinstance(entry, dict) and "message" in entry:
            entry["message"] = redact(entry["message"])
            entry.pop("params", None)
    if isinstance(event.get("message"), str):
        event["message"] = redact(event["message"])
    for exception in event.get("exception", {}).get("values", []):
        if isinstance(exception.get("value"), str):
            exception["value"] = redact(exception["value"])
        for frame in (exception.get("stacktrace") or {}).get("frames", []):
            frame.pop("vars", None)
            for name in ("pre_context", "post_context"):
                frame[name] = [redact(line) for line in frame.get(name) or []]
            frame["context_line"] = redact(frame.get("context_line") or "")
    for crumb in event.get("breadcrumbs", {}).get("values", []):
        if isinstance(crumb.get("message"), str):
            crumb["message"] = redact(crumb["message"])
        crumb.pop("data", None)
    request = event.get("request", {})
    request.pop("cookies", None)
    request.pop("query_string", None)
    request.pop("data", None)
    request.get("headers", {}).pop("Cookie", None)
    if isinstance(request.get("url"), str):
        request["url"] = redact(request["url"])
    return event


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get("X-Request-ID", "")
        request_id = incoming if INCOMING_ID_PATTERN.match(incoming) else uuid.uuid4().hex
        token = request_id_var.set(request_id)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            response["X-Request-ID"] = request_id
            path = redact(request.path)
            access_logger.info(
                "%s %s %s",
                request.method,
                path,
                response.status_code,
                extra={
                    "request_id": request_id,
                    "method": request.method,
                    "path": path,
                    "status": response.status_code,
                    "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                },
            )
            return response
        finally:
            request_id_var.reset(token)
