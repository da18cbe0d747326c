"""Header and footer navigation, one translatable record per locale."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, TranslatableMixin
from wagtail.snippets.models import register_snippet

from core.blocks import LinkBlock


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
        return [link for link in self.header_links if link.value.is_available()]

    def available_footer_links(self):
        return [link for link in self.footer_links if link.value.is_available()]

    @classmethod
    def for_active_locale(cls):
        locale = Locale.get_active()
        return (
            cls.objects.filter(locale=locale).first()
            or cls.objects.filter(locale=Locale.get_default()).first()
        )
