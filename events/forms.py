"""The public forms of the agenda: registering for an event, filtering the listing."""

import datetime

from django import forms
from django.utils import formats
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from core.forms import HONEYPOT_FIELD, ContactForm
from events.choices import TIME_ZONE, EventKind


class RegistrationForm(ContactForm):
    """Name, e-mail address, organisation, role, needs and consent."""

    consent_label = _(
        "I agree that the institute keeps my details to organise this event and deletes them "
        "after it."
    )

    email_help = _("We send the confirmation and a calendar file to this address.")

    needs = forms.CharField(
        label=_("Dietary or accessibility needs (optional)"),
        max_length=1000,
        required=False,
        help_text=_(
            "For example a vegetarian lunch, a wheelchair-accessible room or a hearing loop."
        ),
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    field_order = ["name", "email", "organisation", "role", "needs", "consent", HONEYPOT_FIELD]

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()


class EventFilterForm(forms.Form):
    """Filter the upcoming events by kind, theme and month (a GET form: bookmarkable).

    ``themes`` are the ThemePages of the page's language, ``months`` the "YYYY-MM" values of
    the months that have upcoming events.
    """

    kind = forms.ChoiceField(label=_("Kind"), required=False)
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    month = forms.ChoiceField(label=_("Month"), required=False)

    def __init__(self, *args, themes=(), months=(), **kwargs):
        super().__init__(*args, auto_id="filter_%s", label_suffix="", **kwargs)
        self.themes = {theme.slug: theme for theme in themes}
        self.fields["kind"].choices = [
            ("", _("All kinds")),
            *((value, capfirst(label)) for value, label in EventKind.choices),
        ]
        self.fields["theme"].choices = [
            ("", _("All themes")),
            *((theme.slug, theme.title) for theme in themes),
        ]
        self.fields["month"].choices = [
            ("", _("All months")),
            *((month, month_label(month)) for month in months),
        ]

    def filter(self, events):
        data = self.cleaned_data
        if data["kind"]:
            events = events.filter(kind=data["kind"])
        if data["theme"]:
            theme = self.themes[data["theme"]]
            events = events.filter(themes__translation_key=theme.translation_key).distinct()
        if data["month"]:
            year, month = map(int, data["month"].split("-"))
            first = datetime.datetime(year, month, 1, tzinfo=TIME_ZONE)
            following = datetime.datetime(year + month // 12, month % 12 + 1, 1, tzinfo=TIME_ZONE)
            # an event in that month: it starts before the month ends and ends after it starts
            events = events.filter(start__lt=following, end__gte=first)
        return events


def month_label(value):
    """'2026-12' -> 'december 2026' (in the active language)."""
    year, month = map(int, value.split("-"))
    return formats.date_format(datetime.date(year, month, 1), "F Y")
