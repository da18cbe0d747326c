"""Upgrading a database made by the release before the apps were split: nothing is lost.

The partner index and the annual report moved from ``home`` to apps of their own
(``partners``, ``annual_report``). The test rolls the database back to the previous
release's migrations, makes one page of each type there with the historical models, migrates
forward and finds both pages whole, of their new apps' types, still editable and routed.
"""

from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from wagtail.models import Locale, Page

import pytest

from annual_report.models import AnnualReportPage
from partners.models import PartnerIndexPage

PREVIOUS_RELEASE = [
    ("home", "0006_merge_20261126_0137"),
    ("editorial", None),
    ("partners", None),
    ("annual_report", None),
]


def historical_page(apps, app_label, model, root, position, **fields):
    """A page made as the previous release's code would store it."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Locale = apps.get_model("wagtailcore", "Locale")
    content_type, _created = ContentType.objects.get_or_create(app_label=app_label, model=model)
    locale = Locale.objects.get(language_code="nl")
    slug = fields.pop("slug")
    return apps.get_model(app_label, model).objects.create(
        content_type=content_type,
        locale=locale,
        path=f"{root.path}{position:04d}",
        depth=root.depth + 1,
        numchild=0,
        slug=slug,
        url_path=f"{root.url_path}{slug}/",
        draft_title=fields["title"],
        live=True,
        **fields,
    )


@pytest.mark.django_db(transaction=True)
def test_pages_of_the_moved_apps_survive_the_upgrade():
    # (a transactional test before this one may have flushed what the migrations made)
    nl, _created = Locale.objects.get_or_create(language_code="nl")
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root", locale=nl))
    leaves = MigrationExecutor(connection).loader.graph.leaf_nodes()
    try:
        upgrade_a_previous_release_database(leaves)
    finally:
        # whatever happened, the database is left at the current release for the next tests
        MigrationExecutor(connection).migrate(leaves)


def upgrade_a_previous_release_database(leaves):
    MigrationExecutor(connection).migrate(PREVIOUS_RELEASE)
    old = MigrationExecutor(connection).loader.project_state([PREVIOUS_RELEASE[0]]).apps
    root = old.get_model("wagtailcore", "Page").objects.get(depth=1)
    partner_index = historical_page(
        old,
        "home",
        "partnerindexpage",
        root,
        9001,
        title="Partners",
        slug="partners-old",
        intro="Onze partners",
    )
    report = historical_page(
        old,
        "home",
        "annualreportpage",
        root,
        9002,
        title="Jaarbericht",
        slug="jaarbericht-old",
        year=2017,
        intro="Het jaar in cijfers",
    )
    root.numchild += 2
    root.save(update_fields=["numchild"])

    MigrationExecutor(connection).migrate(leaves)

    partner_page = Page.objects.get(pk=partner_index.pk)
    assert partner_page.content_type.app_label == "partners"
    assert isinstance(partner_page.specific, PartnerIndexPage)
    assert partner_page.specific.intro == "Onze partners"
    report_page = AnnualReportPage.objects.get(pk=report.pk)
    assert (report_page.year, report_page.intro) == (2017, "Het jaar in cijfers")
    assert report_page.content_type.app_label == "annual_report"
    # the pages can be edited and saved as their new types
    report_page.intro = "Nieuw"
    report_page.save_revision().publish()
    assert AnnualReportPage.objects.get(pk=report.pk).intro == "Nieuw"
    # no table of the old app is left behind
    tables = connection.introspection.table_names()
    assert "home_partnerindexpage" not in tables
    assert "home_annualreportpage" not in tables
    Page.objects.filter(pk__in=[partner_index.pk, report.pk]).delete()
