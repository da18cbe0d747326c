"""A registrant's personal page, reached through the link in their e-mails.

GET shows the registration (status, the meeting link of an online event once a place is
confirmed) with buttons; only a POST cancels or accepts an offered place: mail scanners
that follow links must not cancel anyone. The page is never cached (it is personal and its
forms carry a CSRF token).
"""

from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_http_methods

from core.ratelimit import check_rate, too_many_requests
from events import registrations
from events.models import Registration

ACTIONS = {"cancel": registrations.cancel, "accept": registrations.accept_offer}


@require_http_methods(["GET", "HEAD", "POST"])
def registration(request, token):
    registration = get_object_or_404(
        Registration.objects.select_related("event"), token=token, anonymised_at__isnull=True
    )
    done = None
    if request.method == "POST":
        retry_after = check_rate(request, "event-registration-change")
        if retry_after:
            return too_many_requests(request, retry_after)
        action = request.POST.get("action")
        if action in ACTIONS:
            ACTIONS[action](registration)
            return redirect(f"{request.path}?done={action}")
    else:
        done = request.GET.get("done") if request.GET.get("done") in ACTIONS else None
    registration.refresh_from_db()
    event = registrations.event_in_language(registration.event, registration.language)
    Status = Registration.Status
    response = render(
        request,
        "events/registration.html",
        {
            "registration": registration,
            "event": event,
            "done": done,
            "Status": Status,
            "online_url": event.online_url
            if registration.status == Status.CONFIRMED and event.is_online and not event.is_past
            else "",
        },
    )
    add_never_cache_headers(response)
    return response
