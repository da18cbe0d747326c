"""RSS 2.0 and Atom feeds: the newest publications (all, per theme, per dossier) and the
newest answered questions.

Each language has its own feeds (/nl/feeds/…, /en/feeds/…) listing only the pages of that
locale. A theme or dossier feed is addressed by the id of the theme or dossier page; the id
of its translation in another language leads to the same feed in the language of the URL.
Items come from one query (authors, themes and documents prefetched), so a feed costs the
same number of queries however many items it has.
"""

import datetime

from django.contrib.syndication.views import Feed
from django.db.models import F
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from django.utils.translation import gettext as _

from wagtail.models import Locale

from core.forms import MAX_ID
from core.listings import public_translation, published
from core.models import SiteSettings, localized_pages
from dossiers.models import (
    DossierPage,
    PublicationIndexPage,
    PublicationPage,
    authors_prefetch,
)
from questions.models import QuestionIndexPage, QuestionPage
from themes.models import ThemePage

FEED_LENGTH = 20
FEED_TYPES = {"rss": Rss201rev2Feed, "atom": Atom1Feed}


class FeedSource:
    """What one request's feed is about: its title, its web page and (for the feeds of
    publications) the publications to choose from."""

    def __init__(self, request, title, description, page, publications):
        self.request = request
        self.title = title
        self.description = description
        self.page = page
        self.publications = publications


def newest_publications(request, queryset):
    """The newest live publications of ``queryset`` in the active locale, ready to list:
    each with ``feed_link``, ``feed_guid`` (its permanent link), ``feed_document_url`` and
    ``feed_themes`` (in the active locale)."""
    publications = list(
        published(queryset)
        .filter(locale=Locale.get_active())
        .distinct()
        .order_by("-publication_date", "-pk")
        .defer_streamfields()
        .select_related("document__collection")
        .prefetch_related(authors_prefetch(), "themes")[:FEED_LENGTH]
    )
    all_themes = [theme for publication in publications for theme in publication.themes.all()]
    themes = {theme.translation_key: theme for theme in localized_pages(all_themes)}
    for publication in publications:
        publication.feed_link = publication.get_full_url(request)
        publication.feed_guid = publication.get_permalink(request)
        publication.feed_document_url = publication.document_full_url(request)
        publication.feed_themes = [
            themes[theme.translation_key]
            for theme in publication.themes.all()
            if theme.translation_key in themes
        ]
    return publications


def translated_page(model, page_id):
    """The live page ``page_id`` of ``model`` in the active locale (its translation when the
    id is that of another language's page)."""
    if page_id > MAX_ID:
        raise Http404  # beyond any database's integer (SQLite would fail on it)
    page = public_translation(get_object_or_404(published(model.objects.all()), pk=page_id))
    if page is None or page.locale_id != Locale.get_active().pk:
        raise Http404
    return page


class LocalizedFeed(Feed):
    """A feed of the active language, as RSS 2.0 or Atom."""

    def __init__(self, feed_format):
        self.feed_format = feed_format
        self.feed_type = FEED_TYPES[feed_format]

    def title(self, source):
        institute = SiteSettings.for_request(source.request).organisation_name
        return f"{source.title} | {institute}"

    def link(self, source):
        if source.page is not None:
            return source.page.get_full_url(source.request)
        return source.request.build_absolute_uri(f"/{Locale.get_active().language_code}/")

    def description(self, source):
        return source.description

    def subtitle(self, source):
        return source.description if self.feed_format == "atom" else None


class PublicationFeed(LocalizedFeed):
    """The newest publications of the library; subclasses narrow them down."""

    def get_object(self, request):
        library = published(PublicationIndexPage.objects.filter(locale=Locale.get_active())).first()
        return FeedSource(
            request,
            title=_("Publications"),
            description=_("The newest publications of the knowledge platform."),
            page=library,
            publications=PublicationPage.objects.all(),
        )

    def items(self, source):
        return newest_publications(source.request, source.publications)

    def item_title(self, publication):
        return publication.title

    def item_description(self, publication):
        return publication.summary

    def item_link(self, publication):
        return publication.feed_link

    def item_guid(self, publication):
        return publication.feed_guid

    def item_guid_is_permalink(self, publication):
        return True

    def item_pubdate(self, publication):
        return timezone.make_aware(
            datetime.datetime.combine(publication.publication_date, datetime.time())
        )

    def item_updateddate(self, publication):
        return publication.last_published_at

    def item_author_name(self, publication):
        return ", ".join(person.name for person in publication.author_people) or None

    def item_categories(self, publication):
        return [theme.title for theme in publication.feed_themes]

    def item_enclosures(self, publication):
        document = publication.shown_document
        if document is None:
            return []
        size = str(document.file_size or 0)
        return [Enclosure(publication.feed_document_url, size, document.content_type)]


class ThemePublicationFeed(PublicationFeed):
    """The newest publications on one theme."""

    def get_object(self, request, page_id):
        theme = translated_page(ThemePage, page_id)
        return FeedSource(
            request,
            title=theme.title,
            description=_("The newest publications on the theme %(theme)s.")
            % {"theme": theme.title},
            page=theme,
            publications=PublicationPage.objects.filter(
                themes__translation_key=theme.translation_key
            ),
        )


class DossierPublicationFeed(PublicationFeed):
    """The newest of the publications a dossier gathers."""

    def get_object(self, request, page_id):
        dossier = translated_page(DossierPage, page_id)
        return FeedSource(
            request,
            title=dossier.title,
            description=_("The newest publications in the dossier %(dossier)s.")
            % {"dossier": dossier.title},
            page=dossier,
            publications=PublicationPage.objects.filter(
                translation_key__in=dossier.related_publications.values("translation_key")
            ),
        )


class QuestionFeed(LocalizedFeed):
    """The newest answered questions (published question pages)."""

    def get_object(self, request):
        locale = Locale.get_active()
        return FeedSource(
            request,
            title=_("Answered questions"),
            description=_("The newest questions the knowledge platform answered."),
            page=published(QuestionIndexPage.objects.filter(locale=locale)).first(),
            publications=None,
        )

    def items(self, source):
        questions = list(
            published(QuestionPage.objects.all())
            .filter(locale=Locale.get_active())
            .order_by(F("first_published_at").desc(nulls_last=True), "-pk")
            .defer_streamfields()
            .select_related("theme")[:FEED_LENGTH]
        )
        themes = {
            theme.translation_key: theme
            for theme in localized_pages(question.theme for question in questions if question.theme)
        }
        for question in questions:
            question.feed_link = question.get_full_url(source.request)
            theme = themes.get(question.theme.translation_key) if question.theme else None
            question.feed_categories = [theme.title] if theme else []
        return questions

    def item_title(self, question):
        return question.title

    def item_description(self, question):
        return question.question

    def item_link(self, question):
        return question.feed_link

    def item_pubdate(self, question):
        return question.first_published_at

    def item_updateddate(self, question):
        return question.last_published_at

    def item_categories(self, question):
        return question.feed_categories
