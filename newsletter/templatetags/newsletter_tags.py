from django import template
from django.urls import reverse
from django.utils.functional import SimpleLazyObject

from newsletter import figures
from newsletter.forms import SignupForm
from newsletter.models import NewsletterPage

register = template.Library()


@register.simple_tag(takes_context=True)
def newsletter_signup(context, placement):
    """The signup form for the footer or a page body, posting to the CSRF-free endpoint
    (without its ``source`` field: the template gives the page's path beside it).

    None when there is no newsletter page in this language, and on the newsletter page
    itself (it has its own form). ``placement`` keeps the field ids unique on a page.
    """
    current = context.get("page")
    if isinstance(current, NewsletterPage):
        return None
    choices = NewsletterPage.signup_choices()
    if choices is None:
        return None

    def shown_form():
        form = SignupForm(
            auto_id=f"{placement}-%s",
            privacy_url=choices["privacy_url"],
            topic_choices=choices["topics"],
        )
        # the page it is on is given beside the form, which is the same on every page
        del form.fields["source"]
        return form

    # made only when the form is not already kept rendered (core/caching/fragments.py)
    return {
        "form": SimpleLazyObject(shown_form),
        "action": reverse("newsletter_signup"),
        "placement": placement,
    }


@register.simple_tag
def confirmed_subscriber_count():
    """``{% confirmed_subscriber_count as subscribers %}``: confirmed subscribers now."""
    return figures.confirmed_count()
