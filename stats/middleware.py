"""Counts a page view once Wagtail has served the page successfully (200, HTML)."""

from .counting import count_page_view

PAGE_ATTRIBUTE = "stats_page_id"


def mark_page_for_counting(request, page):
    setattr(request, PAGE_ATTRIBUTE, page.pk)


class PageViewMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        page_id = getattr(request, PAGE_ATTRIBUTE, None)
        if (
            page_id
            and request.method == "GET"
            and response.status_code == 200
            and response.get("Content-Type", "").startswith("text/html")
        ):
            count_page_view(request, page_id)
        return response
