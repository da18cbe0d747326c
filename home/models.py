"""The top of the page tree: the home page and standard pages (about, privacy, contact)."""

from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index

from modelcluster.fields import ParentalKey

from core.blocks import KeyFigureBlock, body_blocks
from core.listings import in_order, localized_live, published, section_page
from core.models import BasePage
from core.structured_data import organisation
from dossiers.models import DossierPage, PublicationIndexPage, PublicationPage
from themes.models import ThemeIndexPage, ThemePage

LATEST_PUBLICATIONS = 4


class HomePage(BasePage):
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    key_figures = StreamField(
        [("figure", KeyFigureBlock())],
        blank=True,
        verbose_name=_("key figures"),
        help_text=_("The figures shown on the home page, e.g. answered questions."),
    )
    body = StreamField(body_blocks(), blank=True, verbose_name=_("body"))

    summary_field = "intro"
    # One home page per locale: editors create the Dutch one, translations make the others.
    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
    page_description = _("The home page of a language: the start of the site.")
    fragment_parameters = ()

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        InlinePanel("featured_dossiers", label=_("Featured dossiers"), max_num=3),
        FieldPanel("key_figures"),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = _("home page")

    def shown_featured_dossiers(self):
        dossier_ids = [featured.dossier_id for featured in self.featured_dossiers.all()]
        return localized_live(
            in_order(DossierPage.objects.defer_streamfields(), dossier_ids),
            lookup=DossierPage.objects.defer_streamfields(),
        )

    def get_context(self, request, *args, **kwargs):
        """The listings are looked up only when the page's content is rendered, not when it
        is kept rendered (core/caching/fragments.py)."""
        context = super().get_context(request, *args, **kwargs)
        context["featured_dossiers"] = SimpleLazyObject(self.shown_featured_dossiers)
        context["themes"] = SimpleLazyObject(
            lambda: ThemePage.with_project_counts(published(ThemePage.objects.descendant_of(self)))
        )
        context["latest_publications"] = SimpleLazyObject(
            lambda: list(
                PublicationPage.for_listing(published(PublicationPage.objects.descendant_of(self)))[
                    :LATEST_PUBLICATIONS
                ]
            )
        )
        context["theme_index"] = SimpleLazyObject(lambda: section_page(ThemeIndexPage))
        context["library"] = SimpleLazyObject(lambda: section_page(PublicationIndexPage))
        return context

    def structured_data(self, request):
        institute = organisation(request, detailed=True)
        website = {
            "@type": "WebSite",
            "name": self.title,
            "url": self.get_full_url(request),
            "inLanguage": self.locale.language_code,
            "publisher": {"@id": institute["@id"]},
        }
        return [*super().structured_data(request), institute, website]


class HomePageFeaturedDossier(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_dossiers")
    dossier = models.ForeignKey(
        "dossiers.DossierPage",
        verbose_name=_("dossier"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("dossier")]

    class Meta(Orderable.Meta):
        verbose_name = _("featured dossier")
        verbose_name_plural = _("featured dossiers")


class StandardPage(BasePage):
    intro = models.TextField(_("introduction"), blank=True, max_length=500)
    body = StreamField(body_blocks(), blank=True, verbose_name=_("body"))

    summary_field = "intro"
    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]
    page_description = _("A page of text: about us, privacy statement, contact, accessibility.")
    fragment_parameters = ()

    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name = _("standard page")
