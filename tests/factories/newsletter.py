"""Factories of the newsletter page, its editions and subscribers."""

from django.utils import timezone

import factory
import wagtail_factories

from newsletter.models import (
    CONSENT_VERSION,
    NewsletterEditionPage,
    NewsletterPage,
    Subscriber,
)


class NewsletterPageFactory(wagtail_factories.PageFactory):
    title = "Nieuwsbrief"
    slug = "nieuwsbrief"
    intro = "<p>Eens per maand het nieuws over integratie en diversiteit.</p>"

    class Meta:
        model = NewsletterPage


class NewsletterEditionPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Nieuwsbrief {n}")
    subject = factory.LazyAttribute(lambda page: page.title)
    preheader = "Het nieuws van deze maand"
    intro = "<p>Welkom bij de nieuwsbrief.</p>"

    class Meta:
        model = NewsletterEditionPage


class SubscriberFactory(factory.django.DjangoModelFactory):
    email = factory.Sequence(lambda n: f"lezer{n}@example.org")
    name = "Fatima"
    language = "nl"
    status = Subscriber.Status.CONFIRMED
    consent_given_at = factory.LazyFunction(timezone.now)
    consent_version = CONSENT_VERSION
    consent_source = "/nl/"
    confirmed_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = Subscriber
