"""The search form: the query, the filters (type, theme, year) and the order of results."""

from django import forms
from django.utils.translation import gettext_lazy as _

from search.query import SORT_DATE, SORT_RELEVANCE, Filters, clean_query, page_types

MIN_YEAR, MAX_YEAR = 1900, 2100


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search for"), required=False, strip=False)
    type = forms.ChoiceField(label=_("Type"), required=False)
    theme = forms.TypedChoiceField(label=_("Theme"), required=False, coerce=int, empty_value=None)
    year = forms.IntegerField(
        label=_("Year"), required=False, min_value=MIN_YEAR, max_value=MAX_YEAR
    )
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[(SORT_RELEVANCE, _("Relevance")), (SORT_DATE, _("Date (newest first)"))],
    )

    def __init__(self, *args, themes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.themes = {theme.pk: theme for theme in themes}
        self.fields["type"].choices = [("", "")] + [
            (key, model._meta.verbose_name) for key, model in page_types().items()
        ]
        self.fields["theme"].choices = [("", "")] + [
            (pk, theme.title) for pk, theme in self.themes.items()
        ]
        self.truncated = False

    def clean_q(self):
        query, self.truncated = clean_query(self.cleaned_data["q"])
        return query

    def search_arguments(self):
        """(query, Filters, sort) from the values that are valid; invalid ones are left out."""
        data = self.cleaned_data if hasattr(self, "cleaned_data") else {}
        filters = Filters(
            page_type=data.get("type") or "",
            theme=self.themes.get(data.get("theme")),
            year=data.get("year"),
        )
        return data.get("q") or "", filters, data.get("sort") or SORT_RELEVANCE
