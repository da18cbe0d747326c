"""Signal receivers of core: permanent links are issued with the page and outlive it."""

from django.db.models.signals import post_save, pre_delete
from django.dispatch import receiver

from core.models import Permalink


@receiver(post_save, dispatch_uid="core_issue_permalink")
def issue_permalink(sender, instance, created, raw=False, **kwargs):
    if created and not raw and getattr(sender, "permalink_enabled", False):
        Permalink.issue(instance)


@receiver(pre_delete, dispatch_uid="core_keep_permalink_of_deleted_page")
def keep_permalink_of_deleted_page(sender, instance, **kwargs):
    if getattr(sender, "permalink_enabled", False):
        Permalink.record_deletion(instance)
