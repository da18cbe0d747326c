from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.site_summary import SummaryItem
from wagtail.admin.widgets import Button

from newsletter import figures
from newsletter.admin_views import NewsletterViewSetGroup
from newsletter.models import NewsletterEditionPage


@hooks.register("register_admin_viewset")
def register_newsletter_menu():
    return NewsletterViewSetGroup()


@hooks.register("register_page_header_buttons")
def mailing_button(page, user, view_name, next_url=None):
    """The way from an edition in the page editor to its mailing screen."""
    if isinstance(page.specific_deferred, NewsletterEditionPage):
        yield Button(
            _("Preview, test and send"),
            url=reverse("newsletter_editions:mailing", args=[page.pk]),
            icon_name="mail",
            priority=5,
        )


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
