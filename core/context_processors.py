from django.conf import settings

from core.models import Navigation


def site_context(request):
    """The navigation of the active locale and the site name, for every template."""
    return {
        "navigation": Navigation.shown(),
        "site_name": settings.WAGTAIL_SITE_NAME,
    }
