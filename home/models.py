"""The top of the page tree: the home page and standard pages (about, privacy, contact)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from core.blocks import body_blocks
from core.models import BasePage


class HomePage(BasePage):
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    body = StreamField(body_blocks(), blank=True, verbose_name=_("body"))

    summary_field = "intro"
    # One home page per locale: editors create the Dutch one, translations make the others.
    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
    page_description = _("The home page of a language: the start of the site.")

    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = _("home page")


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
