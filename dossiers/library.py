"""The library's filters: type, theme and year, combined, with counts, paginated.

Plain GET parameters (``?type=report&theme=participatie&year=2017&page=2``), so every
filter is a link that works without JavaScript and can be bookmarked. A value that is not
a valid choice is ignored (and reported next to its field), never an error page.
"""

from django import forms
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.db.models.functions import ExtractYear
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

PER_PAGE = 12


class LibraryFilterForm(forms.Form):
    type = forms.ChoiceField(label=_("Type"), required=False)
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    year = forms.ChoiceField(label=_("Year"), required=False)

    def __init__(self, data, *, types, themes, years):
        super().__init__(data)
        self.fields["type"].choices = [("", _("All types")), *types]
        self.fields["theme"].choices = [("", _("All themes")), *themes]
        self.fields["year"].choices = [("", _("All years")), *years]

    def valid_values(self):
        """The chosen values that are valid choices; invalid ones are left out."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}


class Library:
    """The filtered, counted and paginated publications of one library page.

    ``publications`` is the queryset of the library's published publications, ``themes`` the
    published themes of the active locale, ``listing`` a function that makes a queryset of
    publications ready for showing as cards.
    """

    def __init__(self, data, publications, *, themes, listing):
        model = publications.model
        self.themes = list(themes.defer_streamfields().order_by("path"))
        theme_keys = {theme.slug: theme.translation_key for theme in self.themes}
        years = publications.order_by().dates("publication_date", "year", order="DESC")
        year_values = [str(date.year) for date in years]

        conditions = {
            "type": lambda value: Q(publication_type=value),
            "theme": lambda value: Q(themes__translation_key=theme_keys[value]),
            "year": lambda value: Q(publication_date__year=int(value)),
        }
        choices = {
            "type": [(value, capfirst(label)) for value, label in model.Type.choices],
            "theme": [(theme.slug, theme.title) for theme in self.themes],
            "year": [(year, year) for year in year_values],
        }
        self.active = LibraryFilterForm(
            data, types=choices["type"], themes=choices["theme"], years=choices["year"]
        ).valid_values()
        filters = {name: conditions[name](value) for name, value in self.active.items()}

        def filtered(*, leave_out=None):
            queryset = publications
            for name, condition in filters.items():
                if name != leave_out:
                    queryset = queryset.filter(condition)
            return queryset

        counts = self._counts(filtered, theme_keys)
        shown = {name: self._with_counts(choices[name], counts[name], name) for name in choices}
        self.form = LibraryFilterForm(
            data, types=shown["type"], themes=shown["theme"], years=shown["year"]
        )
        self.form.is_valid()
        self.page = Paginator(listing(filtered()), PER_PAGE).get_page(data.get("page"))
        self.active_filters = [
            {
                "label": self.form[name].label,
                "value": dict(choices[name])[value],
                "remove_query": self._query_without(data, name),
            }
            for name, value in self.active.items()
        ]

    @staticmethod
    def _counts(filtered, theme_keys):
        """How many publications each choice would give, with the other filters applied."""
        by_type = (
            filtered(leave_out="type")
            .order_by()
            .values_list("publication_type")
            .annotate(n=Count("pk", distinct=True))
        )
        by_year = (
            filtered(leave_out="year")
            .order_by()
            .annotate(y=ExtractYear("publication_date"))
            .values_list("y")
            .annotate(n=Count("pk", distinct=True))
        )
        by_theme = (
            filtered(leave_out="theme")
            .order_by()
            .values_list("themes__translation_key")
            .annotate(n=Count("pk", distinct=True))
        )
        slug_of = {key: slug for slug, key in theme_keys.items()}
        return {
            "type": dict(by_type),
            "year": {str(year): n for year, n in by_year},
            "theme": {slug_of[key]: n for key, n in by_theme if key in slug_of},
        }

    @staticmethod
    def _query_without(data, name):
        """The query string (``?…`` or empty) of ``data`` without filter ``name`` and page."""
        query = data.copy()
        for key in (name, "page"):
            query.pop(key, None)
        return f"?{query.urlencode()}" if query else ""

    def _with_counts(self, choices, counts, name):
        """Choices labelled with their count; those giving nothing are left out unless chosen."""
        return [
            (value, f"{label} ({counts.get(value, 0)})")
            for value, label in choices
            if counts.get(value) or self.active.get(name) == value
        ]

    @property
    def count(self):
        return self.page.paginator.count
