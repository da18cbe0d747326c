"""A sitemap of every locale's pages, each URL with its hreflang alternates.

Wagtail's own sitemap covers only the default-language tree and emits no alternates.
"""

from collections import defaultdict

from django.contrib.sitemaps import views as sitemap_views

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class LocalizedSitemap(Sitemap):
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


def sitemap(request):
    return sitemap_views.sitemap(
        request, sitemaps={"pages": LocalizedSitemap(request)}, template_name="sitemap.xml"
    )
