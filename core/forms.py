"""Protections shared by every public form: a honeypot field and a consent checkbox."""

from django import forms
from django.utils.translation import gettext_lazy as _

HONEYPOT_FIELD = "website"


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
