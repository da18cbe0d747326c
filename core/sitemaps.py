"""A sitemap of every locale's pages, each URL with its hreflang alternates.

Wagtail's own sitemap covers only the default-language tree and emits no alternates.
Search engines read at most 50,000 URLs from one sitemap: past that, ``/sitemap.xml`` is a
sitemap index naming sections of at most ``LocalizedSitemap.limit`` URLs
(``/sitemap-pages.xml?p=2`` …).
"""

from collections import defaultdict

from django.contrib.sitemaps import views as sitemap_views
from django.db.models import Max

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class LocalizedSitemap(Sitemap):
    limit = 50_000  # URLs per section: the most a search engine reads from one file

    def items(self):
        root = self.get_wagtail_site().root_page
        roots = Page.objects.filter(translation_key=root.translation_key)
        pages = Page.objects.none()
        for localized_root in roots:
            pages |= Page.objects.descendant_of(localized_root, inclusive=True)
        # aliases are copies (wagtail-localize's untranslated parents show the source text)
        return (
            pages.live()
            .public()
            .filter(alias_of__isnull=True)
            .order_by("path")
            .defer_streamfields()
            .specific()
            .select_related("locale")
        )

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        locations = defaultdict(list)
        entries = []
        for item in pages:
            for url_info in item.get_sitemap_urls(self.request):
                entries.append((item, url_info))
                locations[item.translation_key].append(
                    {"lang_code": item.locale.language_code, "location": url_info["location"]}
                )
        urls = []
        for item, url_info in entries:
            alternates = locations[item.translation_key]
            url_info["alternates"] = alternates if len(alternates) > 1 else []
            urls.append(url_info)
        return urls

    def get_latest_lastmod(self):
        """For the index: one query, not every page (Django would read them all)."""
        return self.items().aggregate(latest=Max("last_published_at"))["latest"]


def _sitemaps(request):
    return {"pages": LocalizedSitemap(request)}


def sitemap(request):
    """The sitemap, or an index of its sections when it has more URLs than one may hold."""
    sitemaps = _sitemaps(request)
    if "p" not in request.GET and sitemaps["pages"].paginator.num_pages > 1:
        return sitemap_views.index(request, sitemaps, sitemap_url_name="sitemap_section")
    return sitemap_views.sitemap(request, sitemaps=sitemaps, template_name="sitemap.xml")


def sitemap_section(request, section):
    """A section of the sitemap index (``?p=`` names its page; 404 past the last)."""
    return sitemap_views.sitemap(
        request, sitemaps=_sitemaps(request), section=section, template_name="sitemap.xml"
    )
