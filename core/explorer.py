"""The admin's page explorer at a constant number of queries, however many children a page has.

wagtail-localize adds "Translate this page" and "Sync translated pages" to the "More" menu of
every row of the explorer, and finds out whether to show them with two queries per row (100
of the 140 queries of the library's 50 rows). Here the explorer's queryset is annotated with
both answers (Wagtail's ``construct_explorer_page_queryset`` hook), and wagtail-localize's
listing hook is replaced by ``translation_buttons``, which reads them. A page that was not
listed by the explorer (the pages search, a page's own header) still gets wagtail-localize's
own buttons, asked per page. See docs/performance.md ("The admin at institute scale").
"""

from urllib.parse import urlencode

from django.db.models import Exists, OuterRef, Subquery
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.widgets import ListingButton
from wagtail.models import Locale, Page
from wagtail_localize import wagtail_hooks as localize_hooks
from wagtail_localize.models import TranslationSource

from core.compat import replace_hook

HOOK = "register_page_listing_more_buttons"
# a locale the page has no translation in (aliases do not count, as in wagtail-localize)
UNTRANSLATED = "explorer_has_untranslated_locale"
# the translation source of the page whose translations can be synced, or None
SYNCED_SOURCE = "explorer_synced_source_id"


def annotate_translation_state(parent_page, pages, request):
    """The ``construct_explorer_page_queryset`` hook: what ``translation_buttons`` needs, in
    the listing's own query."""
    translations = Page.objects.filter(
        translation_key=OuterRef(OuterRef("translation_key")), alias_of__isnull=True
    )
    sources = TranslationSource.objects.filter(
        object_id=OuterRef("translation_key"),
        locale_id=OuterRef("locale_id"),
        translations__enabled=True,
    )
    return pages.annotate(
        **{
            UNTRANSLATED: Exists(Locale.objects.exclude(id__in=translations.values("locale_id"))),
            SYNCED_SOURCE: Subquery(sources.values("pk")[:1]),
        }
    )


def translation_buttons(page, user, view_name=None, next_url=None):
    """wagtail-localize's "More" buttons of a listed page, from the explorer's annotations."""
    if not hasattr(page, UNTRANSLATED):
        yield from localize_hooks.page_listing_more_buttons(
            page, user, view_name=view_name, next_url=next_url
        )
        return
    if page.is_root() or not user.has_perm("wagtail_localize.submit_translation"):
        return
    if getattr(page, UNTRANSLATED):
        yield ListingButton(
            _("Translate this page"),
            reverse("wagtail_localize:submit_page_translation", args=[page.alias_of_id or page.id]),
            priority=60,
            icon_name="wagtail-localize-language",
        )
    source_id = getattr(page, SYNCED_SOURCE)
    if source_id is not None:
        url = reverse("wagtail_localize:update_translations", args=[source_id])
        if next_url is not None:
            url += "?" + urlencode({"next": next_url})
        yield ListingButton(_("Sync translated pages"), url, priority=60, icon_name="resubmit")


def use_annotated_translation_buttons():
    """Put ``translation_buttons`` in the place of wagtail-localize's listing hook."""
    replace_hook(HOOK, localize_hooks.page_listing_more_buttons, translation_buttons)
