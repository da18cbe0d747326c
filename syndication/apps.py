from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SyndicationConfig(AppConfig):
    name = "syndication"
    verbose_name = _("Feeds, open data and API")

    def ready(self):
        # signal receivers: feeds and open data are purged with what they list
        from syndication import purge  # noqa: F401
