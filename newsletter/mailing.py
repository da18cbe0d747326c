"""An edition as an e-mail: its sections, the HTML and plain-text parts, and each message.

The e-mail is rendered once per mailing (``render_edition``): the edition's blocks become
sections (a chosen page gives its title, summary, image and link in the edition's language),
the HTML is a table layout whose stylesheet is inlined by css-inline (mail programs drop
``<style>``), every link and image URL is absolute, and there is no tracking pixel and no
rewritten link. What differs per reader (the greeting, the unsubscribe and preferences links)
is left as placeholders that ``personalise`` fills in: 10,000 messages cost one render.
"""

import html
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext

from wagtail.rich_text import expand_db_html

import css_inline

from core.email.queue import render_plain_text
from newsletter import subscriptions
from newsletter.edition_content import absolute_urls, html_to_text, sections

GREETING = "%%greeting%%"
UNSUBSCRIBE_URL = "%%unsubscribe_url%%"
PREFERENCES_URL = "%%preferences_url%%"

inliner = css_inline.CSSInliner(keep_at_rules=True)


@dataclass
class RenderedEdition:
    subject: str
    html_body: str
    text_body: str


def render_edition(edition):
    """The e-mail of ``edition`` with its per-reader placeholders, in its language."""
    root = edition.get_root_url()
    language = edition.locale.language_code
    with translation.override(language):
        context = {
            "edition": edition,
            "sections": sections(edition, root),
            "intro_html": absolute_urls(root, expand_db_html(edition.intro)),
            "web_url": edition.get_full_url(),
            "greeting": GREETING,
            "unsubscribe_url": UNSUBSCRIBE_URL,
            "preferences_url": PREFERENCES_URL,
            "LANGUAGE_CODE": language,
            "institute_name": settings.WAGTAIL_SITE_NAME,
            "institute_address": settings.INSTITUTE_ADDRESS,
            "base_url": root + "/",
        }
        context["intro_text"] = html_to_text(context["intro_html"])
        markup = render_to_string("newsletter/emails/edition.html", context)
        text = render_plain_text("newsletter/emails/edition.txt", context)
    return RenderedEdition(
        subject=edition.subject, html_body=inliner.inline(markup), text_body=text.strip() + "\n"
    )


class Personaliser:
    """Fills in one reader's greeting and links; the newsletter page is looked up once."""

    def __init__(self, edition):
        self.edition_id = edition.pk
        self.language = edition.locale.language_code
        self.newsletter_page = edition.newsletter_page
        self.newsletter_url = self.newsletter_page.get_full_url()
        host = urlsplit(self.newsletter_url).hostname or "localhost"
        self.list_id = settings.NEWSLETTER_LIST_ID or f"nieuwsbrief.{host}"

    def route_url(self, route, key):
        with translation.override(self.language):
            path = self.newsletter_page.reverse_subpage(route, kwargs={"key": key})
        return self.newsletter_url + path

    def unsubscribe_url(self, subscriber):
        """The unsubscribe link, naming the edition it came from (counted in its report)."""
        return f"{self.route_url('unsubscribe', subscriber.manage_key)}?edition={self.edition_id}"

    def one_click_url(self, subscriber):
        """The address mail programs POST to (RFC 8058), naming the edition too."""
        key = subscriber.manage_key
        url = subscriptions.one_click_unsubscribe_url(self.newsletter_page, self.language, key)
        return f"{url}?edition={self.edition_id}"

    def greeting(self, subscriber):
        with translation.override(self.language):
            if subscriber.name:
                return gettext("Dear %(name)s,") % {"name": subscriber.name}
            return gettext("Dear reader,")

    def fill(self, body, subscriber, escape):
        greeting = self.greeting(subscriber)
        unsubscribe = self.unsubscribe_url(subscriber)
        preferences = self.route_url("preferences", subscriber.manage_key)
        if escape:
            greeting, unsubscribe = html.escape(greeting), html.escape(unsubscribe)
        return (
            body.replace(GREETING, greeting)
            .replace(UNSUBSCRIBE_URL, unsubscribe)
            .replace(PREFERENCES_URL, preferences)
        )

    def message(self, rendered, subscriber, connection=None, delivery_id=None):
        """The message to ``subscriber``: both parts filled in, with the list headers
        (``List-Unsubscribe`` with one-click POST, RFC 8058, and ``List-Id``)."""
        headers = {
            "List-Unsubscribe": f"<{self.one_click_url(subscriber)}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "List-Id": f"{settings.WAGTAIL_SITE_NAME} <{self.list_id}>",
        }
        message = EmailMultiAlternatives(
            subject=rendered.subject,
            body=self.fill(rendered.text_body, subscriber, escape=False),
            from_email=settings.NEWSLETTER_FROM_EMAIL or settings.DEFAULT_FROM_EMAIL,
            to=[subscriber.email],
            headers=headers,
            connection=connection,
        )
        message.attach_alternative(
            self.fill(rendered.html_body, subscriber, escape=True), "text/html"
        )
        # Anymail: no open or click tracking (privacy), and what the provider's reports of
        # bounces and complaints are matched back with (newsletter.tracking).
        message.track_opens = False
        message.track_clicks = False
        message.metadata = {"edition": str(self.edition_id)}
        if delivery_id is not None:
            message.metadata["delivery"] = str(delivery_id)
        return message
