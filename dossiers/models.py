"""Dossiers (long reads gathering what the institute knows on a subject) and the library."""

from django.db import models
from django.db.models import Prefetch
from django.http import HttpResponse
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    MultipleChooserPanel,
)
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from modelcluster.fields import ParentalKey, ParentalManyToManyField

from core.blocks import body_blocks
from core.choosers import ChooseManyPanel
from core.documents import PublicDocumentField, in_private_collection
from core.listings import (
    chosen,
    live_in_active_locale,
    localized_live,
    published,
    with_renditions,
)
from core.models import BasePage, IndexPage, Person, localized_pages
from core.structured_data import organisation, person
from dossiers.citations import Citation
from dossiers.library import Library

CARD_RENDITION = "fill-120x170"  # the cover on a publication's card


class DossierIndexPage(IndexPage):
    parent_page_types = ["home.HomePage"]
    subpage_types = ["dossiers.DossierPage"]
    page_description = _("The overview of all dossiers (/dossiers/).")
    fragment_parameters = ()

    class Meta:
        verbose_name = _("dossier index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["dossiers"] = SimpleLazyObject(
            lambda: list(
                published(DossierPage.objects.child_of(self)).defer_streamfields().order_by("title")
            )
        )
        return context


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
    fragment_parameters = ()

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                ChooseManyPanel("themes"),
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

    # Many-to-many fields are left out of wagtail-localize's defaults: keep them in step.
    override_translatable_fields = [
        SynchronizedField("themes"),
        SynchronizedField("related_publications"),
        SynchronizedField("related_projects"),
        SynchronizedField("related_questions"),
    ]

    class Meta:
        verbose_name = _("dossier")

    def shown_publications(self):
        return localized_live(
            PublicationPage.for_listing(chosen(self.related_publications)).select_related("locale"),
            lookup=PublicationPage.for_listing(PublicationPage.objects.all()),
        )

    def shown_projects(self):
        return localized_live(
            chosen(self.related_projects)
            .defer_streamfields()
            .select_related("locale")
            .order_by("title"),
            lookup=self.related_projects.model.objects.defer_streamfields(),
        )

    def shown_questions(self):
        return localized_live(
            chosen(self.related_questions)
            .defer_streamfields()
            .select_related("locale")
            .order_by("title"),
            lookup=self.related_questions.model.objects.defer_streamfields(),
        )

    def shown_themes(self):
        return localized_live(chosen(self.themes).defer_streamfields().order_by("path"))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # looked up only when the content is rendered, not when it is kept rendered
        # (core/caching/fragments.py)
        context["publications"] = SimpleLazyObject(self.shown_publications)
        context["projects"] = SimpleLazyObject(self.shown_projects)
        context["questions"] = SimpleLazyObject(self.shown_questions)
        context["themes"] = SimpleLazyObject(self.shown_themes)
        return context

    def table_of_contents(self):
        """The level-2 headings of the body, as (anchor, text), for the table of contents."""
        return [
            (slugify(block.value["text"]), block.value["text"])
            for block in self.body
            if block.block_type == "heading" and block.value["level"] == "h2"
        ]


class PublicationIndexPage(IndexPage):
    parent_page_types = ["home.HomePage"]
    subpage_types = ["dossiers.PublicationPage"]
    page_description = _("The library: all publications, filterable (/publicaties/).")
    fragment_parameters = ("type", "theme", "year", "page")

    class Meta:
        verbose_name = _("publication library")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["library"] = SimpleLazyObject(
            lambda: Library(
                self.shown_query(request),
                published(PublicationPage.objects.child_of(self)),
                themes=live_in_active_locale(
                    PublicationPage._meta.get_field("themes").related_model.objects.all()
                ),
                listing=PublicationPage.for_listing,
            )
        )
        return context


class PublicationPage(RoutablePageMixin, BasePage):
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
    route_select_related = (*BasePage.route_select_related, "image", "document__collection")
    # The date shown, filtered and sorted on in the site search (search app).
    search_date_field = "publication_date"
    permalink_enabled = True
    permalink_fallback_types = ("dossiers.PublicationIndexPage", "themes.ThemeIndexPage")
    parent_page_types = ["dossiers.PublicationIndexPage"]
    subpage_types = []
    page_description = _(
        "A publication: report, article, brochure, infographic, blog or video, with its "
        "authors, summary, themes and a document to download."
    )
    fragment_parameters = ()

    content_panels = BasePage.content_panels + [
        FieldRowPanel([FieldPanel("publication_type"), FieldPanel("publication_date")]),
        MultipleChooserPanel(
            "authors", chooser_field_name="person", label=_("Authors"), heading=_("Authors")
        ),
        FieldPanel("summary"),
        FieldPanel("document"),
        FieldPanel("image"),
        ChooseManyPanel("themes"),
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
    api_fields = [
        APIField("publication_type"),
        APIField("publication_date"),
        APIField("summary"),
        APIField("author_names"),
        APIField("theme_titles"),
        APIField("document", serializer=PublicDocumentField()),
        APIField("image"),
        APIField("permalink"),
    ]

    # Many-to-many fields are left out of wagtail-localize's defaults: keep them in step.
    override_translatable_fields = [SynchronizedField("themes")]
    # schema.org type of each kind of publication
    SCHEMA_TYPES = {
        Type.REPORT: "Report",
        Type.ARTICLE: "ScholarlyArticle",
        Type.BROCHURE: "CreativeWork",
        Type.INFOGRAPHIC: "CreativeWork",
        Type.BLOG: "BlogPosting",
        Type.VIDEO: "VideoObject",
    }

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

    def shown_authors(self):
        """The authors, each with role and organisation in the page's language when translated
        (the page keeps the people chosen in the source language, as wagtail-localize does)."""
        return Person.localize_all(self.author_people, locale=self.locale_id)

    def shown_themes(self):
        """Its themes in the visitor's language (looked up once for the page object: the
        page and its structured data show them)."""
        if "_shown_themes" not in self.__dict__:
            self._shown_themes = localized_live(
                chosen(self.themes).defer_streamfields().order_by("path")
            )
        return self._shown_themes

    def shown_dossiers(self):
        """The dossiers in the active locale that gather this publication (or a translation of
        it: a translated dossier still points at the source publications)."""
        return list(
            live_in_active_locale(
                DossierPage.objects.filter(
                    related_publications__translation_key=self.translation_key
                )
            )
            .defer_streamfields()
            .order_by("title")
        )

    @staticmethod
    def for_listing(queryset):
        """``queryset`` of publications made ready for a list of cards: newest first, with the
        document, authors and cover image renditions fetched in a constant number of queries."""
        return (
            with_renditions(queryset.defer_streamfields(), "image", CARD_RENDITION)
            .select_related("document__collection")
            .prefetch_related(authors_prefetch())
            .order_by("-publication_date", "title")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["authors"] = SimpleLazyObject(self.shown_authors)
        context["themes"] = SimpleLazyObject(self.shown_themes)
        context["dossiers"] = SimpleLazyObject(self.shown_dossiers)
        context["citation"] = SimpleLazyObject(lambda: Citation(self, request))
        return context

    @property
    def og_image(self):
        return self.social_image or self.image

    @cached_property
    def author_people(self):
        """The authors (core.Person), in their order (prefetched by listings: authors_prefetch)."""
        if "authors" in getattr(self, "_prefetched_objects_cache", {}):
            authors = self.authors.all()
        else:
            authors = self.authors.select_related("person")
        return [author.person for author in authors]

    @property
    def author_names(self):
        return [person.name for person in self.author_people]

    @property
    def theme_titles(self):
        """The themes' titles in the publication's language (API)."""
        return [theme.title for theme in localized_pages(self.themes.all(), self.locale_id)]

    @property
    def shown_document(self):
        """The document to download, unless it is in a private collection (core.documents)."""
        if self.document is None or in_private_collection(self.document):
            return None
        return self.document

    def document_full_url(self, request=None, root_url=None):
        """(``root_url``: the page's, when known, as for ``get_permalink``.)"""
        if not self.shown_document:
            return ""
        return (root_url or self.get_root_url(request)) + self.document.url

    def get_cached_paths(self):
        """The page and its citation files, purged together."""
        return ["/", "/cite/bibtex/", "/cite/ris/"]

    @path("cite/bibtex/", name="bibtex")
    def bibtex(self, request):
        citation = Citation(self, request)
        return self._citation_download(citation.bibtex(), "application/x-bibtex", citation, "bib")

    @path("cite/ris/", name="ris")
    def ris(self, request):
        citation = Citation(self, request)
        return self._citation_download(
            citation.ris(), "application/x-research-info-systems", citation, "ris"
        )

    def _citation_download(self, text, content_type, citation, extension):
        response = HttpResponse(text, content_type=f"{content_type}; charset=utf-8")
        filename = f"{citation.bibtex_key}.{extension}"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response

    def structured_data(self, request):
        """A Report, ScholarlyArticle, BlogPosting, ... with its authors (the institute
        when there are none), date, themes and the file to download."""
        institute = organisation(request)
        item = {
            "@type": self.SCHEMA_TYPES.get(self.publication_type, "CreativeWork"),
            "name": self.title,
            "headline": self.title[:110],
            "description": self.summary,
            "datePublished": self.publication_date.isoformat(),
            "inLanguage": self.locale.language_code,
            "url": self.get_full_url(request),
            "author": [person(author.name) for author in self.author_people] or [institute],
            "publisher": institute,
        }
        themes = [theme.title for theme in self.shown_themes()]
        if themes:
            item["about"] = themes
        if self.shown_document:
            item["encoding"] = {
                "@type": "MediaObject",
                "name": self.document.title,
                "contentUrl": self.document_full_url(request),
                "encodingFormat": self.document.content_type,
            }
        if self.og_image:
            rendition = self.og_image.get_rendition("fill-1200x630")
            item["image"] = request.build_absolute_uri(rendition.url)
        return [*super().structured_data(request), item]


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


def authors_prefetch():
    """Prefetch of publications' authors and their people, for listings, feeds and exports."""
    return Prefetch("authors", queryset=PublicationAuthor.objects.select_related("person"))


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
