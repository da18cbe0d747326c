"""The blocks an edition of the newsletter is composed of (``NewsletterEditionPage.body``).

``newsletter.mailing`` turns them into the sections of the e-mail (HTML and plain text) and
of the edition's web page. Pages are picked by type name, never imported
(the newsletter is a feature app): their title, summary, image and link are taken from
the page in the edition's language when it is translated and published.
"""

from django.apps import apps
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.models import Page

from core.blocks import CallToActionBlock, rich_text_block
from core.listings import published

# What an edition can point to: (app label, model) of publications, projects, dossiers and
# answered questions.
FEATURED_PAGE_TYPES = [
    "dossiers.PublicationPage",
    "themes.ProjectPage",
    "dossiers.DossierPage",
    "questions.QuestionPage",
]


def featured_models():
    return [apps.get_model(name) for name in FEATURED_PAGE_TYPES]


def page_in_locale(page, locale):
    """The published translation of ``page`` in ``locale``, else the page if published."""
    if page is None:
        return None
    translated = page.get_translation_or_none(locale) if page.locale_id != locale.pk else page
    for candidate in (translated, page):
        if candidate is not None and published(Page.objects.filter(pk=candidate.pk)).exists():
            return candidate.specific
    return None


class FeaturedPagesBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False, max_length=120, label=_("heading"))
    pages = blocks.ListBlock(
        blocks.PageChooserBlock(page_type=FEATURED_PAGE_TYPES),
        label=_("pages"),
        help_text=_("Publications, projects, dossiers or answered questions."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Chosen pages")
        description = _(
            "Publications, projects, dossiers or answered questions, each with its title, "
            "summary, image and link."
        )


class LatestPagesBlock(blocks.StructBlock):
    """Fills itself: what was first published since the previous edition was sent."""

    heading = blocks.CharBlock(max_length=120, label=_("heading"), default=_("New since last time"))
    count = blocks.IntegerBlock(default=5, min_value=1, max_value=12, label=_("at most"))

    class Meta:
        icon = "date"
        label = _("Latest since the previous edition")
        description = _(
            "Publications, projects, dossiers and answered questions published since the "
            "previous edition was sent, newest first; filled in when the e-mail is made."
        )
        preview_value = {"heading": "Nieuw sinds de vorige keer", "count": 5}


def edition_blocks():
    return [
        ("text", rich_text_block()),
        ("pages", FeaturedPagesBlock()),
        ("latest", LatestPagesBlock()),
        ("call_to_action", CallToActionBlock()),
    ]
