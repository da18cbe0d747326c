from django.apps import AppConfig
from django.conf import settings
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = _("Editorial team")

    def ready(self):
        from editorial import signals, translation  # noqa: PLC0415 (need the models loaded)

        translation.install()
        post_save.connect(
            signals.dutch_admin_for_new_users,
            sender=settings.AUTH_USER_MODEL,
            dispatch_uid="editorial.dutch_admin_for_new_users",
        )
