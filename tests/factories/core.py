"""Factories of images, documents and the snippets every area uses: partners and people."""

import factory
import wagtail_factories

from core.models import Partner, Person

ImageFactory = wagtail_factories.ImageFactory


class DocumentFactory(wagtail_factories.DocumentFactory):
    title = factory.Sequence(lambda n: f"Document {n}")


class PartnerFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Partnerorganisatie {n}")
    slug = factory.Sequence(lambda n: f"partner-{n}")
    kind = Partner.Kind.MUNICIPALITY
    live = True

    class Meta:
        model = Partner


class PersonFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Auteur {n}")

    class Meta:
        model = Person
