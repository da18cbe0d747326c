from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    name = "partners"
    verbose_name = _("Partners")

    def ready(self):
        # signal receivers: the partner pages are purged with what they list
        from partners import signals  # noqa: F401
