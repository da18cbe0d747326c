"""The endpoint the signup forms in the footer and in page bodies post to.

Those forms appear on cached pages, so they carry no CSRF token
(docs/decisions/forms-on-cached-pages.md); this endpoint is exempt and is protected by the
honeypot, the rate limit and the
double opt-in instead: a forged signup only sends a confirmation e-mail.
"""

from django.http import Http404
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from core.ratelimit import rate_limit
from newsletter.models import NewsletterPage
from newsletter.models.pages import RATE_LIMIT_SCOPE


@csrf_exempt
@require_POST
@rate_limit(RATE_LIMIT_SCOPE)
def signup(request):
    page = NewsletterPage.for_active_locale()
    if page is None:
        raise Http404
    return page.handle_signup(request)
