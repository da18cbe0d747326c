from django.utils.translation import gettext_lazy as _

from wagtail import blocks


class NewsletterSignupBlock(blocks.StructBlock):
    """The newsletter signup form in a page body (posts without a CSRF token: cacheable)."""

    heading = blocks.CharBlock(
        required=False,
        max_length=120,
        label=_("heading"),
        help_text=_("Leave empty for “Subscribe to our newsletter”."),
    )
    text = blocks.TextBlock(required=False, max_length=300, label=_("text"))

    class Meta:
        icon = "mail"
        template = "components/newsletter_signup.html"
        label = _("Newsletter signup")
        description = _("The newsletter signup form, with an optional heading and text.")
        preview_value = {
            "heading": "Blijf op de hoogte",
            "text": "Eens per maand het nieuws over integratie, migratie en diversiteit.",
        }
