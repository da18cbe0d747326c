"""New staff get the admin in Dutch, whatever their browser's language (they may change it
under Account → Language)."""

from django.conf import settings

from wagtail.users.models import UserProfile


def dutch_admin_for_new_users(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        UserProfile.objects.get_or_create(
            user=instance, defaults={"preferred_language": settings.LANGUAGE_CODE}
        )
