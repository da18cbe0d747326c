"""One person's registration for an event: personal data, status and what was sent.

Only the "Evenementen" group (the model's permissions) sees registrations; they are
anonymised ``EVENT_RETENTION_DAYS`` after the event (``manage.py erase_event_registrations``).
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _


class RegistrationQuerySet(models.QuerySet):
    def holding_place(self, event):
        """Registrations of ``event`` that take a place: confirmed, or offered and pending."""
        return self.filter(
            event=event,
            status__in=[Registration.Status.CONFIRMED, Registration.Status.OFFERED],
        )

    def waiting(self, event):
        return self.filter(event=event, status=Registration.Status.WAITING).order_by(
            "created_at", "pk"
        )


class Registration(models.Model):
    """One person's registration for an event (always the event in the default language)."""

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("registered")
        WAITING = "waiting", _("on the waiting list")
        OFFERED = "offered", _("offered a place")
        CANCELLED = "cancelled", _("cancelled")
        EXPIRED = "expired", _("offer expired")

    ACTIVE = [Status.CONFIRMED, Status.WAITING, Status.OFFERED]

    event = models.ForeignKey(
        "events.EventPage",
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, db_index=True)
    # Personal data: only for the events group; erased by erase_event_registrations.
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail address"))
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    role = models.CharField(_("role"), max_length=200, blank=True)
    needs = models.TextField(_("dietary or accessibility needs"), max_length=1000, blank=True)
    created_at = models.DateTimeField(_("registered"), default=timezone.now, db_index=True)
    consent_at = models.DateTimeField(_("consent given"), null=True, blank=True)
    confirmed_at = models.DateTimeField(_("place confirmed"), null=True, blank=True)
    offered_at = models.DateTimeField(_("place offered"), null=True, blank=True)
    offer_expires_at = models.DateTimeField(_("offer valid until"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(_("reminder sent"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("personal data erased"), null=True, blank=True)
    emails = models.ManyToManyField(
        "core.OutgoingEmail", blank=True, related_name="+", verbose_name=_("e-mails")
    )

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["event", "created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "email"],
                condition=Q(
                    status__in=["confirmed", "waiting", "offered"], anonymised_at__isnull=True
                ),
                name="one_active_registration_per_address",
            )
        ]

    def __str__(self):
        return _("Registration %(number)s") % {"number": self.pk}

    def get_absolute_url(self):
        """The personal page of this registration (its status, cancel), in its language."""
        with translation.override(self.language):
            return reverse("event_registration", args=[self.token])

    @property
    def holds_place(self):
        return self.status in (self.Status.CONFIRMED, self.Status.OFFERED)
