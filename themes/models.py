"""Themes, their projects and the testimonials of the people the institute worked with."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, PublishingPanel
from wagtail.fields import StreamField
from wagtail.models import DraftStateMixin, RevisionMixin, TranslatableMixin, WorkflowMixin
from wagtail.search import index

from modelcluster.fields import ParentalManyToManyField

from core.blocks import body_blocks
from core.models import BasePage


class ThemeIndexPage(BasePage):
    intro = models.TextField(_("introduction"), blank=True, max_length=600)

    summary_field = "intro"
    parent_page_types = ["home.HomePage"]
    subpage_types = ["themes.ThemePage"]
    max_count_per_parent = 1
    page_description = _("The overview of all themes (/themas/).")

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = _("theme index")


class ThemePage(BasePage):
    class Colour(models.TextChoices):
        BLUE = "blue", _("blue")
        GREEN = "green", _("green")
        ORANGE = "orange", _("orange")
        PURPLE = "purple", _("purple")

    class Icon(models.TextChoices):
        COMPASS = "compass", _("compass (new migration)")
        SHIELD = "shield", _("shield (social stability)")
        DOOR = "door", _("open door (inclusion)")
        HANDS = "hands", _("hands (participation)")

    intro = models.TextField(_("introduction"), max_length=600)
    colour = models.CharField(_("colour"), max_length=10, choices=Colour.choices, default="blue")
    icon = models.CharField(_("icon"), max_length=10, choices=Icon.choices, default="compass")
    body = StreamField(body_blocks(), blank=True, verbose_name=_("body"))

    summary_field = "intro"
    parent_page_types = ["themes.ThemeIndexPage"]
    subpage_types = ["themes.ProjectPage"]
    page_description = _(
        "A theme: its introduction, its projects (listed automatically), testimonials, "
        "publications and dossiers."
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        FieldRowPanel([FieldPanel("colour"), FieldPanel("icon")], heading=_("Appearance")),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name = _("theme")


class ProjectPage(BasePage):
    class Status(models.TextChoices):
        RUNNING = "running", _("running")
        COMPLETED = "completed", _("completed")

    summary = models.TextField(_("summary"), max_length=600)
    start_year = models.PositiveSmallIntegerField(_("start year"), null=True, blank=True)
    end_year = models.PositiveSmallIntegerField(_("end year"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.RUNNING
    )
    partners = ParentalManyToManyField("core.Partner", blank=True, verbose_name=_("partners"))
    result_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("result: a page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The publication (or other page) that came out of this project."),
    )
    result_url = models.URLField(_("result: or an external URL"), blank=True)
    body = StreamField(body_blocks(), blank=True, verbose_name=_("body"))

    summary_field = "summary"
    parent_page_types = ["themes.ThemePage"]
    subpage_types = []
    page_description = _("A project within a theme: period, status, partners and its result.")

    content_panels = BasePage.content_panels + [
        FieldPanel("summary"),
        FieldRowPanel(
            [FieldPanel("start_year"), FieldPanel("end_year"), FieldPanel("status")],
            heading=_("Period and status"),
        ),
        FieldPanel("partners"),
        MultiFieldPanel(
            [FieldPanel("result_page"), FieldPanel("result_url")],
            heading=_("Result"),
            help_text=_("Link to the result: choose a page or enter a URL, not both."),
        ),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("status"),
        index.FilterField("start_year"),
    ]

    class Meta:
        verbose_name = _("project")

    def clean(self):
        super().clean()
        if self.result_page_id and self.result_url:
            raise ValidationError(
                {"result_url": _("Choose a result page or enter a URL, not both.")}
            )
        if self.start_year and self.end_year and self.end_year < self.start_year:
            raise ValidationError({"end_year": _("The end year is before the start year.")})

    @property
    def period(self):
        if self.start_year and self.end_year and self.end_year != self.start_year:
            return f"{self.start_year}–{self.end_year}"
        return str(self.start_year or self.end_year or "")

    @property
    def result_href(self):
        if self.result_page_id:
            return self.result_page.localized.url
        return self.result_url

    @property
    def theme(self):
        return self.get_parent().specific


class Testimonial(WorkflowMixin, DraftStateMixin, RevisionMixin, TranslatableMixin, models.Model):
    """A partner or participant about working with the institute, in their own words."""

    quote = models.TextField(_("quote"), max_length=600, help_text=_("The short quote shown."))
    story = models.TextField(_("full story"), blank=True)
    person = models.CharField(_("person"), max_length=255)
    role = models.CharField(_("role"), max_length=255, blank=True)
    organisation = models.CharField(_("organisation"), max_length=255, blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    theme = models.ForeignKey(
        "themes.ThemePage",
        verbose_name=_("theme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="testimonials",
        help_text=_("The theme page that shows this testimonial."),
    )

    panels = [
        FieldPanel("quote"),
        FieldPanel("story"),
        FieldRowPanel([FieldPanel("person"), FieldPanel("role"), FieldPanel("organisation")]),
        FieldPanel("photo"),
        FieldPanel("theme"),
        PublishingPanel(),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("testimonial")
        verbose_name_plural = _("testimonials")
        ordering = ["person"]

    def __str__(self):
        return f"{self.person}: {self.quote[:50]}"

    @property
    def attribution(self):
        return ", ".join(part for part in (self.role, self.organisation) if part)
