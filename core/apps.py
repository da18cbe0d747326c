from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Core")

    def ready(self):
        # signal receivers: failed logins count towards the login throttle; changes purge
        # the cached pages they affect; permanent links are issued with their pages
        from core import ratelimit  # noqa: F401
        from core.caching import purge  # noqa: F401
        from core.caching.sitecache import cache_locale_lookups
        from core.permalinks import signals  # noqa: F401

        # kept until the content changes: locales, menus, site settings (core/caching/sitecache.py)
        cache_locale_lookups()
