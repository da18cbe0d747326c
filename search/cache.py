"""The rendered results of a search, kept in Django's cache until the site's content changes.

A search is counted for the search-terms report on every request, so whole search responses
are never cached (core.caching.pagecache leaves them alone: the view sends ``never_cache``). What is
kept is the part that costs: the results, facets, suggestions and promotions, rendered, per
language and understood search (query, filters, order, page of results).

Every key carries the content *generation* of ``core.caching.sitecache``, read from the
database once per request: anything that can change a result (a page saved, published,
unpublished, moved or deleted, a search promotion or a page's view restriction saved or
deleted) starts a new one in the same transaction, which drops every search at once in
every process. So the results may be kept in each process's own memory (Django's local
memory cache, without Redis) as well as in Redis: a change made in one worker reaches the
others.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.contrib.search_promotions.models import SearchPromotion

from core.caching import sitecache


def results_key(*parts):
    """The cache key of one search's results (``parts``: language, query, filters, …)."""
    digest = hashlib.blake2b(repr(parts).encode(), digest_size=16).hexdigest()
    return f"search:results:{sitecache.generation()}:{digest}"


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


@receiver(post_save, sender=SearchPromotion, dispatch_uid="search_promotions_changed")
@receiver(post_delete, sender=SearchPromotion, dispatch_uid="search_promotions_deleted")
def promotions_changed(sender, **kwargs):
    sitecache.new_generation()  # the promoted search terms and every search's promotions
