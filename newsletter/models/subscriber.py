"""Newsletter subscribers with their consent record (GDPR: what was agreed, when, where).

A subscriber is *pending* until the link in the confirmation e-mail is followed (double
opt-in), then *confirmed*; unsubscribing keeps the record as *unsubscribed* until staff erase
it. No IP address is stored. Links in e-mails carry either a single-use, expiring
confirmation token (stored only as a hash) or a signed, non-expiring key for unsubscribing and
changing preferences.
"""

import hashlib
import secrets
import uuid
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# Every consent text ever shown, by version: a subscriber's record names the version agreed
# to. Changing the wording means adding a new version here, never editing an old one.
CONSENT_TEXTS = {
    "2026-1": _(
        "Yes, send me the newsletter. I agree that my e-mail address, name and choices are "
        "kept for it until I unsubscribe."
    ),
}
CONSENT_VERSION = "2026-1"

MANAGE_SIGNER_SALT = "newsletter.manage"
KEY_LENGTH = 32  # a UUID in hex


def hash_token(token):
    return hashlib.sha256(token.encode()).hexdigest()


class SubscriberQuerySet(models.QuerySet):
    def with_token(self, token):
        return self.filter(confirmation_token_hash=hash_token(token))

    def receiving(self):
        """Who an edition goes to: confirmed, and not suppressed after a bounce or complaint."""
        return self.filter(status=Subscriber.Status.CONFIRMED, suppressed_at__isnull=True)

    def with_manage_key(self, manage_key):
        """The subscriber a link from an e-mail belongs to (none if the signature is wrong)."""
        key, signature = manage_key[:KEY_LENGTH], manage_key[KEY_LENGTH:]
        try:
            signing.Signer(salt=MANAGE_SIGNER_SALT).unsign(f"{key}:{signature}")
        except signing.BadSignature:
            return self.none()
        return self.filter(key=uuid.UUID(key))

    def unconfirmed_since(self, moment):
        return self.filter(status=Subscriber.Status.PENDING, consent_given_at__lt=moment)


class SuppressionReason(models.TextChoices):
    BOUNCE = "bounce", _("hard bounce")
    COMPLAINT = "complaint", _("spam complaint")


class Subscriber(models.Model):
    SuppressionReason = SuppressionReason

    class Status(models.TextChoices):
        PENDING = "pending", _("pending confirmation")
        CONFIRMED = "confirmed", _("confirmed")
        UNSUBSCRIBED = "unsubscribed", _("unsubscribed")

    email = models.EmailField(_("e-mail address"), unique=True)
    name = models.CharField(_("name"), max_length=100, blank=True)
    language = models.CharField(
        _("language"), max_length=7, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    topics = models.ManyToManyField(
        "themes.ThemePage",
        verbose_name=_("topics"),
        blank=True,
        related_name="newsletter_subscribers",
        help_text=_("The themes chosen, as their Dutch (source) pages."),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    created_at = models.DateTimeField(_("first signed up"), auto_now_add=True)
    # The consent record: when, which text, where, and when the address was confirmed.
    consent_given_at = models.DateTimeField(_("consent given"))
    consent_version = models.CharField(_("consent text version"), max_length=20)
    consent_source = models.CharField(
        _("signed up on"), max_length=500, blank=True, help_text=_("The page the form was on.")
    )
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed"), null=True, blank=True)
    confirmation_token_hash = models.CharField(max_length=64, blank=True, db_index=True)
    confirmation_token_expires_at = models.DateTimeField(null=True, blank=True)
    key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # Set from the mail provider's reports (newsletter.tracking): a suppressed address gets
    # no edition any more.
    suppressed_at = models.DateTimeField(_("suppressed"), null=True, blank=True)
    suppression_reason = models.CharField(
        _("suppressed because of"), max_length=10, choices=SuppressionReason.choices, blank=True
    )
    soft_bounces = models.PositiveIntegerField(_("soft bounces"), default=0)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")
        ordering = ["-created_at"]

    def __str__(self):
        return self.email

    def topic_titles(self):
        """The chosen themes' titles, from ``topics`` (prefetch it in listings)."""
        return ", ".join(topic.title for topic in self.topics.all())

    topic_titles.short_description = _("topics")

    @property
    def log_title(self):
        """How audit-log entries name a subscriber: never by address (erasure must be total)."""
        return f"{self._meta.verbose_name} #{self.pk}"

    @property
    def consent_text(self):
        return CONSENT_TEXTS.get(self.consent_version, "")

    @property
    def manage_key(self):
        """Signed key for the unsubscribe and preferences links (no expiry, no login).

        The key's hex followed by its signature: letters, digits, "-" and "_" only, as
        Wagtail's page URLs allow.
        """
        return signing.Signer(salt=MANAGE_SIGNER_SALT).sign(self.key.hex).replace(":", "", 1)

    def record_consent(self, source):
        self.consent_given_at = timezone.now()
        self.consent_version = CONSENT_VERSION
        self.consent_source = source[:500]

    def issue_confirmation_token(self):
        """A new single-use confirmation token; only its hash is kept."""
        token = secrets.token_urlsafe(32)
        self.confirmation_token_hash = hash_token(token)
        self.confirmation_token_expires_at = timezone.now() + timedelta(
            days=settings.NEWSLETTER_CONFIRM_DAYS
        )
        return token

    @property
    def confirmation_expired(self):
        expires = self.confirmation_token_expires_at
        return expires is None or expires <= timezone.now()

    def confirm(self):
        self.status = self.Status.CONFIRMED
        self.confirmed_at = timezone.now()
        self.unsubscribed_at = None
        self.confirmation_token_hash = ""
        self.confirmation_token_expires_at = None
        self.save()

    def suppress(self, reason):
        if self.suppressed_at is None:
            self.suppressed_at = timezone.now()
            self.suppression_reason = reason
            self.save(update_fields=["suppressed_at", "suppression_reason"])

    def unsubscribe(self):
        if self.status != self.Status.UNSUBSCRIBED:
            self.status = self.Status.UNSUBSCRIBED
            self.unsubscribed_at = timezone.now()
            self.confirmation_token_hash = ""
            self.confirmation_token_expires_at = None
            self.save()
