"""Dutch labels for the fields of Wagtail's link chooser (rich-text links: external, e-mail,
phone and anchor links). Wagtail 8.0.1 declares these fields without a label, so Django
shows their English names ("Link text", "Email address") whatever the admin's language;
giving them translatable labels puts them in the site's Dutch catalog (docs/translation.md).
"""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms.choosers import (
    AnchorLinkChooserForm,
    EmailLinkChooserForm,
    ExternalLinkChooserForm,
    PhoneLinkChooserForm,
)

LABELS = {
    "link_text": _("Link text"),
    "email_address": _("Email address"),
    "subject": _("Subject"),
    "body": _("Body"),
    "phone_number": _("Phone number"),
}


def label_link_chooser_fields():
    for form in (
        ExternalLinkChooserForm,
        AnchorLinkChooserForm,
        EmailLinkChooserForm,
        PhoneLinkChooserForm,
    ):
        for name, field in form.base_fields.items():
            if name in LABELS and field.label is None:
                field.label = LABELS[name]
