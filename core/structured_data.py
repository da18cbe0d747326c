"""schema.org JSON-LD: the pieces every page type builds its ``structured_data()`` from.

Pages return a list of plain dicts (schema.org items); ``json_ld`` serialises them into one
``@graph`` that is safe inside a <script> element: ``<``, ``>`` and ``&`` are escaped as
JSON unicode escapes, as Django's ``json_script`` does, so a title containing
``</script>`` cannot end the element.
"""

import json

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.templatetags.static import static

from wagtail.models import Site

from core.models.settings import SiteSettings

SCHEMA_CONTEXT = "https://schema.org"
JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def json_ld(items):
    """The items as one JSON-LD document, escaped for a <script> element."""
    document = {"@context": SCHEMA_CONTEXT, "@graph": [item for item in items if item]}
    text = json.dumps(document, cls=DjangoJSONEncoder, ensure_ascii=False)
    return text.translate(JSON_SCRIPT_ESCAPES)


def organisation(request, *, detailed=False):
    """The institute as an Organization; ``detailed`` adds its contact details and accounts."""
    site_settings = SiteSettings.for_request(request)
    site = Site.find_for_request(request)
    base = site.root_url if site else settings.WAGTAILADMIN_BASE_URL
    item = {
        "@type": "Organization",
        "@id": f"{base}/#organisation",
        "name": site_settings.organisation_name,
        "url": f"{base}/",
    }
    if not detailed:
        return item
    item["logo"] = base + static("favicon.svg")
    details = {
        "email": site_settings.email,
        "telephone": site_settings.phone,
        "address": " ".join(site_settings.address.split()),
        "sameAs": [url for _name, url in site_settings.social_accounts],
    }
    item.update({key: value for key, value in details.items() if value})
    return item


def partner_organisation(partner):
    item = {"@type": "Organization", "name": partner.name}
    if partner.website:
        item["url"] = partner.website
    return item


def person(name):
    return {"@type": "Person", "name": name}


def breadcrumb_list(trail):
    """A BreadcrumbList of ``trail``: (name, absolute URL) pairs from the home page down."""
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": url}
            for position, (name, url) in enumerate(trail, start=1)
        ],
    }


def page_trail(page, request=None):
    """(title, absolute URL) of the page and its ancestors, from the home page down."""
    ancestors = [*page.breadcrumb_ancestors, page] if page.depth >= 2 else []
    return [(ancestor.title, ancestor.get_full_url(request)) for ancestor in ancestors]
