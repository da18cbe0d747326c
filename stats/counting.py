"""Counting page views and downloads without storing anything about the visitor.

A view or download is counted when it is a client's first request for that page or
document that day, whatever its User-Agent says (so a loop with a new User-Agent each time
adds nothing). Not counted: crawlers and other bots (the
maintained pattern list of the ``crawler-user-agents`` package, plus requests without a user
agent), prefetches, previews, and people who can use the Wagtail admin (editors reading
their own pages). Repeats are recognised by a hash of the client address (core.client) and
the target, salted with a key that changes every day (``SECRET_KEY`` + date): kept only in
the cache until the day ends, never written to the database, and yesterday's hashes cannot
be linked to today's.

Counting must never cost a page: any failure is logged and the page is served as usual.
"""

import datetime
import logging

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from crawleruseragents import is_crawler

from core.client import client_address, keyed_hash

from .models import DailyDownloads, DailyPageViews

logger = logging.getLogger(__name__)

PREFETCH_HEADERS = ("HTTP_SEC_PURPOSE", "HTTP_PURPOSE", "HTTP_X_MOZ", "HTTP_X_PURPOSE")


def is_bot(request):
    user_agent = request.META.get("HTTP_USER_AGENT", "").strip()
    return not user_agent or is_crawler(user_agent)


def is_prefetch(request):
    return any("prefetch" in request.META.get(header, "") for header in PREFETCH_HEADERS)


def is_editor(request):
    """Someone who can use the admin. Without a session cookie nobody is logged in, and the
    session is left alone (reading it would make the response vary on cookies)."""
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return False
    user = request.user
    return user.is_authenticated and user.has_perm("wagtailadmin.access_admin")


def is_countable(request):
    return not (
        getattr(request, "is_preview", False)
        or is_prefetch(request)
        or is_bot(request)
        or is_editor(request)
    )


def seconds_until_tomorrow(now):
    tomorrow = datetime.datetime.combine(
        now.date() + datetime.timedelta(days=1), datetime.time(), tzinfo=now.tzinfo
    )
    return max(1, int((tomorrow - now).total_seconds()) + 1)


def is_first_hit(request, target):
    """True the first time today this client asks for ``target``."""
    now = timezone.localtime()
    daily_salt = f"{settings.SECRET_KEY}|stats|{now.date().isoformat()}"
    seen = keyed_hash(f"{client_address(request)}|{target}", key=daily_salt)
    return cache.add(f"stats:seen:{seen}", 1, timeout=seconds_until_tomorrow(now))


def increment(model, **key):
    """Add one to today's row of ``model`` for ``key`` (an F() update, else an insert)."""
    day = timezone.localdate()
    with transaction.atomic():
        rows = model.objects.filter(day=day, **key)
        if rows.update(count=F("count") + 1):
            return
        try:
            with transaction.atomic():
                model.objects.create(day=day, count=1, **key)
        except IntegrityError:  # another request inserted the row first
            rows.update(count=F("count") + 1)


def count(request, target, model, **key):
    """Count one hit of ``target`` if the rules allow it; never raises."""
    try:
        if is_countable(request) and is_first_hit(request, target):
            increment(model, **key)
    except Exception:
        logger.exception("Could not count %s", target)


def count_page_view(request, page_id):
    count(request, f"page:{page_id}", DailyPageViews, page_id=page_id)


def count_download(request, document_id):
    count(request, f"document:{document_id}", DailyDownloads, document_id=document_id)
