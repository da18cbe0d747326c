"""Factories of the partner index."""

import wagtail_factories

from partners.models import PartnerIndexPage


class PartnerIndexPageFactory(wagtail_factories.PageFactory):
    title = "Partners"
    slug = "partners"

    class Meta:
        model = PartnerIndexPage
