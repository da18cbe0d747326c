"""Sending something for translation never changes what is live in the target language.

wagtail-localize writes a translation into the target object's own row when it saves a draft
of it (``TranslationSource.create_or_update_translation`` with ``publish=False``): a live
English page then shows the half-translated content at once, and a live English snippet (a
testimonial chosen in the page being submitted, translated with it as a related object) is
set to not live. Here that call is wrapped: when the target existed and was live, its row is
put back as it was, and the translation waits in the new revision, for the editor to publish.
See docs/decisions/translation-keeps-live-content.md.
"""

from functools import wraps

from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction

from wagtail.models import DraftStateMixin, Page
from wagtail_localize.models import TranslationSource


def live_target(source, locale):
    """A fresh copy of ``source``'s live translation into ``locale`` from the database, or
    None when there is none or it is not live."""
    try:
        target = source.get_translated_instance(locale)
    except ObjectDoesNotExist:
        return None
    if not isinstance(target, DraftStateMixin) or not target.live:
        return None
    return type(target).objects.get(pk=target.pk)


def keep_live_content(create_or_update_translation):
    @wraps(create_or_update_translation)
    def wrapper(self, locale, user=None, publish=True, *args, **kwargs):
        if publish:
            return create_or_update_translation(self, locale, user, publish, *args, **kwargs)
        with transaction.atomic():
            before = live_target(self, locale)
            result = create_or_update_translation(self, locale, user, publish, *args, **kwargs)
            if before is not None:
                restore_live_row(before)
        return result

    wrapper.keeps_live_content = True
    return wrapper


def restore_live_row(before):
    """Put the live row back as it was; its newest revision (the translation) is a draft."""
    latest = type(before).objects.only("latest_revision").get(pk=before.pk).latest_revision
    before.live = True
    before.has_unpublished_changes = True
    before.latest_revision = latest
    if isinstance(before, Page):
        before.draft_title = latest.content.get("title", before.title)
        before.save(clean=False)
    else:
        before.save()


def install():
    method = TranslationSource.create_or_update_translation
    if not getattr(method, "keeps_live_content", False):
        TranslationSource.create_or_update_translation = keep_live_content(method)
