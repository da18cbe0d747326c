from django import template
from django.urls import reverse

from newsletter import figures
from newsletter.models import NewsletterPage

register = template.Library()


@register.simple_tag(takes_context=True)
def newsletter_signup(context, placement):
    """The signup form for the footer or a page body, posting to the CSRF-free endpoint.

    None when there is no newsletter page in this language, and on the newsletter page
    itself (it has its own form). ``placement`` keeps the field ids unique on a page.
    """
    current = context.get("page")
    if isinstance(current, NewsletterPage):
        return None
    page = NewsletterPage.for_active_locale()
    if page is None:
        return None
    request = context["request"]
    return {
        "form": page.signup_form(initial={"source": request.path}, auto_id=f"{placement}-%s"),
        "action": reverse("newsletter_signup"),
        "placement": placement,
        "newsletter_page": page,
    }


@register.simple_tag
def confirmed_subscriber_count():
    """``{% confirmed_subscriber_count as subscribers %}``: confirmed subscribers now."""
    return figures.confirmed_count()
