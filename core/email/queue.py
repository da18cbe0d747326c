"""Queue an e-mail: render it in the recipient's language, store it, deliver after commit.

Usage from any app::

    queue_email(
        to="a@example.org", purpose="newsletter-confirm", language="nl",
        template="newsletter/emails/confirm", context={"url": ...},
    )

renders ``<template>_subject.txt``, ``<template>.txt`` and ``<template>.html`` (the HTML
version extends ``emails/base.html``, the shared frame with the institute's name and address,
in the recipient's language: ``LANGUAGE_CODE`` is in every e-mail's context). ``headers`` are
extra message headers, stored with the e-mail (e.g. ``List-Unsubscribe``). ``attachments``
are text files sent with it, ``(filename, content, mimetype)`` each (e.g. a calendar file),
stored with the e-mail so that a retry sends them too.
"""

from django.conf import settings
from django.db import transaction
from django.template import Context
from django.template.loader import get_template, render_to_string
from django.utils import translation

from core.email.tasks import deliver_email
from core.models import OutgoingEmail


def render_plain_text(template_name, context):
    """Render a .txt template without HTML escaping ("&" stays "&")."""
    return get_template(template_name).template.render(Context(context, autoescape=False))


def queue_email(*, to, purpose, template, context, language=None, headers=None, attachments=()):
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    context = {
        **context,
        "LANGUAGE_CODE": language,
        "institute_name": settings.WAGTAIL_SITE_NAME,
        "institute_address": settings.INSTITUTE_ADDRESS,
        "base_url": settings.WAGTAILADMIN_BASE_URL,
    }
    with translation.override(language):
        subject = " ".join(render_plain_text(f"{template}_subject.txt", context).split())
        text_body = render_plain_text(f"{template}.txt", context)
        html_body = render_to_string(f"{template}.html", context)
    email = OutgoingEmail.objects.create(
        to=to,
        subject=subject[:255],
        text_body=text_body,
        html_body=html_body,
        purpose=purpose,
        headers=headers or {},
        attachments=[
            {"filename": filename, "content": content, "mimetype": mimetype}
            for filename, content, mimetype in attachments
        ],
    )
    transaction.on_commit(lambda: deliver_email.enqueue(email.pk))
    return email
