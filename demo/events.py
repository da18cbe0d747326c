"""The agenda in both languages (/nl/agenda/, /en/events/): the events the 2017 report names,
linked to their themes, projects and partners, and three upcoming ones.

The report gives no dates or numbers of participants: the 2017 dates are plausible ones of
our own and ``participants`` is left empty. The upcoming events are dated relative to the
day the demo content is first loaded (a later run leaves them as they are).
"""

import datetime

from django.utils import timezone

from demo.themes import project_slug
from demo.utils import ensure_child, ensure_translation, paragraphs
from events.choices import TIME_ZONE
from events.models import EventIndexPage, EventPage

INDEX = {
    "nl": (
        "Agenda",
        "agenda",
        "Seminars, werksessies en trainingen: hier delen we kennis met beleid en praktijk.",
    ),
    "en": (
        "Events",
        "events",
        "Seminars, work sessions and trainings where we share knowledge with policy and practice.",
    ),
}

VENUE = ("Kennisplatform Integratie & Samenleving", "Catharijnesingel 47\n3511 GC Utrecht")

# (slug, kind, start (Dutch time), hours, theme slug, project title, partner slugs,
#  Dutch title and summary, English title and summary, audience in Dutch and English)
EVENTS_2017 = [
    (
        "seminar-turkse-spanningen",
        "seminar",
        datetime.datetime(2017, 11, 23, 13, 30),
        4,
        "sociale-stabiliteit",
        None,
        ["isbo"],
        (
            "Seminar Turkse spanningen",
            "Hoe kunnen Turkse Nederlanders beter omgaan met onderlinge verschillen en zich "
            "op de toekomst in Nederland richten? Een seminar voor beleidsmakers en andere "
            "geïnteresseerden, op vraag van Stichting ISBO.",
        ),
        (
            "Seminar on Turkish tensions",
            "How can Turkish Dutch people deal better with differences among themselves and "
            "look to their future in the Netherlands? A seminar for policy makers and others, "
            "at the request of Stichting ISBO.",
        ),
        ("Beleidsmakers en andere geïnteresseerden", "Policy makers and others interested"),
    ),
    (
        "werksessie-zorg-voor-ongedocumenteerden",
        "work_session",
        datetime.datetime(2017, 10, 12, 14, 0),
        3,
        "inclusie-toegankelijkheid",
        None,
        ["moc-schilderswijk"],
        (
            "Werksessie zorg voor ongedocumenteerden",
            "Hoe verloopt de medisch noodzakelijke zorg voor ongedocumenteerde migranten, in "
            "beleid en in de praktijk? Een werksessie op vraag van MOC Schilderswijk.",
        ),
        (
            "Work session on care for undocumented migrants",
            "How does medically necessary care for undocumented migrants work, in policy and "
            "in practice? A work session at the request of MOC Schilderswijk.",
        ),
        ("Zorgprofessionals en gemeenten", "Care professionals and municipalities"),
    ),
    *(
        (
            f"transitiearena-{number}",
            "meeting",
            datetime.datetime(2017, month, day, 13, 0),
            4,
            "inclusie-toegankelijkheid",
            "Diversiteit in de Transitiearena",
            ["lize", "vng"],
            (
                f"Transitiearena EU-migranten {number}",
                "Gemeenten en organisaties van en voor EU-migranten zoeken met de methode van "
                "de transitiearena naar nieuwe vormen van dialoog en samenwerking.",
            ),
            (
                f"Transition arena on EU migrants {number}",
                "Municipalities and organisations of and for EU migrants look for new forms "
                "of dialogue and cooperation with the transition arena method.",
            ),
            (
                "Gemeenten en organisaties van en voor EU-migranten",
                "Municipalities and organisations of and for EU migrants",
            ),
        )
        for number, (month, day) in enumerate([(3, 9), (5, 18), (9, 14), (11, 9)], start=1)
    ),
    (
        "slotbijeenkomst-transitiearenas",
        "meeting",
        datetime.datetime(2018, 6, 7, 13, 0),
        4,
        "inclusie-toegankelijkheid",
        "Diversiteit in de Transitiearena",
        ["lize", "vng"],
        (
            "Slotbijeenkomst transitiearena's EU-migranten",
            "Na zes transitiearena's delen gemeenten en organisaties van en voor EU-migranten "
            "wat de samenwerking heeft opgeleverd.",
        ),
        (
            "Closing meeting of the transition arenas on EU migrants",
            "After six transition arenas, municipalities and organisations of and for EU "
            "migrants share what their cooperation has brought.",
        ),
        (
            "Gemeenten en organisaties van en voor EU-migranten",
            "Municipalities and organisations of and for EU migrants",
        ),
    ),
    (
        "peertraining-geld-status-en-schulden",
        "training",
        datetime.datetime(2017, 9, 30, 10, 0),
        6,
        "participatie",
        None,
        ["stichting-hindustani"],
        (
            "Peertraining geld, status en schulden",
            "Jongeren leren met elkaar omgaan met geld, status en schulden, om armoede en "
            "schuld uit de taboesfeer te halen.",
        ),
        (
            "Peer training on money, status and debt",
            "Young people learn together how to deal with money, status and debt, to take "
            "poverty and debt out of the taboo sphere.",
        ),
        ("Surinaams-Hindoestaanse jongeren in Den Haag", "Surinamese-Hindustani young people"),
    ),
    (
        "train-de-trainers-armoede-is-geen-schande",
        "training",
        datetime.datetime(2017, 11, 4, 10, 0),
        6,
        "participatie",
        None,
        ["stichting-hindustani"],
        (
            "Train-de-trainers: armoede is geen schande",
            "Jongeren worden zelf trainer, zodat zij de peertraining over geld, status en "
            "schulden aan anderen kunnen geven.",
        ),
        (
            "Train the trainers: poverty is no disgrace",
            "Young people become trainers themselves, so that they can give the peer "
            "training on money, status and debt to others.",
        ),
        ("Jongeren die trainer willen worden", "Young people who want to become trainers"),
    ),
    (
        "workshop-conferentie-antidiscriminatie",
        "conference",
        datetime.datetime(2017, 6, 22, 11, 0),
        2,
        "inclusie-toegankelijkheid",
        "Kennis verspreiden antidiscriminatie",
        ["radar-art1"],
        (
            "Workshop op de conferentie over antidiscriminatie-onderzoek",
            "Een gezamenlijke workshop over wat werkt in de aanpak van discriminatie, met "
            "onder meer de dialoogtafels.",
        ),
        (
            "Workshop at the conference on anti-discrimination research",
            "A joint workshop on what works against discrimination, including the dialogue tables.",
        ),
        ("Onderzoekers en professionals", "Researchers and professionals"),
    ),
]

# Upcoming: (slug, kind, days from today, hour, hours, theme, partner slugs, mode, capacity,
#  Dutch title and summary, English title and summary)
UPCOMING = [
    (
        "seminar-werk-voor-statushouders",
        "seminar",
        21,
        13,
        4,
        "nieuwe-migratie",
        ["divosa", "vng"],
        "in_person",
        60,
        (
            "Seminar: werk voor statushouders",
            "Wat werkt bij de begeleiding van statushouders naar werk? De uitkomsten van de "
            "monitor gemeentelijke regie, besproken met gemeenten en werkgevers.",
        ),
        (
            "Seminar: work for refugees with a residence permit",
            "What works in guiding refugees to work? The findings of the municipal "
            "monitor, discussed with municipalities and employers.",
        ),
    ),
    (
        "webinar-inclusief-communiceren",
        "webinar",
        45,
        15,
        1,
        "inclusie-toegankelijkheid",
        ["saluti", "artikel-1-midden-nederland"],
        "online",
        None,
        (
            "Webinar: inclusief communiceren",
            "Hoe houden gemeenten en instellingen in hun communicatie rekening met de "
            "diversiteit van hun doelgroepen?",
        ),
        (
            "Webinar: inclusive communication",
            "How do municipalities and institutions take the diversity of their audiences "
            "into account when they communicate?",
        ),
    ),
    (
        "training-selecteren-zonder-vooroordelen",
        "training",
        75,
        9,
        7,
        "participatie",
        [],
        "in_person",
        20,
        (
            "Training: selecteren zonder vooroordelen",
            "Een training voor HRM-professionals die discriminatie in de selectieprocedure "
            "willen tegengaan.",
        ),
        (
            "Training: selecting without prejudice",
            "A training for HR professionals who want to prevent discrimination in "
            "recruitment and selection.",
        ),
    ),
]


def ensure_index(home):
    title, slug, intro = INDEX["nl"]
    index = ensure_child(home, EventIndexPage, slug, title=title, intro=intro)
    title, slug, intro = INDEX["en"]
    ensure_translation(index, "en", title=title, slug=slug, intro=intro)
    return index


def ensure_event(index, slug, fields, relations, english):
    event = ensure_child(index, EventPage, slug, **fields)
    if not event.themes.exists():
        event.themes.set(relations["themes"])
        event.projects.set(relations["projects"])
        event.partners.set(relations["partners"])
        event.save_revision().publish()
    title, summary, audience = english
    ensure_translation(
        event, "en", title=title, slug=project_slug(title), summary=summary, audience=audience
    )
    return event


def load(home, themes, projects, partners):
    """The agenda and its events; ``themes``, ``projects`` and ``partners`` are the Dutch
    pages and snippets by slug or title, as the earlier demo steps return them."""
    index = ensure_index(home)
    project_by_title = {project.title: project for items in projects.values() for project in items}
    for slug, kind, start, hours, theme, project, partner_slugs, nl, en, audience in EVENTS_2017:
        start = start.replace(tzinfo=TIME_ZONE)
        ensure_event(
            index,
            slug,
            {
                "title": nl[0],
                "summary": nl[1],
                "kind": kind,
                "start": start,
                "end": start + datetime.timedelta(hours=hours),
                "venue": VENUE[0],
                "address": VENUE[1],
                "audience": audience[0],
                "body": paragraphs(nl[1]),
            },
            {
                "themes": [themes[theme]],
                "projects": [project_by_title[project]] if project else [],
                "partners": [partners[partner] for partner in partner_slugs],
            },
            (en[0], en[1], audience[1]),
        )
    today = timezone.localdate()
    for slug, kind, days, hour, hours, theme, partner_slugs, mode, capacity, nl, en in UPCOMING:
        day = today + datetime.timedelta(days=days)
        start = datetime.datetime.combine(day, datetime.time(hour), tzinfo=TIME_ZONE)
        online = mode == "online"
        ensure_event(
            index,
            slug,
            {
                "title": nl[0],
                "summary": nl[1],
                "kind": kind,
                "start": start,
                "end": start + datetime.timedelta(hours=hours),
                "attendance_mode": mode,
                "venue": "" if online else VENUE[0],
                "address": "" if online else VENUE[1],
                "online_url": "https://meet.example.org/kis-webinar" if online else "",
                "audience": "Gemeenten en professionals",
                "body": paragraphs(nl[1]),
                "registration_open": True,
                "capacity": capacity,
                "registration_deadline": start - datetime.timedelta(days=2),
            },
            {
                "themes": [themes[theme]],
                "projects": [],
                "partners": [partners[partner] for partner in partner_slugs],
            },
            (en[0], en[1], "Municipalities and professionals"),
        )
    return index
