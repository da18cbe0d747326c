"""Feeds and open-data files list pages of several apps: purge them with what they list.
``core.caching.purge`` purges the changed pages themselves, ``partners.signals`` the partner pages.

- a project, publication, question, theme or dossier published, unpublished or deleted:
  the feeds and open-data files of its language;
- a partner saved or deleted: the project exports (they name partners), in every language
  (untranslated partners are shown in both).
"""

from django.conf import settings
from django.db.models.signals import post_save, pre_delete
from django.dispatch import receiver
from django.urls import reverse
from django.utils import translation

from wagtail.models import Locale, Site
from wagtail.signals import page_published, page_unpublished

from core.caching.purge import purge_after_commit
from core.models import Partner
from dossiers.models import DossierPage, PublicationPage
from questions.models import QuestionPage
from syndication.exports import EXPORTS
from syndication.feeds import FEED_TYPES
from themes.models import ProjectPage, ThemePage

LISTED_PAGES = (ProjectPage, PublicationPage, QuestionPage, ThemePage, DossierPage)


def absolute(paths):
    site = Site.objects.filter(is_default_site=True).first()
    return [site.root_url + path for path in paths] if site else []


def open_data_paths(locale, datasets=tuple(EXPORTS)):
    with translation.override(locale.language_code):
        paths = [reverse("open_data:index")]
        for dataset in datasets:
            paths += [reverse(f"open_data:{dataset}-csv"), reverse(f"open_data:{dataset}-json")]
    return paths


def feed_paths(locale):
    themes = ThemePage.objects.live().filter(locale=locale).values_list("pk", flat=True)
    dossiers = DossierPage.objects.live().filter(locale=locale).values_list("pk", flat=True)
    paths = []
    with translation.override(locale.language_code):
        for kind in FEED_TYPES:
            paths += [reverse(f"feeds:publications-{kind}"), reverse(f"feeds:questions-{kind}")]
            paths += [reverse(f"feeds:theme-{kind}", args=[pk]) for pk in themes]
            paths += [reverse(f"feeds:dossier-{kind}", args=[pk]) for pk in dossiers]
    return paths


def purge_lists_of(locale):
    purge_after_commit(urls=absolute(feed_paths(locale) + open_data_paths(locale)))


@receiver(page_published)
@receiver(page_unpublished)
def purge_lists_of_changed_page(sender, instance, **kwargs):
    if isinstance(instance, LISTED_PAGES):
        purge_lists_of(instance.locale)


@receiver(pre_delete)
def purge_lists_of_deleted_page(sender, instance, **kwargs):
    if isinstance(instance, LISTED_PAGES) and instance.live:
        purge_lists_of(instance.locale)


@receiver(post_save, sender=Partner)
@receiver(pre_delete, sender=Partner)
def purge_project_exports(sender, instance, raw=False, **kwargs):
    if raw:
        return
    paths = []
    for locale in Locale.objects.filter(language_code__in=dict(settings.LANGUAGES)):
        paths += open_data_paths(locale, datasets=["projects"])
    purge_after_commit(urls=absolute(paths))
