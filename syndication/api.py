"""The read-only public API (Wagtail API v2) at /api/v2/: pages, partners, images, documents.

Every endpoint answers GET only, to anyone: partner sites may read it from the browser
(``Access-Control-Allow-Origin: *``), caches may keep an answer ``API_CACHE_SECONDS``, and
one client gets ``API_RATE_LIMIT`` requests per window (then 429 with ``Retry-After``).
Pages are filtered by type (``?type=themes.ProjectPage``) and language (``?locale=en``),
partners by kind and language (``?kind=ministry&locale=nl``).
"""

import functools

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db.models import IntegerField
from django.http import JsonResponse
from django.utils.cache import patch_cache_control

from wagtail.api.v2.filters import FieldsFilter, LocaleFilter, OrderingFilter, SearchFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.serializers import BaseSerializer, PageLocaleField
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.utils.urlpatterns import decorate_urlpatterns

from core.documents import outside_private_collections, public_documents
from core.forms import MAX_ID
from core.listings import published
from core.models import Partner
from core.ratelimit import check_rate
from dossiers.models import PublicationPage, authors_prefetch
from themes.models import ProjectPage

ALLOWED_METHODS = ("GET", "HEAD", "OPTIONS")


def public_api(view):
    """Rate limit, cache headers and CORS for every endpoint of the API."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        retry_after = check_rate(request, "api", settings.API_RATE_LIMIT)
        if retry_after:
            response = JsonResponse({"message": "Too many requests."}, status=429)
            response["Retry-After"] = str(retry_after)
        elif request.method not in ALLOWED_METHODS:
            response = JsonResponse({"message": "Read-only API."}, status=405)
            response["Allow"] = ", ".join(ALLOWED_METHODS)
        else:
            response = view(request, *args, **kwargs)
            if response.status_code == 200:
                patch_cache_control(response, public=True, max_age=settings.API_CACHE_SECONDS)
        response["Access-Control-Allow-Origin"] = "*"
        response["Access-Control-Allow-Methods"] = ", ".join(ALLOWED_METHODS)
        return response

    return wrapped


# Deeper than this is a crawler, not a reader; a larger number would overflow the database.
MAX_OFFSET = 100_000
# What Wagtail's search backends accept (in any case); anything else they raise ValueError on.
SEARCH_OPERATORS = ("and", "or")


class CheckedQueryMixin:
    """Bad input answers 400 with a message, never 500: a NUL byte anywhere, an offset or
    limit beyond ``MAX_OFFSET``, a search operator other than ``and`` or ``or``, a field
    filter whose value the field cannot hold (a publication date that is not a date, a
    number too large). Checked before any filter runs, for the listing, the detail and the
    find view alike."""

    def check_parameters(self, model):
        for name, values in self.request.GET.lists():
            for value in values:
                check_parameter(model, name, value, operation=name in self.known_query_parameters)

    def filter_queryset(self, queryset):
        self.check_parameters(queryset.model)
        return super().filter_queryset(queryset)

    def find_object(self, queryset, request):
        self.check_parameters(queryset.model)
        return super().find_object(queryset, request)


def check_parameter(model, name, value, operation):
    """``operation``: a parameter of the API itself (``locale``, ``search``, …), which its
    own filter reads; the others filter on the model's field of that name."""
    if "\x00" in value or "\x00" in name:
        raise BadRequestError(f"{name}: a NUL character is not allowed")
    if name in ("offset", "limit"):
        if not (value.isascii() and value.isdigit()) or int(value) > MAX_OFFSET:
            raise BadRequestError(f"{name} must be a number from 0 to {MAX_OFFSET}")
        return
    if name == "search_operator" and value.lower() not in SEARCH_OPERATORS:
        raise BadRequestError("search_operator must be 'and' or 'or'")
    if operation:
        return
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return
    if not field.concrete:
        return
    try:
        target = field.target_field if field.is_relation else field
        target.get_prep_value(target.to_python(value))
        if isinstance(target, IntegerField):
            int(value)
            if abs(int(value)) > MAX_ID:
                raise ValueError(value)
    except (ValidationError, ValueError, TypeError, OverflowError) as error:
        raise BadRequestError(f"{name}: not a valid value") from error


class PagesViewSet(CheckedQueryMixin, PagesAPIViewSet):
    """Wagtail's pages endpoint, of the public pages only (core.listings.published: no
    alias, nothing under a view restriction); each page's language, and the relations our
    page types list, are fetched with the list instead of once per page."""

    def get_base_queryset(self):
        return published(super().get_base_queryset())

    def get_queryset(self):
        queryset = super().get_queryset().select_related("locale")
        if queryset.model is ProjectPage:
            queryset = queryset.prefetch_related("partners")
        elif queryset.model is PublicationPage:
            queryset = queryset.prefetch_related(authors_prefetch(), "themes")
        return queryset


class PartnerSerializer(BaseSerializer):
    locale = PageLocaleField(read_only=True)


class PartnersAPIViewSet(CheckedQueryMixin, BaseAPIViewSet):
    """The partner organisations (core.Partner snippets) that are published."""

    model = Partner
    name = "partners"
    base_serializer_class = PartnerSerializer
    filter_backends = [FieldsFilter, LocaleFilter, OrderingFilter, SearchFilter]
    known_query_parameters = BaseAPIViewSet.known_query_parameters.union(["locale"])
    body_fields = [*BaseAPIViewSet.body_fields, "name", "slug", "kind", "website"]
    meta_fields = [*BaseAPIViewSet.meta_fields, "locale"]
    listing_default_fields = [
        *BaseAPIViewSet.listing_default_fields,
        "name",
        "slug",
        "kind",
        "website",
        "locale",
    ]
    nested_default_fields = [*BaseAPIViewSet.nested_default_fields, "name"]

    def get_queryset(self):
        return Partner.objects.filter(live=True).select_related("locale").order_by("id")


class PublicImagesViewSet(CheckedQueryMixin, ImagesAPIViewSet):
    """Wagtail's images endpoint without the images of private collections."""

    def get_queryset(self):
        return outside_private_collections(super().get_queryset())


class PublicDocumentsViewSet(CheckedQueryMixin, DocumentsAPIViewSet):
    """Wagtail's documents endpoint with only the documents the public may download
    (core.documents: outside private collections, used by something public)."""

    def get_queryset(self):
        return public_documents(super().get_queryset())


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesViewSet)
api_router.register_endpoint("partners", PartnersAPIViewSet)
api_router.register_endpoint("images", PublicImagesViewSet)
api_router.register_endpoint("documents", PublicDocumentsViewSet)

urlpatterns = decorate_urlpatterns(api_router.get_urlpatterns(), public_api)
