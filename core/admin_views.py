"""Admin views every app's viewsets build on."""

import datetime

from django.utils.formats import date_format
from django.utils.timezone import localtime

from wagtail.admin.views.generic import InspectView


class LocalTimeInspectView(InspectView):
    """Wagtail's inspect view with dates and times in the site's time zone (Europe/Amsterdam)
    as the listings show them, not in UTC as stored."""

    def get_field_display_value(self, field_name, field):
        value = super().get_field_display_value(field_name, field)
        if isinstance(field.value_from_object(self.object), datetime.datetime) and value:
            moment = field.value_from_object(self.object)
            return date_format(localtime(moment), "DATETIME_FORMAT")
        return value
