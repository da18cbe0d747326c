from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Core")

    def ready(self):
        # signal receivers: failed logins count towards the login throttle; changes purge
        # the cached pages they affect; permanent links are issued with their pages
        from core import ratelimit  # noqa: F401
        from core.admin_labels import label_link_chooser_fields
        from core.caching import purge  # noqa: F401
        from core.caching.sitecache import site_cached
        from core.compat import keep_locale_lookups
        from core.permalinks import signals  # noqa: F401

        # locales kept until the content changes, like menus and site settings
        # (core/caching/sitecache.py; the patch itself is in core/compat.py)
        keep_locale_lookups(site_cached)
        # Wagtail's link chooser fields have no translatable label of their own
        label_link_chooser_fields()
