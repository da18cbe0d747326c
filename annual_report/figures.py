"""Live figures for the annual report: a registry of providers from every feature app.

A key figure on an AnnualReportPage is a static number or a live figure chosen from this
registry, computed for the page's year. Each feature app offers plain functions of a year
(``stats.figures``, and the question service and newsletter their own); ``home`` sits on
top of them all and registers them here, so the report's blocks never import a feature
app. A provider that needs one page (the theme of "projects of a theme", the publication of
"downloads of a publication") names the page type it accepts.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db.models import Q
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale

from core.listings import published
from core.models import Partner
from events import figures as event_figures
from events.choices import EventKind
from newsletter import figures as newsletter_figures
from questions import figures as question_figures
from questions.models import QuestionKind
from stats import figures as stats_figures
from stats.models import SocialFollowers
from themes.models import ProjectPage, ThemePage


@dataclass(frozen=True)
class LiveFigure:
    key: str
    label: str
    compute: object  # compute(year, page) -> int
    page_type: str = ""  # "app_label.Model" when the figure is about one chosen page

    def accepts(self, page):
        if not self.page_type:
            return page is None
        return page is not None and (
            self.page_type == "wagtailcore.Page"
            or page.specific_class._meta.label == self.page_type
        )


class LiveFigureRegistry:
    def __init__(self):
        self._figures = {}

    def register(self, key, label, compute, page_type=""):
        self._figures[key] = LiveFigure(key, label, compute, page_type)

    def __contains__(self, key):
        return key in self._figures

    def __getitem__(self, key):
        return self._figures[key]

    def choices(self):
        """For the key figure block's choice list (a callable, so migrations stay stable)."""
        return [(figure.key, figure.label) for figure in self._figures.values()]

    def compute(self, year, wanted, cached=True):
        """{(key, page id): value} for the (key, page) pairs in ``wanted``, from the cache
        where another request computed them within ``LIVE_FIGURES_CACHE_SECONDS``."""
        cache_keys = {
            (key, page.pk if page else None): f"live-figure:{year}:{key}:{page.pk if page else ''}"
            for key, page in wanted
        }
        found = cache.get_many(cache_keys.values()) if cached else {}
        values, fresh = {}, {}
        for key, page in wanted:
            ident = (key, page.pk if page else None)
            if cache_keys[ident] in found:
                values[ident] = found[cache_keys[ident]]
            elif ident not in values:
                values[ident] = fresh[cache_keys[ident]] = self[key].compute(year, page)
        if fresh:
            cache.set_many(fresh, timeout=settings.LIVE_FIGURES_CACHE_SECONDS)
        return values


live_figures = LiveFigureRegistry()


def _source(page):
    """The page in the default language (chosen pages of a translation stay Dutch anyway)."""
    return page.get_translation_or_none(Locale.get_default()) or page


def projects_of_year(year, locale=None):
    """Live projects (in the default language) running at some time in ``year``."""
    return (
        published(ProjectPage.objects.filter(locale=locale or Locale.get_default()))
        .filter(Q(start_year__lte=year) | Q(start_year__isnull=True))
        .filter(Q(end_year__gte=year) | Q(end_year__isnull=True))
        .exclude(start_year__isnull=True, end_year__isnull=True)
        .defer_streamfields()
        .order_by("path")
    )


def projects(year, page=None):
    return projects_of_year(year).count()


def projects_of_theme(year, page):
    return projects_of_year(year).child_of(_source(page)).count()


def themes_with_projects(year, page=None):
    paths = {
        path[: -ProjectPage.steplen]
        for path in projects_of_year(year).values_list("path", flat=True)
    }
    return published(ThemePage.objects.filter(path__in=paths)).count()


def partners_of_projects(year, page=None):
    return Partner.objects.filter(
        live=True, pk__in=projects_of_year(year).values("partners")
    ).count()


def publication_downloads(year, page):
    return stats_figures.publication_figures(year, [page])[0].downloads


def publication_views(year, page):
    return stats_figures.publication_figures(year, [page])[0].views


def page_views(year, page):
    return stats_figures.page_views(year, page)


live_figures.register(
    "site_visits", _("Site visits"), lambda year, page: stats_figures.site_visits(year)
)
live_figures.register(
    "downloads", _("Downloads (all documents)"), lambda year, page: stats_figures.downloads(year)
)
live_figures.register(
    "publication_downloads",
    _("Downloads of a publication"),
    publication_downloads,
    "dossiers.PublicationPage",
)
live_figures.register(
    "publication_views", _("Views of a publication"), publication_views, "dossiers.PublicationPage"
)
live_figures.register(
    "page_views", _("Views of a page (e.g. a dossier)"), page_views, "wagtailcore.Page"
)
live_figures.register("projects", _("Projects running in the year"), projects)
live_figures.register(
    "projects_of_theme", _("Projects of a theme"), projects_of_theme, "themes.ThemePage"
)
live_figures.register("themes", _("Themes with projects in the year"), themes_with_projects)
live_figures.register("partners", _("Partners in the year's projects"), partners_of_projects)
live_figures.register(
    "media_mentions", _("Media mentions"), lambda year, page: stats_figures.media_mentions(year)
)
for channel, name in SocialFollowers.Channel.choices:
    live_figures.register(
        f"followers_{channel}",
        format_lazy(_("Followers on {channel}"), channel=name),
        lambda year, page, channel=channel: stats_figures.followers(year, channel),
    )
live_figures.register(
    "questions_answered",
    _("Answered questions"),
    lambda year, page: question_figures.answered_by_kind(year)["total"],
)
for kind, name in QuestionKind.choices:
    live_figures.register(
        f"questions_answered_{kind}",
        format_lazy(_("Answered questions: {kind}"), kind=name),
        lambda year, page, kind=kind: question_figures.answered_by_kind(year)[kind],
    )
live_figures.register(
    "newsletter_subscribers",
    _("Newsletter subscribers at the end of the year"),
    lambda year, page: newsletter_figures.confirmed_count(year),
)
live_figures.register(
    "events",
    _("Events (seminars, work sessions, trainings …)"),
    lambda year, page: event_figures.events_by_kind(year)["total"],
)
for kind, name in EventKind.choices:
    live_figures.register(
        f"events_{kind}",
        format_lazy(_("Events: {kind}"), kind=name),
        lambda year, page, kind=kind: event_figures.events_by_kind(year)[kind],
    )
live_figures.register(
    "event_participants",
    _("Participants in events"),
    lambda year, page: event_figures.participants(year),
)
