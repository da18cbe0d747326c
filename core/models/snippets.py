"""Organisations and people that every feature app refers to: Partner and Person snippets."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PublishingPanel
from wagtail.api import APIField
from wagtail.models import (
    DraftStateMixin,
    Locale,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField


def localize_snippets(model, items, locale=None, **filters):
    """Each of ``items`` (``model`` snippets) replaced by its translation in ``locale`` (default:
    the active one) matching ``filters`` where there is one; one query for all of them."""
    keys = {item.translation_key for item in items}
    translations = {
        item.translation_key: item
        for item in model.objects.filter(
            translation_key__in=keys, locale=locale or Locale.get_active(), **filters
        )
    }
    return [translations.get(item.translation_key, item) for item in items]


class Partner(
    WorkflowMixin, DraftStateMixin, RevisionMixin, TranslatableMixin, index.Indexed, models.Model
):
    """An organisation the institute works with (projects, questions, publications)."""

    class Kind(models.TextChoices):
        MUNICIPALITY = "municipality", _("municipality")
        MINISTRY = "ministry", _("ministry or national government")
        NGO = "ngo", _("civil-society organisation")
        MIGRANT_ORGANISATION = "migrant_organisation", _("migrant or refugee organisation")
        KNOWLEDGE_INSTITUTE = "knowledge_institute", _("knowledge institute")
        COMPANY = "company", _("company or employers' organisation")
        EDUCATION = "education", _("education")

    name = models.CharField(_("name"), max_length=255)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        allow_unicode=False,
        help_text=_("The partner's address on this site: /partners/<slug>/."),
    )
    kind = models.CharField(_("kind of organisation"), max_length=30, choices=Kind.choices)
    description = models.TextField(_("description"), blank=True)
    website = models.URLField(_("website"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("slug"), FieldPanel("kind")],
            heading=_("Organisation"),
        ),
        FieldPanel("description"),
        FieldPanel("website"),
        FieldPanel("logo"),
        PublishingPanel(),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("description"),
        index.FilterField("kind"),
        index.FilterField("locale_id"),
    ]

    # The address (/partners/<slug>/) is the same in every language; the name may differ.
    override_translatable_fields = [SynchronizedField("slug")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_partner_slug_locale")
        ]

    api_fields = [
        APIField("name"),
        APIField("slug"),
        APIField("kind"),
        APIField("description"),
        APIField("website"),
        APIField("logo"),
    ]

    def __str__(self):
        return self.name

    @classmethod
    def localize_all(cls, partners, locale=None):
        """Each of ``partners`` in ``locale`` (default: the active one): its live translation,
        else itself.

        Pages keep pointing at the partners chosen in the source language; this shows
        them in the visitor's language in one query, whatever the number of partners.
        """
        partners = [partner for partner in partners if partner.live]
        return localize_snippets(cls, partners, locale, live=True)


class Person(TranslatableMixin, index.Indexed, models.Model):
    """An expert or author: named on publications and in dossiers."""

    name = models.CharField(_("name"), max_length=255)
    role = models.CharField(_("role"), max_length=255, blank=True)
    organisation = models.CharField(_("organisation"), max_length=255, blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    biography = models.TextField(_("biography"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("role"),
        FieldPanel("organisation"),
        FieldPanel("photo"),
        FieldPanel("biography"),
    ]
    # Every field the admin searches or filters on (listing and chooser: the locale).
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("organisation"),
        index.SearchField("role"),
        index.FilterField("locale_id"),
    ]

    # A person's name is the same in every language; role and biography are translated.
    override_translatable_fields = [SynchronizedField("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @classmethod
    def localize_all(cls, people, locale=None):
        """Each of ``people`` in ``locale`` (default: the active one): its translation (role,
        organisation and biography in that language), else itself; in one query."""
        return localize_snippets(cls, list(people), locale)

    @property
    def family_name(self):
        """The family name with its particles: 'Sabine de Bruijn' -> 'de Bruijn'."""
        return split_name(self.name)[1]

    @property
    def given_names(self):
        """'Sabine de Bruijn' -> 'Sabine' (empty for a one-word name)."""
        return split_name(self.name)[0]


# Particles that belong to the family name when they stand before it (van der Berg, El Idrissi).
NAME_PARTICLES = {
    "van", "von", "de", "der", "den", "het", "'t", "ten", "ter", "te", "in", "op", "uit",
    "la", "le", "du", "da", "di", "dos", "del", "el", "al", "bin",
}  # fmt: skip


def split_name(name):
    """(given names, family name) of a personal name written given-names-first."""
    words = name.split()
    if len(words) < 2:
        return "", name.strip()
    start = len(words) - 1
    while start > 1 and words[start - 1].lower() in NAME_PARTICLES:
        start -= 1
    return " ".join(words[:start]), " ".join(words[start:])
