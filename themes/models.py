"""Themes, their projects and the testimonials of the people the institute worked with."""

from collections import Counter

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, PublishingPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import (
    DraftStateMixin,
    Locale,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from modelcluster.fields import ParentalManyToManyField

from core.blocks import body_blocks
from core.choosers import ChooseManyPanel
from core.listings import (
    chosen,
    live_in_active_locale,
    localized,
    localized_live,
    public_translation,
    published,
    section_page,
    with_renditions,
)
from core.models import BasePage, IndexPage, Partner, SiteSettings
from core.structured_data import organisation, partner_organisation

RELATED_LIMIT = 6
PHOTO_RENDITION = "fill-120x120"  # a testimonial's photo


class ThemeIndexPage(IndexPage):
    parent_page_types = ["home.HomePage"]
    subpage_types = ["themes.ThemePage"]
    page_description = _("The overview of all themes (/themas/).")
    fragment_parameters = ()

    class Meta:
        verbose_name = _("theme index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["themes"] = SimpleLazyObject(
            lambda: ThemePage.with_project_counts(published(ThemePage.objects.child_of(self)))
        )
        return context


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
    fragment_parameters = ()

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        FieldRowPanel([FieldPanel("colour"), FieldPanel("icon")], heading=_("Appearance")),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    api_fields = [APIField("intro"), APIField("colour"), APIField("icon")]

    class Meta:
        verbose_name = _("theme")

    @staticmethod
    def with_project_counts(themes):
        """The themes of the queryset ``themes`` as a list, each with ``project_count`` (the
        number of its published projects), in two queries."""
        themes = list(themes.defer_streamfields().order_by("path"))
        if not themes:
            return themes
        steplen = ThemePage.steplen
        project_paths = published(ProjectPage.objects.filter(locale_id=themes[0].locale_id))
        counts = Counter(path[:-steplen] for path in project_paths.values_list("path", flat=True))
        for theme in themes:
            theme.project_count = counts[theme.path]
        return themes

    def projects(self):
        """Its published projects, in the order editors gave them."""
        return list(published(ProjectPage.objects.child_of(self)).defer_streamfields())

    def shown_testimonials(self):
        """Live testimonials (reverse relation ``testimonials``) in the active locale; in a
        translation too, since a translated testimonial still points at the source theme."""
        testimonials = live_in_active_locale(
            Testimonial.objects.filter(theme__translation_key=self.translation_key)
        )
        return list(with_renditions(testimonials, "photo", PHOTO_RENDITION))

    def _related(self, relation_name):
        """Published pages of the reverse relation ``relation_name`` in the active locale,
        matched by translation so that a translated theme finds them too."""
        model = self._meta.get_field(relation_name).related_model
        return live_in_active_locale(
            model.objects.filter(themes__translation_key=self.translation_key)
        ).defer_streamfields()

    def related_publications(self):
        publications = self._related("publications")
        return list(publications.model.for_listing(publications)[:RELATED_LIMIT])

    def related_dossiers(self):
        return list(self._related("dossiers").order_by("title"))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["projects"] = self.projects()
        context["testimonials"] = self.shown_testimonials()
        context["publications"] = self.related_publications()
        context["dossiers"] = self.related_dossiers()
        library = section_page(apps.get_model("dossiers", "PublicationIndexPage"))
        if context["publications"] and library and library.locale_id == self.locale_id:
            context["library_url"] = f"{library.url}?theme={self.slug}"
        if not context["projects"] and self.locale_id != Locale.get_default().pk:
            # A translated theme whose projects are described in the source language only.
            context["source_theme"] = published(
                ThemePage.objects.filter(
                    translation_key=self.translation_key, locale=Locale.get_default()
                )
            ).first()
        return context


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
    partners = ParentalManyToManyField(
        "core.Partner", blank=True, related_name="projects", verbose_name=_("partners")
    )
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
    permalink_enabled = True
    permalink_fallback_types = ("themes.ThemeIndexPage", "dossiers.PublicationIndexPage")
    parent_page_types = ["themes.ThemePage"]
    subpage_types = []
    page_description = _("A project within a theme: period, status, partners and its result.")
    fragment_parameters = ()

    content_panels = BasePage.content_panels + [
        FieldPanel("summary"),
        FieldRowPanel(
            [FieldPanel("start_year"), FieldPanel("end_year"), FieldPanel("status")],
            heading=_("Period and status"),
        ),
        ChooseManyPanel("partners"),
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
    api_fields = [
        APIField("summary"),
        APIField("start_year"),
        APIField("end_year"),
        APIField("status"),
        APIField("partner_organisations"),
        APIField("result_full_url"),
        APIField("permalink"),
    ]

    # Many-to-many fields are left out of wagtail-localize's defaults: keep them in step.
    override_translatable_fields = [SynchronizedField("partners")]

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
        """Where "to the result" links: the result page in the visitor's language, or the URL."""
        if self.result_page_id:
            page = localized(self.result_page)
            return page.url if page else ""
        return self.result_url

    @property
    def theme(self):
        return self.get_parent().specific

    def shown_partners(self):
        """Its published partners, each in the visitor's language when translated (looked up
        once for the page object: the page and its structured data show them)."""
        if "_shown_partners" not in self.__dict__:
            self._shown_partners = localized_live(chosen(self.partners).order_by("name"))
        return self._shown_partners

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # looked up only when the content is rendered, not when it is kept rendered
        # (core/caching/fragments.py)
        context["partners"] = SimpleLazyObject(self.shown_partners)
        context["link_snippet"] = SimpleLazyObject(lambda: self.link_snippet(request))
        return context

    def link_snippet(self, request):
        """HTML of a small card of the project that partners paste on their own site:
        plain links and text, no script, no frame, no style."""
        institute = SiteSettings.for_request(request).organisation_name
        facts = " · ".join(part for part in (self.get_parent().title, self.period) if part)
        return format_html(
            '<div class="kennisplatform-project">\n'
            '  <p><a href="{}"><strong>{}</strong></a></p>\n'
            "  <p>{}</p>\n"
            "  <p>{}</p>\n"
            '  <p>{} <a href="{}">{}</a></p>\n'
            "</div>",
            self.get_permalink(request),
            self.title,
            facts,
            Truncator(" ".join(self.summary.split())).words(40),
            _("A project of"),
            self.get_root_url(request) + "/",
            institute,
        )

    @property
    def partner_organisations(self):
        """The partners in the project's language, as data (API)."""
        return [
            {"name": p.name, "slug": p.slug, "kind": p.kind, "website": p.website}
            for p in Partner.localize_all(self.partners.all(), locale=self.locale_id)
        ]

    @property
    def result_full_url(self):
        """Absolute link to the result, in the project's language when it is a page."""
        if not self.result_page_id:
            return self.result_url
        result = public_translation(self.result_page, self.locale_id)
        return result.get_full_url() if result else ""

    def structured_data(self, request):
        """A ResearchProject: ministries that fund it as ``funder``, other partners as
        ``member``; the institute as its parent organisation."""
        project = {
            "@type": "ResearchProject",
            "name": self.title,
            "description": self.summary,
            "url": self.get_full_url(request),
            "parentOrganization": organisation(request),
        }
        if self.start_year:
            project["foundingDate"] = str(self.start_year)
        if self.end_year and self.status == self.Status.COMPLETED:
            project["dissolutionDate"] = str(self.end_year)
        for partner in self.shown_partners():
            role = "funder" if partner.kind == Partner.Kind.MINISTRY else "member"
            project.setdefault(role, []).append(partner_organisation(partner))
        return [*super().structured_data(request), project]


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

    # A person's name is the same in every language.
    override_translatable_fields = [SynchronizedField("person")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("testimonial")
        verbose_name_plural = _("testimonials")
        ordering = ["person"]

    def __str__(self):
        return f"{self.person}: {self.quote[:50]}"

    @property
    def attribution(self):
        return ", ".join(part for part in (self.role, self.organisation) if part)
