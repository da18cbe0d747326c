"""Registrations in the Wagtail admin ("Registrations" menu): per event the list and the
waiting list with counts, a CSV export and a printable attendance list.

Registrations are personal data: only users with the model's permissions see them (the
"Evenementen" group, editorial/groups.py), not the editors who edit the event pages.
"""

from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import View

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton
from wagtail.models import Locale

import django_filters

from core.spreadsheets import csv_response
from events.models import EventPage, Registration


def source_events(request=None):
    """The events registrations belong to: those in the default language, newest first."""
    return EventPage.objects.filter(locale=Locale.get_default()).order_by("-start")


class RegistrationFilterSet(WagtailFilterSet):
    event = django_filters.ModelChoiceFilter(label=_("Event"), queryset=source_events)

    class Meta:
        model = Registration
        fields = ["event", "status"]


def filtered_registrations(request):
    queryset = Registration.objects.filter(anonymised_at__isnull=True).select_related("event")
    return RegistrationFilterSet(request.GET, queryset=queryset).qs


class RegistrationIndexView(IndexView):
    any_permission_required = ["view"]
    template_name = "events/admin/registration_index.html"
    export_url_name = None
    attendance_url_name = None

    def get_base_queryset(self):
        return (
            super().get_base_queryset().filter(anonymised_at__isnull=True).select_related("event")
        )

    @cached_property
    def header_more_buttons(self):
        buttons = super().header_more_buttons
        query = self.request.GET.copy()
        query.pop("p", None)
        suffix = "?" + query.urlencode() if query else ""
        buttons.append(
            HeaderButton(
                _("Export (CSV)"), url=reverse(self.export_url_name) + suffix, icon_name="download"
            )
        )
        if self.request.GET.get("event"):
            buttons.append(
                HeaderButton(
                    _("Attendance list"),
                    url=reverse(self.attendance_url_name) + suffix,
                    icon_name="list-ul",
                )
            )
        return buttons

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        filters = self.request.GET.copy()
        filters.pop("status", None)
        queryset = RegistrationFilterSet(
            filters, queryset=Registration.objects.filter(anonymised_at__isnull=True)
        ).qs
        counts = dict(queryset.values_list("status").annotate(count=Count("pk")).order_by())
        context["status_counts"] = [
            (label, counts.get(value, 0)) for value, label in Registration.Status.choices
        ]
        return context


class RegistrationExportView(PermissionCheckedMixin, View):
    """The filtered registrations as CSV for Dutch Excel (BOM, semicolons, safe cells)."""

    model = Registration
    permission_required = "view"
    columns = [
        (_("Event"), lambda r: r.event.title),
        (_("Status"), lambda r: r.get_status_display()),
        (_("Name"), lambda r: r.name),
        (_("E-mail address"), lambda r: r.email),
        (_("Organisation"), lambda r: r.organisation),
        (_("Role"), lambda r: r.role),
        (_("Dietary or accessibility needs"), lambda r: r.needs),
        (_("Language"), lambda r: r.language),
        (_("Registered"), lambda r: timezone.localtime(r.created_at).isoformat(" ", "minutes")),
    ]

    def get(self, request):
        registrations = filtered_registrations(request).order_by("event", "status", "created_at")
        date = timezone.localdate().isoformat()
        return csv_response(
            f"registrations-{date}.csv",
            [heading for heading, _value in self.columns],
            ([value(item) for _heading, value in self.columns] for item in registrations),
        )


class AttendanceListView(PermissionCheckedMixin, View):
    """A printable list of the confirmed participants of one event, with a column to sign."""

    model = Registration
    permission_required = "view"

    def get(self, request):
        filters = RegistrationFilterSet(request.GET, queryset=Registration.objects.all())
        event = filters.form.cleaned_data.get("event") if filters.form.is_valid() else None
        if event is None:
            return HttpResponse(_("Choose an event first."), status=400)
        participants = Registration.objects.filter(
            event=event, status=Registration.Status.CONFIRMED, anonymised_at__isnull=True
        ).order_by("name")
        return render(
            request,
            "events/admin/attendance_list.html",
            {"event": event, "participants": participants},
        )


class RegistrationViewSet(ModelViewSet):
    model = Registration
    icon = "calendar-alt"
    menu_label = _("Registrations")
    menu_order = 240
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = RegistrationIndexView
    filterset_class = RegistrationFilterSet
    search_fields = ["name", "email", "organisation"]
    list_display = [
        "name",
        "email",
        "organisation",
        Column("event", label=_("Event")),
        "status",
        DateColumn("created_at", label=_("Registered"), sort_key="created_at"),
    ]
    # Places change only through the registrant's link (cancel, accept) so that the waiting
    # list moves up; staff correct the details.
    form_fields = ["name", "email", "organisation", "role", "needs"]
    inspect_view_fields = [
        "event",
        "status",
        "name",
        "email",
        "organisation",
        "role",
        "needs",
        "language",
        "created_at",
        "consent_at",
        "confirmed_at",
        "offered_at",
        "offer_expires_at",
        "cancelled_at",
        "reminder_sent_at",
    ]

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            **{
                "add_url_name": None,
                "export_url_name": self.get_url_name("export"),
                "attendance_url_name": self.get_url_name("attendance"),
                **kwargs,
            }
        )

    def get_urlpatterns(self):
        # No add view: registrations come through the form (staff change or cancel them).
        return [
            pattern
            for pattern in super().get_urlpatterns()
            if getattr(pattern, "name", "") not in ("add",)
        ] + [
            path("export/", self.construct_view(RegistrationExportView), name="export"),
            path("attendance/", self.construct_view(AttendanceListView), name="attendance"),
        ]
