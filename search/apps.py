from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")

    def ready(self):
        # the signal receivers that drop cached search results when content changes
        from search import cache  # noqa: F401
