"""Links in rich text follow the public rule too (docs/security.md): a link to a page that
is not public, or to a document in a private collection, keeps its text but loses its
address."""

from django.utils.html import escape

from wagtail.documents.rich_text import DocumentLinkHandler
from wagtail.rich_text.pages import PageLinkHandler

from core.documents import in_private_collection
from core.listings import localized


class PublicPageLinkHandler(PageLinkHandler):
    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        targets = [localized(page) if page else None for page in cls.get_many(attrs_list)]
        return [f'<a href="{escape(page.url)}">' if page else "<a>" for page in targets]


class PublicDocumentLinkHandler(DocumentLinkHandler):
    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        return [
            f'<a href="{escape(document.url)}">'
            if document and not in_private_collection(document)
            else "<a>"
            for document in cls.get_many(attrs_list)
        ]
