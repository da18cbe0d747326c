from django import template
from django.conf import settings
from django.db.models import Q
from django.urls import translate_url
from django.utils import translation

register = template.Library()


@register.simple_tag(takes_context=True)
def page_alternates(context, page=None):
    """The page in every language it is published in: [{code, name, url, current}].

    Without a page (e.g. the search page), the current URL translated with Django's
    ``translate_url``. Languages without a live translation are left out, so the language
    switcher never links to a missing page.
    """
    request = context["request"]
    current = translation.get_language()
    names = dict(settings.LANGUAGES)
    alternates = []
    if page is not None and getattr(page, "pk", None):
        # an alias in another locale is an untranslated copy (wagtail-localize makes them
        # for the parents of a translated page): it shows the source language, skip it
        translations = (
            page.get_translations(inclusive=True)
            .live()
            .filter(Q(alias_of__isnull=True) | Q(pk=page.pk))
            .select_related("locale")
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
