"""Factories of the annual report page."""

import wagtail_factories

from annual_report.models import AnnualReportPage


class AnnualReportPageFactory(wagtail_factories.PageFactory):
    title = "Jaarbericht 2017"
    slug = "jaarbericht-2017"
    year = 2017
    intro = "Het jaar in cijfers."

    class Meta:
        model = AnnualReportPage
