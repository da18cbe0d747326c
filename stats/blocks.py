"""Blocks of the statistics for the annual report: a month chart and publication figures.

The year is the year of the page they are on (AnnualReportPage.year), else this year.
"""

from django.apps import apps
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.models import Locale

from core.listings import published

from . import figures
from .charts import MonthChart

SERIES = {
    "visits": (_("Visits"), figures.visits_per_month),
    "downloads": (_("Downloads"), figures.downloads_per_month),
}


def year_of(parent_context):
    page = (parent_context or {}).get("page")
    return getattr(page, "year", None) or timezone.localdate().year


class MonthChartBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False, max_length=120, label=_("heading"))
    series = blocks.ChoiceBlock(
        choices=[(key, label) for key, (label, _values) in SERIES.items()],
        default="visits",
        label=_("figures"),
    )

    class Meta:
        icon = "table"
        template = "blocks/month_chart.html"
        label = _("Month chart")
        description = _(
            "Counted visits or downloads per month of the report's year, as a chart and a table."
        )
        preview_value = {"heading": "Sitebezoek", "series": "visits"}

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        year = year_of(parent_context)
        title, values = SERIES[value["series"]]
        context["chart"] = MonthChart(year, values(year), title, f"chart-{value['series']}")
        return context


class PublicationFiguresBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False, max_length=120, label=_("heading"))
    publications = blocks.ListBlock(
        blocks.PageChooserBlock(page_type=figures.PUBLICATION_MODEL),
        required=False,
        label=_("publications"),
        help_text=_("Leave empty to show the most downloaded publications of the year."),
    )
    count = blocks.IntegerBlock(default=5, min_value=1, max_value=20, label=_("how many"))

    class Meta:
        icon = "doc-full"
        template = "blocks/publication_figures.html"
        label = _("Publication figures")
        description = _("Downloads and views of publications in the report's year.")
        preview_value = {"heading": "Publicaties", "count": 5}

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        year = year_of(parent_context)
        chosen = [page for page in value["publications"] if page]
        items = (
            figures.publication_figures(year, chosen)
            if chosen
            else figures.top_publications(year, value["count"])
        )
        # Link each publication in the visitor's language where it is translated.
        active = Locale.get_active()
        keys = [item.page.translation_key for item in items if item.page.locale_id != active.pk]
        translations = (
            {
                page.translation_key: page
                for page in published(apps.get_model(figures.PUBLICATION_MODEL).objects.all())
                .filter(locale=active, translation_key__in=keys)
                .defer_streamfields()
            }
            if keys
            else {}
        )
        context["year"] = year
        context["items"] = [
            (translations.get(item.page.translation_key, item.page), item) for item in items
        ]
        return context
