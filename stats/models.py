"""Counted page views and downloads per day, media mentions and social media followers.

The daily tables hold only (page or document, day, count): no address, no cookie, no user
agent, nothing that identifies a visitor. A deleted page or document keeps its counts (the
link becomes empty) so the totals of a closed year do not change.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index


class DailyPageViews(models.Model):
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="daily_views",
    )
    day = models.DateField(_("day"))
    count = models.PositiveIntegerField(_("views"), default=0)

    class Meta:
        verbose_name = _("page views of a day")
        verbose_name_plural = _("page views per day")
        constraints = [
            models.UniqueConstraint(fields=["page", "day"], name="unique_page_views_day")
        ]
        indexes = [models.Index(fields=["day"], name="stats_page_views_day")]

    def __str__(self):
        return f"{self.page_id} {self.day}: {self.count}"


class DailyDownloads(models.Model):
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="daily_downloads",
    )
    day = models.DateField(_("day"))
    count = models.PositiveIntegerField(_("downloads"), default=0)

    class Meta:
        verbose_name = _("downloads of a day")
        verbose_name_plural = _("downloads per day")
        constraints = [
            models.UniqueConstraint(fields=["document", "day"], name="unique_downloads_day")
        ]
        indexes = [models.Index(fields=["day"], name="stats_downloads_day")]

    def __str__(self):
        return f"{self.document_id} {self.day}: {self.count}"


class MediaMention(index.Indexed, models.Model):
    """The institute in the media: counted for the "in the media" figure of a year."""

    date = models.DateField(_("date"))
    outlet = models.CharField(
        _("outlet"), max_length=120, help_text=_("E.g. NOS, Trouw, Binnenlands Bestuur.")
    )
    title = models.CharField(_("title"), max_length=255)
    url = models.URLField(_("URL"), max_length=500, blank=True)
    publication = models.ForeignKey(
        "dossiers.PublicationPage",
        verbose_name=_("publication"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="media_mentions",
        help_text=_("The publication the item was about, if any."),
    )
    theme = models.ForeignKey(
        "themes.ThemePage",
        verbose_name=_("theme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="media_mentions",
        help_text=_("Or the theme it was about."),
    )

    panels = [
        FieldRowPanel([FieldPanel("date"), FieldPanel("outlet")]),
        FieldPanel("title"),
        FieldPanel("url"),
        MultiFieldPanel(
            [FieldPanel("publication"), FieldPanel("theme")],
            heading=_("About"),
            help_text=_("Link a publication or a theme, not both."),
        ),
    ]
    search_fields = [
        index.SearchField("title"),
        index.SearchField("outlet"),
        index.AutocompleteField("title"),
        index.FilterField("date"),
    ]

    class Meta:
        verbose_name = _("media mention")
        verbose_name_plural = _("media mentions")
        ordering = ["-date", "outlet"]

    def __str__(self):
        return f"{self.outlet}: {self.title}"

    def clean(self):
        super().clean()
        if self.publication_id and self.theme_id:
            raise ValidationError({"theme": _("Link a publication or a theme, not both.")})


class SocialFollowers(models.Model):
    """Followers of one social media account at the end of a year, typed in by an editor."""

    class Channel(models.TextChoices):
        X = "x", "X (Twitter)"
        LINKEDIN = "linkedin", "LinkedIn"
        FACEBOOK = "facebook", "Facebook"
        INSTAGRAM = "instagram", "Instagram"
        YOUTUBE = "youtube", "YouTube"
        MASTODON = "mastodon", "Mastodon"
        BLUESKY = "bluesky", "Bluesky"

    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices)
    year = models.PositiveSmallIntegerField(_("year"))
    followers = models.PositiveIntegerField(
        _("followers"), help_text=_("The number of followers at the end of the year.")
    )

    panels = [FieldRowPanel([FieldPanel("channel"), FieldPanel("year"), FieldPanel("followers")])]

    class Meta:
        verbose_name = _("social media followers")
        verbose_name_plural = _("social media followers")
        ordering = ["-year", "channel"]
        constraints = [
            models.UniqueConstraint(fields=["channel", "year"], name="unique_followers_year")
        ]

    def __str__(self):
        return f"{self.get_channel_display()} {self.year}: {self.followers}"
