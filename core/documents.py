"""Which documents the public may see and download, and the collection privacy that images
share (docs/security.md).

A document is public when it is outside every private collection (a collection, or one of
its ancestors, with a view restriction) and something public uses it: a page that is
public (``core.listings.published``) or a live snippet or setting, as Wagtail's reference
index records (choosers, foreign keys, rich-text links, StreamField blocks). A document
uploaded for a draft page, an unpublished or a restricted one is therefore not served to
the public, whatever its address; editors (anyone who may use the admin) get every
document that Wagtail's own collection check lets them have.

Files are only ever served through Wagtail's document view (``WAGTAILDOCS_SERVE_METHOD =
"serve_view"``): never from ``MEDIA_URL`` (``core.operations.views.serve_media``), and on
S3 document objects are private (``core.storage.MediaStorage``).
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.http import Http404

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import CollectionViewRestriction, DraftStateMixin, Page, ReferenceIndex

from rest_framework import serializers

from core.caching.sitecache import site_cached
from core.listings import published


def private_collection_paths():
    """Tree paths of the collections with a view restriction, kept until content changes."""
    return site_cached(
        "collection_restrictions",
        lambda: list(CollectionViewRestriction.objects.values_list("collection__path", flat=True)),
    )


def outside_private_collections(queryset):
    """The documents (or images) of ``queryset`` in no private collection."""
    private = Q()
    for path in private_collection_paths():
        private |= Q(collection__path__startswith=path)
    return queryset.exclude(private) if private else queryset


def is_private_image_file(name):
    """Whether the media file ``name`` is an image, or a rendition of one, in a private
    collection: not served by the site's media view, though on S3 image files are public
    objects (docs/security.md)."""
    if not private_collection_paths():
        return False
    image_model = get_image_model()
    images = image_model.objects.filter(
        Q(file=name)
        | Q(pk__in=image_model.get_rendition_model().objects.filter(file=name).values("image"))
    )
    return images.exists() and not outside_private_collections(images).exists()


def in_private_collection(item):
    path = item.collection.path
    return any(path.startswith(private) for private in private_collection_paths())


def publicly_used_ids(document_ids=None):
    """Ids of the documents (of ``document_ids``, default all) that a public page, or a live
    snippet or setting, refers to: a query per kind of referring object, whatever the
    number of documents."""
    references = ReferenceIndex.objects.filter(
        to_content_type=ContentType.objects.get_for_model(get_document_model())
    )
    if document_ids is not None:
        references = references.filter(to_object_id__in=[str(pk) for pk in document_ids])
    by_referrer = {}
    for content_type_id, object_id, document_id in references.values_list(
        "base_content_type", "object_id", "to_object_id"
    ):
        by_referrer.setdefault(content_type_id, {}).setdefault(object_id, set()).add(document_id)
    used = set()
    for content_type_id, documents_by_object in by_referrer.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None:
            continue
        objects = model._default_manager.filter(pk__in=list(documents_by_object))
        if issubclass(model, Page):
            objects = published(objects)
        elif issubclass(model, DraftStateMixin):
            objects = objects.filter(live=True)
        for pk in objects.values_list("pk", flat=True):
            used.update(documents_by_object[str(pk)])
    return {int(pk) for pk in used}


def used_publicly(document):
    return document.pk in publicly_used_ids([document.pk])


def is_public_document(document):
    """Whether ``document`` may be linked or listed on a public output."""
    return bool(document) and not in_private_collection(document) and used_publicly(document)


def public_documents(queryset=None):
    """The public documents of ``queryset`` (default: all), for listings such as the API."""
    if queryset is None:
        queryset = get_document_model().objects.all()
    return outside_private_collections(queryset).filter(pk__in=publicly_used_ids())


def refuse_unpublished_document(document, request):
    """Wagtail's ``before_serve_document`` hook: 404 for a document nothing public uses,
    unless the visitor may use the admin (an editor checking a draft's download)."""
    user = getattr(request, "user", None)
    if user is not None and user.has_perm("wagtailadmin.access_admin"):
        return None
    if not used_publicly(document):
        raise Http404("No such document.")
    return None


class PublicDocumentField(serializers.Field):
    """A page's chosen document in the API, as Wagtail nests it (id, meta, title), or null
    when the document is in a private collection."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def get_attribute(self, instance):
        document = super().get_attribute(instance)
        if document is None or in_private_collection(document):
            return None
        return document

    def to_representation(self, document):
        request = self.context.get("request")
        url = request.build_absolute_uri(document.url) if request else document.url
        return {
            "id": document.pk,
            "meta": {"type": document._meta.label, "download_url": url},
            "title": document.title,
        }
