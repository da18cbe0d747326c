"""What every page shows and few edits change, kept across requests until content changes.

The menus, the footer, the newsletter signup's topics, the site settings, the locales and
the view restrictions are the same on every page of a language and change only when an
editor publishes or saves something. ``site_cached(name, compute)`` keeps ``compute()`` in
Django's cache (Redis in production: shared by every application server and the task
worker) under the current *generation*; any change that could alter them starts a new
generation, so the next request computes them afresh:

- a page saved, published, unpublished, moved or deleted;
- a snippet (navigation, partner, testimonial, …), site setting, ``Site``, ``Locale`` or
  page view restriction saved or deleted (the models ``core.caching.purge`` treats as snippets or
  site-wide, plus locales and view restrictions).

The generation is read once per request (``core.caching.requestcache``). Values must be picklable:
plain data, or model instances without lazy relations to follow.

This needs a cache that every process shares (``REDIS_URL``): a change made in one process
must reach the others. Without it (``SITE_CACHE_SECONDS`` is then 0 by default) values are
kept for the request only.

Wagtail's ``Locale.objects.get_for_language`` (behind ``Locale.get_active()``,
``Locale.get_default()`` and every ``page.localized``) is kept this way too
(``core.compat.keep_locale_lookups``, installed by ``core.apps``): a page with a menu of ten
links asked for the same locale row dozens of times.
"""

import time

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.models import Locale, Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail.snippets.models import get_snippet_models

from core.caching.purge import is_site_wide
from core.caching.requestcache import forget, memoize

GENERATION_KEY = "sitecache:generation"
_MISSING = object()


def generation():
    """The current generation (read from the cache once per request). A new one is a new
    number, also when the cache lost it: what was kept under an older one is never read."""
    return memoize(
        ("sitecache",), lambda: cache.get_or_set(GENERATION_KEY, time.time_ns, timeout=None)
    )


def site_cached(name, compute):
    """``compute()``, kept in the cache until the content changes (see the module), and
    for the request in any case."""
    return memoize(("sitecached", name), lambda: _shared(name, compute))


def _shared(name, compute):
    if settings.SITE_CACHE_SECONDS <= 0:
        return compute()
    key = f"sitecache:{generation()}:{name}"
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = compute()
        cache.set(key, value, settings.SITE_CACHE_SECONDS)
    return value


def new_generation():
    """Forget everything kept: now, and again once the transaction commits (a request
    running meanwhile may have kept what it read before the change)."""

    def bump():
        cache.set(GENERATION_KEY, time.time_ns(), timeout=None)
        forget("sitecache", "sitecached")

    bump()
    transaction.on_commit(bump)


def changes_site_content(obj):
    return (
        isinstance(obj, (Page, Locale, PageViewRestriction))
        or is_site_wide(obj)
        or type(obj) in get_snippet_models()
    )


@receiver(post_save, dispatch_uid="sitecache_saved")
@receiver(post_delete, dispatch_uid="sitecache_deleted")
def object_changed(sender, instance, raw=False, created=False, **kwargs):
    if raw or (created and isinstance(instance, (BaseSiteSetting, BaseGenericSetting))):
        return  # settings are created with their defaults on first use: nothing changes
    if changes_site_content(instance):
        new_generation()


@receiver(page_published, dispatch_uid="sitecache_published")
@receiver(page_unpublished, dispatch_uid="sitecache_unpublished")
@receiver(post_page_move, dispatch_uid="sitecache_moved")
def page_changed(sender, **kwargs):
    new_generation()
