"""The newsletter page in both languages (/nl/nieuwsbrief/, /en/newsletter/)."""

from demo.utils import ensure_child, ensure_translation, rich
from newsletter.models import NewsletterPage

INTRO_NL = (
    "Eens per maand het belangrijkste nieuws, onderzoek en de nieuwste publicaties over "
    "integratie, migratie en diversiteit. Kies de thema's die u interesseren."
)
INTRO_EN = (
    "Once a month the main news, research and latest publications on integration, "
    "migration and diversity. Choose the themes that interest you."
)


def load(home):
    privacy = home.get_children().filter(slug="privacyverklaring").first()
    page = ensure_child(
        home,
        NewsletterPage,
        "nieuwsbrief",
        title="Nieuwsbrief",
        intro=rich(INTRO_NL),
        privacy_page=privacy,
    )
    ensure_translation(page, "en", title="Newsletter", slug="newsletter", intro=rich(INTRO_EN))
    return page
