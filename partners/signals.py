"""The partner pages list the projects, questions and publications linked to a partner:
purge them with what they list (``core.caching.purge`` purges the changed pages themselves).

- a project, publication or question published, unpublished or deleted: the partner index
  of its language and its partners' pages;
- a partner saved or deleted: every partner page, in every language (untranslated partners
  are shown in both).
"""

from django.db.models.signals import post_save, pre_delete
from django.dispatch import receiver

from wagtail.signals import page_published, page_unpublished

from core.caching.purge import purge_after_commit
from core.models import Partner
from partners.models import PartnerIndexPage
from partners.queries import PROJECTS, PUBLICATIONS, QUESTIONS

LISTED_PAGES = {PROJECTS, PUBLICATIONS, QUESTIONS}


def is_listed(page):
    return page._meta.label in LISTED_PAGES


def purge_partner_pages_of(locale):
    purge_after_commit(pages=PartnerIndexPage.objects.live().filter(locale=locale))


@receiver(page_published)
@receiver(page_unpublished)
def purge_after_page_change(sender, instance, **kwargs):
    if is_listed(instance):
        purge_partner_pages_of(instance.locale)


@receiver(pre_delete)
def purge_after_page_deletion(sender, instance, **kwargs):
    if is_listed(instance) and instance.live:
        purge_partner_pages_of(instance.locale)


@receiver(post_save, sender=Partner)
@receiver(pre_delete, sender=Partner)
def purge_after_partner_change(sender, instance, raw=False, **kwargs):
    if not raw:
        purge_after_commit(pages=PartnerIndexPage.objects.live())
