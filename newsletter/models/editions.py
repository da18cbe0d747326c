"""Editions of the newsletter: composed as pages, sent once to the list (docs/newsletter.md).

``NewsletterEditionPage`` is what editors write (moderated, previewed, translated, archived
on the site like every page). What happens when it is mailed lives beside it, not on the
page: publishing a revision rewrites a page's fields, so a send state stored there could be
set back by a later publish. ``Mailing`` is the one send of an edition (a unique relation:
an edition is sent at most once) and ``Delivery`` the one message to one subscriber (unique
per mailing and subscriber: the record that makes sending exactly once).
"""

from django import forms
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from modelcluster.fields import ParentalManyToManyField

from core.models import BasePage
from newsletter.edition_blocks import edition_blocks
from newsletter.edition_content import sections


class NewsletterEditionPage(BasePage):
    subject = models.CharField(
        _("subject"), max_length=150, help_text=_("The subject line of the e-mail.")
    )
    preheader = models.CharField(
        _("preheader"),
        max_length=150,
        blank=True,
        help_text=_("The line mail programs show after the subject; not shown in the e-mail."),
    )
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    body = StreamField(edition_blocks(), blank=True, verbose_name=_("content"))
    topics = ParentalManyToManyField(
        "themes.ThemePage",
        verbose_name=_("only for subscribers of these topics"),
        blank=True,
        related_name="+",
        help_text=_("Leave empty to send to every confirmed subscriber of the edition's language."),
    )

    summary_field = "intro"
    parent_page_types = ["newsletter.NewsletterPage"]
    subpage_types = []
    page_description = _(
        "An edition of the newsletter: written and approved like a page, then sent by e-mail "
        "from its Mailing screen and kept on the site as a web page."
    )

    content_panels = BasePage.content_panels + [
        MultiFieldPanel([FieldPanel("subject"), FieldPanel("preheader")], heading=_("E-mail")),
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("subject"),
        index.SearchField("intro"),
    ]
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("subject"),
        TranslatableField("preheader"),
        TranslatableField("intro"),
        TranslatableField("body"),
        SynchronizedField("topics"),
        SynchronizedField("social_image"),
    ]

    class Meta:
        verbose_name = _("newsletter edition")
        verbose_name_plural = _("newsletter editions")

    @property
    def newsletter_page(self):
        return self.get_parent().specific

    def get_context(self, request, *args, **kwargs):
        """The web page shows what the e-mail shows (newsletter.edition_content)."""
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = sections(self, self.get_root_url(request))
        return context


class MailingQuerySet(models.QuerySet):
    def due(self, moment):
        return self.filter(status=Mailing.Status.SCHEDULED, scheduled_for__lte=moment)


class Mailing(models.Model):
    """The send of one edition: who asked, when, to how many, and its frozen content."""

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("scheduled")
        SENDING = "sending", _("sending")
        SENT = "sent", _("sent")

    edition = models.OneToOneField(
        NewsletterEditionPage,
        verbose_name=_("edition"),
        on_delete=models.PROTECT,
        related_name="mailing",
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, db_index=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sent by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    requested_at = models.DateTimeField(_("requested"), auto_now_add=True)
    scheduled_for = models.DateTimeField(_("scheduled for"), null=True, blank=True)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    # The e-mail as it was when sending started, with placeholders for each recipient
    # (newsletter.mailing): a send resumed after a restart sends the same content.
    subject = models.CharField(_("subject"), max_length=150, blank=True)
    html_body = models.TextField(blank=True)
    text_body = models.TextField(blank=True)

    objects = MailingQuerySet.as_manager()

    class Meta:
        verbose_name = _("mailing")
        verbose_name_plural = _("mailings")
        permissions = [("send_mailing", _("Can send newsletter editions"))]

    def __str__(self):
        return self.subject or str(self.edition)


class Delivery(models.Model):
    """One message of a mailing to one subscriber.

    ``pending`` → ``claimed`` (taken by a worker for its batch) → ``sending`` (handed to the
    mail server: set, and committed, just before) → ``sent`` or ``failed``. A worker that
    dies leaves at most its one message in ``sending``: it is never sent again (it may have
    gone out), and the report counts it as interrupted.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting")
        CLAIMED = "claimed", _("waiting")
        SENDING = "sending", _("interrupted")
        SENT = "sent", _("sent")
        FAILED = "failed", _("failed")
        SKIPPED = "skipped", _("skipped (unsubscribed meanwhile)")

    mailing = models.ForeignKey(Mailing, on_delete=models.CASCADE, related_name="deliveries")
    # Erasing a subscriber keeps the delivery (the report's numbers), without the person.
    subscriber = models.ForeignKey(
        "newsletter.Subscriber", null=True, on_delete=models.SET_NULL, related_name="deliveries"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    error = models.CharField(max_length=500, blank=True)
    message_id = models.CharField(max_length=255, blank=True, db_index=True)
    bounced_at = models.DateTimeField(null=True, blank=True)
    soft_bounces = models.PositiveIntegerField(default=0)
    complained_at = models.DateTimeField(null=True, blank=True)
    unsubscribed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=["mailing", "subscriber"], name="newsletter_one_delivery_per_subscriber"
            )
        ]
        indexes = [models.Index(fields=["mailing", "status"])]

    def __str__(self):
        return f"{self.mailing_id}/{self.subscriber_id}: {self.status}"
