"""Counting page views and downloads without storing anything about the visitor.

A view or download is counted when it is a real person's first request for that page or
document within ``STATS_REPEAT_WINDOW`` seconds. Not counted: crawlers and other bots (the
maintained pattern list of the ``crawler-user-agents`` package, plus requests without a user
agent), prefetches, previews, and people who can use the Wagtail admin (editors reading
their own pages). Repeats are recognised by a keyed hash of the client address, user agent,
target and day, kept only in the cache for the window: never written to the database.

Counting must never cost a page: any failure is logged and the page is served as usual.
"""

import hashlib
import hmac
import logging

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from crawleruseragents import is_crawler

from core.client import client_fingerprint

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


def is_first_hit(request, target):
    """True the first time this client asks for ``target`` within the repeat window."""
    message = "|".join(
        [
            client_fingerprint(request),
            request.META.get("HTTP_USER_AGENT", ""),
            target,
            timezone.localdate().isoformat(),
        ]
    )
    digest = hmac.new(settings.SECRET_KEY.encode(), message.encode(), hashlib.sha256)
    return cache.add(f"stats:seen:{digest.hexdigest()}", 1, timeout=settings.STATS_REPEAT_WINDOW)


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
