"""The newsletter's public forms. Each has the shared honeypot (core.forms.ProtectedForm)."""

from django import forms
from django.conf import settings
from django.db.models import OuterRef, Subquery
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale

from core.forms import ProtectedForm
from core.listings import published
from newsletter.models.subscriber import CONSENT_TEXTS, CONSENT_VERSION, Subscriber


class EmailField(forms.EmailField):
    """An e-mail address, stored in lower case so one person is one subscriber."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("E-mail address"))
        kwargs.setdefault("widget", forms.EmailInput(attrs={"autocomplete": "email"}))
        super().__init__(max_length=Subscriber._meta.get_field("email").max_length, **kwargs)

    def clean(self, value):
        return super().clean(value).lower()


def source_themes():
    """The public themes of the source (Dutch) locale: what a subscriber's topics point to."""
    theme_model = Subscriber._meta.get_field("topics").related_model
    return published(theme_model.objects.filter(locale=Locale.get_default())).order_by("path")


class TopicsField(forms.ModelMultipleChoiceField):
    """Themes to choose from: stored as the Dutch pages, labelled in the visitor's language."""

    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        super().__init__(queryset=None, required=False, label=_("Topics"), **kwargs)

    def use_active_language(self):
        """Choices: the source themes, each with its title in the active language (when
        translated and live), in one query."""
        themes = source_themes()
        titles = published(themes.model.objects.filter(locale=Locale.get_active())).filter(
            translation_key=OuterRef("translation_key")
        )
        self.queryset = themes.annotate(shown_title=Subquery(titles.values("title")[:1]))

    def label_from_instance(self, obj):
        return getattr(obj, "shown_title", None) or obj.title


class SubscriptionChoicesForm(forms.Form):
    """The choices a subscriber makes: name, topics and language of the newsletter."""

    name = forms.CharField(
        label=_("Name (optional)"),
        required=False,
        max_length=Subscriber._meta.get_field("name").max_length,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    topics = TopicsField()
    language = forms.ChoiceField(
        label=_("Language of the newsletter"),
        choices=settings.LANGUAGES,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].initial = translation.get_language() or settings.LANGUAGE_CODE
        self.fields["topics"].use_active_language()


class SignupForm(SubscriptionChoicesForm, ProtectedForm):
    consent_label = CONSENT_TEXTS[CONSENT_VERSION]
    field_order = ["email", "name", "topics", "language", "consent"]

    email = EmailField()
    source = forms.CharField(required=False, max_length=500, widget=forms.HiddenInput)

    def __init__(self, *args, privacy_url=None, topic_choices=None, **kwargs):
        """``topic_choices``: [(value, label)] known already (``NewsletterPage.
        signup_choices``), so that showing the form costs no query."""
        super().__init__(*args, **kwargs)
        if topic_choices is not None:
            self.fields["topics"].choices = topic_choices
        if privacy_url:
            self.fields["consent"].help_text = format_html(
                '<a href="{}">{}</a>', privacy_url, _("Read how we handle your data")
            )

    def clean_source(self):
        """The path of the page the form was on; anything else is not recorded."""
        source = self.cleaned_data["source"]
        return source if source.startswith("/") and not source.startswith("//") else ""


class UnsubscribeRequestForm(ProtectedForm):
    email = EmailField()


class PreferencesForm(SubscriptionChoicesForm, ProtectedForm):
    field_order = ["name", "topics", "language"]
