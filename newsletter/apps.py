from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsletterConfig(AppConfig):
    name = "newsletter"
    verbose_name = _("Newsletter")

    def ready(self):
        from anymail.signals import tracking

        from newsletter.tracking import record_event

        tracking.connect(record_event, dispatch_uid="newsletter.tracking")
