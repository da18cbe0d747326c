"""Which URLs a change affects, purged through ``wagtail.contrib.frontend_cache``.

Generic over every page type and snippet of every app (no app of ours is imported):

- a page published, unpublished, moved, renamed or deleted: the page, its ancestors (the listings
  that show it, up to the home page), its translations (their language switcher links to
  it) and the pages linked with it in either direction — through Wagtail's ReferenceIndex
  (choosers, rich-text links, foreign keys) or a foreign key / many-to-many field to a page
  (a publication tagged with a theme is listed on that theme's page);
- a snippet saved or deleted (a testimonial, a partner, …): the pages linked with it the same
  way, both before and after the change;
- a site-wide object (site settings, the ``Site`` record, anything in
  ``PAGE_CACHE_SITE_WIDE_MODELS`` such as the navigation): every live page.

The URLs of a page or snippet are collected when the change happens and purged right after
the transaction commits, in the same process (frontend_cache's purge task, called directly
rather than queued for the worker), so the very next request sees the change. Site-wide
purges (every live page) go to the task worker instead, so that saving the navigation never
waits for thousands of PURGE requests. A cache that cannot be reached only logs an error,
and Varnish gets a short timeout (core/caching/varnish.py).
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models.signals import post_save, pre_delete
from django.dispatch import receiver
from django.tasks import task

from wagtail.contrib.frontend_cache.tasks import purge_urls_from_cache_task
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.models import Page, ReferenceIndex, Site
from wagtail.signals import (
    page_published,
    page_slug_changed,
    page_unpublished,
    post_page_move,
)
from wagtail.snippets.models import get_snippet_models


def _page_content_type():
    return ContentType.objects.get_for_model(Page)


def linked_page_ids(obj):
    """Ids of the pages that point to ``obj`` or that ``obj`` points to."""
    page_type = _page_content_type()
    ids = set(
        ReferenceIndex.get_references_to(obj)
        .filter(base_content_type=page_type)
        .values_list("object_id", flat=True)
    )
    # what obj pointed to when it was last indexed (the state before this change) …
    ids.update(
        ReferenceIndex.get_references_for_object(obj)
        .filter(to_content_type=page_type)
        .values_list("to_object_id", flat=True)
    )
    # … and what it points to now
    for field in obj._meta.get_fields():
        related = getattr(field, "related_model", None)
        if not (field.concrete and related and issubclass(related, Page)):
            continue
        if field.many_to_many:
            ids.update(page.pk for page in getattr(obj, field.name).all())
        elif not field.remote_field.parent_link:
            ids.add(getattr(obj, field.attname))
    ids.discard(None)
    return {int(pk) for pk in ids}


def affected_pages(page):
    pages = [page, *page.get_ancestors().filter(depth__gt=1)]
    pages += page.get_translations().live()
    pages += Page.objects.live().filter(pk__in=linked_page_ids(page.specific)).exclude(pk=page.pk)
    return pages


def purge_after_commit(pages=(), urls=()):
    batch = PurgeBatch(urls)
    batch.add_pages(pages)
    if batch.urls:
        urls = sorted(batch.urls)
        transaction.on_commit(lambda: purge_urls_from_cache_task.call(urls))


@receiver(page_published)
@receiver(page_unpublished)
def purge_changed_page(sender, instance, **kwargs):
    purge_after_commit(affected_pages(instance))


def old_urls(page, url_path_before):
    """The URLs ``page`` and everything below it had at ``url_path_before``."""
    batch = PurgeBatch()
    url_path_after = page.url_path
    for item in page.get_descendants(inclusive=True).live():
        current = item.url_path
        item.url_path = url_path_before + current[len(url_path_after) :]
        batch.add_page(item)
        item.url_path = current
    return batch.urls


@receiver(post_page_move)
def purge_moved_page(sender, instance, parent_page_before, url_path_before, **kwargs):
    """The new URLs and listings, the old listing, and the old URLs of the whole branch."""
    pages = affected_pages(instance)
    pages += [parent_page_before, *parent_page_before.get_ancestors().filter(depth__gt=1)]
    purge_after_commit(pages, old_urls(instance, url_path_before))


@receiver(page_slug_changed)
def purge_renamed_page(sender, instance, instance_before, **kwargs):
    purge_after_commit(urls=old_urls(instance, instance_before.url_path))


@receiver(pre_delete)
def purge_deleted_page(sender, instance, **kwargs):
    if isinstance(instance, Page) and instance.live:
        purge_after_commit(affected_pages(instance))


@task()
def purge_every_live_page():
    batch = PurgeBatch()
    batch.add_pages(Page.objects.live().filter(depth__gt=1))
    batch.purge()


def is_site_wide(obj):
    label = obj._meta.label
    return isinstance(obj, (BaseSiteSetting, BaseGenericSetting, Site)) or (
        label in settings.PAGE_CACHE_SITE_WIDE_MODELS
    )


@receiver(post_save)
@receiver(pre_delete)
def purge_for_changed_object(sender, instance, raw=False, **kwargs):
    if raw or isinstance(instance, Page):
        return  # pages are purged when published, unpublished, moved or deleted
    if is_site_wide(instance):
        transaction.on_commit(purge_every_live_page.enqueue)
    elif type(instance) in get_snippet_models():
        purge_after_commit(Page.objects.live().filter(pk__in=linked_page_ids(instance)))
