from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.site_summary import SummaryItem

from newsletter import figures
from newsletter.admin_views import NewsletterViewSetGroup


@hooks.register("register_admin_viewset")
def register_newsletter_menu():
    return NewsletterViewSetGroup()


@hooks.register("register_log_actions")
def register_newsletter_log_actions(actions):
    actions.register_action(
        "newsletter.unsubscribe", _("Unsubscribe"), _("Unsubscribed from the newsletter")
    )


class ConfirmedSubscribersSummaryItem(SummaryItem):
    """The number of confirmed subscribers on the admin dashboard (no addresses: for all)."""

    order = 500
    template_name = "newsletter/admin/summary_item.html"

    def get_context_data(self, parent_context):
        return {"count": figures.confirmed_count()}


@hooks.register("construct_homepage_summary_items")
def add_subscribers_summary_item(request, items):
    items.append(ConfirmedSubscribersSummaryItem(request))
