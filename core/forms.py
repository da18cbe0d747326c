"""Protections shared by every public form: a honeypot field and a consent checkbox; the
contact details a visitor gives; what counts as an id in a request."""

from django import forms
from django.utils.translation import gettext_lazy as _

HONEYPOT_FIELD = "website"
# The largest id a database column holds: a larger number in a URL or a parameter is no id
# (SQLite cannot even compare it), so it answers 400 or 404.
MAX_ID = 2**63 - 1


def parse_id(value):
    """``value`` (a parameter) as an id, or None: ASCII digits only (``"²".isdigit()`` is
    true, yet ``int("²")`` fails), at most ``MAX_ID``."""
    if not (value.isascii() and value.isdigit()) or int(value) > MAX_ID:
        return None
    return int(value)


class ProtectedForm(forms.Form):
    """A public form with a honeypot: a field people never see and bots fill in.

    Subclasses add their own fields; ``consent_label`` (if set) adds a required consent box.
    """

    consent_label = None

    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.consent_label:
            self.fields["consent"] = forms.BooleanField(
                label=self.consent_label,
                required=True,
                error_messages={"required": _("Please give your consent to continue.")},
            )

    def clean_website(self):
        if self.cleaned_data.get(HONEYPOT_FIELD):
            raise forms.ValidationError(_("This field must be left empty."))
        return ""


class ContactForm(ProtectedForm):
    """A public form in which visitors say who they are: name, e-mail address (``email_help``
    says what it is used for), organisation and role; ``field_order`` places the subclass's
    own fields among them."""

    email_help = None

    name = forms.CharField(
        label=_("Your name"),
        max_length=200,
        error_messages={"required": _("Please fill in your name.")},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=254,
        error_messages={
            "required": _("Please fill in your e-mail address."),
            "invalid": _("Please fill in a valid e-mail address, e.g. name@example.org."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    organisation = forms.CharField(
        label=_("Organisation (optional)"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    role = forms.CharField(
        label=_("Your role or position (optional)"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization-title"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, label_suffix="", **kwargs)
        self.fields["email"].help_text = self.email_help or ""
        self.order_fields(self.field_order)
