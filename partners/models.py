"""The partner index (/partners/) and a page per partner organisation."""

from django.apps import apps
from django.core.paginator import Paginator
from django.db.models import Case, Count, F, IntegerField, Value, When
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from core.listings import live_in_active_locale, published
from core.models import IndexPage, Partner
from core.structured_data import breadcrumb_list, page_trail, partner_organisation
from partners.queries import (
    PROJECTS,
    QUESTIONS,
    find_partner,
    partner_listing,
    partner_projects,
    partner_publications,
    partner_questions,
    partners_in,
    translation_in,
)


class PartnerIndexPage(RoutablePageMixin, IndexPage):
    """The partner organisations, filterable by kind, each with a page of its own
    (/partners/<slug>/) listing its projects, publications and answered questions."""

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    page_description = _("All partner organisations by kind, with their projects (/partners/).")
    PER_PAGE = 60  # partners per page of the index: an institute works with thousands

    class Meta:
        verbose_name = _("partner index")

    def get_cached_paths(self):
        """The index and every partner's page, purged together when a partner changes."""
        slugs = partners_in(self.locale_id).values_list("slug", flat=True)
        return ["/", *(f"/{slug}/" for slug in slugs)]

    def partner_page(self, kind="", number=None):
        """One page (``PER_PAGE``) of the partners of the page's locale
        (``partners.queries.partners_in``; of one ``kind`` if given) in the order of
        ``Partner.Kind``, then by name."""
        kind_order = Case(
            *(When(kind=value, then=Value(index)) for index, value in enumerate(Partner.Kind)),
            output_field=IntegerField(),
        )
        partners = partner_listing(self.locale_id, kind).order_by(kind_order, "name", "pk")
        return Paginator(partners, self.PER_PAGE).get_page(number)

    def kind_counts(self):
        """[(kind value, kind label, number of partners)] in the order of ``Partner.Kind``:
        every kind the locale has partners of, counted in one query."""
        counts = dict(
            partners_in(self.locale_id).order_by().values_list("kind").annotate(number=Count("pk"))
        )
        return [
            (value, label, counts[value])
            for value, label in Partner.Kind.choices
            if value in counts
        ]

    def partners_by_kind(self, partners):
        """[(kind label, [partner, ...])] in the order of ``Partner.Kind``: ``partners`` (one
        page of them), each with ``shown_projects`` and ``shown_questions``: the published
        projects it worked on and questions it asked, in the page's locale."""
        partners = list(partners)
        keys = [partner.translation_key for partner in partners]
        projects_of = self._pages_by_partner(PROJECTS, keys)
        questions_of = self._pages_by_partner(QUESTIONS, keys)
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
            live_in_active_locale(
                apps.get_model(model).objects.filter(partners__translation_key__in=partner_keys)
            )
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
        page_obj = self.partner_page(kind, request.GET.get("page"))
        context["kinds"] = Partner.Kind.choices
        context["kind_counts"] = self.kind_counts()
        context["selected_kind"] = kind
        context["page_obj"] = page_obj
        context["partner_groups"] = self.partners_by_kind(page_obj.object_list)
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
        index_pages = published(self.get_translations(inclusive=True)).select_related("locale")
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
