"""Factories of dossiers and the library of publications."""

import datetime

import factory
import wagtail_factories

from dossiers.models import DossierIndexPage, DossierPage, PublicationIndexPage, PublicationPage


class DossierIndexPageFactory(wagtail_factories.PageFactory):
    title = "Dossiers"
    slug = "dossiers"

    class Meta:
        model = DossierIndexPage


class DossierPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Dossier {n}")
    intro = "Alles wat we weten over dit onderwerp."

    class Meta:
        model = DossierPage


class PublicationIndexPageFactory(wagtail_factories.PageFactory):
    title = "Publicaties"
    slug = "publicaties"

    class Meta:
        model = PublicationIndexPage


class PublicationPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Publicatie {n}")
    publication_type = PublicationPage.Type.REPORT
    publication_date = datetime.date(2017, 6, 1)
    summary = "Een samenvatting van de publicatie."

    class Meta:
        model = PublicationPage
