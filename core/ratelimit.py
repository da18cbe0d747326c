"""One rate limiter for the whole site: public forms, endpoints and the admin login.

Counts events per identity in the cache (Redis in production, shared by all application
servers). An identity is a keyed hash (of a client address or a user name), never the value
itself, and it is kept no longer than the window. Over the limit the answer is 429 with
``Retry-After``.

- ``rate_limit(scope)`` / ``check_rate()``: every request of a client counts (public forms).
- ``throttle_login(view)``: only *failed* logins count (``user_login_failed``), per client and
  per user name; once either is over ``LOGIN_RATE_LIMIT`` further attempts are refused
  before the password is even checked.
"""

import functools
import hashlib
import hmac
import time

from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from django.core.cache import cache
from django.dispatch import receiver
from django.shortcuts import render
from django.utils.translation import gettext as _

UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_rate(rate):
    """'10/h' -> (10, 3600)."""
    count, _slash, unit = rate.partition("/")
    return int(count), UNITS[unit]


def keyed_hash(value):
    return hmac.new(settings.SECRET_KEY.encode(), value.encode(), hashlib.sha256).hexdigest()[:32]


def client_address(request):
    """The client's address; behind a proxy the last one in its header (the proxy added it,
    while the ones before it are whatever the client sent)."""
    header = settings.CLIENT_IP_HEADER
    address = request.META.get(header) or request.META.get("REMOTE_ADDR", "")
    return address.split(",")[-1].strip()


def client_fingerprint(request):
    return keyed_hash(client_address(request))


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


def _login_identities(request, username):
    identities = [("login-client", client_fingerprint(request))]
    if username:
        identities.append(("login-user", keyed_hash(username.strip().lower())))
    return identities


@receiver(user_login_failed)
def count_failed_login(sender, credentials, request=None, **kwargs):
    if request is None:
        return
    for scope, identity in _login_identities(request, credentials.get("username", "")):
        hit(scope, identity, settings.LOGIN_RATE_LIMIT)


def throttle_login(view):
    """Refuse login attempts (429) from a client or for a user name with too many failures."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method == "POST":
            identities = _login_identities(request, request.POST.get("username", ""))
            retry_after = max(
                blocked(scope, identity, settings.LOGIN_RATE_LIMIT)
                for scope, identity in identities
            )
            if retry_after:
                return too_many_requests(
                    request,
                    retry_after,
                    _("Too many failed login attempts. Logging in is blocked for a while."),
                )
        return view(request, *args, **kwargs)

    return wrapped
