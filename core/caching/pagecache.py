"""The anonymous page cache: whole responses in Django's cache, served before the database.

``PageCacheMiddleware`` sits before the session and authentication middleware. A GET from a
visitor without a session cookie is answered from the cache when the page is there, without
touching the database. A response is stored (and marked ``Cache-Control: public`` with
``s-maxage``, so Varnish or a CDN may keep it too) only when it is a plain 200 that used
no CSRF token, set no cookie and did not ask to stay private. A response whose rendering
used the CSRF token is sent ``Cache-Control: private, no-cache`` (a cached token would be
one visitor's token served to all: docs/decisions/forms-on-cached-pages.md).

Entries are found by path: every path has a generation number, and ``purge_path`` starts a
new generation, which drops the path with all its query-string variants (``?page=2``). An
entry keeps the generation it was stored in; one round trip to the cache (``get_many``)
fetches both, and an entry of an older generation is a miss.
``PageCacheBackend`` is a ``wagtail.contrib.frontend_cache`` backend that does this, so one
purge (``core.caching.purge``) reaches this cache, Varnish and a CDN alike.
"""

import hashlib
import time
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache
from django.utils.cache import patch_cache_control

from wagtail.contrib.frontend_cache.backends import BaseBackend

UNCACHEABLE_DIRECTIVES = ("private", "no-cache", "no-store", "max-age=0")


def _digest(value):
    return hashlib.blake2b(value.encode(), digest_size=16).hexdigest()


def _generation_key(path):
    return f"pagecache:generation:{_digest(path)}"


def _entry_key(path, query):
    return f"pagecache:page:{_digest(path)}:{_digest(query)}"


def purge_path(path):
    cache.set(_generation_key(path), time.time_ns(), timeout=None)


class PageCacheBackend(BaseBackend):
    """Purges URLs from the page cache (``WAGTAILFRONTENDCACHE``, always configured)."""

    def purge(self, url):
        purge_path(urlsplit(url).path)


def is_anonymous_read(request):
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.path_info.startswith(settings.PAGE_CACHE_EXCLUDED_PREFIXES)
    )


def used_csrf_token(request, response):
    """Whether rendering asked for the CSRF token. ``get_token`` flags the request and
    Django's CSRF middleware then sets the cookie on the response and clears the flag, so
    by the time the response reaches this middleware the cookie is what tells."""
    return (
        bool(request.META.get("CSRF_COOKIE_NEEDS_UPDATE"))
        or settings.CSRF_COOKIE_NAME in response.cookies
    )


def is_cacheable(request, response):
    cache_control = response.get("Cache-Control", "")
    return (
        request.method == "GET"
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not used_csrf_token(request, response)
        and not any(directive in cache_control for directive in UNCACHEABLE_DIRECTIVES)
    )


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        enabled = settings.PAGE_CACHE_SECONDS > 0 and is_anonymous_read(request)
        if enabled:
            path, query = request.path_info, request.META.get("QUERY_STRING", "")
            generation_key, key = _generation_key(path), _entry_key(path, query)
            found = cache.get_many([generation_key, key])
            generation = found.get(generation_key, 0)
            stored_generation, cached = found.get(key, (None, None))
            if cached is not None and stored_generation == generation:
                cached["X-Page-Cache"] = "hit"
                return cached

        response = self.get_response(request)

        if used_csrf_token(request, response):
            patch_cache_control(response, private=True, no_cache=True)
        elif enabled and is_cacheable(request, response):
            patch_cache_control(
                response,
                public=True,
                max_age=settings.PAGE_CACHE_BROWSER_SECONDS,
                s_maxage=settings.PAGE_CACHE_SECONDS,
            )
            cache.set(key, (generation, response), settings.PAGE_CACHE_SECONDS)
            response["X-Page-Cache"] = "miss"
        return response
