"""Header and footer navigation, one translatable record per locale."""

from django.db import models
from django.db.models import Q
from django.utils.functional import cached_property
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail.rich_text import expand_db_html
from wagtail.snippets.models import register_snippet

from core.blocks import LinkBlock
from core.caching.sitecache import site_cached
from core.listings import is_public


@register_snippet
class Navigation(TranslatableMixin, models.Model):
    header_links = StreamField(
        [("link", LinkBlock())],
        blank=True,
        verbose_name=_("main menu"),
        help_text=_("The links in the header, in this order."),
    )
    footer_links = StreamField(
        [("link", LinkBlock())],
        blank=True,
        verbose_name=_("footer links"),
        help_text=_("E.g. privacy statement, accessibility statement, contact."),
    )
    footer_text = RichTextField(
        _("footer text"),
        blank=True,
        features=["bold", "italic", "link"],
    )

    panels = [FieldPanel("header_links"), FieldPanel("footer_links"), FieldPanel("footer_text")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("navigation")
        verbose_name_plural = _("navigation")

    def __str__(self):
        return str(_("Navigation ({language})").format(language=self.locale.get_display_name()))

    def available_header_links(self):
        return self._available_links(self.header_links)

    def available_footer_links(self):
        return self._available_links(self.footer_links)

    def _available_links(self, links):
        """[{href, text}] of the links that lead somewhere in the visitor's language: a URL,
        or a page with a live translation in the active locale (as ``LinkValue.is_available``:
        never to a Dutch page or an untranslated copy from the English side)."""
        available = []
        for link in links.raw_data:
            value = link["value"]
            if value.get("page"):
                page = self._shown_pages.get(value["page"])
                if page is not None:
                    available.append({"href": page.url, "text": value.get("label") or page.title})
            elif value.get("url"):
                available.append({"href": value["url"], "text": value.get("label") or value["url"]})
        return available

    @cached_property
    def _shown_pages(self):
        """{chosen page id: its live translation in the active locale} for the links of both
        menus, in one query."""
        ids = {
            link["value"].get("page")
            for field in (self.header_links, self.footer_links)
            for link in field.raw_data
        } - {None}
        if not ids:
            return {}
        locale = Locale.get_active()
        chosen_keys = Page.objects.filter(pk__in=ids).values("translation_key")
        pages = list(
            Page.objects.filter(
                Q(pk__in=ids)
                | Q(
                    locale=locale,
                    live=True,
                    alias_of__isnull=True,
                    translation_key__in=chosen_keys,
                )
            )
        )
        shown = {
            page.translation_key: page
            for page in pages
            if page.locale_id == locale.pk and is_public(page)
        }
        return {
            page.pk: shown[page.translation_key]
            for page in pages
            if page.pk in ids and page.translation_key in shown
        }

    @classmethod
    def for_active_locale(cls):
        """The navigation of the visitor's language, else the default language's."""
        return (
            cls.objects.filter(locale=Locale.get_active()).first()
            or cls.objects.filter(locale=Locale.get_default()).first()
        )

    @classmethod
    def shown(cls):
        """What the header and footer show in the visitor's language, as plain data
        (``available_header_links``, ``available_footer_links``: [{href, text}];
        ``footer_text``: HTML), kept until the content changes (core.caching.sitecache)."""
        return site_cached(f"navigation:{Locale.get_active().pk}", cls._shown)

    @classmethod
    def _shown(cls):
        navigation = cls.for_active_locale()
        if navigation is None:
            return {}
        footer_text = expand_db_html(navigation.footer_text)
        return {
            "available_header_links": navigation.available_header_links(),
            "available_footer_links": navigation.available_footer_links(),
            "footer_text": mark_safe(footer_text),  # noqa: S308 (the editors' rich text)
        }
