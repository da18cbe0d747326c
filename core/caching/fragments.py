"""Rendered parts of pages that are the same for every visitor, kept by each process until
the content changes.

Templates mark such a part with ``{% shared_fragment "name" key %}…{% endshared_fragment %}``
(``core_tags``). The first anonymous request renders it and this process keeps the HTML; the
next ones get the HTML without rendering it or running the queries behind it. What a page
type shows its visitors depends on the page, its URL and the request parameters it reads,
so the key of a page's parts is ``BasePage.fragment_key(request)``: the URL path and the
values of the parameters the page type declares (``fragment_parameters``), or None for page
types that did not say their parts may be shared.

Kept under the *generation* of ``core.caching.sitecache`` (read from the database once per
request), so a publish, an unpublish, a move or a saved snippet in any process (another
worker, another server, a command) makes every process render afresh; no shared cache
such as Redis is needed, so the embedded default (SQLite, no Redis) gets the same. Also
dropped after ``FRAGMENT_CACHE_SECONDS`` (what changes without an edit, such as the
upcoming events, is at most that old; 0 turns fragments off), and at most
``FRAGMENT_CACHE_ENTRIES`` are kept (the least recently used go first).

Never shared, in either direction (the part is rendered for the request and not kept):

- for a request that is not an anonymous read: a session cookie (someone logged in, a
  visitor who passed a page's password), a method other than GET or HEAD, a preview;
- for a page under a view restriction (login, password or groups), or a page not saved;
- a part whose rendering used the CSRF token or carries a CSP nonce (one visitor's token
  or nonce must never reach another).

Scheme, host and language are part of every key (pages name their own host in absolute
links).
"""

from django.conf import settings
from django.utils import translation

from core.caching import sitecache
from core.caching.kept import MISSING, KeptValues
from core.listings import is_restricted

_kept = KeptValues()

UNSHAREABLE_MARKS = ("csrfmiddlewaretoken", "nonce=")


def may_share(request, page=None):
    """Whether ``request`` may be given (and may fill) shared fragments of ``page``."""
    return bool(
        settings.FRAGMENT_CACHE_SECONDS > 0
        and request is not None
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not getattr(request, "is_preview", False)
        and (page is None or (page.pk and not is_restricted(page)))
    )


def shared(request, parts, render, page=None):
    """The HTML of the fragment ``parts`` (a tuple): kept, or ``render()`` (kept when it may
    be shared)."""
    if not may_share(request, page):
        return render()
    key = (request.scheme, request.get_host(), translation.get_language(), *parts)
    current = sitecache.generation()
    html = _kept.get(key, current, settings.FRAGMENT_CACHE_SECONDS)
    if html is not MISSING:
        return html
    token_asked_before = request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
    html = render()
    if token_asked_before or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return html
    if any(mark in html for mark in UNSHAREABLE_MARKS):
        return html
    _kept.put(key, html, current, settings.FRAGMENT_CACHE_ENTRIES)
    return html


def forget_all():
    """Drop this process's fragments (as a process that has just started)."""
    _kept.clear()
