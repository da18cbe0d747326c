"""The fixed choices of the agenda and its time zone (shared by the models, forms and files)."""

from zoneinfo import ZoneInfo

from django.db import models
from django.utils.translation import gettext_lazy as _

# Events take place in the Netherlands: times are entered, shown and exported in Dutch time.
TIME_ZONE = ZoneInfo("Europe/Amsterdam")


class EventKind(models.TextChoices):
    SEMINAR = "seminar", _("seminar")
    WORK_SESSION = "work_session", _("work session")
    TRAINING = "training", _("training")
    CONFERENCE = "conference", _("conference")
    MEETING = "meeting", _("meeting")
    WEBINAR = "webinar", _("webinar")


class EventStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("takes place")
    POSTPONED = "postponed", _("postponed")
    CANCELLED = "cancelled", _("cancelled")


class AttendanceMode(models.TextChoices):
    IN_PERSON = "in_person", _("in person")
    ONLINE = "online", _("online")
    MIXED = "mixed", _("in person and online")
