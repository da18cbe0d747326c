"""The agenda: seminars, work sessions, trainings and other events, with registration.

- ``EventIndexPage`` (/agenda/, /en/events/) lists the upcoming events (filters by kind,
  theme and month) and keeps an archive of past events per year (/agenda/2017/).
- ``EventPage`` is one event: when, where, for whom, by whom, and afterwards its report.
  Its registration form lives on a sub-page (aanmelden/, register/) so that the event page
  itself carries no CSRF token and can be cached.
- ``Registration`` is one person's registration (personal data: only the "Evenementen"
  group sees it; anonymised ``EVENT_RETENTION_DAYS`` after the event). The workflow
  (capacity, waiting list, e-mails) is in ``events.registrations``.

Registrations always belong to the event in the default language (the source page): the
English translation of an event shares its places with the Dutch one.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Locale
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from modelcluster.fields import ParentalManyToManyField

from core.blocks import body_blocks
from core.choosers import ChooseManyPanel
from core.listings import chosen, localized_live, published
from core.models import BasePage, Partner, Person
from core.ratelimit import check_rate, too_many_requests
from core.structured_data import organisation, partner_organisation, person
from events import registrations
from events.calendar import calendar_links, event_calendar
from events.choices import TIME_ZONE, AttendanceMode, EventKind, EventStatus
from events.forms import EventFilterForm, RegistrationForm
from events.models.registration import Registration

EVENTS_PER_PAGE = 20
REGISTER_ROUTES = {"nl": "register_nl", "en": "register_en"}
SCHEMA_ORG = "https://schema.org/"


def upcoming(queryset, now=None):
    """Events of ``queryset`` that have not ended, the soonest first."""
    return queryset.filter(end__gte=now or timezone.now()).order_by("start", "pk")


def for_listing(queryset):
    return published(queryset).defer_streamfields()


class EventIndexPage(RoutablePageMixin, BasePage):
    intro = models.TextField(_("introduction"), max_length=600, blank=True)

    summary_field = "intro"
    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1
    page_description = _(
        "The agenda (/agenda/): upcoming events with filters, and the archive of past events."
    )

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = _("agenda")

    def events(self):
        return for_listing(EventPage.objects.child_of(self))

    def themes(self):
        """The live themes in this page's language, for the filter."""
        theme_model = EventPage._meta.get_field("themes").related_model
        return list(
            published(theme_model.objects.filter(locale_id=self.locale_id))
            .defer_streamfields()
            .order_by("title")
        )

    def archive_years(self):
        past = self.events().filter(end__lt=timezone.now())
        return [day.year for day in past.datetimes("start", "year", order="DESC", tzinfo=TIME_ZONE)]

    def upcoming_listing(self, request):
        """One page of the upcoming events, filtered by kind, theme and month (GET)."""
        events = upcoming(self.events())
        months = [
            month.strftime("%Y-%m")
            for month in events.datetimes("start", "month", tzinfo=TIME_ZONE)
        ]
        filters = EventFilterForm(request.GET, themes=self.themes(), months=months)
        if filters.is_valid():
            events = filters.filter(events)
        page_of_events = Paginator(events, EVENTS_PER_PAGE).get_page(request.GET.get("page"))
        return {"filters": filters, "events": page_of_events}

    @path("")
    def upcoming_view(self, request):
        return self.render(request, context_overrides=self.upcoming_listing(request))

    @path("<int:year>/", name="archive")
    def archive_view(self, request, year):
        years = self.archive_years()
        if year not in years:
            raise Http404
        events = (
            self.events().filter(end__lt=timezone.now(), start__year=year).order_by("-start", "-pk")
        )
        return self.render(
            request,
            context_overrides={"year": year, "archive_years": years, "past_events": events},
            template="pages/event_index_page_archive.html",
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.setdefault("archive_years", self.archive_years())
        return context

    def get_cached_paths(self):
        """The listing and each year of the archive: purged when an event changes."""
        return ["/", *(f"/{year}/" for year in self.archive_years())]


class EventPage(RoutablePageMixin, BasePage):
    kind = models.CharField(_("kind"), max_length=20, choices=EventKind.choices)
    summary = models.TextField(_("summary"), max_length=600)
    status = models.CharField(
        _("status"), max_length=10, choices=EventStatus.choices, default=EventStatus.SCHEDULED
    )
    status_reason = models.TextField(
        _("reason"),
        max_length=600,
        blank=True,
        help_text=_("Why the event is cancelled or postponed; shown prominently on the page."),
    )
    start = models.DateTimeField(_("start"), help_text=_("Dutch time (Europe/Amsterdam)."))
    end = models.DateTimeField(_("end"), help_text=_("Dutch time (Europe/Amsterdam)."))
    all_day = models.BooleanField(
        _("all day"), default=False, help_text=_("Show the dates only, without times.")
    )
    attendance_mode = models.CharField(
        _("attendance"),
        max_length=10,
        choices=AttendanceMode.choices,
        default=AttendanceMode.IN_PERSON,
    )
    venue = models.CharField(_("venue"), max_length=255, blank=True)
    address = models.TextField(_("address"), max_length=500, blank=True)
    online_url = models.URLField(
        _("online meeting link"),
        blank=True,
        help_text=_(
            "Never shown on the site: sent only to registered participants (in their "
            "confirmation and reminder e-mails and on their personal registration page)."
        ),
    )
    event_language = models.CharField(
        _("language of the event"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    audience = models.CharField(_("target audience"), max_length=255, blank=True)
    themes = ParentalManyToManyField(
        "themes.ThemePage", blank=True, related_name="events", verbose_name=_("themes")
    )
    projects = ParentalManyToManyField(
        "themes.ProjectPage", blank=True, related_name="events", verbose_name=_("projects")
    )
    partners = ParentalManyToManyField(
        "core.Partner",
        blank=True,
        related_name="events",
        verbose_name=_("organising partners"),
    )
    speakers = ParentalManyToManyField(
        "core.Person", blank=True, related_name="events", verbose_name=_("speakers")
    )
    body = StreamField(body_blocks(), blank=True, verbose_name=_("body"))
    # Afterwards: the report
    report_publication = models.ForeignKey(
        "dossiers.PublicationPage",
        verbose_name=_("resulting publication"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    report_article = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("article about the event"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    slides = ParentalManyToManyField(
        "wagtaildocs.Document", blank=True, related_name="+", verbose_name=_("slides")
    )
    participants = models.PositiveIntegerField(
        _("participants"),
        null=True,
        blank=True,
        help_text=_(
            "The number of people who took part, when they did not register on this site "
            "(the annual report counts the registrations otherwise)."
        ),
    )
    # Registration
    registration_open = models.BooleanField(_("registration through this site"), default=False)
    capacity = models.PositiveIntegerField(
        _("places"), null=True, blank=True, help_text=_("Empty: no limit.")
    )
    waiting_list = models.BooleanField(
        _("waiting list when full"),
        default=True,
        help_text=_("When someone cancels, the first on the list is offered the place by e-mail."),
    )
    registration_deadline = models.DateTimeField(
        _("registration closes"),
        null=True,
        blank=True,
        help_text=_("Empty: registration closes when the event starts."),
    )

    summary_field = "summary"
    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []
    page_description = _(
        "An event (seminar, work session, training …): when, where, for whom, with an "
        "optional registration form and, afterwards, its report."
    )

    content_panels = BasePage.content_panels + [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("event_language")]),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end"), FieldPanel("all_day")]),
                FieldRowPanel([FieldPanel("status"), FieldPanel("status_reason")]),
            ],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("attendance_mode"),
                FieldRowPanel([FieldPanel("venue"), FieldPanel("address")]),
                FieldPanel("online_url"),
            ],
            heading=_("Where"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("audience"),
                ChooseManyPanel("themes"),
                FieldPanel("projects"),
                ChooseManyPanel("partners"),
                ChooseManyPanel("speakers"),
            ],
            heading=_("For whom and by whom"),
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("registration_open"),
                FieldRowPanel(
                    [
                        FieldPanel("capacity"),
                        FieldPanel("waiting_list"),
                        FieldPanel("registration_deadline"),
                    ]
                ),
            ],
            heading=_("Registration"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("report_publication"),
                FieldPanel("report_article"),
                FieldPanel("slides"),
                FieldPanel("participants"),
            ],
            heading=_("Afterwards"),
        ),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("venue"),
        index.FilterField("kind"),
        index.FilterField("start"),
    ]

    # What is the same in every language is kept in step; texts are translated.
    override_translatable_fields = [
        TranslatableField("summary"),
        TranslatableField("status_reason"),
        TranslatableField("audience"),
        TranslatableField("address"),
        SynchronizedField("venue"),
        SynchronizedField("online_url"),
        SynchronizedField("themes"),
        SynchronizedField("projects"),
        SynchronizedField("partners"),
        SynchronizedField("speakers"),
        SynchronizedField("slides"),
    ]

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        indexes = [models.Index(fields=["start"]), models.Index(fields=["end"])]

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The end is before the start.")})
        if self.status != EventStatus.SCHEDULED and not self.status_reason:
            raise ValidationError(
                {"status_reason": _("Say why the event is cancelled or postponed.")}
            )
        if self.attendance_mode != AttendanceMode.IN_PERSON and not self.online_url:
            raise ValidationError(
                {"online_url": _("An online event needs the link participants will use.")}
            )
        if self.registration_deadline and self.start and self.registration_deadline > self.start:
            raise ValidationError(
                {"registration_deadline": _("Registration must close before the event starts.")}
            )

    # When and where

    @property
    def local_start(self):
        return timezone.localtime(self.start, TIME_ZONE)

    @property
    def local_end(self):
        return timezone.localtime(self.end, TIME_ZONE)

    @property
    def is_past(self):
        return self.end < timezone.now()

    @property
    def is_cancelled(self):
        return self.status == EventStatus.CANCELLED

    @property
    def is_online(self):
        return self.attendance_mode != AttendanceMode.IN_PERSON

    @property
    def is_in_person(self):
        return self.attendance_mode != AttendanceMode.ONLINE

    @property
    def location_text(self):
        """Where, in one line (for listings, calendar files and feeds)."""
        parts = [self.venue, " ".join(self.address.split())] if self.is_in_person else []
        if self.is_online:
            parts.append(str(_("online")))
        return ", ".join(part for part in parts if part)

    # Who

    def shown_partners(self):
        return Partner.localize_all(chosen(self.partners).filter(live=True).order_by("name"))

    def shown_speakers(self):
        return Person.localize_all(chosen(self.speakers).order_by("name"))

    def shown_themes(self):
        return localized_live(chosen(self.themes).defer_streamfields().order_by("title"))

    def shown_projects(self):
        return localized_live(chosen(self.projects).defer_streamfields().order_by("title"))

    def report_links(self):
        """(label, URL) of the report: the publication, the article, the slides."""
        links = []
        if self.report_publication_id and self.report_publication.live:
            links.append((_("Publication"), self.report_publication.localized.url))
        if self.report_article_id and self.report_article.live:
            links.append((_("Article"), self.report_article.localized.url))
        links += [(document.title, document.url) for document in chosen(self.slides)]
        return links

    # Registration

    @cached_property
    def source_event(self):
        """The event in the default language, which holds the registrations."""
        default = Locale.get_default()
        if self.locale_id == default.pk:
            return self
        return self.get_translation_or_none(default) or self

    @property
    def registration_closes(self):
        return self.registration_deadline or self.start

    def registration_is_open(self, now=None):
        """Whether the form takes registrations (it still may put people on the waiting list)."""
        return (
            self.registration_open
            and self.status == EventStatus.SCHEDULED
            and (now or timezone.now()) < self.registration_closes
        )

    def register_url(self):
        route = REGISTER_ROUTES.get(self.locale.language_code, REGISTER_ROUTES["nl"])
        return self.url + self.reverse_subpage(route)

    @path("")
    def event_view(self, request):
        return self.render(request)

    @path("aanmelden/", name="register_nl")
    @path("register/", name="register_en")
    def register_view(self, request):
        """The registration form; a POST registers (rate limited, CSRF-protected).

        Whatever the outcome (a place, the waiting list, already registered), the visitor
        sees the same answer: the details come by e-mail, so nobody learns from this page
        whether an address is registered.
        """
        form = RegistrationForm()
        sent = False
        if request.method == "POST" and self.registration_is_open():
            retry_after = check_rate(request, "event-registration")
            if retry_after:
                return too_many_requests(request, retry_after)
            form = RegistrationForm(request.POST)
            if form.is_valid():
                # None: full without a waiting list (the page then says it is full)
                sent = bool(
                    registrations.register(self, form.cleaned_data, self.locale.language_code)
                )
        response = self.render(
            request,
            context_overrides={"form": form, "sent": sent, "full": self.source_is_full()},
            template="pages/event_page_register.html",
        )
        add_never_cache_headers(response)
        return response

    def source_is_full(self):
        source = self.source_event
        if source.capacity is None:
            return False
        return Registration.objects.holding_place(source).count() >= source.capacity

    def get_cached_paths(self):
        return ["/", "/ical/"]

    @path("ical/", name="ics")
    def ics_view(self, request):
        response = HttpResponse(
            event_calendar([self], base_url=self.get_root_url(request)),
            content_type="text/calendar; charset=utf-8",
        )
        response["Content-Disposition"] = f'attachment; filename="{self.slug}.ics"'
        return response

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["partners"] = self.shown_partners()
        context["speakers"] = self.shown_speakers()
        context["shown_themes"] = self.shown_themes()
        context["shown_projects"] = self.shown_projects()
        context["report_links"] = self.report_links()
        context["calendar_links"] = calendar_links(self, request)
        return context

    def structured_data(self, request):
        """A schema.org Event: status, attendance mode, location, organizer, free offer."""
        institute = organisation(request)
        dates = (
            (self.local_start.date(), self.local_end.date())
            if self.all_day
            else (self.local_start, self.local_end)
        )
        statuses = {
            EventStatus.SCHEDULED: "EventScheduled",
            EventStatus.POSTPONED: "EventPostponed",
            EventStatus.CANCELLED: "EventCancelled",
        }
        modes = {
            AttendanceMode.IN_PERSON: "OfflineEventAttendanceMode",
            AttendanceMode.ONLINE: "OnlineEventAttendanceMode",
            AttendanceMode.MIXED: "MixedEventAttendanceMode",
        }
        url = self.get_full_url(request)
        locations = []
        if self.is_in_person:
            locations.append(
                {
                    "@type": "Place",
                    "name": self.venue or self.address,
                    "address": " ".join(self.address.split()) or self.venue,
                }
            )
        if self.is_online:
            # the page, never the meeting link itself (that is for participants only)
            locations.append({"@type": "VirtualLocation", "url": url})
        item = {
            "@type": "Event",
            "name": self.title,
            "description": self.summary,
            "url": url,
            "startDate": dates[0].isoformat(),
            "endDate": dates[1].isoformat(),
            "eventStatus": SCHEMA_ORG + statuses[self.status],
            "eventAttendanceMode": SCHEMA_ORG + modes[self.attendance_mode],
            "location": locations[0] if len(locations) == 1 else locations,
            "inLanguage": self.event_language,
            "isAccessibleForFree": True,
            "organizer": [institute, *map(partner_organisation, self.shown_partners())],
            "offers": {
                "@type": "Offer",
                "price": "0",
                "priceCurrency": "EUR",
                "url": request.build_absolute_uri(self.register_url())
                if self.registration_open
                else url,
                "availability": SCHEMA_ORG
                + ("SoldOut" if self.source_is_full() and not self.waiting_list else "InStock"),
            },
        }
        if self.audience:
            item["audience"] = {"@type": "Audience", "audienceType": self.audience}
        speakers = self.shown_speakers()
        if speakers:
            item["performer"] = [person(speaker.name) for speaker in speakers]
        return [*super().structured_data(request), item]
