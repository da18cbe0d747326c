"""Views of the links partners make to our pages: permanent links /p/<id>/ and share images."""

from django.apps import apps
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET

from wagtail.models import Locale, Page

from core.listings import localized, published
from core.models import Permalink
from core.permalinks.share_images import ensure_share_image, share_image_digest

# Browsers keep a 301 for good; a shared cache may keep the permanent link's answer an hour.
PERMALINK_MAX_AGE = 3600
# A share image's URL carries the digest of its title (?v=): that URL never changes content.
SHARE_IMAGE_MAX_AGE = 365 * 86400


def _live_translation(pages, locale):
    """Of a set of translations, the live one in ``locale``, else any live one (or None)."""
    pages = [page for page in pages if page.live]
    for page in pages:
        if page.locale_id == locale.pk:
            return page
    return pages[0] if pages else None


@require_GET
def permalink(request, page_id):
    """/p/<id>/: 301 to the page in the visitor's language (or as it is), 410 once deleted.

    The visitor's language is the one LocaleMiddleware chose from the language cookie or
    the Accept-Language header (the answer varies on it). A deleted page whose translation
    still lives leads to that translation.
    """
    locale = Locale.get_active()
    page = Page.objects.filter(pk=page_id).specific().first()
    if page is not None:
        if not getattr(page, "permalink_enabled", False):
            raise Http404
        translation_key = page.translation_key
    else:
        record = Permalink.objects.filter(page_id=page_id).first()
        if record is None:
            raise Http404
        translation_key = record.translation_key
    translations = published(Page.objects.filter(translation_key=translation_key))
    target = _live_translation(translations, locale)
    url = target.get_url(request) if target else None
    if url:
        response = HttpResponsePermanentRedirect(url)
        patch_cache_control(response, public=True, max_age=PERMALINK_MAX_AGE)
        return response
    if page is not None:  # unpublished, not deleted: it may come back
        raise Http404
    return _gone(request, record, locale)


def _gone(request, record, locale):
    """410 with the way on: the deleted page's parent and the pages its type suggests."""
    suggestions = []
    parent = localized(published(Page.objects.filter(pk=record.parent_page_id)).first())
    if parent is not None and parent.depth > 2:
        suggestions.append(parent)
    model = record.content_type.model_class()
    for label in getattr(model, "permalink_fallback_types", ()):
        fallback = published(apps.get_model(label).objects.filter(locale=locale)).first()
        if fallback is not None and fallback not in suggestions:
            suggestions.append(fallback)
    return render(
        request,
        "410.html",
        {"record": record, "suggestions": suggestions},
        status=410,
    )


@require_GET
def share_image(request, page_id):
    """The default share card of a live page (core.permalinks.share_images), drawn on first
    request."""
    page = published(Page.objects.filter(pk=page_id)).specific().first()
    if page is None:
        raise Http404
    response = FileResponse(
        default_storage.open(ensure_share_image(page)), content_type="image/png"
    )
    current = request.GET.get("v") == share_image_digest(page.title)
    patch_cache_control(response, public=True, max_age=SHARE_IMAGE_MAX_AGE if current else 3600)
    return response
