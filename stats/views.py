"""The counting beacon: pages served from a cache in front of Django still get counted."""

from django.conf import settings
from django.http import HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from wagtail.models import Page

from core.forms import parse_id
from core.ratelimit import check_rate

from .counting import count_page_view


@csrf_exempt
@never_cache
@require_POST
def hit(request):
    """A page view reported by static/js/stats.js. Always 204: the answer tells nothing.

    No CSRF token (the page may come from a shared cache) and nothing to protect: the same
    rules as for server-side counting apply, and a page already counted when Django served
    it is a repeat that day, so it is not counted twice. A client posting more than
    ``STATS_HIT_RATE_LIMIT`` hits gets 429 and counts nothing.
    """
    if retry_after := check_rate(request, "stats-hit", settings.STATS_HIT_RATE_LIMIT):
        response = HttpResponse(status=429)
        response["Retry-After"] = str(retry_after)
        return response
    page_id = parse_id(request.POST.get("page", ""))
    if page_id is not None and Page.objects.live().filter(pk=page_id).exists():
        count_page_view(request, page_id)
    return HttpResponse(status=204)
