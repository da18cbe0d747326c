"""Protections shared by every public form: a honeypot field and a consent checkbox; what
counts as an id in a request."""

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
