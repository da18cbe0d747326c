"""Helpers every listing uses: what is published, in the visitor's language.

Two kinds of lists (the project's locale rule):
- *automatic* listings (a theme's projects, the library, the partner index) show only what
  exists in the active locale: :func:`live_in_active_locale`;
- *curated* lists (a dossier's related publications, a project's partners, the home page's
  featured dossiers) show each chosen item in the visitor's language when it is translated,
  else as chosen: :func:`localized_live`, the list form of ``page.localized``, in two queries.
"""

from django.db.models import Case, Prefetch, Q, Value, When, prefetch_related_objects
from django.utils import translation

from wagtail.coreutils import WAGTAIL_APPEND_SLASH
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction

from core.caching.requestcache import memoize
from core.caching.sitecache import site_cached
from core.compat import prefetch_lookups


def view_restrictions():
    """Every page view restriction (with its page), kept until the content changes."""
    return site_cached(
        "view_restrictions", lambda: list(PageViewRestriction.objects.select_related("page"))
    )


def is_restricted(page):
    """Whether ``page`` is under a view restriction (login, password or groups): its own or
    one of its ancestors'. Such a page, and everything below it, is on no public output."""
    return any(page.path.startswith(restriction.page.path) for restriction in view_restrictions())


def is_public(page):
    """Whether ``page`` may be named, linked or shown on a public output: live, not an
    alias, and under no view restriction (docs/security.md)."""
    return bool(
        page is not None
        and page.pk
        and page.live
        and not getattr(page, "alias_of_id", None)
        and not is_restricted(page)
    )


def public(queryset):
    """The pages of ``queryset`` outside every private section: Wagtail's ``.public()``
    without its query for the restrictions each time a listing is built."""
    private = Q()
    for restriction in view_restrictions():
        private |= queryset.descendant_of_q(restriction.page, inclusive=True)
    return queryset.exclude(private) if private else queryset


def published(queryset):
    """Live (and, for pages, publicly viewable) items of ``queryset``: pages or snippets.

    Alias pages are left out: wagtail-localize makes them as untranslated copies of the
    parents of a page translated first, and they show the source language."""
    if issubclass(queryset.model, Page):
        return public(queryset.live()).filter(alias_of__isnull=True)
    return queryset.filter(live=True)


def live_in_active_locale(queryset):
    """Published items of ``queryset`` in the active locale."""
    return published(queryset).filter(locale=Locale.get_active())


def localized_live(chosen, lookup=None):
    """The published items of the queryset ``chosen``, in its order, each replaced by its
    published translation in the active locale when there is one.

    ``lookup`` is the queryset translations are fetched from (default: the model's manager);
    give it the same ``select_related``/``defer_streamfields`` as ``chosen``. What ``chosen``
    prefetches (authors, image renditions) is fetched once, for the items shown only.
    """
    prefetches = prefetch_lookups(chosen)
    items = list(published(chosen).prefetch_related(None))
    locale = Locale.get_active()
    keys = {item.translation_key for item in items if item.locale_id != locale.pk}
    if keys:
        if lookup is None:
            lookup = chosen.model._default_manager.all()
        translations = {
            item.translation_key: item
            for item in live_in_active_locale(lookup.prefetch_related(None)).filter(
                translation_key__in=keys
            )
        }
        items = [translations.get(item.translation_key, item) for item in items]
    prefetch_related_objects(items, *prefetches)
    return items


def chosen(relation):
    """A database queryset of the items of a many-to-many ``relation`` (a page's
    ``ParentalManyToManyField``), also when a preview holds them in memory."""
    pk_name = relation.model._meta.pk.attname  # an in-memory relation knows no "pk" alias
    return relation.model._default_manager.filter(pk__in=relation.values_list(pk_name, flat=True))


def in_order(queryset, pks):
    """``queryset`` restricted to ``pks`` and ordered as they are."""
    pks = list(pks)
    if not pks:
        return queryset.none()
    position = Case(*[When(pk=pk, then=Value(index)) for index, pk in enumerate(pks)])
    return queryset.filter(pk__in=pks).order_by(position)


def full_urls(pages, request=None):
    """{page pk: (root URL, absolute URL)} of ``pages``, what ``get_url_parts`` gives, for
    exports of thousands of pages: Wagtail works out the URL of each parent (one query for
    the parents), a child's is its parent's with its slug, as Wagtail builds it from
    ``url_path``. A page whose type computes its own URL, or whose parent has none, is
    asked itself. The root URL is for links that are not the page's (permanent links,
    documents): ``root + reverse(...)``."""
    steplen = Page.steplen
    parents = Page.objects.filter(path__in={page.path[:-steplen] for page in pages})
    parent_parts = {parent.path: parent.get_url_parts(request) for parent in parents}
    urls = {}
    for page in pages:
        parts = parent_parts.get(page.path[:-steplen])
        if parts is not None and type(page).get_url_parts is Page.get_url_parts:
            _site_id, root_url, parent_path = parts
            page_path = parent_path.rstrip("/") + "/" + page.slug
            if WAGTAIL_APPEND_SLASH:
                page_path += "/"
        else:
            _site_id, root_url, page_path = page.get_url_parts(request) or (None, None, None)
        urls[page.pk] = (root_url, root_url + page_path if root_url is not None else None)
    return urls


def section_page(model):
    """The published page of ``model`` (an index such as the library) in the active locale,
    else the one in the default locale: where a link to that section should go."""
    active, default = Locale.get_active(), Locale.get_default()
    return (
        published(model.objects.filter(locale__in=[active, default]))
        .order_by(Case(When(locale=active, then=Value(0)), default=Value(1)), "path")
        .first()
    )


def with_renditions(queryset, field, *filter_specs):
    """``queryset`` with the image of its foreign key ``field`` fetched in the same query and
    that image's renditions of ``filter_specs`` in one more, whatever the number of items
    (Wagtail's ``prefetch_renditions``, through the relation): a listing's images cost one
    query, and no image looks its rendition up by itself."""
    renditions = get_image_model().get_rendition_model().objects.all()
    if filter_specs:
        renditions = renditions.filter(filter_spec__in=filter_specs)
    return queryset.select_related(field).prefetch_related(
        Prefetch(f"{field}__renditions", queryset=renditions, to_attr="prefetched_renditions")
    )


def localized(page):
    """The public translation of ``page`` in the visitor's language, else ``page`` itself if
    it is public, else None (a chosen page that is restricted is left out); looked up once
    per request: several parts of a page link to the same one (the privacy statement of
    the question form and of the newsletter signup)."""
    if page is None:
        return None
    return memoize(("localized", page.pk, translation.get_language()), lambda: _localized(page))


def _localized(page):
    return public_translation(page)


def public_translation(page, locale=None):
    """The public translation of ``page`` in ``locale`` (default: the active one), else
    ``page`` itself if it is public, else None."""
    if page is None:
        return None
    locale_id = getattr(locale, "pk", locale) or Locale.get_active().pk
    if page.locale_id != locale_id:
        translated = page.get_translation_or_none(locale_id)
        if translated is not None and is_public(translated):
            return translated
    return page if is_public(page) else None
