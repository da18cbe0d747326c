from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csp import csp_override

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.views.account import LoginView
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.utils.urlpatterns import decorate_urlpatterns

from core import sitemaps
from core.operations import views as operations
from core.permalinks import views as permalinks
from core.ratelimit import throttle_login
from syndication import api

# The admin runs under its own Content-Security-Policy (settings.ADMIN_CSP,
# docs/decisions/admin-csp.md).
admin_csp = csp_override(settings.ADMIN_CSP)

urlpatterns = [
    # Failed logins are throttled per client and per user name (core.ratelimit).
    path(
        "admin/login/",
        admin_csp(throttle_login(LoginView.as_view())),
        name="wagtailadmin_login",
    ),
    path("admin/", include(decorate_urlpatterns(wagtailadmin_urls.urlpatterns, admin_csp))),
    path("documents/", include(wagtaildocs_urls)),
    path("stats/", include("stats.urls")),
    path("healthz", operations.healthz, name="healthz"),
    path("readyz", operations.readyz, name="readyz"),
    path("robots.txt", operations.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemaps.sitemap, name="sitemap"),
    # the read-only public API, outside the language prefix (syndication/api.py)
    path("api/v2/", include((api.urlpatterns, "wagtailapi"))),
    path("p/<int:page_id>/", permalinks.permalink, name="permalink"),
    path("share-image/<int:page_id>.png", permalinks.share_image, name="share_image"),
]

# A database outage answers 503 + Retry-After instead of 500 (core.operations.views.server_error).
handler500 = "core.operations.views.server_error"

if settings.SERVE_MEDIA and settings.STORAGES["default"]["BACKEND"].endswith("FileSystemStorage"):
    urlpatterns.append(re_path(r"^media/(?P<path>.*)$", operations.serve_media, name="media"))

urlpatterns += i18n_patterns(
    path(_("search/"), include("search.urls")),
    path("", include("newsletter.urls")),
    # feeds and open data of each language, before Wagtail's pages (syndication/urls.py)
    path("", include("syndication.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
