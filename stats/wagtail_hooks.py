from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .admin_views import StatisticsReportView
from .counting import count_download
from .middleware import mark_page_for_counting
from .models import MediaMention, SocialFollowers

# Late, so that Wagtail's own checks (request method, privacy) answer first: a page or
# document behind a password is not counted when the password form is shown.
LAST = 1000


@hooks.register("before_serve_page", order=LAST)
def count_this_page(page, request, serve_args, serve_kwargs):
    """Mark the page; PageViewMiddleware counts it if it is served with status 200."""
    mark_page_for_counting(request, page)


@hooks.register("before_serve_document", order=LAST)
def count_this_download(document, request):
    """Wagtail's own document URL counts: a partner's direct link to a PDF counts too."""
    if request.method == "GET":
        count_download(request, document.pk)


@hooks.register("register_admin_urls")
def register_statistics_url():
    return [path("statistics/", StatisticsReportView.as_view(), name="stats_report")]


@hooks.register("register_reports_menu_item")
def register_statistics_menu_item():
    return MenuItem(
        _("Statistics"), reverse("stats_report"), name="statistics", icon_name="table", order=50
    )


class MediaMentionViewSet(SnippetViewSet):
    model = MediaMention
    icon = "globe"
    menu_label = _("Media mentions")
    list_display = ["title", "outlet", "date"]
    list_filter = ["date"]
    ordering = ["-date"]


class SocialFollowersViewSet(SnippetViewSet):
    model = SocialFollowers
    icon = "group"
    menu_label = _("Social media followers")
    list_display = ["channel", "year", "followers"]
    list_filter = ["channel", "year"]


class FiguresViewSetGroup(SnippetViewSetGroup):
    items = (MediaMentionViewSet, SocialFollowersViewSet)
    menu_icon = "table"
    menu_label = _("Figures")
    menu_name = "figures"
    menu_order = 250


register_snippet(FiguresViewSetGroup)
