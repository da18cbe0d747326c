"""Load the demo content (idempotent): `python manage.py load_demo_content`.

Builds the site from the facts of the 2017 annual report; a second run changes nothing.
Ends with the search index and the references index up to date.
"""

from django.apps import apps
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from wagtail.models import Site

from demo import (
    annual_report,
    dossiers,
    events,
    home_page,
    newsletter,
    partners,
    questions,
    site,
    themes,
)
from demo.utils import ensure_header_link
from editorial.groups import setup_editorial


class Command(BaseCommand):
    help = "Load the demo content built from the 2017 annual report (safe to run again)."

    def handle(self, *args, **options):
        with transaction.atomic():
            home = site.load()
            load_content(home)
            # the questions link to the themes, publications and partners loaded before
            ensure_header_link(questions.load(home), position=3)
            ensure_header_link(newsletter.load(home))
            ensure_header_link(annual_report.load(home))
            # the groups' permissions on the English home page and the feature sections
            setup_editorial(apps)
        # Wagtail keeps the sites' root paths (one per language) in Django's cache and does
        # not drop them when a translation of a home page is added: with Redis, English URLs
        # were None for every process until that entry expired.
        Site.clear_site_root_paths_cache()
        verbosity = options["verbosity"]
        call_command("update_index", verbosity=0)
        call_command("rebuild_references_index", verbosity=0)
        if verbosity:
            self.stdout.write(self.style.SUCCESS("Demo content loaded."))


def load_content(home):
    """Themes, projects, testimonials, partners, publications, the refugee dossier and the
    agenda."""
    partner_by_slug, partner_index = partners.load(home)
    theme_by_slug = themes.ensure_themes(home)
    library, publications = dossiers.ensure_library(home, theme_by_slug)
    projects = themes.ensure_projects(theme_by_slug, partner_by_slug, publications)
    themes.ensure_testimonials(theme_by_slug)
    dossier = dossiers.ensure_dossier(home, theme_by_slug, publications, projects)
    home_page.ensure_home_sections(home, dossier)
    theme_index = theme_by_slug["nieuwe-migratie"].get_parent()
    for position, page in enumerate([theme_index, dossier.get_parent(), library, partner_index]):
        ensure_header_link(page, position)
    ensure_header_link(events.load(home, theme_by_slug, projects, partner_by_slug))
