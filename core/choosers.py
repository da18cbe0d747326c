"""Choosing many snippets or pages for one many-to-many field in the page editor.

``ChooseManyPanel("partners")`` shows the chosen items as a list with a remove button each
and an "add" button that opens the searchable chooser modal of the related model, limited
to the language of the page being edited. The model keeps its ``ParentalManyToManyField``:
only the widget changes (docs/decisions/multiple-chooser-widget.md).

A chooser viewset becomes the chooser of its model's many-to-many fields by mixing in
``LocaleChooserViewSetMixin`` (snippets: as their viewset's ``chooser_viewset_class``).
"""

from django import forms
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.db.models import Q
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.forms.choosers import BaseFilterForm, SearchFilterMixin
from wagtail.admin.panels import FieldPanel
from wagtail.admin.staticfiles import versioned_static
from wagtail.log_actions import log
from wagtail.models import DraftStateMixin, Locale, RevisionMixin
from wagtail.snippets.views.chooser import SnippetChooserViewSet

# The chooser viewset of each model, filled as the viewsets are registered.
CHOOSERS = {}


def chooser_for(model):
    """The registered ``LocaleChooserViewSetMixin`` viewset that chooses ``model``."""
    try:
        return CHOOSERS[model]
    except KeyError:
        raise ImproperlyConfigured(f"No chooser viewset is registered for {model}.") from None


class ChooserSearchForm(SearchFilterMixin, BaseFilterForm):
    """The search box of the chooser, with no language filter: the language is the page's."""

    search_fields = ()  # set per viewset

    def filter(self, objects):
        query = (self.cleaned_data.get("q") or "").strip()
        if not query:
            return objects
        self.is_searching = True
        self.search_query = query
        # A plain "contains" on the model's search fields: the same on PostgreSQL and SQLite,
        # parts of words included, and cheap for a chooser's few hundred rows.
        condition = Q()
        for name in self.search_fields:
            condition |= Q(**{f"{name}__icontains": query})
        return objects.filter(condition)


class LocaleChooseMixin:
    """For the choose and results views: only the objects in the language of ``?locale=``."""

    @cached_property
    def chooser_locale(self):
        code = self.request.GET.get("locale")
        return Locale.objects.filter(language_code=code).first() if code else None

    @property
    def columns(self):
        # Every row is in the page's language: no language column.
        return [column for column in super().columns if column.name != "locale_id"]

    def filter_object_list(self, objects):
        if self.chooser_locale is not None:
            objects = objects.filter(locale=self.chooser_locale)
        return super().filter_object_list(objects)


class LocaleCreateMixin:
    """For the create view: the new object is in the page's language, and a model with a
    draft state gets a draft (its publication goes through the snippet's own workflow)."""

    def get_creation_form_kwargs(self):
        kwargs = super().get_creation_form_kwargs()
        code = self.request.GET.get("locale")
        locale = Locale.objects.filter(language_code=code).first() if code else None
        kwargs["instance"] = self.model_class(locale=locale or Locale.get_default())
        return kwargs

    def save_form(self, form):
        instance = form.save(commit=False)
        if isinstance(instance, DraftStateMixin):
            instance.live = False
            instance.has_unpublished_changes = True
        instance.save()
        form.save_m2m()
        revision = None
        if isinstance(instance, RevisionMixin):
            revision = instance.save_revision(user=self.request.user, log_action=False)
        log(instance=instance, action="wagtail.create", revision=revision, content_changed=True)
        return instance


class LocaleCreationForm(forms.ModelForm):
    """A creation form that also checks the constraints that involve the locale (not a
    field of the form, so Django's own validation leaves them out)."""

    def clean(self):
        cleaned_data = super().clean()
        for name, value in cleaned_data.items():
            setattr(self.instance, name, value)
        try:
            self.instance.validate_constraints()
        except ValidationError as error:
            self.add_error(None, error)
        return cleaned_data


class LocaleChooserViewSetMixin:
    """Makes a ``ChooserViewSet`` (or ``SnippetChooserViewSet``) list, search and create in
    the page's language, and the chooser of its model for ``ChooseManyPanel``.

    ``search_fields`` are the model fields the search box looks in; ``form_fields`` turns on
    the "create" tab."""

    preserve_url_parameters = ["multiple", "locale"]
    search_fields = ["name"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        search_form = type(
            "ChooserSearchForm", (ChooserSearchForm,), {"search_fields": self.search_fields}
        )
        for attribute in ("choose_view_class", "choose_results_view_class"):
            view_class = getattr(self, attribute)
            setattr(
                self,
                attribute,
                type(
                    view_class.__name__,
                    (LocaleChooseMixin, view_class),
                    {"filter_form_class": search_form},
                ),
            )
        self.create_view_class = type(
            self.create_view_class.__name__, (LocaleCreateMixin, self.create_view_class), {}
        )
        if self.form_fields is not None and self.creation_form_class is None:
            self.creation_form_class = forms.modelform_factory(
                self.model, form=LocaleCreationForm, fields=self.form_fields
            )

    def on_register(self):
        super().on_register()
        CHOOSERS[self.model] = self


class MultipleChooser(forms.Widget):
    """The chosen items as a list, each with a remove button, and an "add" button opening
    the chooser modal of ``model``'s viewset (static/js/multiple-chooser.js) in ``locale``;
    ``label`` names the items on that button (default: the model's plural name)."""

    template_name = "core/widgets/multiple_chooser.html"

    def __init__(self, model, label=None, attrs=None):
        super().__init__(attrs)
        self.model = model
        self.label = label or model._meta.verbose_name_plural
        self.locale = None
        self.choices = ()  # set by the form field; never listed in full

    @property
    def viewset(self):
        # Looked up when the widget is used, not when the form class is built: system checks
        # build page forms before Wagtail registers the admin's viewsets.
        return chooser_for(self.model)

    @property
    def media(self):
        return forms.Media(
            js=[
                versioned_static("wagtailadmin/js/chooser-modal.js"),
                versioned_static("js/multiple-chooser.js"),
            ],
            css={"all": [versioned_static("css/multiple-chooser.css")]},
        )

    def chooser_url(self):
        params = {"multiple": 1}
        if self.locale is not None:
            params["locale"] = self.locale.language_code
        return f"{reverse(self.viewset.get_url_name('choose'))}?{urlencode(params)}"

    def value_from_datadict(self, data, files, name):
        return data.getlist(name) if hasattr(data, "getlist") else data.get(name)

    def value_omitted_from_data(self, data, files, name):
        # Nothing posted means every item was removed.
        return False

    def chosen_items(self, value):
        """The chosen objects in the order of ``value``, with their titles and edit links."""
        ids = [str(getattr(item, "pk", item)) for item in value or []]
        objects = {str(obj.pk): obj for obj in self.model.objects.filter(pk__in=ids)}
        finder = AdminURLFinder()
        return [
            {"id": pk, "title": str(objects[pk]), "edit_url": finder.get_edit_url(objects[pk])}
            for pk in ids
            if pk in objects
        ]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"].update(
            {
                "items": self.chosen_items(value),
                "chooser_url": self.chooser_url(),
                "add_text": capfirst(_("Add %(items)s") % {"items": self.label}),
            }
        )
        return context

    def format_value(self, value):
        return value


class ChooseManyPanel(FieldPanel):
    """A ``FieldPanel`` for a many-to-many field, chosen with ``MultipleChooser`` in the
    language of the page being edited."""

    def get_form_options(self):
        options = super().get_form_options()
        if not self.read_only and not self.widget:
            widget = MultipleChooser(self.db_field.related_model, label=self.db_field.verbose_name)
            options["widgets"] = {self.field_name: widget}
        return options

    class BoundPanel(FieldPanel.BoundPanel):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            widget = getattr(getattr(self.bound_field, "field", None), "widget", None)
            if isinstance(widget, MultipleChooser) and self.instance is not None:
                widget.locale = getattr(self.instance, "locale", None)


class PartnerChooserViewSet(LocaleChooserViewSetMixin, SnippetChooserViewSet):
    """Partners in the page's language; an editor may add one, as a draft to be published."""

    choose_one_text = _("Choose a partner")
    search_fields = ["name", "website"]
    form_fields = ["name", "slug", "kind", "website"]
    creation_tab_label = _("New partner")
    create_action_label = _("Add partner")


class PersonChooserViewSet(LocaleChooserViewSetMixin, SnippetChooserViewSet):
    """People in the page's language; an editor may add one."""

    choose_one_text = _("Choose a person")
    search_fields = ["name", "role", "organisation"]
    form_fields = ["name", "role", "organisation"]
    creation_tab_label = _("New person")
    create_action_label = _("Add person")
