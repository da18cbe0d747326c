"""The public forms of the question service: asking a question, filtering published answers."""

from django import forms
from django.utils.text import capfirst, format_lazy
from django.utils.translation import gettext_lazy as _

from core.forms import HONEYPOT_FIELD, ContactForm

QUESTION_MIN_LENGTH = 20
QUESTION_MAX_LENGTH = 4000


def theme_choices(themes, empty_label):
    return [("", empty_label), *((str(theme.pk), theme.title) for theme in themes)]


class QuestionForm(ContactForm):
    """Name, e-mail address, organisation, role, the question and an optional theme.

    ``themes`` are the ThemePages a visitor can pick (those of the page's language);
    ``cleaned_data["theme"]`` is the chosen ThemePage or None.
    """

    consent_label = _(
        "I agree that the institute keeps my details to answer my question and deletes them "
        "after the question is closed."
    )

    email_help = _("We send the answer to this address.")

    question = forms.CharField(
        label=_("Your question"),
        min_length=QUESTION_MIN_LENGTH,
        max_length=QUESTION_MAX_LENGTH,
        help_text=format_lazy(
            _("Between {minimum} and {maximum} characters: what do you want to know, and why?"),
            minimum=QUESTION_MIN_LENGTH,
            maximum=QUESTION_MAX_LENGTH,
        ),
        error_messages={"required": _("Please write down your question.")},
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    theme = forms.ChoiceField(label=_("Theme (optional)"), required=False)
    may_publish_name = forms.BooleanField(
        label=_("You may mention my name if the answer is published on this site."),
        required=False,
    )

    field_order = [
        "name",
        "email",
        "organisation",
        "role",
        "question",
        "theme",
        "may_publish_name",
        "consent",
        HONEYPOT_FIELD,
    ]

    def __init__(self, *args, themes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.themes = {str(theme.pk): theme for theme in themes}
        self.fields["theme"].choices = theme_choices(themes, _("No particular theme"))

    def clean_theme(self):
        return self.themes.get(self.cleaned_data["theme"])


class AnswerFilterForm(forms.Form):
    """Filter the published answers by theme and kind (a GET form)."""

    theme = forms.ChoiceField(label=_("Theme"), required=False)
    kind = forms.ChoiceField(label=_("Kind of question"), required=False)

    def __init__(self, *args, themes=(), kinds=(), **kwargs):
        # its own ids: it sits on the same page as the question form
        super().__init__(*args, auto_id="filter_%s", label_suffix="", **kwargs)
        self.themes = {str(theme.pk): theme for theme in themes}
        self.fields["theme"].choices = theme_choices(themes, _("All themes"))
        self.fields["kind"].choices = [
            ("", _("All kinds")),
            *((value, capfirst(label)) for value, label in kinds),
        ]

    def clean_theme(self):
        return self.themes.get(self.cleaned_data["theme"])
