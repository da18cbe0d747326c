"""The text of uploaded PDF documents, so that a page linking to a PDF is found by its words.

When a document is saved, ``extract_document_text`` runs as a background task (after the
transaction commits): it stores the PDF's text here and re-indexes every page that links to
the document through a foreign key (e.g. ``PublicationPage.document``). Such a page indexes
the text with an ``index.SearchField`` on a property that reads ``document.extracted_text``.
"""

from django.db import models, transaction
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.tasks import task
from django.utils.translation import gettext_lazy as _

from wagtail.documents import get_document_model, get_document_model_string
from wagtail.models import get_page_models
from wagtail.search import index
from wagtail.utils.file import hash_filelike

from search.pdf import extract_pdf_text


class DocumentText(models.Model):
    document = models.OneToOneField(
        get_document_model_string(),
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="extracted_text",
    )
    text = models.TextField(_("text"), blank=True)
    file_hash = models.CharField(_("file hash"), max_length=40, blank=True)
    extracted_at = models.DateTimeField(_("extracted at"), auto_now=True)

    class Meta:
        verbose_name = _("document text")
        verbose_name_plural = _("document texts")

    def __str__(self):
        return str(self.document)


def pages_linking_to(document):
    """Every page (specific) with a foreign key to ``document``, whatever its type."""
    document_model = get_document_model()
    for model in get_page_models():
        for field in model._meta.get_fields(include_parents=False):
            if field.many_to_one and field.concrete and field.related_model is document_model:
                yield from model.objects.filter(**{field.name: document})


@task()
def extract_document_text(document_id):
    """Store the text of a PDF document and re-index the pages that link to it.

    Idempotent: a file whose content is unchanged is not read again. A document that is not
    a PDF (any more) keeps no text.
    """
    document = get_document_model().objects.filter(pk=document_id).first()
    if document is None:
        return "missing"
    if document.file_extension.lower() != "pdf":
        deleted, _details = DocumentText.objects.filter(document=document).delete()
        if not deleted:
            return "not a pdf"
        result = "removed"
    else:
        with document.open_file() as file:
            file_hash = hash_filelike(file)
            if DocumentText.objects.filter(document=document, file_hash=file_hash).exists():
                return "unchanged"
            file.seek(0)
            text = extract_pdf_text(file)
        DocumentText.objects.update_or_create(
            document=document, defaults={"text": text, "file_hash": file_hash}
        )
        result = "extracted"
    for page in pages_linking_to(document):
        index.insert_or_update_object(page)
    return result


@receiver(post_save, sender=get_document_model_string())
def queue_text_extraction(sender, instance, **kwargs):
    transaction.on_commit(lambda: extract_document_text.enqueue(instance.pk))
