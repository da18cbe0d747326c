"""The rendered results of a search, kept in Django's cache until the site's content changes.

A search is counted for the search-terms report on every request, so whole search responses
are never cached (core.caching.pagecache leaves them alone: the view sends ``never_cache``). What is
kept is the part that costs: the results, facets, suggestions and promotions, rendered, per
language and understood search (query, filters, order, page of results).

Every entry carries the current *generation*; anything that can change a result starts a
new one, which drops every search at once: a page published, unpublished, moved or deleted,
a search promotion or a page's view restriction saved or deleted.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver

from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from core.caching import sitecache

GENERATION_KEY = "search:generation"


def results_key(*parts):
    """The cache key of one search's results (``parts``: language, query, filters, …)."""
    digest = hashlib.blake2b(repr(parts).encode(), digest_size=16).hexdigest()
    return f"search:results:{cache.get(GENERATION_KEY, 0)}:{digest}"


def cached_results(key, render):
    """The rendered results stored at ``key``, rendered by ``render()`` and stored if absent
    (not stored when ``SEARCH_CACHE_SECONDS`` is 0)."""
    timeout = settings.SEARCH_CACHE_SECONDS
    html = cache.get(key) if timeout else None
    if html is None:
        html = render()
        if timeout:
            cache.set(key, html, timeout)
    return html


def new_generation():
    transaction.on_commit(lambda: cache.set(GENERATION_KEY, time.time_ns(), timeout=None))


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def page_changed(sender, **kwargs):
    new_generation()


@receiver(pre_delete)
def page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        new_generation()


@receiver(post_save, sender=SearchPromotion)
@receiver(post_delete, sender=SearchPromotion)
@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def results_changed(sender, **kwargs):
    new_generation()


@receiver(post_save, sender=SearchPromotion, dispatch_uid="search_promotions_changed")
@receiver(post_delete, sender=SearchPromotion, dispatch_uid="search_promotions_deleted")
def promotions_changed(sender, **kwargs):
    sitecache.new_generation()  # the promoted search terms (search.query.promoted_queries)
