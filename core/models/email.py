"""Every e-mail the site sends is stored first, then delivered by a background task.

A signup or a question is saved before its e-mail is tried, and a failed send stays here
(visible to staff under Settings → E-mails) until a retry delivers it.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class OutgoingEmail(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("queued")
        SENT = "sent", _("sent")
        RETRYING = "retrying", _("failed, will retry")
        FAILED = "failed", _("failed, gave up")

    to = models.EmailField(_("to"))
    subject = models.CharField(_("subject"), max_length=255)
    text_body = models.TextField(_("plain text"))
    html_body = models.TextField(_("HTML"), blank=True)
    purpose = models.CharField(
        _("purpose"), max_length=50, help_text=_("Which flow sent it, e.g. newsletter-confirm.")
    )
    headers = models.JSONField(
        _("headers"),
        default=dict,
        blank=True,
        help_text=_("Extra message headers, e.g. List-Unsubscribe."),
    )
    attachments = models.JSONField(
        _("attachments"),
        default=list,
        blank=True,
        help_text=_("Text files sent with the e-mail: filename, content and MIME type."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED, db_index=True
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("e-mail")
        verbose_name_plural = _("e-mails")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.purpose} #{self.pk} ({self.get_status_display()})"

    @property
    def gave_up(self):
        return self.attempts >= settings.EMAIL_MAX_ATTEMPTS
