"""The subscribers list in the Wagtail admin ("Nieuwsbrief" menu).

Only users with the ``view`` permission on subscribers (the "Nieuwsbrief" group) see the list
and addresses; ``change`` allows a manual unsubscribe, ``delete`` the GDPR erasure. Audit-log
entries name a subscriber by number, never by address, so erasure leaves no trace of it.
"""

from django.contrib.admin.utils import quote
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import View

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import DeleteView, IndexView, InspectView
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton, MenuItem
from wagtail.log_actions import log

import django_filters

from core import csv_writer
from core.csv_writer import csv_response
from newsletter import figures, subscriptions
from newsletter.forms import source_themes
from newsletter.models import Subscriber


class SubscriberFilterSet(WagtailFilterSet):
    topics = django_filters.ModelChoiceFilter(
        label=_("Topic"), queryset=lambda request: source_themes()
    )

    class Meta:
        model = Subscriber
        fields = ["status", "language"]


class SubscriberIndexView(IndexView):
    any_permission_required = ["view"]
    queryset = Subscriber.objects.prefetch_related("topics")
    template_name = "newsletter/admin/subscriber_index.html"
    export_url_name = None
    unsubscribe_url_name = None

    @cached_property
    def header_more_buttons(self):
        buttons = super().header_more_buttons
        query = self.request.GET.copy()
        query.pop("p", None)
        buttons.append(
            HeaderButton(
                _("Export confirmed subscribers (CSV)"),
                url=reverse(self.export_url_name) + ("?" + query.urlencode() if query else ""),
                icon_name="download",
            )
        )
        return buttons

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if instance.status != Subscriber.Status.UNSUBSCRIBED and self.user_has_permission("change"):
            buttons.append(
                MenuItem(
                    _("Unsubscribe"),
                    url=reverse(self.unsubscribe_url_name, args=(quote(instance.pk),)),
                    icon_name="cross",
                    priority=25,
                )
            )
        return buttons

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        counts = figures.counts_by_status()
        context["status_counts"] = [
            (label, counts[value]) for value, label in Subscriber.Status.choices
        ]
        return context


class SubscriberInspectView(InspectView):
    any_permission_required = ["view"]

    def get_consent_version_display_value(self):
        return f"{self.object.consent_version}: {self.object.consent_text}"


class SubscriberEraseView(DeleteView):
    """Delete = GDPR erasure: the subscriber and the newsletter e-mails stored for them."""

    success_message = _("The subscriber has been erased.")

    @property
    def confirmation_message(self):
        return _(
            "Erase %(email)s? The subscriber and every newsletter e-mail stored for this "
            "address are deleted for good."
        ) % {"email": self.object.email}

    def delete_action(self):
        log(
            instance=self.object,
            action="wagtail.delete",
            user=self.request.user,
            title=self.object.log_title,
            deleted=True,
        )
        subscriptions.erase(Subscriber.objects.filter(pk=self.object.pk))


class SubscriberUnsubscribeView(DeleteView):
    """Manual unsubscribe on the subscriber's request (the record stays, as unsubscribed)."""

    permission_required = "change"
    page_title = _("Unsubscribe")
    template_name = "newsletter/admin/confirm_unsubscribe.html"
    success_message = _("The subscriber has been unsubscribed.")

    @property
    def confirmation_message(self):
        return _("Unsubscribe %(email)s from the newsletter?") % {"email": self.object.email}

    def delete_action(self):
        self.object.unsubscribe()
        log(
            instance=self.object,
            action="newsletter.unsubscribe",
            user=self.request.user,
            title=self.object.log_title,
        )


class SubscriberExportView(PermissionCheckedMixin, View):
    """Confirmed subscribers as CSV for Excel: UTF-8 with BOM, semicolons (Dutch Excel).

    The list's filters (language, topic) apply; the status is always "confirmed".
    """

    model = Subscriber
    permission_required = "view"
    columns = [
        (_("E-mail address"), lambda s: s.email),
        (_("Name"), lambda s: s.name),
        (_("Language"), lambda s: s.language),
        (_("Topics"), lambda s: s.topic_titles()),
        (_("Confirmed"), lambda s: timezone.localtime(s.confirmed_at).isoformat(" ", "seconds")),
        (_("Consent text version"), lambda s: s.consent_version),
    ]

    def get_queryset(self):
        filters = self.request.GET.copy()
        filters.pop("status", None)
        queryset = SubscriberFilterSet(filters, queryset=Subscriber.objects.all()).qs
        confirmed = queryset.filter(status=Subscriber.Status.CONFIRMED)
        return confirmed.prefetch_related("topics").order_by("email")

    def get(self, request):
        date = timezone.localdate().isoformat()
        response = csv_response(f"subscribers-{date}.csv")
        writer = csv_writer.writer(response, delimiter=";")
        writer.writerow([heading for heading, _value in self.columns])
        for subscriber in self.get_queryset():
            writer.writerow([value(subscriber) for _heading, value in self.columns])
        return response


class SubscriberViewSet(ModelViewSet):
    model = Subscriber
    icon = "user"
    menu_label = _("Subscribers")
    index_view_class = SubscriberIndexView
    inspect_view_class = SubscriberInspectView
    delete_view_class = SubscriberEraseView
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = [
        "email",
        "name",
        "status",
        Column("topic_titles", label=_("Topics")),
        Column("language", label=_("Language"), accessor="get_language_display"),
        DateColumn("created_at", label=_("Signed up"), sort_key="created_at"),
        DateColumn("confirmed_at", label=_("Confirmed"), sort_key="confirmed_at"),
    ]
    filterset_class = SubscriberFilterSet
    search_fields = ["email", "name"]
    inspect_view_fields = [
        "email",
        "name",
        "language",
        "topics",
        "status",
        "created_at",
        "consent_given_at",
        "consent_version",
        "consent_source",
        "confirmed_at",
        "unsubscribed_at",
    ]

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            **{
                "add_url_name": None,
                "edit_url_name": None,
                "export_url_name": self.get_url_name("export"),
                "unsubscribe_url_name": self.get_url_name("unsubscribe"),
                **kwargs,
            }
        )

    @property
    def unsubscribe_view(self):
        return self.construct_view(
            SubscriberUnsubscribeView,
            **self.get_delete_view_kwargs(delete_url_name=self.get_url_name("unsubscribe")),
        )

    @property
    def export_view(self):
        return self.construct_view(SubscriberExportView)

    def get_urlpatterns(self):
        # Not the add, edit and copy views: subscribers come only through the signup form.
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<str:pk>/", self.inspect_view, name="inspect"),
            path("delete/<str:pk>/", self.delete_view, name="delete"),
            path("unsubscribe/<str:pk>/", self.unsubscribe_view, name="unsubscribe"),
            path("history/<str:pk>/", self.history_view, name="history"),
            path("history-results/<str:pk>/", self.history_results_view, name="history_results"),
            path("usage/<str:pk>/", self.usage_view, name="usage"),
            path("export/", self.export_view, name="export"),
        ]


class NewsletterViewSetGroup(ViewSetGroup):
    menu_label = _("Newsletter")
    menu_icon = "mail"
    items = [SubscriberViewSet("newsletter_subscribers", url_prefix="newsletter/subscribers")]
