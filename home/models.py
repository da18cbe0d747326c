"""The top of the page tree: the home page and standard pages (about, privacy, contact)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index

from modelcluster.fields import ParentalKey

from core.blocks import KeyFigureBlock, body_blocks
from core.models import BasePage


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

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        InlinePanel("featured_dossiers", label=_("Featured dossiers"), max_num=3),
        FieldPanel("key_figures"),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = _("home page")


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

    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name = _("standard page")


class PartnerIndexPage(BasePage):
    intro = models.TextField(_("introduction"), blank=True, max_length=600)

    summary_field = "intro"
    max_count_per_parent = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    page_description = _("All partner organisations by kind, with their projects (/partners/).")

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = _("partner index")
