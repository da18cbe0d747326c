"""The "Statistieken" report in the Wagtail admin (Reports menu), with a CSV export."""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from core.admin_views import AdminScreenMixin
from core.spreadsheets import csv_response

from . import figures
from .charts import MonthChart


class StatisticsReportView(AdminScreenMixin, TemplateView):
    template_name = "stats/admin/report.html"
    page_title = gettext_lazy("Statistics")
    header_icon = "table"

    def get_year(self):
        years = figures.available_years()
        try:
            year = int(self.request.GET.get("year", ""))
        except ValueError:
            year = timezone.localdate().year
        return year, sorted(set(years) | {year}, reverse=True)

    def get_page_subtitle(self):
        return str(self.year)

    def get(self, request, *args, **kwargs):
        self.year, self.years = self.get_year()
        year = self.year  # what the report sums is kept (figures.kept)
        self.visits = figures.kept("visits", year, lambda: figures.visits_per_month(year))
        self.downloads = figures.kept("downloads", year, lambda: figures.downloads_per_month(year))
        self.publications = figures.kept("top", year, lambda: figures.top_publications(year))
        self.dossiers = figures.kept("dossiers", year, lambda: figures.top_dossiers(year))
        if request.GET.get("export") == "csv":
            return self.csv_response()
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            year=self.year,
            years=self.years,
            visits_chart=MonthChart(self.year, self.visits, _("Visits"), "visits"),
            downloads_chart=MonthChart(self.year, self.downloads, _("Downloads"), "downloads"),
            recorded_downloads=figures.recorded_downloads(self.year),
            publications=self.publications,
            dossiers=self.dossiers,
            media_mentions=figures.media_mentions(self.year),
            behind_minutes=figures.behind_minutes(self.year),
            **kwargs,
        )

    def csv_response(self):
        """Everything the report shows, one row per figure: section, item, visits, downloads."""
        months = zip(self.visits, self.downloads, strict=True)
        rows = [
            *(
                [_("month"), f"{self.year}-{month:02d}", visits, downloads]
                for month, (visits, downloads) in enumerate(months, start=1)
            ),
            *(
                [_("publication"), item.page.title, item.views, item.downloads]
                for item in self.publications
            ),
            *([_("dossier"), item.page.title, item.views, ""] for item in self.dossiers),
        ]
        header = [_("section"), _("item"), _("visits"), _("downloads")]
        return csv_response(f"statistieken-{self.year}.csv", header, rows)
