from .email import OutgoingEmail
from .navigation import Navigation
from .pages import BasePage, SocialMixin
from .settings import SiteSettings

__all__ = ["BasePage", "Navigation", "OutgoingEmail", "SiteSettings", "SocialMixin"]
