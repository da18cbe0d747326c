"""Media on S3-compatible storage: images public, documents private (docs/security.md).

Image files and their renditions are public-read objects that pages link to directly.
Document files (Wagtail stores them under ``documents/``) are private objects: the site
streams them through Wagtail's document view, which checks collection privacy and whether
anything public uses the document (core/documents.py). Should anything ask a document for
its storage URL, it gets a signed URL that expires after ``DOCUMENT_URL_SECONDS``.
"""

from django.conf import settings

from storages.backends.s3 import S3Storage

# where Wagtail's document model stores its files (wagtail.documents.models.AbstractDocument)
DOCUMENTS_PREFIX = "documents/"


def is_document(name):
    return name.replace("\\", "/").lstrip("/").startswith(DOCUMENTS_PREFIX)


class MediaStorage(S3Storage):
    def get_object_parameters(self, name):
        parameters = super().get_object_parameters(name)
        parameters["ACL"] = "private" if is_document(name) else "public-read"
        return parameters

    def url(self, name, parameters=None, expire=None, http_method=None):
        if not is_document(name):
            return super().url(name, parameters, expire, http_method)
        parameters = {**(parameters or {}), "Bucket": self.bucket.name, "Key": name}
        return self.connection.meta.client.generate_presigned_url(
            "get_object",
            Params=parameters,
            ExpiresIn=expire or settings.DOCUMENT_URL_SECONDS,
            HttpMethod=http_method,
        )
