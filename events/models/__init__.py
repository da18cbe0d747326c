from .registration import Registration  # noqa: I001 (the pages use it)
from .pages import EventIndexPage, EventPage

__all__ = ["EventIndexPage", "EventPage", "Registration"]
