from django.apps import AppConfig
from django.conf import settings
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _

from wagtail.signals import workflow_approved

APPROVAL_EMAIL = "workflow_state_approved_email_notification"


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = _("Editorial team")

    def ready(self):
        from wagtail.models import WorkflowState  # noqa: PLC0415 (models needed)

        from editorial import approval, signals, translation  # noqa: PLC0415

        translation.install()
        # Wagtail's approval e-mail replaced by the same with the moderator's comment (the
        # same dispatch_uid: whichever app is ready first, only one of the two is connected).
        workflow_approved.disconnect(sender=WorkflowState, dispatch_uid=APPROVAL_EMAIL)
        workflow_approved.connect(
            approval.approval_notifier,
            sender=WorkflowState,
            dispatch_uid=APPROVAL_EMAIL,
        )
        post_save.connect(
            signals.dutch_admin_for_new_users,
            sender=settings.AUTH_USER_MODEL,
            dispatch_uid="editorial.dutch_admin_for_new_users",
        )
