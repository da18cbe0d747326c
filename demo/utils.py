"""Helpers the demo-content steps share: find-or-create pages and their translations."""

from wagtail.models import DraftStateMixin, Locale, Page
from wagtail.rich_text import RichText

from core.models import Navigation


def rich(*paragraphs):
    return RichText("".join(f"<p>{paragraph}</p>" for paragraph in paragraphs))


def paragraphs(*texts):
    """A StreamField value of text blocks."""
    return [("paragraph", rich(text)) for text in texts]


def publish(page):
    page.save_revision().publish()
    return page


def ensure_child(parent, model, slug, **fields):
    """The live child of ``parent`` with ``slug``; created and published if missing."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    return publish(page)


def ensure_translation(page, language_code, **fields):
    """The page's translation into ``language_code`` with ``fields`` set, published once."""
    locale = Locale.objects.get(language_code=language_code)
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific
    translation = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save()
    return publish(translation)


def ensure_snippet_translation(item, language_code, **fields):
    """The snippet's translation into ``language_code`` with ``fields`` set; created (and
    published, for a snippet with drafts) if missing, else left as it is."""
    locale = Locale.objects.get(language_code=language_code)
    existing = item.get_translation_or_none(locale)
    if existing is not None:
        return existing
    translation = item.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translation, name, value)
    if isinstance(translation, DraftStateMixin):
        translation.live = False
        translation.save()
        translation.save_revision().publish()
    else:
        translation.save()
    return translation


def root_page():
    return Page.get_first_root_node()


def ensure_header_link(page, position=None):
    """A link to ``page`` in the header menu of every locale the page is translated into,
    at ``position`` (default: at the end); left alone where the menu already has it."""
    for translation in page.get_translations(inclusive=True).specific():
        navigation = Navigation.objects.filter(locale_id=translation.locale_id).first()
        if navigation is None:
            continue
        links = list(navigation.header_links.raw_data)
        if any(link["value"].get("page") == translation.pk for link in links):
            continue
        link = {"type": "link", "value": {"page": translation.pk, "url": "", "label": ""}}
        links.insert(len(links) if position is None else position, link)
        navigation.header_links = links
        navigation.save()
