from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.auth import views as auth_views
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csp import csp_override

from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.views.account import LoginView, PasswordResetView
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.documents.views import serve as document_views
from wagtail.urls import WAGTAIL_FRONTEND_LOGIN_TEMPLATE
from wagtail.utils.urlpatterns import decorate_urlpatterns

from anymail import urls as anymail_urls

from core import sitemaps
from core.operations import views as operations
from core.permalinks import views as permalinks
from core.ratelimit import posted, throttle_credentials, url_argument
from editorial.moderation import guard_localize_urls
from syndication import api


def tracking_webhook(provider):
    """The one URL of anymail's that the site serves: ``<provider>/tracking/``."""
    return [url for url in anymail_urls.urlpatterns if str(url.pattern) == f"{provider}/tracking/"]


# The admin runs under its own Content-Security-Policy (settings.ADMIN_CSP,
# docs/decisions/admin-csp.md).
admin_csp = csp_override(settings.ADMIN_CSP)

urlpatterns = [
    # Every form that takes a password or sends one by e-mail is throttled per client and
    # per (client, account) (core.ratelimit.throttle_credentials), before Wagtail's own URLs.
    path(
        "admin/login/",
        admin_csp(throttle_credentials(LoginView.as_view(), posted("username"))),
        name="wagtailadmin_login",
    ),
    path(
        "admin/password_reset/",
        admin_csp(
            throttle_credentials(
                PasswordResetView.as_view(), posted("email"), count_every_attempt=True
            )
        ),
        name="wagtailadmin_password_reset",
    ),
    path(
        "documents/authenticate_with_password/<int:restriction_id>/",
        throttle_credentials(
            document_views.authenticate_with_password, url_argument("collection", "restriction_id")
        ),
        name="wagtaildocs_authenticate_with_password",
    ),
    # wagtail-localize's views that publish, with the publish permission check they lack
    *decorate_urlpatterns(guard_localize_urls("admin/"), admin_csp),
    path("admin/", include(decorate_urlpatterns(wagtailadmin_urls.urlpatterns, admin_csp))),
    path("documents/", include(wagtaildocs_urls)),
    path("stats/", include("stats.urls")),
    path("healthz", operations.healthz, name="healthz"),
    path("readyz", operations.readyz, name="readyz"),
    path("robots.txt", operations.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemaps.sitemap, name="sitemap"),
    path("sitemap-<slug:section>.xml", sitemaps.sitemap_section, name="sitemap_section"),
    # the read-only public API, outside the language prefix (syndication/api.py)
    path("api/v2/", include((api.urlpatterns, "wagtailapi"))),
    path("p/<int:page_id>/", permalinks.permalink, name="permalink"),
    # the mail provider's reports of bounces and complaints (newsletter/tracking.py): only
    # its tracking webhook, and only with a secret to check them by
    *(
        [path("anymail/", include(tracking_webhook(settings.ANYMAIL_TRACKING_PROVIDER)))]
        if settings.ANYMAIL.get("WEBHOOK_SECRET") and settings.ANYMAIL_TRACKING_PROVIDER
        else []
    ),
    path("share-image/<int:page_id>.png", permalinks.share_image, name="share_image"),
]

# A database outage answers 503 + Retry-After instead of 500 (core.operations.views.server_error).
handler500 = "core.operations.views.server_error"

if settings.SERVE_MEDIA and settings.STORAGES["default"]["BACKEND"].endswith("FileSystemStorage"):
    urlpatterns.append(re_path(r"^media/(?P<path>.*)$", operations.serve_media, name="media"))

urlpatterns += i18n_patterns(
    path(
        "_util/login/",
        throttle_credentials(
            auth_views.LoginView.as_view(template_name=WAGTAIL_FRONTEND_LOGIN_TEMPLATE),
            posted("username"),
        ),
        name="wagtailcore_login",
    ),
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        throttle_credentials(
            wagtail_views.authenticate_with_password,
            url_argument("page", "page_view_restriction_id"),
        ),
        name="wagtailcore_authenticate_with_password",
    ),
    path(_("search/"), include("search.urls")),
    path("", include("newsletter.urls")),
    path("", include("events.urls")),
    # feeds and open data of each language, before Wagtail's pages (syndication/urls.py)
    path("", include("syndication.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
