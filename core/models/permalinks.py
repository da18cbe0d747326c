"""Short permanent links (/p/<id>/) to pages whose class sets ``permalink_enabled = True``.

The link's number is the page's id, which never changes when the page is renamed or moved.
A record is kept for every link issued, and outlives the page: a link to a deleted page
answers 410 Gone, an id that never had a link answers 404.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Permalink(models.Model):
    page_id = models.PositiveIntegerField(_("page id"), primary_key=True)
    translation_key = models.UUIDField(_("translation key"), db_index=True)
    content_type = models.ForeignKey(
        ContentType, verbose_name=_("page type"), on_delete=models.CASCADE, related_name="+"
    )
    title = models.CharField(_("last known title"), max_length=255)
    parent_page_id = models.PositiveIntegerField(_("parent page id"), null=True, blank=True)
    created_at = models.DateTimeField(_("issued"), auto_now_add=True)
    deleted_at = models.DateTimeField(_("page deleted"), null=True, blank=True)

    class Meta:
        verbose_name = _("permanent link")
        verbose_name_plural = _("permanent links")

    def __str__(self):
        return f"/p/{self.page_id}/ {self.title}"

    @classmethod
    def issue(cls, page):
        """Record the link of ``page`` (idempotent)."""
        permalink, _created = cls.objects.get_or_create(
            page_id=page.pk,
            defaults={
                "translation_key": page.translation_key,
                "content_type_id": page.content_type_id,
                "title": page.title[:255],
            },
        )
        return permalink

    @classmethod
    def record_deletion(cls, page):
        """Keep what the 'gone' answer needs: the title and where the page stood."""
        parent = page.get_parent()
        permalink = cls.issue(page)
        permalink.title = page.title[:255]
        permalink.parent_page_id = parent.pk if parent else None
        permalink.deleted_at = timezone.now()
        permalink.save(update_fields=["title", "parent_page_id", "deleted_at"])
