"""The StreamField block library shared by every page type.

Every block has a ``description`` and a ``preview_value`` so editors see what they pick.
"""

from django.apps import apps
from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.contrib.typed_table_block.blocks import TypedTableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Locale
from wagtail.snippets.blocks import SnippetChooserBlock

from core.listings import localized, published


class LinkValue(blocks.StructValue):
    """A link to a page (in the visitor's language when translated) or to a URL."""

    def href(self):
        page = self.get("page")
        if page:
            target = localized(page)
            return target.url if target else ""
        return self.get("url") or ""

    def is_available(self):
        """Whether the link leads somewhere in the visitor's language: a URL, or a page with
        a public translation in the active locale (the English side never links to a Dutch
        page, nor to an untranslated copy that wagtail-localize made as a parent, and no
        side to a restricted page: core.listings.is_public)."""
        page = self.get("page")
        if not page:
            return bool(self.get("url"))
        target = localized(page)
        return target is not None and target.locale_id == Locale.get_active().pk

    def text(self):
        if self.get("label"):
            return self.get("label")
        page = self.get("page") and localized(self.get("page"))
        return page.title if page else self.get("url")


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


class KeyFigureBlock(blocks.StructBlock):
    number = blocks.CharBlock(max_length=30, label=_("number"), help_text=_("E.g. 121 or 7.500"))
    label = blocks.CharBlock(max_length=120, label=_("label"))
    source = blocks.CharBlock(required=False, max_length=200, label=_("source"))

    class Meta:
        icon = "order"
        template = "blocks/key_figure.html"
        label = _("Key figure")
        description = _("A number that stands out, with what it counts and where it comes from.")
        preview_value = {"number": "121", "label": "beantwoorde vragen", "source": "Jaarbericht"}


class KeyFiguresBlock(blocks.ListBlock):
    def __init__(self, **kwargs):
        super().__init__(KeyFigureBlock(), **kwargs)

    class Meta:
        icon = "order"
        template = "blocks/key_figures.html"
        label = _("Key figures")
        description = _("A row of key figures.")


class TestimonialBlock(blocks.StructBlock):
    testimonial = SnippetChooserBlock("themes.Testimonial", label=_("testimonial"))

    class Meta:
        icon = "openquote"
        template = "blocks/testimonial.html"
        label = _("Testimonial")
        description = _("A partner or participant in their own words (chosen from Testimonials).")


class PublicationListBlock(blocks.StructBlock):
    """Chosen publications, or else the latest publications (of one theme, if chosen)."""

    heading = blocks.CharBlock(required=False, max_length=120, label=_("heading"))
    publications = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="dossiers.PublicationPage"),
        required=False,
        label=_("chosen publications"),
        help_text=_("Leave empty to show the latest publications."),
    )
    theme = blocks.PageChooserBlock(
        page_type="themes.ThemePage",
        required=False,
        label=_("only of this theme"),
        help_text=_("For the latest publications: limit them to one theme."),
    )
    count = blocks.IntegerBlock(default=3, min_value=1, max_value=12, label=_("how many"))

    class Meta:
        icon = "doc-full"
        template = "blocks/publication_list.html"
        label = _("Publication list")
        description = _("Chosen publications, or the latest ones, optionally of one theme.")
        preview_value = {"heading": "Publicaties", "count": 3}

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        publication_model = apps.get_model("dossiers", "PublicationPage")
        chosen = [page.pk for page in value["publications"] if page]
        items = published(publication_model.objects.all()).filter(locale=Locale.get_active())
        if chosen:
            translation_keys = publication_model.objects.filter(pk__in=chosen).values(
                "translation_key"
            )
            items = items.filter(translation_key__in=translation_keys)
        elif value["theme"]:
            items = items.filter(themes__translation_key=value["theme"].translation_key)
        context["items"] = list(publication_model.for_listing(items)[: value["count"]])
        return context


class ProjectListBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False, max_length=120, label=_("heading"))
    projects = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="themes.ProjectPage"), label=_("projects")
    )

    class Meta:
        icon = "list-ul"
        template = "blocks/project_list.html"
        label = _("Project list")
        description = _("A list of chosen projects with their status.")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        project_model = apps.get_model("themes", "ProjectPage")
        keys = [page.translation_key for page in value["projects"] if page]
        context["items"] = list(
            published(project_model.objects.all())
            .filter(locale=Locale.get_active(), translation_key__in=keys)
            .defer_streamfields()
            .order_by("title")
        )
        return context


class VideoBlock(blocks.StructBlock):
    """A video shown as a link with its title: no third-party player loads on our pages."""

    url = blocks.URLBlock(label=_("video URL"))
    title = blocks.CharBlock(max_length=200, label=_("title"))
    transcript = blocks.TextBlock(required=False, label=_("transcript or description"))

    class Meta:
        icon = "media"
        template = "blocks/video.html"
        label = _("Video")
        description = _(
            "A video on another site, linked (not embedded) so visitors' privacy is kept."
        )
        preview_value = {"url": "https://www.example.org/video", "title": "Keti Koti dialoog"}


class AccordionItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(max_length=255, label=_("question"))
    answer = blocks.RichTextBlock(
        features=["bold", "italic", "link", "ul", "ol"], label=_("answer")
    )


class AccordionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False, max_length=120, label=_("heading"))
    items = blocks.ListBlock(AccordionItemBlock(), label=_("questions"))

    class Meta:
        icon = "list-ul"
        template = "blocks/accordion.html"
        label = _("Questions and answers")
        description = _(
            "Frequently asked questions that open and close (works without JavaScript)."
        )
        preview_value = {
            "heading": "Veelgestelde vragen",
            "items": [{"question": "Wie kan een vraag stellen?", "answer": "<p>Iedereen.</p>"}],
        }


class TableBlock(TypedTableBlock):
    def __init__(self, **kwargs):
        super().__init__(
            [
                ("text", blocks.CharBlock(label=_("text"))),
                ("number", blocks.DecimalBlock(label=_("number"))),
                ("rich_text", blocks.RichTextBlock(features=["bold", "italic", "link"])),
            ],
            **kwargs,
        )

    class Meta:
        icon = "table"
        template = "blocks/table.html"
        label = _("Table")
        description = _("A table of figures or facts, with a caption.")


class DownloadBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(
        required=False,
        max_length=200,
        label=_("title"),
        help_text=_("Leave empty to use the document's title."),
    )

    class Meta:
        icon = "download"
        template = "blocks/download.html"
        label = _("Download")
        description = _("A document to download, with its file type and size.")


class NewsletterSignupBlock(blocks.StaticBlock):
    """The newsletter signup form (rendered by the newsletter app's template)."""

    class Meta:
        icon = "mail"
        template = "components/newsletter_signup.html"
        label = _("Newsletter signup")
        description = _("The newsletter signup form.")
        admin_text = _("Shows the newsletter signup form here.")


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
    """The blocks every page body offers, in the order editors see them."""
    return [
        ("heading", HeadingBlock()),
        ("paragraph", rich_text_block()),
        ("image", ImageBlock()),
        ("quote", QuoteBlock()),
        ("testimonial", TestimonialBlock()),
        ("key_figures", KeyFiguresBlock()),
        ("call_to_action", CallToActionBlock()),
        ("publication_list", PublicationListBlock()),
        ("project_list", ProjectListBlock()),
        ("video", VideoBlock()),
        ("accordion", AccordionBlock()),
        ("table", TableBlock()),
        ("download", DownloadBlock()),
        ("newsletter_signup", NewsletterSignupBlock()),
    ]
