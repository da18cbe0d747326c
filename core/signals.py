"""Signal receivers of core: permanent links are issued with the page and outlive it; a
request that changes a locale or a view restriction forgets what it memoised of them."""

from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver

from wagtail.models import Locale, PageViewRestriction

from core.models import Permalink
from core.requestcache import forget


@receiver(post_save, dispatch_uid="core_issue_permalink")
def issue_permalink(sender, instance, created, raw=False, **kwargs):
    if created and not raw and getattr(sender, "permalink_enabled", False):
        Permalink.issue(instance)


@receiver(pre_delete, dispatch_uid="core_keep_permalink_of_deleted_page")
def keep_permalink_of_deleted_page(sender, instance, **kwargs):
    if getattr(sender, "permalink_enabled", False):
        Permalink.record_deletion(instance)


@receiver(post_save, sender=Locale, dispatch_uid="core_forget_locales")
@receiver(post_delete, sender=Locale, dispatch_uid="core_forget_deleted_locales")
def forget_locales(sender, **kwargs):
    forget("locale")


@receiver(post_save, sender=PageViewRestriction, dispatch_uid="core_forget_restrictions")
@receiver(post_delete, sender=PageViewRestriction, dispatch_uid="core_forget_restrictions_del")
def forget_view_restrictions(sender, **kwargs):
    forget("view_restrictions")
