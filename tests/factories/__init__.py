"""Factories for every page type and snippet (wagtail-factories; parents via the fixtures),
one module per area; ``from tests import factories`` reaches them all."""

from tests.factories.annual_report import AnnualReportPageFactory
from tests.factories.core import DocumentFactory, ImageFactory, PartnerFactory, PersonFactory
from tests.factories.dossiers import (
    DossierIndexPageFactory,
    DossierPageFactory,
    PublicationIndexPageFactory,
    PublicationPageFactory,
)
from tests.factories.events import EventIndexPageFactory, EventPageFactory
from tests.factories.home import HomePageFactory, StandardPageFactory
from tests.factories.newsletter import (
    NewsletterEditionPageFactory,
    NewsletterPageFactory,
    SubscriberFactory,
)
from tests.factories.partners import PartnerIndexPageFactory
from tests.factories.questions import (
    QuestionIndexPageFactory,
    QuestionPageFactory,
    SubmittedQuestionFactory,
)
from tests.factories.stats import MediaMentionFactory, SocialFollowersFactory
from tests.factories.themes import (
    ProjectPageFactory,
    TestimonialFactory,
    ThemeIndexPageFactory,
    ThemePageFactory,
)

__all__ = [
    "ImageFactory",
    "DocumentFactory",
    "PartnerFactory",
    "PersonFactory",
    "HomePageFactory",
    "StandardPageFactory",
    "ThemeIndexPageFactory",
    "ThemePageFactory",
    "ProjectPageFactory",
    "TestimonialFactory",
    "DossierIndexPageFactory",
    "DossierPageFactory",
    "PublicationIndexPageFactory",
    "PublicationPageFactory",
    "PartnerIndexPageFactory",
    "MediaMentionFactory",
    "SocialFollowersFactory",
    "QuestionIndexPageFactory",
    "QuestionPageFactory",
    "SubmittedQuestionFactory",
    "NewsletterPageFactory",
    "NewsletterEditionPageFactory",
    "SubscriberFactory",
    "AnnualReportPageFactory",
    "EventIndexPageFactory",
    "EventPageFactory",
]
