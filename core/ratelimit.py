"""One rate limiter for the whole site: public forms, endpoints and every credential form.

Counts events per identity in the cache (Redis in production, shared by all application
servers). An identity is a keyed hash (of a client address, or of it with an account), never the
value itself, and it is kept no longer than the window. Over the limit the answer is 429 with
``Retry-After``.

- ``rate_limit(scope)`` / ``check_rate()``: every request of a client counts (public forms).
- ``throttle_credentials(view, account)``: logins, page and collection passwords, password
  reset. Failed attempts count per client and per (client, account); over either limit
  further attempts are refused before the password is even checked.

The client address is found by ``core.client`` (behind ``TRUSTED_PROXY_COUNT`` proxies).
"""

import functools
import time

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render
from django.utils.translation import gettext as _

from core.client import client_fingerprint, keyed_hash

UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_rate(rate):
    """'10/h' -> (10, 3600)."""
    count, _slash, unit = rate.partition("/")
    return int(count), UNITS[unit]


def _window(rate):
    limit, window = parse_rate(rate)
    window_start = int(time.time()) // window * window
    return limit, window, window_start


def _retry_after(window_start, window):
    return max(1, window_start + window - int(time.time()))


def hit(scope, identity, rate):
    """Count one event for ``identity``; return 0 when allowed, else seconds to wait."""
    limit, window, window_start = _window(rate)
    key = f"ratelimit:{scope}:{identity}:{window_start}"
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window)
        count = 1
    if count is None:  # the cache does not answer (core/caching/redis.py): the limits are open
        return 0
    return _retry_after(window_start, window) if count > limit else 0


def blocked(scope, identity, rate):
    """Without counting: 0 when ``identity`` is under the limit, else seconds to wait."""
    limit, window, window_start = _window(rate)
    count = cache.get(f"ratelimit:{scope}:{identity}:{window_start}", 0)
    return _retry_after(window_start, window) if count >= limit else 0


def check_rate(request, scope, rate=None):
    """Count this request; return 0 when allowed, else the seconds until the window ends."""
    return hit(scope, client_fingerprint(request), rate or settings.FORM_RATE_LIMIT)


def too_many_requests(request, retry_after, message=None):
    response = render(
        request,
        "429.html",
        {
            "retry_after": retry_after,
            "message": message or _("Too many attempts. Please try again later."),
        },
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


def _credential_identities(request, account):
    """Who an attempt counts against: the client, and the client for this account. Never the
    account alone, or a stranger could lock its owner out by failing on purpose."""
    client = client_fingerprint(request)
    identities = [("credentials-client", client, settings.LOGIN_CLIENT_RATE_LIMIT)]
    if account:
        identities.append(
            (
                "credentials-account",
                keyed_hash(f"{client}|{account.strip().lower()}"),
                settings.LOGIN_RATE_LIMIT,
            )
        )
    return identities


def throttle_credentials(view, account, count_every_attempt=False):
    """Throttle a form that takes a password or sends a credential by e-mail.

    ``account(request, kwargs)`` names what is attacked (a user name, a restriction). Failed
    attempts (the view does not redirect) count, or every POST with ``count_every_attempt``
    (a form that sends e-mail); once the client, or the client for that account, is over its
    limit, further attempts get 429 before the password is even checked.
    """

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method != "POST":
            return view(request, *args, **kwargs)
        identities = _credential_identities(request, account(request, kwargs))
        retry_after = max(blocked(scope, identity, rate) for scope, identity, rate in identities)
        if retry_after:
            return too_many_requests(
                request,
                retry_after,
                _("Too many failed attempts. This form is blocked for a while."),
            )
        response = view(request, *args, **kwargs)
        if count_every_attempt or response.status_code not in (301, 302, 303):
            for scope, identity, rate in identities:
                hit(scope, identity, rate)
        return response

    return wrapped


def posted(field):
    """``account`` for ``throttle_credentials``: a field of the posted form."""
    return lambda request, kwargs: request.POST.get(field, "")


def url_argument(kind, name):
    """``account`` for ``throttle_credentials``: an argument of the URL (e.g. a restriction)."""
    return lambda request, kwargs: f"{kind}:{kwargs.get(name)}"
