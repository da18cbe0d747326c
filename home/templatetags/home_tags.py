"""Template tags of the top of the tree, which knows every app's pages."""

from django import template
from django.urls import reverse
from django.utils.html import format_html_join
from django.utils.translation import gettext as _

from wagtail.models import Locale

from dossiers.models import DossierPage, PublicationIndexPage, PublicationPage
from home.feeds import FEED_TYPES
from home.models import HomePage, PartnerIndexPage
from questions.models import QuestionIndexPage
from themes.models import ThemePage

register = template.Library()

FEED_MEDIA_TYPES = {"rss": "application/rss+xml", "atom": "application/atom+xml"}


def page_feeds(page):
    """(title, URL name, args) of the feeds that belong with ``page``."""
    if isinstance(page, (HomePage, PublicationIndexPage, PublicationPage)):
        return [(_("Publications"), "feeds:publications", [])]
    if isinstance(page, ThemePage):
        return [(page.title, "feeds:theme", [page.pk])]
    if isinstance(page, DossierPage):
        return [(page.title, "feeds:dossier", [page.pk])]
    if isinstance(page, QuestionIndexPage):
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


@register.simple_tag(takes_context=True)
def partner_url(context, partner):
    """The URL of ``partner``'s page on the partner index of the active language ('' when the
    language has none). The index is looked up once per request."""
    request = context["request"]
    if not hasattr(request, "partner_index_page"):
        locale = Locale.get_active()
        request.partner_index_page = PartnerIndexPage.objects.live().filter(locale=locale).first()
    index = request.partner_index_page
    return index.partner_url(partner, request) if index else ""
