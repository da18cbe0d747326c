"""Site-wide settings editors manage: contact details and social accounts.

Wagtail's site settings have no locale, so only language-neutral values live here;
text that needs translating lives in the Navigation snippet.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from core.caching.sitecache import site_cached


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    organisation_name = models.CharField(
        _("organisation name"), max_length=255, default="Kennisplatform Integratie & Samenleving"
    )
    address = models.TextField(_("postal address"), blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    phone = models.CharField(_("telephone"), max_length=50, blank=True)
    linkedin_url = models.URLField(_("LinkedIn"), blank=True)
    twitter_url = models.URLField(_("X / Twitter"), blank=True)
    youtube_url = models.URLField(_("YouTube"), blank=True)
    facebook_url = models.URLField(_("Facebook"), blank=True)

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("organisation_name"),
                FieldPanel("address"),
                FieldPanel("email"),
                FieldPanel("phone"),
            ],
            heading=_("Contact details"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("linkedin_url"),
                FieldPanel("twitter_url"),
                FieldPanel("youtube_url"),
                FieldPanel("facebook_url"),
            ],
            heading=_("Social accounts"),
        ),
    ]

    class Meta:
        verbose_name = _("site settings")

    @classmethod
    def for_site(cls, site):
        """Wagtail's, kept until the content changes (core.caching.sitecache; saving them is such a
        change): the footer and the structured data of every page show them."""
        if site is None:
            return super().for_site(site)
        return site_cached(
            f"site_settings:{site.pk}", lambda: super(SiteSettings, cls).for_site(site)
        )

    @property
    def social_accounts(self):
        accounts = [
            ("LinkedIn", self.linkedin_url),
            ("X", self.twitter_url),
            ("YouTube", self.youtube_url),
            ("Facebook", self.facebook_url),
        ]
        return [(name, url) for name, url in accounts if url]
