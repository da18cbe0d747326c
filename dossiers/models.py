"""Dossiers (long reads gathering what the institute knows on a subject) and the library."""

from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from modelcluster.fields import ParentalKey, ParentalManyToManyField

from core.blocks import body_blocks
from core.models import BasePage


class DossierIndexPage(BasePage):
    intro = models.TextField(_("introduction"), blank=True, max_length=600)

    summary_field = "intro"
    parent_page_types = ["home.HomePage"]
    subpage_types = ["dossiers.DossierPage"]
    max_count_per_parent = 1
    page_description = _("The overview of all dossiers (/dossiers/).")

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = _("dossier index")


class DossierPage(BasePage):
    intro = models.TextField(_("introduction"), max_length=800)
    body = StreamField(body_blocks(), blank=True, verbose_name=_("body"))
    last_reviewed = models.DateField(
        _("last reviewed"),
        null=True,
        blank=True,
        help_text=_("When an editor last checked that the dossier is up to date."),
    )
    themes = ParentalManyToManyField(
        "themes.ThemePage", blank=True, related_name="dossiers", verbose_name=_("themes")
    )
    related_publications = ParentalManyToManyField(
        "dossiers.PublicationPage",
        blank=True,
        related_name="dossiers",
        verbose_name=_("related publications"),
    )
    related_projects = ParentalManyToManyField(
        "themes.ProjectPage",
        blank=True,
        related_name="dossiers",
        verbose_name=_("related projects"),
    )
    related_questions = ParentalManyToManyField(
        "questions.QuestionPage",
        blank=True,
        related_name="dossiers",
        verbose_name=_("related questions"),
    )

    summary_field = "intro"
    parent_page_types = ["dossiers.DossierIndexPage"]
    subpage_types = []
    page_description = _(
        "A dossier: an introduction and a long body gathering publications, projects, "
        "questions and links on one subject."
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("themes"),
                FieldPanel("related_publications"),
                FieldPanel("related_projects"),
                FieldPanel("related_questions"),
            ],
            heading=_("Related"),
        ),
        FieldPanel("last_reviewed"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name = _("dossier")

    def table_of_contents(self):
        """The level-2 headings of the body, as (anchor, text), for the table of contents."""
        return [
            (slugify(block.value["text"]), block.value["text"])
            for block in self.body
            if block.block_type == "heading" and block.value["level"] == "h2"
        ]


class PublicationIndexPage(BasePage):
    intro = models.TextField(_("introduction"), blank=True, max_length=600)

    summary_field = "intro"
    parent_page_types = ["home.HomePage"]
    subpage_types = ["dossiers.PublicationPage"]
    max_count_per_parent = 1
    page_description = _("The library: all publications, filterable (/publicaties/).")

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = _("publication library")


class PublicationPage(BasePage):
    class Type(models.TextChoices):
        REPORT = "report", _("report")
        ARTICLE = "article", _("article")
        BROCHURE = "brochure", _("brochure")
        INFOGRAPHIC = "infographic", _("infographic")
        BLOG = "blog", _("blog")
        VIDEO = "video", _("video")

    publication_type = models.CharField(_("type"), max_length=12, choices=Type.choices)
    publication_date = models.DateField(_("publication date"))
    summary = models.TextField(_("summary"), max_length=800)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The file to download (usually a PDF)."),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    themes = ParentalManyToManyField(
        "themes.ThemePage", blank=True, related_name="publications", verbose_name=_("themes")
    )
    body = StreamField(body_blocks(), blank=True, verbose_name=_("body"))

    summary_field = "summary"
    # The date shown, filtered and sorted on in the site search (search app).
    search_date_field = "publication_date"
    parent_page_types = ["dossiers.PublicationIndexPage"]
    subpage_types = []
    page_description = _(
        "A publication: report, article, brochure, infographic, blog or video, with its "
        "authors, summary, themes and a document to download."
    )

    content_panels = BasePage.content_panels + [
        FieldRowPanel([FieldPanel("publication_type"), FieldPanel("publication_date")]),
        InlinePanel("authors", label=_("Authors"), heading=_("Authors")),
        FieldPanel("summary"),
        FieldPanel("document"),
        FieldPanel("image"),
        FieldPanel("themes"),
        FieldPanel("body"),
        InlinePanel(
            "yearly_figures",
            label=_("Figures per year"),
            heading=_("Figures per year"),
            help_text=_("Downloads and views recorded before this site counted them (e.g. 2017)."),
        ),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("publication_type"),
        index.FilterField("publication_date"),
        index.RelatedFields("authors", [index.SearchField("person_name")]),
        index.SearchField("document_text"),
    ]

    class Meta:
        verbose_name = _("publication")

    @property
    def year(self):
        return self.publication_date.year

    @property
    def document_text(self):
        """The text of the attached PDF (extracted by the search app), to find it by its words."""
        extracted = getattr(self.document, "extracted_text", None)
        return extracted.text if extracted else ""


class PublicationAuthor(Orderable):
    publication = ParentalKey(PublicationPage, on_delete=models.CASCADE, related_name="authors")
    person = models.ForeignKey("core.Person", verbose_name=_("person"), on_delete=models.CASCADE)

    panels = [FieldPanel("person")]

    class Meta(Orderable.Meta):
        verbose_name = _("author")
        verbose_name_plural = _("authors")

    @property
    def person_name(self):
        return self.person.name


class PublicationYearFigures(Orderable):
    """Downloads and views of a publication in one year, recorded by hand (e.g. 2017)."""

    publication = ParentalKey(
        PublicationPage, on_delete=models.CASCADE, related_name="yearly_figures"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    downloads = models.PositiveIntegerField(_("downloads"), default=0)
    views = models.PositiveIntegerField(_("views"), default=0)

    panels = [FieldRowPanel([FieldPanel("year"), FieldPanel("downloads"), FieldPanel("views")])]

    class Meta(Orderable.Meta):
        verbose_name = _("figures of a year")
        verbose_name_plural = _("figures per year")
        constraints = [
            models.UniqueConstraint(
                fields=["publication", "year"], name="unique_publication_figures_year"
            )
        ]
