"""One rate limiter for every public form and endpoint of the site.

Counts requests per client in the cache (Redis in production, shared by all application
servers). The client is identified by a keyed hash of its address that is never stored
beyond the window. Over the limit the view answers 429 with ``Retry-After``.
"""

import functools
import hashlib
import hmac
import time

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render
from django.utils.translation import gettext as _

UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_rate(rate):
    """'10/h' -> (10, 3600)."""
    count, _slash, unit = rate.partition("/")
    return int(count), UNITS[unit]


def client_fingerprint(request):
    header = settings.CLIENT_IP_HEADER
    address = request.META.get(header) or request.META.get("REMOTE_ADDR", "")
    address = address.split(",")[0].strip()
    return hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256).hexdigest()[:32]


def check_rate(request, scope, rate=None):
    """Count this request; return 0 when allowed, else the seconds until the window ends."""
    limit, window = parse_rate(rate or settings.FORM_RATE_LIMIT)
    window_start = int(time.time()) // window * window
    key = f"ratelimit:{scope}:{client_fingerprint(request)}:{window_start}"
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window)
        count = 1
    if count > limit:
        return max(1, window_start + window - int(time.time()))
    return 0


def too_many_requests(request, retry_after):
    response = render(
        request,
        "429.html",
        {"retry_after": retry_after, "message": _("Too many attempts. Please try again later.")},
        status=429,
    )
    response["Retry-After"] = str(retry_after)
    return response


def rate_limit(scope, rate=None, methods=("POST",)):
    """Decorate a view so that too many requests of ``methods`` from one client get 429."""

    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method in methods:
                retry_after = check_rate(request, scope, rate)
                if retry_after:
                    return too_many_requests(request, retry_after)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
