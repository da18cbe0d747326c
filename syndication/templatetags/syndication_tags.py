"""Template tags of the feeds: the <link rel="alternate"> of the page being shown."""

from django import template
from django.urls import reverse
from django.utils.html import format_html_join
from django.utils.translation import gettext as _

from syndication.feeds import FEED_TYPES

register = template.Library()

FEED_MEDIA_TYPES = {"rss": "application/rss+xml", "atom": "application/atom+xml"}
# pages named by label: the home page belongs to another app of the top tier
PUBLICATION_FEED_PAGES = {
    "home.HomePage",
    "dossiers.PublicationIndexPage",
    "dossiers.PublicationPage",
}


def page_feeds(page):
    """(title, URL name, args) of the feeds that belong with ``page``; a page's own feed
    only once it is saved (the preview of a new page has no id yet)."""
    label = page._meta.label
    if label in PUBLICATION_FEED_PAGES:
        return [(_("Publications"), "feeds:publications", [])]
    if not page.pk:
        return []
    if label == "themes.ThemePage":
        return [(page.title, "feeds:theme", [page.pk])]
    if label == "dossiers.DossierPage":
        return [(page.title, "feeds:dossier", [page.pk])]
    if label == "questions.QuestionIndexPage":
        return [(_("Answered questions"), "feeds:questions", [])]
    return []


@register.simple_tag
def feed_links(page):
    """<link rel="alternate"> to the RSS and Atom feeds of ``page`` (e.g. a theme's)."""
    links = [
        (FEED_MEDIA_TYPES[kind], f"{title} ({kind.upper()})", reverse(f"{name}-{kind}", args=args))
        for title, name, args in page_feeds(page)
        for kind in FEED_TYPES
    ]
    return format_html_join("\n", '<link rel="alternate" type="{}" title="{}" href="{}">', links)
