from django import template
from django.conf import settings
from django.db.models import Q
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from core.caching.fragments import shared
from core.caching.requestcache import memoize
from core.documents import in_private_collection
from core.listings import localized, public
from core.permalinks.share_images import HEIGHT, WIDTH, share_image_digest
from core.structured_data import json_ld

register = template.Library()


class SharedFragmentNode(template.Node):
    child_nodelists = ("nodelist",)

    def __init__(self, name, key, nodelist):
        self.name, self.key, self.nodelist = name, key, nodelist

    def render(self, context):
        def render():
            with context.push():
                return self.nodelist.render(context)

        key = self.key.resolve(context, ignore_failures=True)
        if key is None or key == "":
            return render()
        return shared(context.get("request"), (self.name, key), render, page=context.get("page"))


@register.tag
def shared_fragment(parser, token):
    """``{% shared_fragment "name" key %}…{% endshared_fragment %}``: a part of a page that
    is the same for every visitor, kept by this process until the content changes
    (core.caching.fragments). ``key`` (a string or tuple, usually ``fragment_key``) is what
    the part depends on besides the language and host; None renders it for this request
    only. Variables set inside stay inside, so the part renders alike kept or not."""
    try:
        _tag, name, key = token.split_contents()
    except ValueError:
        raise template.TemplateSyntaxError(
            "{% shared_fragment %} takes a quoted name and a key"
        ) from None
    if not (name[0] == name[-1] and name[0] in "\"'"):
        raise template.TemplateSyntaxError("{% shared_fragment %}'s name must be quoted")
    nodelist = parser.parse(("endshared_fragment",))
    parser.delete_first_token()
    return SharedFragmentNode(name[1:-1], parser.compile_filter(key), nodelist)


SHARE_RENDITION = f"fill-{WIDTH}x{HEIGHT}"


@register.simple_tag(takes_context=True)
def page_alternates(context, page=None):
    """The page in every language it is published in: [{code, name, url, current}].

    Without a page (e.g. the search page), the current URL translated with Django's
    ``translate_url``. Languages without a public translation are left out, so the language
    switcher never links to a missing page. A sub-page of a routable page (a partner's page)
    gives its own [{code, url}] as ``language_alternates`` in the context.
    """
    request = context["request"]
    current = translation.get_language()
    names = dict(settings.LANGUAGES)
    alternates = []
    if context.get("language_alternates") is not None:
        for item in context["language_alternates"]:
            alternates.append({**item, "name": names.get(item["code"], item["code"])})
    elif page is not None and getattr(page, "pk", None):
        # an alias in another locale is an untranslated copy (wagtail-localize makes them
        # for the parents of a translated page): it shows the source language, skip it
        # and a restricted translation is on no public output (core.listings.is_public)
        # the head and the header both ask (each a part kept on its own): one query
        translations = memoize(
            ("page_alternates", page.pk),
            lambda: list(
                public(page.get_translations(inclusive=True).live())
                .filter(Q(alias_of__isnull=True) | Q(pk=page.pk))
                .select_related("locale")
            ),
        )
        for translated in translations:
            code = translated.locale.language_code
            url = translated.get_url(request)
            if url:
                alternates.append({"code": code, "name": names.get(code, code), "url": url})
    else:
        for code, name in settings.LANGUAGES:
            alternates.append(
                {"code": code, "name": name, "url": translate_url(request.get_full_path(), code)}
            )
    order = [code for code, _name in settings.LANGUAGES]
    alternates.sort(key=lambda item: order.index(item["code"]) if item["code"] in order else 99)
    for item in alternates:
        item["current"] = item["code"] == current
        item["absolute_url"] = request.build_absolute_uri(item["url"])
    return alternates


@register.simple_tag(takes_context=True)
def structured_data(context, page=None):
    """The page's schema.org items as a JSON-LD <script> (core.structured_data).

    Views that are not pages (e.g. a partner's page) put their items in the context as
    ``structured_data_items``.
    """
    items = context.get("structured_data_items")
    if items is None and hasattr(page, "structured_data"):
        items = page.structured_data(context["request"])
    if not items:
        return ""
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(json_ld(items)))  # noqa: S308 (escaped by json_ld)


@register.simple_tag(takes_context=True)
def share_image(context, page):
    """The picture shown when ``page`` is shared: {url, width, height}, or None.

    A 1200×630 rendition of the page's own image (``og_image``) when it has one, else its
    default card with the title drawn on it (core.permalinks.share_images, served by /share-image/).
    A page not saved yet (the preview of a new page) has no card yet: None.
    """
    request = context["request"]
    image = getattr(page, "og_image", None)
    if image is not None:
        rendition = image.get_rendition(SHARE_RENDITION)
        url = request.build_absolute_uri(rendition.url)
        return {"url": url, "width": rendition.width, "height": rendition.height}
    if not page.pk:
        return None
    path = reverse("share_image", args=[page.pk])
    url = request.build_absolute_uri(f"{path}?v={share_image_digest(page.title)}")
    return {"url": url, "width": WIDTH, "height": HEIGHT}


@register.simple_tag(takes_context=True)
def permalink(context, page):
    """The page's absolute permanent link (/p/<id>/), or None for types without one."""
    return page.get_permalink(context["request"])


@register.filter
def page_numbers(page_obj):
    """The page numbers a pagination shows for ``page_obj``: the first and last two, and
    three either side of the current one, the gaps as the paginator's ellipsis (a listing
    of hundreds of pages does not link every one)."""
    return page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=3, on_ends=2)


@register.filter
def public_document(document):
    """``document``, or None when it is in a private collection: a chosen document that is
    private is left out of public pages (core.documents)."""
    if document is None or in_private_collection(document):
        return None
    return document


@register.filter(name="localized")
def localized_filter(item):
    """The public translation of a chosen page in the visitor's language, else the page
    itself if public, else None; a snippet's translation or itself, whichever is live first,
    else None (core.listings.localized)."""
    if item is None:
        return None
    if hasattr(item, "path") and hasattr(item, "url_path"):
        return localized(item)
    for candidate in (item.localized, item):
        if getattr(candidate, "live", True):
            return candidate
    return None
