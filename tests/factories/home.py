"""Factories of the home page and standard pages."""

import factory
import wagtail_factories

from home.models import HomePage, StandardPage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Kennisplatform Integratie & Samenleving"
    slug = "home"
    intro = "<p>Kennis over integratie, migratie en diversiteit.</p>"

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Standaardpagina {n}")
    intro = "Een korte inleiding op deze pagina."

    class Meta:
        model = StandardPage
