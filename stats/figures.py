"""The figures of a year, read from the daily counts (and the recorded figures of
publications, for years before counting began).

The stats app names the content models it reports on by string and reads them through
their reverse relations, as every feature app does: it imports no other feature app.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db.models import Max, Min, Q, Sum
from django.db.models.functions import Coalesce, ExtractYear
from django.utils import timezone

from wagtail.models import Locale, Page

from core.caching.sitecache import generation, site_cached
from core.listings import published

from .models import DailyDownloads, DailyPageViews, MediaMention, SocialFollowers

PUBLICATION_MODEL = "dossiers.PublicationPage"
DOSSIER_MODEL = "dossiers.DossierPage"


def kept(name, year, compute):
    """``compute()``, figures of ``year`` summed from the daily counts (a year is a quarter of
    a million rows at institute scale), kept: a finished year's counts no longer change, so
    they are kept until the content changes (``site_cached``; recorded figures and titles
    are content); this year's are kept ``STATS_CACHE_SECONDS`` in the cache, so they are at
    most that much behind the counting (0: computed on every request)."""
    if year < timezone.localdate().year:
        return site_cached(f"stats:{name}:{year}", compute)
    if settings.STATS_CACHE_SECONDS <= 0:
        return compute()
    key = f"stats:{name}:{year}:{generation()}"
    return cache.get_or_set(key, compute, settings.STATS_CACHE_SECONDS)


def behind_minutes(year):
    """How many minutes the figures of ``year`` that ``kept`` keeps may be behind (0: none)."""
    if year < timezone.localdate().year:
        return 0
    return -(-settings.STATS_CACHE_SECONDS // 60)


def _total(queryset):
    return queryset.aggregate(total=Coalesce(Sum("count"), 0))["total"]


def _per_month(queryset, year):
    rows = queryset.filter(day__year=year).values("day__month").annotate(total=Sum("count"))
    totals = {row["day__month"]: row["total"] for row in rows}
    return [totals.get(month, 0) for month in range(1, 13)]


def visits_per_month(year):
    """Counted page views of each month of ``year`` (a list of 12)."""
    return _per_month(DailyPageViews.objects.all(), year)


def downloads_per_month(year):
    """Counted downloads of each month of ``year`` (a list of 12)."""
    return _per_month(DailyDownloads.objects.all(), year)


def site_visits(year):
    """Every counted page view of ``year``, in every language."""
    return _total(DailyPageViews.objects.filter(day__year=year))


def page_views(year, page):
    """Counted views of ``page`` in ``year``, its translations included."""
    return _total(
        DailyPageViews.objects.filter(day__year=year, page__translation_key=page.translation_key)
    )


def counted_downloads(year):
    return _total(DailyDownloads.objects.filter(day__year=year))


def recorded_downloads(year):
    """Downloads of publications recorded by hand for ``year`` (before counting began)."""
    publications = apps.get_model(PUBLICATION_MODEL).objects.filter(locale=Locale.get_default())
    return publications.aggregate(
        total=Coalesce(Sum("yearly_figures__downloads", filter=Q(yearly_figures__year=year)), 0)
    )["total"]


def downloads(year):
    """All downloads of ``year``: counted plus recorded."""
    return counted_downloads(year) + recorded_downloads(year)


def media_mentions(year):
    return MediaMention.objects.filter(date__year=year).count()


def followers(year, channel):
    record = SocialFollowers.objects.filter(year=year, channel=channel).first()
    return record.followers if record else 0


def _counted_years(model):
    """The years from the first counted day to the last: counting runs every day the site
    does, so each year between has counts. Two index lookups, where the distinct years of
    millions of daily rows would read them all."""
    span = model.objects.aggregate(first=Min("day"), last=Max("day"))
    if span["first"] is None:
        return set()
    return set(range(span["first"].year, span["last"].year + 1))


def available_years():
    """This year and every year with counts, mentions or followers, most recent first."""
    years = {timezone.localdate().year}
    years |= _counted_years(DailyPageViews)
    years |= _counted_years(DailyDownloads)
    years |= {day.year for day in MediaMention.objects.dates("date", "year")}
    years |= set(SocialFollowers.objects.values_list("year", flat=True))
    return sorted(years, reverse=True)


@dataclass
class PageFigures:
    """A page's views and its document's downloads in one year, recorded plus counted."""

    page: object
    views: int
    downloads: int


def _publication_totals(year, pages):
    """[(page id, views, downloads)] in ``year`` of the publications ``pages`` (a queryset in
    the default language), in three queries whatever their number, without loading pages."""
    rows = list(
        pages.order_by("path").values_list(
            "pk",
            "translation_key",
            "document_id",
            Coalesce(Sum("yearly_figures__views", filter=Q(yearly_figures__year=year)), 0),
            Coalesce(Sum("yearly_figures__downloads", filter=Q(yearly_figures__year=year)), 0),
        )
    )
    views = dict(
        DailyPageViews.objects.filter(
            day__year=year, page__translation_key__in=pages.values("translation_key")
        )
        .values_list("page__translation_key")
        .annotate(total=Sum("count"))
    )
    counted = dict(
        DailyDownloads.objects.filter(
            day__year=year, document_id__in=pages.filter(document__isnull=False).values("document")
        )
        .values_list("document_id")
        .annotate(total=Sum("count"))
    )
    return [
        (pk, recorded_views + views.get(key, 0), recorded_downloads + counted.get(document, 0))
        for pk, key, document, recorded_views, recorded_downloads in rows
    ]


def _default_publications(publications=None):
    model = apps.get_model(PUBLICATION_MODEL)
    pages = published(model.objects.filter(locale=Locale.get_default()))
    if publications is not None:
        pages = pages.filter(translation_key__in=[page.translation_key for page in publications])
    return pages


def _figures(totals):
    model = apps.get_model(PUBLICATION_MODEL)
    pages = model.objects.defer_streamfields().in_bulk([pk for pk, _views, _downloads in totals])
    return [PageFigures(pages[pk], views, downloads) for pk, views, downloads in totals]


def publication_figures(year, publications=None):
    """Views and downloads of publications in ``year``, in four queries whatever their number.

    ``publications``: the pages to report on (in any language), else every live publication.
    Views count every translation of a publication; recorded figures are read from the
    publication in the default language (translations carry copies of them).
    """
    figures = _figures(_publication_totals(year, _default_publications(publications)))
    if publications is not None:  # in the order asked for
        order = [page.translation_key for page in publications]
        figures.sort(key=lambda item: order.index(item.page.translation_key))
    return figures


def publication_figures_per_year(publications):
    """{translation key: {year: (views, downloads)}} of ``publications`` (pages in any
    language) for every year with figures, by the rules of ``publication_figures``: five
    queries whatever the number of publications or years (the open-data export reads its
    10,000 publications in chunks of 1,000, where a query per year and chunk read the daily
    counts again for every year)."""
    pages = _default_publications(publications)
    documents = dict(pages.values_list("translation_key", "document_id"))
    figures = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    recorded = pages.filter(yearly_figures__isnull=False).values_list(
        "translation_key",
        "yearly_figures__year",
        "yearly_figures__views",
        "yearly_figures__downloads",
    )
    for key, year, views, downloads in recorded:
        figures[key][year][0] += views or 0
        figures[key][year][1] += downloads or 0
    # every translation's views (by page, so that the database reads the index of the pages)
    translations = dict(
        Page.objects.filter(translation_key__in=list(documents)).values_list(
            "pk", "translation_key"
        )
    )
    views = (
        DailyPageViews.objects.filter(page_id__in=list(translations))
        .annotate(year=ExtractYear("day"))
        .values_list("page_id", "year")
        .annotate(total=Sum("count"))
    )
    for page, year, total in views:
        figures[translations[page]][year][0] += total
    by_document = {document: key for key, document in documents.items() if document}
    counted = (
        DailyDownloads.objects.filter(document_id__in=list(by_document))
        .annotate(year=ExtractYear("day"))
        .values_list("document_id", "year")
        .annotate(total=Sum("count"))
    )
    for document, year, total in counted:
        figures[by_document[document]][year][1] += total
    return {
        key: {year: tuple(pair) for year, pair in years.items()} for key, years in figures.items()
    }


def top_publications(year, limit=10):
    """The publications downloaded (then viewed) most in ``year``: only those are loaded."""
    totals = [item for item in _publication_totals(year, _default_publications()) if any(item[1:])]
    totals.sort(key=lambda item: (item[2], item[1]), reverse=True)
    return _figures(totals[:limit])


def top_pages(year, model_label, limit=10):
    """The pages of ``model_label`` with the most counted views in ``year`` (all languages
    together), shown by their page in the default language."""
    app_label, model_name = model_label.split(".")
    totals = list(
        DailyPageViews.objects.filter(
            day__year=year,
            page__content_type__app_label=app_label,
            page__content_type__model=model_name.lower(),
        )
        .values_list("page__translation_key")
        .annotate(total=Sum("count"))
        .order_by("-total")[:limit]
    )
    pages = {
        page.translation_key: page
        for page in apps.get_model(model_label)
        .objects.filter(
            translation_key__in=[key for key, _total in totals], locale=Locale.get_default()
        )
        .defer_streamfields()
    }
    return [
        PageFigures(page=pages[key], views=total, downloads=0)
        for key, total in totals
        if key in pages
    ]


def top_dossiers(year, limit=10):
    return top_pages(year, DOSSIER_MODEL, limit)
