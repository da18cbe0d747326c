"""The agenda's addresses outside the page tree, inside the language prefix: its feeds and
each registrant's personal page."""

from django.urls import path

from events import feeds, views

urlpatterns = [
    *(
        path(f"feeds/agenda/{kind}.xml", feeds.UpcomingEventFeed(kind), name=f"events-{kind}")
        for kind in feeds.FEED_TYPES
    ),
    path("feeds/agenda/agenda.ics", feeds.ical_feed, name="events-ical"),
    path("registration/<uuid:token>/", views.registration, name="event_registration"),
]
