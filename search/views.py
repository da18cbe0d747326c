"""The search page (/nl/zoeken/, /en/search/) and its autocomplete endpoint."""

from urllib.parse import urlencode

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Locale

from core.listings import published
from core.ratelimit import check_rate
from search.cache import cached_results, results_key
from search.forms import SearchForm
from search.query import (
    SORT_RELEVANCE,
    PageSearch,
    clean_query,
    describe_results,
    live_pages,
    themes_of_locale,
)

RESULTS_PER_PAGE = 20
AUTOCOMPLETE_RESULTS = 8
AUTOCOMPLETE_MIN_LENGTH = 2
# Pages linked from the "no results" page, when they exist in the active language.
HELP_PAGE_MODELS = ["dossiers.PublicationIndexPage", "questions.QuestionIndexPage"]


def help_pages(locale):
    """The library and the question service of ``locale`` (those that exist), by model name."""
    pages = []
    for model_name in HELP_PAGE_MODELS:
        try:
            model = apps.get_model(model_name)
        except LookupError:  # the app is not installed
            continue
        page = published(model.objects.filter(locale=locale)).first()
        if page is not None:
            pages.append(page)
    return pages


class SearchLinks:
    """Links to this search with one thing changed (a filter, the order, the page).

    Built from the values that were understood, so a link never carries a bad parameter on.
    """

    def __init__(self, query, filters, sort):
        self.params = {
            "q": query,
            "type": filters.page_type,
            "theme": filters.theme.pk if filters.theme else "",
            "year": filters.year or "",
            "sort": "" if sort == SORT_RELEVANCE else sort,
        }

    def url(self, **changes):
        params = {**self.params, **changes}
        return "?" + urlencode({key: value for key, value in params.items() if value})

    def facet(self, heading, param, options):
        for option in options:
            option.url = self.url(**{param: option.value})
        return {"heading": heading, "options": options, "remove_url": self.url(**{param: ""})}

    def pagination(self, results_page):
        """Previous/next links and the page numbers (long ranges elided: url None)."""
        paginator = results_page.paginator
        return {
            "previous": (
                self.url(page=results_page.previous_page_number())
                if results_page.has_previous()
                else None
            ),
            "next": (
                self.url(page=results_page.next_page_number()) if results_page.has_next() else None
            ),
            "numbers": [
                {
                    "number": number,
                    "url": self.url(page=number) if number != paginator.ELLIPSIS else None,
                    "current": number == results_page.number,
                }
                for number in paginator.get_elided_page_range(results_page.number)
            ],
        }


def search_results(request, locale, themes, query, filters, sort):
    """The context of the results part of the page (search/results.html)."""
    page_search = PageSearch(locale, query, filters, sort)
    facets = page_search.facets(themes)
    paginator = Paginator(page_search.results(), RESULTS_PER_PAGE)
    paginator.count = facets.count  # counted with the filters already
    results_page = paginator.get_page(request.GET.get("page"))
    links = SearchLinks(query, filters, sort)
    context = {
        "query": query,
        "filters": filters,
        "sort": sort,
        "results_page": results_page,
        "results": describe_results(list(results_page), themes),
        "promotions": page_search.promotions(),
        "facets": [
            links.facet(_("Type"), "type", facets.types),
            links.facet(_("Theme"), "theme", facets.themes),
            links.facet(_("Year"), "year", facets.years),
        ],
        "remove_filters_url": links.url(type="", theme="", year=""),
        "sort_urls": {"relevance": links.url(sort=""), "date": links.url(sort="date")},
        "pagination": links.pagination(results_page) if results_page.has_other_pages() else None,
    }
    if not paginator.count:
        context.update(suggestions=page_search.suggestions(), help_pages=help_pages(locale))
    return context


# Neither response is cached whole: every search counts for the search-terms report, and the
# space of query strings has no end. The rendered results are kept (search/cache.py) until
# the content changes.
@never_cache
@require_GET
def search(request):
    locale = Locale.get_active()
    themes = themes_of_locale(locale)
    form = SearchForm(request.GET, themes=themes)
    valid = form.is_valid()
    query, filters, sort = form.search_arguments()
    context = {"form": form, "query": query, "filters": filters, "sort": sort}

    if query:
        key = results_key(
            locale.language_code,
            query,
            filters.page_type,
            filters.theme.pk if filters.theme else None,
            filters.year,
            sort,
            request.GET.get("page", "")[:10],
        )
        context["results_html"] = cached_results(
            key,
            lambda: render_to_string(
                "search/results.html",
                search_results(request, locale, themes, query, filters, sort),
                request=request,
            ),
        )
        if not filters and "page" not in request.GET:
            # for the search-terms report (Reports → Search terms)
            Query.get(query).add_hit()

    return render(request, "search/search.html", context, status=200 if valid else 400)


@never_cache
@require_GET
def autocomplete(request):
    """Up to 8 page titles starting with the words typed: {"results": [{title, url, type}]}."""
    retry_after = check_rate(request, "search-autocomplete", settings.SEARCH_AUTOCOMPLETE_RATE)
    if retry_after:
        response = JsonResponse({"error": "too many requests"}, status=429)
        response["Retry-After"] = str(retry_after)
        return response
    query, _truncated = clean_query(request.GET.get("q", "").replace("\x00", ""))
    suggestions = []
    if len(query) >= AUTOCOMPLETE_MIN_LENGTH:
        pages = live_pages(Locale.get_active()).autocomplete(query)[:AUTOCOMPLETE_RESULTS]
        for page in pages:
            model = ContentType.objects.get_for_id(page.content_type_id).model_class()
            suggestions.append(
                {
                    "title": page.title,
                    "url": page.get_url(request),
                    "type": str(capfirst(model._meta.verbose_name)) if model else "",
                }
            )
    return JsonResponse({"query": query, "results": suggestions})
