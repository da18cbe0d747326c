"""Admin views every app's viewsets build on."""

import datetime

from django.utils.formats import date_format
from django.utils.timezone import localtime

from wagtail.admin.views.generic import InspectView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin


class LocalTimeInspectView(InspectView):
    """Wagtail's inspect view with dates and times in the site's time zone (Europe/Amsterdam)
    as the listings show them, not in UTC as stored."""

    def get_field_display_value(self, field_name, field):
        value = super().get_field_display_value(field_name, field)
        if isinstance(field.value_from_object(self.object), datetime.datetime) and value:
            moment = field.value_from_object(self.object)
            return date_format(localtime(moment), "DATETIME_FORMAT")
        return value


class AdminScreenMixin(WagtailAdminTemplateMixin):
    """A screen of our own in Wagtail's admin layout, its title shown as the last item of the
    breadcrumbs. Wagtail's header shows only the breadcrumbs (the title is for screen readers),
    so without this a screen reached from the menu is headed "Home". A screen below another
    one names it in ``get_parent_breadcrumbs_items``."""

    def get_parent_breadcrumbs_items(self):
        return []

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            *self.get_parent_breadcrumbs_items(),
            {"url": "", "label": self.get_page_title()},
        ]
