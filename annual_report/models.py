"""The annual report page: the year in figures, typed by editors or counted by the site."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from annual_report.blocks import annual_report_blocks
from annual_report.figures import live_figures
from core.models import BasePage


class AnnualReportPage(BasePage):
    """The year in figures (/jaarbericht-2017/): static figures and live ones the site counts.

    Live figures are computed for ``year`` at most once per request (and reused by later
    requests for ``LIVE_FIGURES_CACHE_SECONDS``). When the year is closed,
    ``freeze_live_figures`` (command ``freeze_annual_report``) writes each live figure's
    number into the block, and the page shows that number from then on.
    """

    year = models.PositiveSmallIntegerField(
        _("year"),
        validators=[MinValueValidator(2000), MaxValueValidator(2100)],
        help_text=_("The year the report is about: live figures are computed for it."),
    )
    intro = models.TextField(_("introduction"), max_length=800)
    body = StreamField(annual_report_blocks(), blank=True, verbose_name=_("body"))

    summary_field = "intro"
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    page_description = _(
        "The annual report: the year in key figures (typed or counted by the site), charts, "
        "themes and projects, publications, testimonials and the audience."
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("year"),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("year"),
    ]

    class Meta:
        verbose_name = _("annual report")

    def live_figure_blocks(self):
        """Every key figure of the body that shows a live (not frozen) number."""
        return [
            figure
            for block in self.body
            if block.block_type == "key_figures"
            for figure in block.value
            if figure.is_live
        ]

    @cached_property
    def live_figure_values(self):
        """{(figure key, page id): number}: computed once for this page object (request)."""
        wanted = {figure.live_key: figure["page"] for figure in self.live_figure_blocks()}
        return live_figures.compute(self.year, [(key, page) for (key, _id), page in wanted.items()])

    def freeze_live_figures(self):
        """Write the current number of every live figure into its block; returns how many.

        Computed afresh (not from the cache). The caller saves a revision.
        """
        figures = self.live_figure_blocks()
        values = live_figures.compute(
            self.year, [(figure["live_figure"], figure["page"]) for figure in figures], cached=False
        )
        for figure in figures:
            figure["frozen"] = values[figure.live_key]
        self.__dict__.pop("live_figure_values", None)
        return len(figures)
