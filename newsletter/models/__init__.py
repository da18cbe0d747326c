from .subscriber import CONSENT_TEXTS, CONSENT_VERSION, Subscriber  # noqa: I001 (pages need it)
from .pages import NewsletterPage

__all__ = ["CONSENT_TEXTS", "CONSENT_VERSION", "NewsletterPage", "Subscriber"]
