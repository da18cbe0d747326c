"""Operational endpoints (liveness, readiness, robots.txt, media) and the error pages."""

import logging
import posixpath
import sys

from django.conf import settings
from django.core.cache import cache
from django.db import InterfaceError, OperationalError, connection
from django.http import Http404, HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django.views.defaults import server_error as django_server_error
from django.views.static import serve

from core.documents import is_private_image_file

logger = logging.getLogger(__name__)

# What a database that cannot be reached raises (not a bug in a query).
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)


@never_cache
@require_GET
def healthz(request):
    """200 while the process runs and answers: for a load balancer's liveness check."""
    return JsonResponse({"status": "ok"})


def database_answers():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DATABASE_UNAVAILABLE:
        return False
    return True


def cache_answers():
    try:
        cache.set("readyz", "ok", timeout=10)
        return cache.get("readyz") == "ok"
    except Exception:  # any cache backend's connection error
        logger.warning("Cache does not answer", exc_info=True)
        return False


@never_cache
@require_GET
def readyz(request):
    """200 when the database and the cache answer, 503 otherwise: send traffic here or not."""
    checks = {"database": database_answers(), "cache": cache_answers()}
    ready = all(checks.values())
    return JsonResponse(
        {"status": "ok" if ready else "unavailable", **checks}, status=200 if ready else 503
    )


def service_unavailable(request):
    """503 with ``Retry-After`` and a page in the visitor's language, made without the database."""
    language = translation.get_language_from_request(request, check_path=True)
    with translation.override(language):
        html = render_to_string("503.html", {"site_name": settings.WAGTAIL_SITE_NAME})
    response = HttpResponse(html, status=503)
    response["Retry-After"] = str(settings.DATABASE_RETRY_AFTER)
    response["Cache-Control"] = "no-store"
    return response


def server_error(request):
    """``handler500``: a database outage answers 503 (try again soon), anything else 500."""
    if isinstance(sys.exception(), DATABASE_UNAVAILABLE):
        return service_unavailable(request)
    return django_server_error(request)


# The folders of MEDIA_ROOT the public may read: Wagtail's images and renditions. Documents
# are served only by Wagtail's document view (core/documents.py, docs/security.md).
PUBLIC_MEDIA_FOLDERS = ("original_images/", "images/")


@require_GET
def serve_media(request, path):
    """Uploaded images from local disk, cacheable by Varnish and browsers, never run as a page."""
    path = posixpath.normpath(path).lstrip("/")  # as serve() reads it: no way round the check
    if "\x00" in path or not path.startswith(PUBLIC_MEDIA_FOLDERS) or is_private_image_file(path):
        raise Http404("No such file.")
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    response["Cache-Control"] = "public, max-age=86400"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


@require_GET
def robots_txt(request):
    sitemap_url = request.build_absolute_uri("/sitemap.xml")
    lines = ["User-agent: *", "Disallow: /admin/", f"Sitemap: {sitemap_url}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
