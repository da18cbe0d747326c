"""Close a year: `python manage.py freeze_annual_report 2017`.

Every live figure on the annual reports of that year (all languages) gets its current number
written into the page as its frozen number, so the report no longer changes. A report with
unpublished changes gets a new draft; otherwise the frozen version is published.
"""

from django.core.management.base import BaseCommand

from annual_report.models import AnnualReportPage


class Command(BaseCommand):
    help = "Freeze the live figures of the annual reports of a year to their current numbers."

    def add_arguments(self, parser):
        parser.add_argument("year", type=int)

    def handle(self, *args, year, **options):
        for report in AnnualReportPage.objects.filter(year=year):
            had_draft = report.has_unpublished_changes
            page = report.get_latest_revision_as_object()
            frozen = page.freeze_live_figures()
            if not frozen:
                continue
            revision = page.save_revision(log_action=True)
            if report.live and not had_draft:
                revision.publish()
            if options["verbosity"]:
                self.stdout.write(f"{page.url_path}: {frozen} figure(s) frozen")
