from .caching import ContentGeneration
from .email import OutgoingEmail
from .navigation import Navigation
from .pages import BasePage, IndexPage, SocialMixin, localized_pages
from .permalinks import Permalink
from .settings import SiteSettings
from .snippets import Partner, Person

__all__ = [
    "BasePage",
    "ContentGeneration",
    "IndexPage",
    "Navigation",
    "OutgoingEmail",
    "Partner",
    "Permalink",
    "Person",
    "SiteSettings",
    "SocialMixin",
    "localized_pages",
]
