"""The 2017 annual report rebuilt as a page, with the figures behind it.

The seed's figures become data where the site can hold them: 223 media mentions (clearly
marked demo records at media.example), followers per channel and daily page views that add
up to the 185,291 site visits, spread over the months like a real year. The 2017 downloads
and views of the publications are recorded on them by the content demo (dossiers.py):
the site did not count in 2017. A
key figure is live when the demo data gives exactly the seed's number, else the seed's
number is typed in (static): what predates the site, such as the 121 answered questions
when the question service's demo holds fewer.
"""

import datetime

from django.db import transaction

from wagtail.models import Locale, Page

from annual_report.figures import live_figures
from annual_report.models import AnnualReportPage
from demo.utils import ensure_child, ensure_translation, rich
from dossiers.models import DossierPage
from stats.models import DailyPageViews, MediaMention, SocialFollowers
from themes.models import Testimonial, ThemePage

YEAR = 2017
SITE_VISITS = 185_291
MEDIA_MENTIONS = 223
FOLLOWERS = {SocialFollowers.Channel.X: 1936, SocialFollowers.Channel.LINKEDIN: 1147}
DOSSIER_TITLE, DOSSIER_VIEWS = "Dossier vluchtelingen", 9107
# Share of the year's visits per month (quieter in summer and December).
MONTH_WEIGHTS = [8.4, 8.9, 9.4, 8.3, 8.7, 7.9, 6.1, 6.3, 9.0, 9.6, 10.0, 7.4]
OUTLETS = [
    "NOS",
    "Trouw",
    "de Volkskrant",
    "NRC",
    "Binnenlands Bestuur",
    "Movisie Magazine",
    "Het Parool",
    "AD",
    "Radio 1",
    "Sociale Vraagstukken",
]
AUDIENCE = [
    ("maatschappelijke organisaties", "civil-society organisations"),
    ("onderwijs", "education"),
    (
        "beleidsprofessionals lokale/regionale overheid",
        "policy professionals, local and regional government",
    ),
    ("migranten-/vluchtelingenorganisaties", "migrant and refugee organisations"),
    ("onderzoeks-/adviesbureaus", "research and consultancy firms"),
    ("beleidsprofessionals landelijke overheid", "policy professionals, national government"),
    ("politiek/bestuur", "politics and public administration"),
    ("bedrijfsleven", "business"),
    ("studenten", "students"),
    ("media", "media"),
]


def split(total, weights):
    """``total`` in whole parts proportional to ``weights`` (largest remainders get the rest)."""
    exact = [total * weight / sum(weights) for weight in weights]
    parts = [int(value) for value in exact]
    by_remainder = sorted(range(len(exact)), key=lambda i: exact[i] - parts[i], reverse=True)
    for index in by_remainder[: total - sum(parts)]:
        parts[index] += 1
    return parts


def days_of(month):
    first = datetime.date(YEAR, month, 1)
    following = datetime.date(YEAR + (month == 12), month % 12 + 1, 1)
    return [first + datetime.timedelta(days=n) for n in range((following - first).days)]


def ensure_followers():
    for channel, followers in FOLLOWERS.items():
        SocialFollowers.objects.get_or_create(
            channel=channel, year=YEAR, defaults={"followers": followers}
        )


def ensure_media_mentions():
    if MediaMention.objects.filter(date__year=YEAR).exists():
        return
    themes = list(ThemePage.objects.filter(locale=Locale.get_default()).order_by("path"))
    MediaMention.objects.bulk_create(
        MediaMention(
            date=datetime.date(YEAR, 1, 1) + datetime.timedelta(days=n * 365 // MEDIA_MENTIONS),
            outlet=OUTLETS[n % len(OUTLETS)],
            title=f"Demovermelding {n + 1}: Kennisplatform in de media",
            url=f"https://media.example/kis-{YEAR}/{n + 1}",
            theme=themes[n % len(themes)] if themes else None,
        )
        for n in range(MEDIA_MENTIONS)
    )


def find_dossier():
    return DossierPage.objects.filter(locale=Locale.get_default(), title=DOSSIER_TITLE).first()


def ensure_daily_visits(home):
    """Daily views of 2017 that add up to the seed's 185,291 site visits.

    The refugee dossier gets its 9,107 views; the rest goes to the other pages of the site
    (publications excepted: their 2017 figures are recorded on them by the content demo).
    """
    if DailyPageViews.objects.filter(day__year=YEAR).exists():
        return
    dossier = find_dossier()
    pages = list(
        Page.objects.live()
        .descendant_of(home.get_parent())
        .filter(depth__gt=1)
        .exclude(content_type__model__in=["publicationpage", "annualreportpage"])
        .exclude(translation_key=dossier.translation_key if dossier else None)
        .order_by("path")
    )
    # The home pages first and heaviest, then every other page alike.
    weights = [40 if page.depth == 2 else 4 for page in pages]
    rows = []
    dossier_per_month = split(DOSSIER_VIEWS if dossier else 0, MONTH_WEIGHTS)
    for month, (total, dossier_views) in enumerate(
        zip(split(SITE_VISITS, MONTH_WEIGHTS), dossier_per_month, strict=True), start=1
    ):
        days = days_of(month)
        targets = [(dossier, dossier_views)] if dossier else []
        targets += zip(pages, split(total - dossier_views, weights), strict=True)
        for page, views in targets:
            for day, count in zip(days, split(views, [1] * len(days)), strict=True):
                if count:
                    rows.append(DailyPageViews(page=page, day=day, count=count))
    DailyPageViews.objects.bulk_create(rows, batch_size=2000)


def number(value, language):
    separator = "." if language == "nl" else ","
    return f"{value:,}".replace(",", separator)


def figure(language, label, seed, live_key="", page=None, source=""):
    """A key figure: live when the site's data gives the seed's number, else typed in."""
    live = live_key in live_figures and live_figures[live_key].compute(YEAR, page) == seed
    return {
        "label": label,
        "number": "" if live else (seed if isinstance(seed, str) else number(seed, language)),
        "live_figure": live_key if live else "",
        "page": page if live else None,
        "frozen": None,
        "source": source,
    }


TEXT = {
    "nl": {
        "title": "Jaarbericht 2017",
        "intro": (
            "2017 was het derde jaar van het kennisplatform: onderzoek, advies, praktische tips "
            "en instrumenten over integratie, migratie en diversiteit. Dit is het jaar in cijfers."
        ),
        "questions": "Uw vragen werden door ons beantwoord",
        "answered": "beantwoorde vragen",
        "complex": "complexe vragen, die leidden tot een (verkennend) onderzoek",
        "themes_heading": "We werkten vanuit 4 thema's aan 19 projecten",
        "projects": "projecten",
        "themes": "thema's",
        "visits_heading": "Sitebezoek",
        "visits": "bezoeken website",
        "publications_heading": "Meest gedownloade en bekeken publicaties",
        "dossier": "keer bekeken: dossier vluchtelingen",
        "audience_heading": "Het publiek van het kennisplatform",
        "reach_heading": "Nieuwsbrief, media en partners",
        "subscribers": "abonnees nieuwsbrief",
        "media": "keer in de media",
        "followers_x": "volgers op X (Twitter)",
        "followers_linkedin": "volgers op LinkedIn",
        "partners": "samenwerkingspartners",
        "partners_text": (
            "We hebben contact met gemeenten, (v)mbo's, hogescholen en universiteiten, "
            "migrantenorganisaties, sociale ondernemers, zorg- en welzijnsorganisaties en "
            "taalscholen, en werken met een deel van hen nauw samen."
        ),
    },
    "en": {
        "title": "Annual report 2017",
        "intro": (
            "2017 was the platform's third year: research, advice, practical tips and tools on "
            "integration, migration and diversity. This is the year in figures."
        ),
        "questions": "We answered your questions",
        "answered": "answered questions",
        "complex": "complex questions, which led to an (exploratory) study",
        "themes_heading": "We worked on 19 projects in 4 themes",
        "projects": "projects",
        "themes": "themes",
        "visits_heading": "Visits to the website",
        "visits": "website visits",
        "publications_heading": "Most downloaded and viewed publications",
        "dossier": "views: refugee dossier",
        "audience_heading": "Who we reached",
        "reach_heading": "Newsletter, media and partners",
        "subscribers": "newsletter subscribers",
        "media": "times in the media",
        "followers_x": "followers on X (Twitter)",
        "followers_linkedin": "followers on LinkedIn",
        "partners": "partner organisations",
        "partners_text": (
            "We are in touch with municipalities, vocational schools, universities, migrant "
            "organisations, social entrepreneurs, care and welfare organisations and language "
            "schools, and work closely with some of them."
        ),
    },
}


def report_body(language):
    text = TEXT[language]
    dossier = find_dossier()
    testimonial = (
        Testimonial.objects.filter(
            person="Sabine de Bruijn", locale__language_code=language
        ).first()
        or Testimonial.objects.filter(person="Sabine de Bruijn").first()
    )

    def heading(value):
        return ("heading", {"text": value, "level": "h2"})

    def figures(*items):
        return ("key_figures", [figure(language, *item) for item in items])

    body = [
        heading(text["questions"]),
        figures(
            (text["answered"], 121, "questions_answered"),
            (text["complex"], 22, "questions_answered_complex"),
        ),
        heading(text["themes_heading"]),
        figures((text["projects"], 19, "projects"), (text["themes"], 4, "themes")),
        ("theme_overview", {"heading": "", "themes": []}),
    ]
    if testimonial:
        body.append(("testimonial", {"testimonial": testimonial}))
    body += [
        heading(text["visits_heading"]),
        figures((text["visits"], SITE_VISITS, "site_visits")),
        ("month_chart", {"heading": "", "series": "visits"}),
    ]
    body += [
        heading(text["publications_heading"]),
        # empty: the most downloaded of the year, from the figures the content demo recorded
        ("publication_figures", {"heading": "", "publications": [], "count": 6}),
    ]
    if dossier:
        body.append(figures((text["dossier"], DOSSIER_VIEWS, "page_views", dossier)))
    body += [
        heading(text["audience_heading"]),
        (
            "audience",
            {
                "heading": "",
                "groups": [
                    {"label": nl if language == "nl" else en, "share": None} for nl, en in AUDIENCE
                ],
                "source": "",
            },
        ),
        heading(text["reach_heading"]),
        figures(
            (text["subscribers"], 7500, "newsletter_subscribers"),
            (text["media"], MEDIA_MENTIONS, "media_mentions"),
            (text["followers_x"], FOLLOWERS["x"], "followers_x"),
            (text["followers_linkedin"], FOLLOWERS["linkedin"], "followers_linkedin"),
            (text["partners"], "25+"),
        ),
        ("paragraph", rich(text["partners_text"])),
    ]
    return body


def ensure_report(home):
    nl, en = TEXT["nl"], TEXT["en"]
    report = ensure_child(
        home,
        AnnualReportPage,
        "jaarbericht-2017",
        title=nl["title"],
        year=YEAR,
        intro=nl["intro"],
        body=report_body("nl"),
    )
    ensure_translation(
        report,
        "en",
        title=en["title"],
        slug="annual-report-2017",
        intro=en["intro"],
        body=report_body("en"),
    )
    return report


@transaction.atomic
def load(home):
    ensure_followers()
    ensure_media_mentions()
    ensure_daily_visits(home)
    return ensure_report(home)
