"""Factories of themes, projects and testimonials."""

import factory
import wagtail_factories

from themes.models import ProjectPage, Testimonial, ThemeIndexPage, ThemePage


class ThemeIndexPageFactory(wagtail_factories.PageFactory):
    title = "Thema's"
    slug = "themas"

    class Meta:
        model = ThemeIndexPage


class ThemePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Thema {n}")
    intro = "Een thema van het kennisplatform."

    class Meta:
        model = ThemePage


class ProjectPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Project {n}")
    summary = "Een project binnen een thema."
    start_year = 2017
    status = ProjectPage.Status.RUNNING

    class Meta:
        model = ProjectPage


class TestimonialFactory(factory.django.DjangoModelFactory):
    quote = "Samen bereiken we meer."
    person = factory.Sequence(lambda n: f"Persoon {n}")
    live = True

    class Meta:
        model = Testimonial
