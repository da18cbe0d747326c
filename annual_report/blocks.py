"""Blocks of the annual report (AnnualReportPage): key figures, static or live, the themes
with their projects and the audience. The month chart and the publication figures are the
stats app's blocks (stats/blocks.py)."""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.models import Locale

from annual_report.figures import live_figures, projects_of_year
from core.blocks import HeadingBlock, TestimonialBlock, rich_text_block
from core.listings import published
from stats.blocks import MonthChartBlock, PublicationFiguresBlock
from themes.models import ProjectPage, ThemePage


def report_year(parent_context):
    """The year of the annual report the block is on."""
    return getattr((parent_context or {}).get("page"), "year", None)


class ReportFigureValue(blocks.StructValue):
    @property
    def is_live(self):
        return bool(self.get("live_figure")) and self.get("frozen") is None

    @property
    def live_key(self):
        page = self.get("page")
        return (self["live_figure"], page.pk if page else None)


class ReportFigureBlock(blocks.StructBlock):
    label = blocks.CharBlock(
        max_length=120, label=_("label"), help_text=_("E.g. answered questions")
    )
    number = blocks.CharBlock(
        required=False,
        max_length=30,
        label=_("static number"),
        help_text=_("E.g. 121 or 25+. Leave empty to show a live figure."),
    )
    live_figure = blocks.ChoiceBlock(
        choices=live_figures.choices,
        required=False,
        label=_("or a live figure"),
        help_text=_("Computed by the site for the report's year."),
    )
    page = blocks.PageChooserBlock(
        required=False,
        label=_("about this page"),
        help_text=_("For a figure about one theme, publication or page."),
    )
    frozen = blocks.IntegerBlock(
        required=False,
        min_value=0,
        label=_("frozen number"),
        help_text=_(
            "When the year is closed: the number shown from now on instead of the live figure."
        ),
    )
    source = blocks.CharBlock(required=False, max_length=200, label=_("source"))

    class Meta:
        icon = "order"
        label = _("Key figure")
        value_class = ReportFigureValue

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        if bool(value["number"]) == bool(value["live_figure"]):
            errors["number"] = (
                _("Enter a static number or choose a live figure, not both.")
                if value["number"]
                else _("Enter a static number or choose a live figure.")
            )
        elif value["live_figure"]:
            figure = live_figures[value["live_figure"]]
            if not figure.accepts(value["page"]):
                if not figure.page_type:
                    errors["page"] = _("This live figure is about the whole year: no page.")
                elif value["page"] is None:
                    errors["page"] = _("This live figure is about one page: choose it.")
                else:
                    errors["page"] = _("Choose a page of the right type for this live figure.")
        if value["frozen"] is not None and not value["live_figure"]:
            errors["frozen"] = _("Only a live figure can be frozen.")
        if errors:
            raise StructBlockValidationError(
                block_errors={
                    name: ErrorList([ValidationError(message)]) for name, message in errors.items()
                }
            )
        return value


class ReportFiguresBlock(blocks.ListBlock):
    def __init__(self, **kwargs):
        super().__init__(ReportFigureBlock(), **kwargs)

    class Meta:
        icon = "order"
        template = "blocks/report_figures.html"
        label = _("Key figures")
        description = _("A row of key figures: static numbers or live figures of the year.")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        page = (parent_context or {}).get("page")
        computed = getattr(page, "live_figure_values", {})
        items = []
        for figure in value:
            if figure["frozen"] is not None:
                number = figure["frozen"]
            elif figure.is_live:
                number = computed.get(figure.live_key, 0)
            else:
                number = figure["number"]
            items.append(
                {
                    "number": number,
                    "counted": isinstance(number, int),
                    "label": figure["label"],
                    "source": figure["source"],
                }
            )
        context["items"] = items
        return context


class ThemeOverviewBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False, max_length=120, label=_("heading"))
    themes = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="themes.ThemePage"),
        required=False,
        label=_("themes"),
        help_text=_("Leave empty for every theme."),
    )

    class Meta:
        icon = "folder-open-inverse"
        template = "blocks/theme_overview.html"
        label = _("Themes and their projects")
        description = _("Each theme with the projects it ran in the report's year.")
        preview_value = {"heading": "We werkten vanuit 4 thema's aan 19 projecten"}

    def get_context(self, value, parent_context=None):
        """The themes in the visitor's language, each with the projects of the year (counted
        on the Dutch source pages, shown in the visitor's language where translated)."""
        context = super().get_context(value, parent_context)
        active, default = Locale.get_active(), Locale.get_default()
        themes = published(ThemePage.objects.filter(locale=active)).defer_streamfields()
        chosen = [theme.translation_key for theme in value["themes"] if theme]
        if chosen:
            themes = themes.filter(translation_key__in=chosen)
        themes = list(themes.order_by("path"))
        year = report_year(parent_context)
        projects = list(projects_of_year(year)) if year else []
        if active == default:  # the source pages are the ones shown
            translated = {}
            source_paths = {theme.translation_key: theme.path for theme in themes}
        else:
            translated = {
                project.translation_key: project
                for project in published(ProjectPage.objects.filter(locale=active))
                .filter(translation_key__in=[p.translation_key for p in projects])
                .defer_streamfields()
            }
            source_paths = dict(
                ThemePage.objects.filter(
                    locale=default, translation_key__in=[t.translation_key for t in themes]
                ).values_list("translation_key", "path")
            )
        by_theme = {}
        for project in projects:
            by_theme.setdefault(project.path[: -ThemePage.steplen], []).append(
                translated.get(project.translation_key, project)
            )
        context["themes"] = [
            (theme, by_theme.get(source_paths.get(theme.translation_key), [])) for theme in themes
        ]
        return context


class AudienceGroupBlock(blocks.StructBlock):
    label = blocks.CharBlock(max_length=120, label=_("group"))
    share = blocks.DecimalBlock(
        required=False,
        min_value=0,
        max_value=100,
        decimal_places=1,
        label=_("share (%)"),
        help_text=_("The group's share of the audience, if known."),
    )


class AudienceBreakdownBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False, max_length=120, label=_("heading"))
    groups = blocks.ListBlock(AudienceGroupBlock(), label=_("groups"))
    source = blocks.CharBlock(required=False, max_length=200, label=_("source"))

    class Meta:
        icon = "group"
        template = "blocks/audience_breakdown.html"
        label = _("Audience")
        description = _("Who the institute reached: groups, with their share if known.")
        preview_value = {
            "heading": "Het publiek",
            "groups": [{"label": "Beleidsprofessionals lokale overheid", "share": 30}],
        }


def annual_report_blocks():
    return [
        ("heading", HeadingBlock()),
        ("paragraph", rich_text_block()),
        ("key_figures", ReportFiguresBlock()),
        ("month_chart", MonthChartBlock()),
        ("publication_figures", PublicationFiguresBlock()),
        ("theme_overview", ThemeOverviewBlock()),
        ("testimonial", TestimonialBlock()),
        ("audience", AudienceBreakdownBlock()),
    ]
