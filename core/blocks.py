"""The StreamField block library shared by every page type.

Every block has a ``description`` and a ``preview_value`` so editors see what they pick.
"""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageChooserBlock


class LinkValue(blocks.StructValue):
    """A link to a page (in the visitor's language when translated) or to a URL."""

    def href(self):
        page = self.get("page")
        if page:
            return page.localized.url
        return self.get("url") or ""

    def text(self):
        if self.get("label"):
            return self.get("label")
        page = self.get("page")
        return page.localized.title if page else self.get("url")


class LinkBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(required=False, label=_("page"))
    url = blocks.URLBlock(required=False, label=_("or an external URL"))
    label = blocks.CharBlock(
        required=False,
        max_length=100,
        label=_("label"),
        help_text=_("Leave empty to use the page title."),
    )

    class Meta:
        icon = "link"
        value_class = LinkValue
        label = _("Link")
        description = _("A link to a page of this site or to another website.")
        preview_value = {"url": "https://www.example.org/", "label": "Meer informatie"}

    def clean(self, value):
        value = super().clean(value)
        has_page, has_url = bool(value.get("page")), bool(value.get("url"))
        if has_page == has_url:
            message = (
                _("Choose a page or enter a URL, not both.")
                if has_page
                else _("Choose a page or enter a URL.")
            )
            raise StructBlockValidationError(
                block_errors={"page": ErrorList([ValidationError(message)])}
            )
        if not has_page and not value.get("label"):
            raise StructBlockValidationError(
                block_errors={
                    "label": ErrorList([ValidationError(_("An external link needs a label."))])
                }
            )
        return value


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=200, label=_("text"))
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Heading 2")), ("h3", _("Heading 3"))], default="h2", label=_("level")
    )

    class Meta:
        icon = "title"
        template = "blocks/heading.html"
        label = _("Heading")
        description = _("A section heading; level 2 headings make the table of contents.")
        preview_value = {"text": "Wat werkt bij integratie?", "level": "h2"}


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    alt_text = blocks.CharBlock(
        required=False,
        max_length=255,
        label=_("alternative text"),
        help_text=_("Describe the image for people who cannot see it; empty if decorative."),
    )
    caption = blocks.CharBlock(required=False, max_length=255, label=_("caption"))
    credit = blocks.CharBlock(required=False, max_length=255, label=_("credit"))

    class Meta:
        icon = "image"
        template = "blocks/image.html"
        label = _("Image")
        description = _("An image with an optional caption and credit.")


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("quote"))
    attribution = blocks.CharBlock(required=False, max_length=255, label=_("attribution"))

    class Meta:
        icon = "openquote"
        template = "blocks/quote.html"
        label = _("Quote")
        description = _("A quotation with the name of the person quoted.")
        preview_value = {
            "quote": "Samen weten we meer dan ieder apart.",
            "attribution": "Een partner",
        }


class CallToActionBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=200, label=_("text"))
    link = LinkBlock(label=_("link"))

    class Meta:
        icon = "pick"
        template = "blocks/call_to_action.html"
        label = _("Call to action")
        description = _("A highlighted invitation with a button to a page or a URL.")
        preview_value = {
            "text": "Heeft u een vraag over integratie?",
            "link": {"url": "https://www.example.org/", "label": "Stel uw vraag"},
        }


RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


def rich_text_block():
    return blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES,
        label=_("Text"),
        description=_("Paragraphs of text with links and lists."),
        preview_value="<p>Het kennisplatform deelt kennis over integratie en diversiteit.</p>",
        template="blocks/rich_text.html",
    )


def body_blocks():
    """The stream of blocks a standard page body offers."""
    return [
        ("heading", HeadingBlock()),
        ("paragraph", rich_text_block()),
        ("image", ImageBlock()),
        ("quote", QuoteBlock()),
        ("call_to_action", CallToActionBlock()),
    ]
