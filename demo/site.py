"""Locales, the home pages, standard pages, navigation and the site settings."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.contenttypes.models import ContentType

from wagtail.models import Locale, Page, Site

from core.models import Navigation, SiteSettings
from demo.utils import ensure_child, ensure_translation, paragraphs, rich, root_page
from home.models import HomePage, StandardPage

HOME_INTRO_NL = (
    "Kennisplatform Integratie &amp; Samenleving deelt onderzoek, advies, praktische tips en "
    "instrumenten over integratie, migratie en diversiteit, voor professionals, gemeenten "
    "en organisaties die daarmee werken."
)
HOME_INTRO_EN = (
    "The Knowledge Platform Integration &amp; Society shares research, advice, practical tips "
    "and tools on integration, migration and diversity, for professionals, municipalities "
    "and organisations working on them."
)

STANDARD_PAGES = [
    # slug, Dutch title, intro, English slug, English title, intro
    (
        "over-ons",
        "Over ons",
        "Wie we zijn en hoe we werken: onderzoek, advies en kennisdeling sinds 2015.",
        "about-us",
        "About us",
        "Who we are and how we work: research, advice and sharing knowledge since 2015.",
    ),
    (
        "privacyverklaring",
        "Privacyverklaring",
        "Welke gegevens we bewaren als u zich inschrijft of een vraag stelt, en waarom.",
        "privacy-statement",
        "Privacy statement",
        "Which data we keep when you subscribe or ask a question, and why.",
    ),
    (
        "toegankelijkheid",
        "Toegankelijkheidsverklaring",
        "Deze website wil voldoen aan WCAG 2.1 niveau AA. Ziet u een probleem? Laat het ons weten.",
        "accessibility",
        "Accessibility statement",
        "This website aims to meet WCAG 2.1 level AA. Found a problem? Please let us know.",
    ),
    (
        "contact",
        "Contact",
        "Bel, mail of schrijf ons: we helpen u graag verder.",
        "contact",
        "Contact",
        "Call, e-mail or write to us: we are glad to help.",
    ),
]


def ensure_locales():
    for code, _name in settings.LANGUAGES:
        Locale.objects.get_or_create(language_code=code)


def ensure_home():
    """The Dutch home page as the site root (replacing Wagtail's welcome page)."""
    nl = Locale.objects.get(language_code="nl")
    home = HomePage.objects.filter(locale=nl).first()
    if home is None:
        # Wagtail's "Welcome to your new Wagtail site!" page (a plain Page) takes its place.
        Page.objects.filter(depth=2, content_type=ContentType.objects.get_for_model(Page)).delete()
        home = ensure_child(
            root_page(),
            HomePage,
            "home",
            title="Kennisplatform Integratie & Samenleving",
            intro=rich(HOME_INTRO_NL),
            locale=nl,
        )
    base = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    site.hostname = base.hostname or "localhost"
    site.port = base.port or (443 if base.scheme == "https" else 80)
    site.root_page = home
    site.site_name = settings.WAGTAIL_SITE_NAME
    site.save()
    ensure_translation(
        home, "en", title="Knowledge Platform Integration & Society", intro=rich(HOME_INTRO_EN)
    )
    return home


def ensure_standard_pages(home):
    pages = {}
    for slug, title, intro, en_slug, en_title, en_intro in STANDARD_PAGES:
        page = ensure_child(
            home, StandardPage, slug, title=title, intro=intro, body=paragraphs(intro)
        )
        ensure_translation(
            page, "en", title=en_title, slug=en_slug, intro=en_intro, body=paragraphs(en_intro)
        )
        pages[slug] = page
    return pages


def ensure_navigation(pages):
    footer_slugs = ["privacyverklaring", "toegankelijkheid", "contact"]
    for code in ("nl", "en"):
        locale = Locale.objects.get(language_code=code)
        if Navigation.objects.filter(locale=locale).exists():
            continue
        localized = {slug: page.get_translation(locale) for slug, page in pages.items()}
        Navigation.objects.create(
            locale=locale,
            header_links=[("link", {"page": localized["over-ons"], "url": "", "label": ""})],
            footer_links=[
                ("link", {"page": localized[slug], "url": "", "label": ""}) for slug in footer_slugs
            ],
        )


def ensure_site_settings():
    site = Site.objects.get(is_default_site=True)
    site_settings = SiteSettings.for_site(site)
    if not site_settings.email:
        site_settings.address = "Postbus 1\n3500 AA Utrecht"
        site_settings.email = "info@kennisplatform.example"
        site_settings.phone = "030 000 00 00"
        site_settings.save()


def load():
    ensure_locales()
    home = ensure_home()
    pages = ensure_standard_pages(home)
    ensure_navigation(pages)
    ensure_site_settings()
    return home
