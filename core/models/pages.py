"""The abstract page every page type of the site stands on, with its SEO and social fields."""

from django.conf import settings
from django.db import models
from django.http import QueryDict
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.coreutils import camelcase_to_underscore
from wagtail.models import Locale, Page, PageViewRestriction
from wagtail.search import index

from core.listings import is_public, published, view_restrictions
from core.routing.resolver import BreadcrumbAncestorsMixin, route_below, routes_like_page
from core.structured_data import breadcrumb_list, page_trail

META_DESCRIPTION_LENGTH = 160


class SocialMixin(models.Model):
    """An image shown when the page is shared (OpenGraph / Twitter card)."""

    social_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("social image"),
        help_text=_("Shown when the page is shared; 1200×630 pixels works best."),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    social_panels = [FieldPanel("social_image")]

    class Meta:
        abstract = True


class BasePage(BreadcrumbAncestorsMixin, SocialMixin, Page):
    """Every page type of the site inherits from this page.

    Subclasses name the field that summarises them in ``summary_field``; it is the fallback
    for the meta description and for listings. Page types that partners link to set
    ``permalink_enabled = True``: they get a short permanent link (/p/<id>/, core.Permalink),
    and ``permalink_fallback_types`` names the pages ("app.Model") that the answer for a
    deleted page of the type suggests instead.
    """

    summary_field = None
    # fetched with the page when it is served (core.routing.resolver): what every page shows
    route_select_related = ("locale", "social_image")
    permalink_enabled = False
    permalink_fallback_types = ()
    # Whether this type's parts (head, header, content) are the same for every anonymous
    # visitor of one URL, and may be kept and shared (core/caching/fragments.py): the GET
    # parameters its rendering reads, () for none. None: rendered for each request. A type
    # whose page shows what changes without an edit (registrations, a form with a CSRF
    # token) leaves it None.
    fragment_parameters = None

    # The slug stands under the title, in the content tab, not among the promote fields:
    # wagtail-localize's translation editor shows the fields tab by tab, as the page editor
    # does, so the translator translates the URL with the content (docs/translation.md).
    content_panels = Page.content_panels + [FieldPanel("slug")]
    promote_panels = [
        MultiFieldPanel(
            [
                FieldPanel("seo_title"),
                FieldPanel("search_description"),
                FieldPanel("show_in_menus"),
            ],
            heading=_("Search engines and menus"),
        ),
        MultiFieldPanel(SocialMixin.social_panels, heading=_("Sharing")),
    ]

    class Meta:
        abstract = True

    def get_view_restrictions(self):
        """Wagtail's, without its two queries when the site has no restriction at all (the
        restrictions are fetched once per request, core.listings.view_restrictions)."""
        if not view_restrictions():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    @routes_like_page
    def route(self, request, path_components):
        """Wagtail's routing below this page, in one query for the whole path
        (core.routing.resolver)."""
        if not path_components:
            return super().route(request, path_components)
        return route_below(
            self, request, path_components, self.breadcrumb_ancestors, root_routes=False
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["fragment_key"] = self.fragment_key(request)
        context["shown_query"] = self.shown_query(request)
        return context

    def fragment_key(self, request):
        """What this page's shared parts are kept by (core/caching/fragments.py): the URL
        path and the values of ``fragment_parameters``; None when the type shares none."""
        if self.fragment_parameters is None:
            return None
        shown = self.shown_query(request)
        return (request.path_info, *((name, tuple(shown.getlist(name))) for name in shown))

    def shown_query(self, request):
        """The request's parameters that this page reads: those of ``fragment_parameters``
        when the type declares them (links it makes, such as pagination, keep no other
        parameter), else all."""
        if self.fragment_parameters is None:
            return request.GET
        shown = QueryDict(mutable=True)
        for name in self.fragment_parameters:
            if name in request.GET:
                shown.setlist(name, request.GET.getlist(name))
        return shown

    def get_template(self, request, *args, **kwargs):
        """Page templates live in templates/pages/, named after the model (home_page.html)."""
        return f"pages/{camelcase_to_underscore(type(self).__name__)}.html"

    @cached_property
    def summary_text(self):
        """Plain-text summary of the page (from ``summary_field``), for listings and meta."""
        if not self.summary_field:
            return ""
        value = getattr(self, self.summary_field, "") or ""
        return strip_tags(str(value)).strip()

    @property
    def meta_description(self):
        text = self.search_description or self.summary_text
        return Truncator(" ".join(text.split())).chars(META_DESCRIPTION_LENGTH)

    @property
    def og_image(self):
        return self.social_image

    def structured_data(self, request):
        """schema.org items (dicts) describing the page, given in <head> as JSON-LD.

        Every page has its breadcrumb trail; page types add what they are (super() first).
        """
        return [breadcrumb_list(page_trail(self, request))]

    def get_root_url(self, request=None):
        """Scheme and host of the page's site, e.g. https://www.example.nl."""
        url_parts = self.get_url_parts(request)
        return url_parts[1] if url_parts else settings.WAGTAILADMIN_BASE_URL

    @property
    def permalink(self):
        """The absolute permanent link (for the API and exports; templates use get_permalink)."""
        return self.get_permalink()

    def get_permalink(self, request=None, root_url=None):
        """The absolute short permanent link of the page, or None for types without one
        (``root_url``: the page's, when known, e.g. from ``core.listings.full_urls``)."""
        if not self.permalink_enabled or not self.pk:
            return None
        return (root_url or self.get_root_url(request)) + reverse("permalink", args=[self.pk])


class IndexPage(BasePage):
    """The overview page of one section (themes, dossiers, the library, partners, the
    question service): an introduction above its listing, one per parent. Subclasses name
    where they live (``parent_page_types``, ``subpage_types``) and what they list."""

    intro = models.TextField(_("introduction"), blank=True, max_length=600)

    summary_field = "intro"
    max_count_per_parent = 1

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    class Meta:
        abstract = True


def localized_pages(pages, locale=None):
    """Each of ``pages`` in ``locale`` (default: the active one): its public translation, else
    itself if public; a page that is neither is left out (core.listings.is_public).

    Translations keep pointing at the pages chosen in the source language
    (docs/decisions/translated-references.md);
    this swaps them for the visitor's language in one query, whatever their number.
    """
    pages = list(pages)
    if not pages:
        return []
    model = type(pages[0])
    translations = {
        page.translation_key: page
        for page in published(model.objects.all())
        .filter(
            translation_key__in={page.translation_key for page in pages},
            locale=locale or Locale.get_active(),
        )
        .defer_streamfields()
    }
    localized = (translations.get(page.translation_key, page) for page in pages)
    return [page for page in localized if is_public(page)]
