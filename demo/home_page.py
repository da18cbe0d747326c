"""The home page's own content: the key figures of 2017 and the featured dossier."""

from demo.utils import publish
from home.models import HomePageFeaturedDossier

# The figures of the 2017 report: (number, label) in Dutch and English.
KEY_FIGURES = {
    "nl": [
        ("121", "beantwoorde vragen in 2017"),
        ("185.291", "bezoeken aan de website in 2017"),
        ("7.500", "abonnees op de nieuwsbrief"),
        ("223", "keer in de media in 2017"),
        ("19", "projecten in 4 thema's"),
        ("25+", "samenwerkingspartners"),
    ],
    "en": [
        ("121", "questions answered in 2017"),
        ("185,291", "visits to the website in 2017"),
        ("7,500", "newsletter subscribers"),
        ("223", "mentions in the media in 2017"),
        ("19", "projects in 4 themes"),
        ("25+", "partner organisations"),
    ],
}


def ensure_home_sections(home, dossier):
    """Key figures and the featured dossier on the Dutch home page and its translation."""
    for page in home.get_translations(inclusive=True).specific():
        code = page.locale.language_code
        changed = False
        if not page.key_figures:
            page.key_figures = [
                ("figure", {"number": number, "label": label, "source": ""})
                for number, label in KEY_FIGURES[code]
            ]
            changed = True
        if not page.featured_dossiers.exists():
            page.featured_dossiers = [HomePageFeaturedDossier(dossier=dossier)]
            changed = True
        if changed:
            publish(page)
