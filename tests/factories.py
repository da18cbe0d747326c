"""Factories for every page type and snippet (wagtail-factories; parents via the fixtures)."""

import datetime

from django.utils import timezone

import factory
import wagtail_factories

from annual_report.models import AnnualReportPage
from core.models import Partner, Person
from dossiers.models import DossierIndexPage, DossierPage, PublicationIndexPage, PublicationPage
from events.models import EventIndexPage, EventPage
from home.models import HomePage, StandardPage
from newsletter.models import (
    CONSENT_VERSION,
    NewsletterEditionPage,
    NewsletterPage,
    Subscriber,
)
from partners.models import PartnerIndexPage
from questions.models import QuestionIndexPage, QuestionKind, QuestionPage, SubmittedQuestion
from stats.models import MediaMention, SocialFollowers
from themes.models import ProjectPage, Testimonial, ThemeIndexPage, ThemePage

ImageFactory = wagtail_factories.ImageFactory


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


class DocumentFactory(wagtail_factories.DocumentFactory):
    title = factory.Sequence(lambda n: f"Document {n}")


class PartnerIndexPageFactory(wagtail_factories.PageFactory):
    title = "Partners"
    slug = "partners"

    class Meta:
        model = PartnerIndexPage


class MediaMentionFactory(factory.django.DjangoModelFactory):
    date = datetime.date(2017, 3, 1)
    outlet = "Binnenlands Bestuur"
    title = factory.Sequence(lambda n: f"Kennisplatform in het nieuws {n}")
    url = factory.Sequence(lambda n: f"https://www.example.org/nieuws/{n}")

    class Meta:
        model = MediaMention


class SocialFollowersFactory(factory.django.DjangoModelFactory):
    channel = SocialFollowers.Channel.X
    year = 2017
    followers = 1936

    class Meta:
        model = SocialFollowers


class QuestionIndexPageFactory(wagtail_factories.PageFactory):
    title = "Vragen"
    slug = "vragen"
    intro = "Stel uw vraag over integratie, migratie of diversiteit."
    kind_straightforward = "Antwoord binnen enkele dagen."
    kind_research = "Antwoord na uitzoekwerk."
    kind_complex = "Een onderzoeksproject."

    class Meta:
        model = QuestionIndexPage


class QuestionPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Vraag {n}")
    question = factory.Sequence(lambda n: f"Hoe werkt integratie in gemeente {n}?")
    requester_role = "Beleidsmedewerker"
    requester_organisation = "Gemeente Utrecht"
    kind = QuestionKind.STRAIGHTFORWARD

    class Meta:
        model = QuestionPage


class SubmittedQuestionFactory(factory.django.DjangoModelFactory):
    name = "Fatima el Amrani"
    email = factory.Sequence(lambda n: f"vraagsteller{n}@example.org")
    organisation = "Gemeente Zwolle"
    role = "Beleidsadviseur"
    question = "Welke aanpak werkt om statushouders aan werk te helpen?"

    class Meta:
        model = SubmittedQuestion


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


class AnnualReportPageFactory(wagtail_factories.PageFactory):
    title = "Jaarbericht 2017"
    slug = "jaarbericht-2017"
    year = 2017
    intro = "Het jaar in cijfers."

    class Meta:
        model = AnnualReportPage


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Agenda"
    slug = "agenda"

    class Meta:
        model = EventIndexPage


class EventPageFactory(wagtail_factories.PageFactory):
    """A seminar next month (10:00–12:00 Dutch time), without registration."""

    title = factory.Sequence(lambda n: f"Bijeenkomst {n}")
    kind = "seminar"
    summary = "Een bijeenkomst voor beleidsmakers en professionals."
    venue = "Huis van de Stad"
    address = "Stationsplein 1, Utrecht"
    start = factory.LazyFunction(
        lambda: (timezone.localtime() + datetime.timedelta(days=30)).replace(
            hour=10, minute=0, second=0, microsecond=0
        )
    )
    end = factory.LazyAttribute(lambda event: event.start + datetime.timedelta(hours=2))

    class Meta:
        model = EventPage
