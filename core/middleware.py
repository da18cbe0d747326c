"""Middleware of the whole site: security headers not built into Django, the locale, and
the routing of Wagtail's pages."""

from django.conf import settings
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.utils import translation
from django.utils.cache import patch_vary_headers

from wagtail import views as wagtail_views

from core import compat
from core.routing import resolver as routing


class SecurityHeadersMiddleware:
    """``Permissions-Policy`` on every response: no camera, microphone, location, etc."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's, except that a 404 of a URL outside ``i18n_patterns`` stays a 404.

    Django answers every 404 of a path without a language prefix with a redirect to
    /<language>/<path> when that path is valid, and Wagtail's catch-all makes every such
    path valid (docs/decisions/language-prefix.md): /p/999/ or /api/v2/pages/999/ would
    redirect to a page
    that does not exist either. A path that resolved to one of our own views (it has a
    ``resolver_match``) meant what it said; unknown paths are still redirected.
    """

    def process_response(self, request, response):
        if (
            response.status_code == 404
            and getattr(request, "resolver_match", None) is not None
            and not translation.get_language_from_path(request.path_info)
        ):
            patch_vary_headers(response, ("Accept-Language",))
            response.headers.setdefault("Content-Language", translation.get_language())
            return response
        return super().process_response(request, response)


class RouteMiddleware:
    """Finds the page a request for one of Wagtail's pages asks for in two queries
    (core.routing.resolver) and hands it to Wagtail's ``serve`` view (core.compat). The
    other views of the language sections (search, newsletter) get the site without a query
    too."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is wagtail_views.serve and not compat.route_known(request):
            path = view_kwargs.get("path", view_args[0] if view_args else "")
            compat.hand_route_to_wagtail(request, routing.route(request, path))
        elif translation.get_language_from_path(request.path_info):
            routing.find_site(request)
