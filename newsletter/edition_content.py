"""What an edition shows, as sections: the same for its e-mail and its web page.

A chosen page gives its title, summary, image and link in the edition's language; the
"latest" block lists what was first published since the previous edition was sent. Every
URL is absolute (an e-mail has no base URL).
"""

import html
import re
from dataclasses import dataclass, field
from datetime import timedelta

from django.apps import apps
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator

from wagtail.rich_text import expand_db_html

from core.listings import published
from newsletter.edition_blocks import featured_models, page_in_locale

SUMMARY_LENGTH = 240
IMAGE_SPEC = "fill-560x280"
LATEST_DEFAULT_PERIOD = timedelta(days=31)  # for the first edition: the last month


@dataclass
class Section:
    kind: str  # "text", "pages" or "call_to_action"
    heading: str = ""
    html: str = ""
    text: str = ""
    items: list = field(default_factory=list)
    url: str = ""


def absolute(root, url):
    return root + url if url.startswith("/") else url


def absolute_urls(root, markup):
    """Every root-relative href and src of ``markup`` made absolute (mail has no base URL)."""
    return re.sub(r'(href|src)="/(?!/)', rf'\1="{root}/', markup)


def html_to_text(markup):
    """Readable plain text of rich text: paragraphs kept, links followed by their URL."""
    markup = re.sub(r'<a [^>]*href="([^"]+)"[^>]*>(.*?)</a>', r"\2 (\1)", markup, flags=re.S)
    markup = re.sub(r"</(p|h2|h3|li)>|<br\s*/?>", "\n", markup)
    markup = re.sub(r"<li[^>]*>", "- ", markup)
    lines = (html.unescape(strip_tags(line)).strip() for line in markup.splitlines())
    return "\n".join(line for line in lines if line).strip()


def page_item(page, root):
    image = page.og_image
    item = {
        "title": page.title,
        "summary": Truncator(" ".join(page.summary_text.split())).chars(SUMMARY_LENGTH),
        "url": page.get_full_url(),
        "image_url": "",
        "image_alt": "",
    }
    if image is not None:
        item["image_url"] = absolute(root, image.get_rendition(IMAGE_SPEC).url)
        item["image_alt"] = image.default_alt_text or page.title
    return item


def latest_since(edition):
    """When the "latest" block starts: the previous mailing in this language, else a month."""
    previous = (
        apps.get_model("newsletter", "Mailing")
        .objects.filter(edition__locale=edition.locale, started_at__isnull=False)
        .exclude(edition_id=edition.pk)
        .order_by("-started_at")
        .values_list("started_at", flat=True)
        .first()
    )
    if previous:
        return previous
    # a new edition (also an unsaved one in the editor's preview) has no dates yet
    return (edition.first_published_at or timezone.now()) - LATEST_DEFAULT_PERIOD


def latest_pages(edition, count):
    since = latest_since(edition)
    found = []
    for model in featured_models():
        pages = published(model.objects.filter(locale=edition.locale))
        found += pages.filter(first_published_at__gt=since).order_by("-first_published_at")[:count]
    found.sort(key=lambda page: page.first_published_at, reverse=True)
    return found[:count]


def sections(edition, root):
    result = []
    for block in edition.body:
        value = block.value
        if block.block_type == "text":
            markup = absolute_urls(root, expand_db_html(value.source))
            result.append(Section("text", html=markup, text=html_to_text(markup)))
        elif block.block_type in ("pages", "latest"):
            if block.block_type == "pages":
                pages = [page_in_locale(page, edition.locale) for page in value["pages"]]
            else:
                pages = latest_pages(edition, value["count"])
            items = [page_item(page, root) for page in pages if page is not None]
            if items:
                result.append(Section("pages", heading=value["heading"], items=items))
        elif block.block_type == "call_to_action":
            link = value["link"]
            url = absolute(root, link.href())
            result.append(
                Section("call_to_action", heading=value["text"], text=link.text(), url=url)
            )
    return result
