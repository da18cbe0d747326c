"""The endpoints outside the newsletter page: signup from other pages, one-click unsubscribe.

The signup forms appear on cached pages, so they carry no CSRF token
(docs/decisions/forms-on-cached-pages.md); that endpoint is exempt and is protected by the
honeypot, the rate limit and the
double opt-in instead: a forged signup only sends a confirmation e-mail.

The unsubscribe endpoint is the address in every e-mail's ``List-Unsubscribe`` header: mail
programs POST ``List-Unsubscribe=One-Click`` to it without session or CSRF token (RFC 8058),
which the signed key in the address authorises; a GET (a person, a link scanner) only gets
the confirmation page.
"""

from django.http import Http404
from django.shortcuts import redirect
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

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


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, key):
    page = NewsletterPage.for_active_locale()
    if page is None:
        raise Http404
    if request.method == "POST":
        return page.handle_unsubscribe(request, key)
    edition = request.GET.get("edition", "")
    query = f"?edition={edition}" if edition.isdecimal() else ""
    return redirect(page.route_url("unsubscribe", key=key) + query)
