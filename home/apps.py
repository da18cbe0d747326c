from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home")

    def ready(self):
        # signal receivers: feeds, open data and partner pages are purged with what they list
        from home import purge  # noqa: F401
