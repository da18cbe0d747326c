from .subscriber import CONSENT_TEXTS, CONSENT_VERSION, Subscriber  # noqa: I001 (pages need it)
from .pages import NewsletterPage
from .editions import Delivery, Mailing, NewsletterEditionPage

__all__ = [
    "CONSENT_TEXTS",
    "CONSENT_VERSION",
    "Delivery",
    "Mailing",
    "NewsletterEditionPage",
    "NewsletterPage",
    "Subscriber",
]
