"""The top of the page tree: the home page and standard pages (about, privacy, contact)."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index

from modelcluster.fields import ParentalKey

from core.blocks import KeyFigureBlock, body_blocks
from core.listings import in_order, live_in_active_locale, localized_live, published, section_page
from core.models import BasePage, Partner
from core.structured_data import breadcrumb_list, organisation, page_trail, partner_organisation
from dossiers.models import DossierPage, PublicationIndexPage, PublicationPage
from home.blocks import annual_report_blocks
from home.figures import live_figures
from home.partners import (
    find_partner,
    partner_listing,
    partner_projects,
    partner_publications,
    partner_questions,
    partners_in,
    translation_in,
)
from questions.models import QuestionPage
from themes.models import ProjectPage, ThemeIndexPage, ThemePage

LATEST_PUBLICATIONS = 4


class HomePage(BasePage):
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    key_figures = StreamField(
        [("figure", KeyFigureBlock())],
        blank=True,
        verbose_name=_("key figures"),
        help_text=_("The figures shown on the home page, e.g. answered questions."),
    )
    body = StreamField(body_blocks(), blank=True, verbose_name=_("body"))

    summary_field = "intro"
    # One home page per locale: editors create the Dutch one, translations make the others.
    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
    page_description = _("The home page of a language: the start of the site.")

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        InlinePanel("featured_dossiers", label=_("Featured dossiers"), max_num=3),
        FieldPanel("key_figures"),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = _("home page")

    def shown_featured_dossiers(self):
        dossier_ids = [featured.dossier_id for featured in self.featured_dossiers.all()]
        return localized_live(
            in_order(DossierPage.objects.defer_streamfields(), dossier_ids),
            lookup=DossierPage.objects.defer_streamfields(),
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["featured_dossiers"] = self.shown_featured_dossiers()
        context["themes"] = ThemePage.with_project_counts(
            published(ThemePage.objects.descendant_of(self))
        )
        context["latest_publications"] = list(
            PublicationPage.for_listing(published(PublicationPage.objects.descendant_of(self)))[
                :LATEST_PUBLICATIONS
            ]
        )
        context["theme_index"] = section_page(ThemeIndexPage)
        context["library"] = section_page(PublicationIndexPage)
        return context

    def structured_data(self, request):
        institute = organisation(request, detailed=True)
        website = {
            "@type": "WebSite",
            "name": self.title,
            "url": self.get_full_url(request),
            "inLanguage": self.locale.language_code,
            "publisher": {"@id": institute["@id"]},
        }
        return [*super().structured_data(request), institute, website]


class HomePageFeaturedDossier(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_dossiers")
    dossier = models.ForeignKey(
        "dossiers.DossierPage",
        verbose_name=_("dossier"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("dossier")]

    class Meta(Orderable.Meta):
        verbose_name = _("featured dossier")
        verbose_name_plural = _("featured dossiers")


class StandardPage(BasePage):
    intro = models.TextField(_("introduction"), blank=True, max_length=500)
    body = StreamField(body_blocks(), blank=True, verbose_name=_("body"))

    summary_field = "intro"
    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]
    page_description = _("A page of text: about us, privacy statement, contact, accessibility.")

    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name = _("standard page")


class PartnerIndexPage(RoutablePageMixin, BasePage):
    """The partner organisations, filterable by kind, each with a page of its own
    (/partners/<slug>/) listing its projects, publications and answered questions."""

    intro = models.TextField(_("introduction"), blank=True, max_length=600)

    summary_field = "intro"
    max_count_per_parent = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    page_description = _("All partner organisations by kind, with their projects (/partners/).")

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = _("partner index")

    def get_cached_paths(self):
        """The index and every partner's page, purged together when a partner changes."""
        slugs = partners_in(self.locale_id).values_list("slug", flat=True)
        return ["/", *(f"/{slug}/" for slug in slugs)]

    def partners_by_kind(self, kind=""):
        """[(kind label, [partner, ...])] in the order of ``Partner.Kind``: the partners of the
        page's locale (``home.partners.partners_in``; of one ``kind`` if given), each with
        ``shown_projects`` and ``shown_questions``: the published projects it worked on and
        questions it asked, in that locale."""
        partners = list(partner_listing(self.locale_id, kind))
        keys = [partner.translation_key for partner in partners]
        projects_of = self._pages_by_partner(ProjectPage, keys)
        questions_of = self._pages_by_partner(QuestionPage, keys)
        groups = {kind: [] for kind in Partner.Kind.values}
        for partner in partners:
            partner.shown_projects = projects_of.get(partner.translation_key, [])
            partner.shown_questions = questions_of.get(partner.translation_key, [])
            groups[partner.kind].append(partner)
        labels = dict(Partner.Kind.choices)
        return [(labels[kind], members) for kind, members in groups.items() if members]

    @staticmethod
    def _pages_by_partner(model, partner_keys):
        """{partner translation key: [page]}: the published pages of ``model`` (in the active
        locale) linked to those partners through their ``partners`` field, in one query."""
        pages = (
            live_in_active_locale(model.objects.filter(partners__translation_key__in=partner_keys))
            .defer_streamfields()
            .annotate(partner_key=F("partners__translation_key"))
            .order_by("title")
        )
        by_partner = {}
        for page in pages:
            by_partner.setdefault(page.partner_key, []).append(page)
        return by_partner

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        kind = request.GET.get("kind", "")
        if kind not in Partner.Kind.values:
            kind = ""  # an unknown kind shows every partner
        context["kinds"] = Partner.Kind.choices
        context["selected_kind"] = kind
        context["partner_groups"] = self.partners_by_kind(kind)
        return context

    @path("<slug:slug>/", name="partner")
    def partner_route(self, request, slug):
        partner = find_partner(self.locale_id, slug)
        if partner is None:
            # the slug of the partner in another language: to its page in this one
            other = Partner.objects.filter(live=True, slug=slug).first()
            shown = translation_in(other, self.locale_id) if other else None
            if shown is None:
                raise Http404
            return redirect(self.partner_url(shown, request), permanent=True)
        locale = self.locale
        url = self.partner_url(partner, request)
        # the index's own context (every partner by kind) is not shown here
        context = super().get_context(request)
        context.update(
            {
                "partner": partner,
                "partner_url": url,
                "og_title": partner.name,
                "og_description": partner.description or partner.name,
                "og_url": request.build_absolute_uri(url),
                "projects": partner_projects(partner, locale),
                "publications": partner_publications(partner, locale),
                "questions": partner_questions(partner, locale),
                "language_alternates": self.partner_alternates(partner, request),
                "structured_data_items": self.partner_structured_data(partner, request),
            }
        )
        return TemplateResponse(request, "pages/partner.html", context)

    def partner_url(self, partner, request=None):
        return self.get_url(request) + self.reverse_subpage("partner", args=[partner.slug])

    def partner_alternates(self, partner, request):
        """The partner's page in every language the index is live in."""
        alternates = []
        index_pages = self.get_translations(inclusive=True).live().select_related("locale")
        for index_page in index_pages:
            shown = translation_in(partner, index_page.locale_id)
            if shown is not None:
                url = index_page.get_url(request) + self.reverse_subpage(
                    "partner", args=[shown.slug]
                )
                alternates.append({"code": index_page.locale.language_code, "url": url})
        return alternates

    def partner_structured_data(self, partner, request):
        url = request.build_absolute_uri(self.partner_url(partner, request))
        trail = [*page_trail(self, request), (partner.name, url)]
        item = {**partner_organisation(partner), "@id": f"{url}#organisation"}
        if partner.description:
            item["description"] = partner.description
        return [breadcrumb_list(trail), item]


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
