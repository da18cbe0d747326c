"""Template tags of the partner pages."""

from django import template

from wagtail.models import Locale

from core.listings import published
from partners.models import PartnerIndexPage

register = template.Library()


@register.simple_tag(takes_context=True)
def partner_url(context, partner):
    """The URL of ``partner``'s page on the partner index of the active language ('' when the
    language has none). The index is looked up once per request."""
    request = context["request"]
    if not hasattr(request, "partner_index_page"):
        locale = Locale.get_active()
        request.partner_index_page = published(
            PartnerIndexPage.objects.filter(locale=locale)
        ).first()
    index = request.partner_index_page
    return index.partner_url(partner, request) if index else ""
