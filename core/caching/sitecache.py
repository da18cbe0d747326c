"""What every page shows and few edits change, kept across requests until content changes.

The menus, the footer, the newsletter signup's topics, the site settings, the locales and
the view restrictions are the same on every page of a language and change only when an
editor publishes or saves something. ``site_cached(name, compute)`` keeps ``compute()`` in
the memory of the process (pickled, so every request gets its own copy, as from a shared
cache) under the current *generation*, a random number stored in the database
(``core.ContentGeneration``, one row). Any change that could alter them stores a new
generation in the same transaction:

- a page saved, published, unpublished, moved or deleted;
- a snippet (navigation, partner, testimonial, …), site setting, ``Site``, ``Locale``,
  page or collection view restriction saved or deleted (the models ``core.caching.purge``
  treats as snippets or site-wide, plus locales and view restrictions).

The generation is read with one query of one row once per request
(``core.caching.requestcache``): a process that reads a new one drops its copy and computes
afresh, so a change made in one process (or on another server, or by a command) reaches all
of them without a shared cache such as Redis. The value is random, not a counter, so that a
rolled-back change can never bring back a generation whose copy holds what it saw.
``SITE_CACHE_SECONDS`` bounds how long a copy is used; 0 keeps values for the request only.
Values must be picklable: plain data, or model instances without lazy relations to follow.

Wagtail's ``Locale.objects.get_for_language`` (behind ``Locale.get_active()``,
``Locale.get_default()`` and every ``page.localized``) is kept this way too
(``core.compat.keep_locale_lookups``, installed by ``core.apps``): a page with a menu of ten
links asked for the same locale row dozens of times.
"""

import pickle
import secrets
import time

from django.apps import apps
from django.conf import settings
from django.db import connection
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.models import CollectionViewRestriction, Locale, Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail.snippets.models import get_snippet_models

from core.caching.purge import is_site_wide
from core.caching.requestcache import forget, memoize

# this process's copy: {name: (generation, moment kept, pickled value)}
_local = {}


def generation():
    """The current generation (read from the database once per request); 0 before the first
    change."""
    return memoize(("sitecache",), _read_generation)


def _read_generation():
    """The stored generation, in plain SQL: read on every request, where building the
    ORM's query cost more than running it."""
    meta = _generations().model._meta
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {quote(meta.get_field('value').column)} FROM {quote(meta.db_table)} "  # noqa: S608 (names from the model)
            f"WHERE {quote(meta.pk.column)} = %s",
            [1],
        )
        row = cursor.fetchone()
    return (row[0] if row else None) or 0


def _generations():
    # by name: core.models imports this module (a model's import would be circular)
    return apps.get_model("core", "ContentGeneration").objects


def site_cached(name, compute):
    """``compute()``, kept until the content changes (see the module), and for the request
    in any case."""
    return memoize(("sitecached", name), lambda: _kept(name, compute))


def _kept(name, compute):
    if settings.SITE_CACHE_SECONDS <= 0:
        return compute()
    current = generation()
    entry = _local.get(name)
    now = time.monotonic()
    if entry is not None and entry[0] == current and now - entry[1] < settings.SITE_CACHE_SECONDS:
        return pickle.loads(entry[2])  # noqa: S301 (pickled by this process)
    if any(kept != current for kept, _moment, _value in _local.values()):
        forget_local()  # a new generation: nothing kept under an older one is read again
    value = compute()
    _local[name] = (current, now, pickle.dumps(value, pickle.HIGHEST_PROTOCOL))
    return value


def forget_local():
    """Drop this process's copy (as a process that has just started)."""
    _local.clear()


def new_generation():
    """Forget everything kept, in every process: a new generation, stored in the running
    transaction (others see it once it commits); this request computes afresh now."""
    value = secrets.randbits(62) + 1
    if not _generations().filter(pk=1).update(value=value):
        _generations().get_or_create(pk=1, defaults={"value": value})
    forget("sitecache", "sitecached")


def changes_site_content(obj):
    return (
        isinstance(obj, (Page, Locale, PageViewRestriction, CollectionViewRestriction))
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
