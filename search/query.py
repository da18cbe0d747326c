"""Searching the live pages of the active locale: filters with counts, sorting, themes.

Every page type is searched the same way (``Page.objects...search()`` with ``specific()``),
so a new page type is found without changes here. Two conventions let a page type say more:

- ``search_date_field``: the name of a date field shown, filtered and sorted on as the
  page's date (``PublicationPage.publication_date``); otherwise its first publication date;
- a theme is a ``themes.ThemePage``: a page belongs to a theme when it is the theme, lies
  below it in the tree (projects) or links to it by a foreign key or many-to-many field
  (``themes`` of publications and dossiers). Links to a theme in another language count for
  its translation.
"""

import functools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import BooleanField, Count, DateField, ExpressionWrapper, F, Q
from django.db.models.functions import Coalesce, ExtractYear, TruncDate
from django.utils import timezone

from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page, get_page_models
from wagtail.search.backends import get_search_backend
from wagtail.search.query import Fuzzy
from wagtail.search.utils import normalise_query_string

from core.caching.sitecache import site_cached
from core.listings import localized, public, published

# Longer queries are cut here: no one types more, and it bounds the work of the database.
MAX_QUERY_LENGTH = 200
# With a search backend outside the database, the filters count at most this many matches
# (Elasticsearch's default max_result_window).
MAX_COUNTED_MATCHES = 10_000
THEME_MODEL = "themes.ThemePage"
SORT_RELEVANCE = "relevance"
SORT_DATE = "date"


def clean_query(raw):
    """The query to search for: whitespace collapsed, at most MAX_QUERY_LENGTH characters.

    Returns (query, truncated). Double quotes are dropped (there is no phrase search and
    SQLite's full-text syntax cannot take them); a query without a letter or digit is empty.
    """
    query = " ".join(raw.replace('"', " ").split())
    truncated = len(query) > MAX_QUERY_LENGTH
    query = query[:MAX_QUERY_LENGTH].strip()
    if not re.search(r"\w", query):
        query = ""
    return query, truncated


def page_type_key(model):
    return f"{model._meta.app_label}.{model._meta.model_name}"


def page_types():
    """Every page type, by the key used in the URL ('dossiers.publicationpage')."""
    return {page_type_key(model): model for model in get_page_models()}


def theme_model():
    return apps.get_model(THEME_MODEL)


def live_pages(locale):
    """Every live, public page of ``locale`` (not the tree's root), aliases left out.

    An alias shows its original's content under another place in the tree, so an alias of
    a restricted or unpublished page would leak it (core.listings.is_public). Aliases are left
    out by their pks (``alias_of`` is no filter field of the search index; ``id`` is)."""
    aliases = Page.objects.filter(alias_of__isnull=False).values("pk")
    return public(Page.objects.live()).filter(locale=locale, depth__gt=1).exclude(pk__in=aliases)


def themes_of_locale(locale):
    """The live themes of ``locale``, each with ``translation_ids``: its pks in every language
    (kept until the content changes, core.caching.sitecache)."""
    return site_cached(f"search_themes:{locale.pk}", lambda: _themes_of_locale(locale))


def _themes_of_locale(locale):
    model = theme_model()
    themes = list(
        published(model.objects.filter(locale=locale))
        .only("pk", "title", "path", "depth", "url_path", "translation_key", "locale_id")
        .order_by("path")
    )
    translations = model.objects.filter(
        translation_key__in=[theme.translation_key for theme in themes]
    ).values_list("pk", "translation_key")
    ids = defaultdict(list)
    for pk, translation_key in translations:
        ids[translation_key].append(pk)
    for theme in themes:
        theme.translation_ids = ids[theme.translation_key]
    return themes


@functools.cache
def theme_links():
    """(page model, field) for every foreign key and many-to-many field to the theme model
    (found once per process: the models do not change while it runs)."""
    theme = theme_model()
    return [
        (model, field)
        for model in get_page_models()
        for field in model._meta.get_fields(include_parents=False)
        if field.is_relation
        and not field.auto_created
        and (field.many_to_one or field.many_to_many)
        and field.related_model is theme
    ]


def in_theme(theme):
    """Q for the pages that belong to ``theme`` (see the module's docstring)."""
    condition = Q(path__startswith=theme.path)
    for model, field in theme_links():
        if field.many_to_many:
            linked = field.remote_field.through.objects.filter(
                **{f"{field.m2m_reverse_field_name()}__in": theme.translation_ids}
            ).values(field.m2m_field_name())
        else:
            linked = model.objects.filter(**{f"{field.name}__in": theme.translation_ids})
            linked = linked.values("pk")
        condition |= Q(pk__in=linked)
    return condition


def page_date():
    """The date of a page: its ``search_date_field`` if its type has one, else first published.

    The specific tables are joined (a Page's reverse link to its subclass is the subclass's
    model name: ``publicationpage__publication_date``).
    """
    dates = []
    for model in get_page_models():
        if getattr(model, "search_date_field", None):
            ancestors = [
                parent for parent in model._meta.get_parent_list() if issubclass(parent, Page)
            ]
            chain = [parent._meta.model_name for parent in reversed(ancestors[:-1])]
            lookup = "__".join([*chain, model._meta.model_name, model.search_date_field])
            dates.append(F(lookup))
    first_published = TruncDate("first_published_at")
    if not dates:
        return first_published
    return Coalesce(*dates, first_published, output_field=DateField())


def date_of(page):
    """The date of a (specific) page, for display."""
    field = getattr(page, "search_date_field", None)
    if field:
        return getattr(page, field)
    if page.first_published_at:
        return timezone.localdate(page.first_published_at)
    return None


@dataclass
class Filters:
    page_type: str = ""
    theme: Page | None = None
    year: int | None = None

    def __bool__(self):
        return bool(self.page_type or self.theme or self.year)


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool
    url: str = ""


@dataclass
class Facets:
    count: int
    types: list[FacetOption]
    themes: list[FacetOption]
    years: list[FacetOption]


class PageSearch:
    """One search: a query, filters and an order, over the live pages of a locale."""

    def __init__(self, locale, query, filters=None, sort=SORT_RELEVANCE):
        self.locale = locale
        self.live_pages = live_pages(locale)  # evaluates the view restrictions once
        self.query = query
        self.filters = filters or Filters()
        self.sort = sort

    def pages(self):
        """The live pages of the locale with the filters applied."""
        pages = self.live_pages
        filters = self.filters
        if filters.page_type:
            model = page_types()[filters.page_type]
            pages = pages.filter(content_type=ContentType.objects.get_for_model(model))
        if filters.theme:
            pages = pages.filter(in_theme(filters.theme))
        if filters.year:
            dated = Page.objects.annotate(search_date=page_date())
            pages = pages.filter(pk__in=dated.filter(search_date__year=filters.year).values("pk"))
        return pages

    def results(self):
        """The matching pages (specific, StreamFields deferred), best or newest first (equally
        relevant ones newest first, search/backends.py)."""
        pages = self.pages().specific().defer_streamfields()
        pages = pages.order_by(page_date().desc(nulls_last=True), "-id")
        return pages.search(self.query, order_by_relevance=self.sort != SORT_DATE)

    def facets(self, themes):
        """The number of results and the filters with their counts, in one query.

        The pages matching the query (before any filter) are counted in groups by type, year
        and whether they belong to each theme; every filter then adds up the groups that pass
        the *other* filters, and the number of results is what passes them all.
        """
        theme_keys = {theme.pk: f"theme_{theme.pk}" for theme in themes}
        results = self.live_pages.search(self.query, order_by_relevance=False)
        matching = Page.objects.filter(pk__in=matching_pks(results))
        groups = (
            matching.annotate(
                year=ExtractYear(page_date()),
                **{
                    key: ExpressionWrapper(in_theme(theme), output_field=BooleanField())
                    for theme in themes
                    for key in [theme_keys[theme.pk]]
                },
            )
            .values("content_type", "year", *theme_keys.values())
            .annotate(count=Count("pk"))
            .order_by()
        )
        filters = self.filters
        type_id = None
        if filters.page_type:
            type_id = ContentType.objects.get_for_model(page_types()[filters.page_type]).pk

        def passes(group, skip=None):
            return (
                (skip == "type" or type_id is None or group["content_type"] == type_id)
                and (skip == "year" or not filters.year or group["year"] == filters.year)
                and (skip == "theme" or not filters.theme or group[theme_keys[filters.theme.pk]])
            )

        total, types, years, theme_counts = 0, Counter(), Counter(), Counter()
        for group in groups:
            total += group["count"] if passes(group) else 0
            if passes(group, "type"):
                types[group["content_type"]] += group["count"]
            if passes(group, "year") and group["year"] is not None:
                years[group["year"]] += group["count"]
            if passes(group, "theme"):
                for pk, key in theme_keys.items():
                    theme_counts[pk] += group["count"] if group[key] else 0
        return Facets(
            count=total,
            types=self._type_options(types, type_id),
            themes=[
                FacetOption(
                    str(theme.pk), theme.title, theme_counts[theme.pk], theme == filters.theme
                )
                for theme in themes
                if theme_counts[theme.pk] or theme == filters.theme
            ],
            years=[
                FacetOption(str(year), str(year), count, year == filters.year)
                for year, count in sorted(years.items(), reverse=True)
            ],
        )

    def _type_options(self, counts, selected_id):
        options = []
        for type_id, count in counts.items():
            model = ContentType.objects.get_for_id(type_id).model_class()
            if model is not None:
                options.append(
                    FacetOption(
                        page_type_key(model),
                        model._meta.verbose_name,
                        count,
                        type_id == selected_id,
                    )
                )
        return sorted(options, key=lambda option: (-option.count, str(option.label)))

    def suggestions(self, limit=5):
        """Pages whose titles have a word like the query (typos), when the backend can tell."""
        if not getattr(get_search_backend(), "supports_fuzzy", False):
            return []
        pages = self.live_pages.specific().defer_streamfields()
        return list(pages.search(Fuzzy(self.query, unaccent=True))[:limit])

    def promotions(self):
        """What editors promoted for this query: [{page or url, title, description}].

        Promotions have no language: a promoted page is shown in its translation into the
        active language, and left out when that is not live.
        """
        query_string = normalise_query_string(self.query)
        if query_string not in promoted_queries():
            return []
        promotions = SearchPromotion.objects.filter(
            query__query_string=query_string
        ).select_related("page")
        shown = []
        for promotion in promotions:
            page = localized(promotion.page) if promotion.page_id else None
            if promotion.page_id and page is None:
                continue
            shown.append(
                {
                    "page": page,
                    "url": promotion.external_link_url,
                    "title": page.title if page else promotion.external_link_text,
                    "description": promotion.description,
                }
            )
        return shown


def matching_pks(results):
    """The pks of every page in ``results``: a subquery for a database search backend (whose
    results build their query with ``get_queryset()``), else the pks of the first
    MAX_COUNTED_MATCHES results (Elasticsearch/OpenSearch, docs/search.md)."""
    if hasattr(results, "get_queryset"):
        return results.get_queryset().order_by().values("pk")
    return [page.pk for page in results[:MAX_COUNTED_MATCHES]]


def promoted_queries():
    """The (normalised) search terms editors promoted pages for, kept until the content
    changes (a promotion saved or deleted is such a change, search/cache.py): most searches
    have none and cost no query for them."""
    return site_cached(
        "search_promoted_queries",
        lambda: set(SearchPromotion.objects.values_list("query__query_string", flat=True)),
    )


def describe_results(results, themes):
    """What the results list shows of each page: type, title, summary, date and themes."""
    themes_by_page = themes_of_results(results, themes)
    return [
        {
            "page": page,
            "type": page._meta.verbose_name,
            "summary": getattr(page, "summary_text", "") or page.search_description,
            "date": date_of(page),
            "themes": themes_by_page[page.pk],
        }
        for page in results
    ]


def themes_of_results(results, themes):
    """{page pk: [themes]} for the pages shown, in one query: the links to a theme of the
    types among them (e.g. only the publications' themes when only publications are shown)."""
    by_key = {theme.translation_key: theme for theme in themes}
    found = {page.pk: [] for page in results}

    def add(page_pk, theme):
        if theme is not None and theme not in found[page_pk]:
            found[page_pk].append(theme)

    for page in results:
        for theme in themes:
            if page.path.startswith(theme.path):
                add(page.pk, theme)
    shown_types = {type(page) for page in results}
    links = []
    for model, field in theme_links():
        if not any(issubclass(shown, model) for shown in shown_types):
            continue
        if field.many_to_many:
            through = field.remote_field.through
            source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
            links.append(
                through.objects.filter(**{f"{source}__in": found})
                .order_by()  # SQLite allows no ORDER BY inside a UNION
                .values_list(source, f"{target}__translation_key")
            )
        else:
            links.append(
                model.objects.filter(pk__in=found)
                .order_by()
                .values_list("pk", f"{field.name}__translation_key")
            )
    if links:
        for page_pk, translation_key in links[0].union(*links[1:], all=True):
            add(page_pk, by_key.get(translation_key))
    return found
