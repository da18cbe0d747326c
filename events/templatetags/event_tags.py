"""``{% upcoming_events %}``: the next events, for pages of other apps (home, theme, project).

Those apps do not import the agenda; their templates include
``components/upcoming_events.html`` or ``components/project_events.html``, which load
this library. One query for the events, one for the agenda
page (for its link), whatever the number of events.
"""

from django import template

from core.listings import live_in_active_locale, section_page
from events.models import EventIndexPage, EventPage
from events.models.pages import upcoming

register = template.Library()

DEFAULT_LIMIT = 3
PROJECT_LIMIT = 10


def published_events():
    return live_in_active_locale(EventPage.objects.all()).defer_streamfields()


@register.simple_tag
def upcoming_events(theme=None, limit=DEFAULT_LIMIT):
    """The next published events in the active language: all, or those of a theme (matched
    by translation, so a translated theme finds its events too)."""
    events = published_events()
    if theme:
        events = events.filter(themes__translation_key=theme.translation_key).distinct()
    return list(upcoming(events)[:limit])


@register.simple_tag
def project_events(project, limit=PROJECT_LIMIT):
    """The published events of a project in the active language, the latest first."""
    events = published_events().filter(projects__translation_key=project.translation_key)
    return list(events.distinct().order_by("-start", "-pk")[:limit])


@register.simple_tag
def agenda_page():
    """The agenda in the active language (else the default one), for "all events" links."""
    return section_page(EventIndexPage)
