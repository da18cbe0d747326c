"""Production: refuses to start without SECRET_KEY; HTTPS behaviour is switched by HTTPS=true."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import DATABASES, LOGGING, STORAGES
from .env import env, env_bool, env_int

SECRET_KEY = env("SECRET_KEY")
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set in the environment in production.")
DEBUG = False

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Persistent connections, checked before each request: after a database outage the next
# request reconnects, without a restart.
DATABASES["default"]["CONN_MAX_AGE"] = env_int("DATABASE_CONN_MAX_AGE", 60)
LOGGING["handlers"]["console"]["formatter"] = env("LOG_FORMAT", "json")

# Error reports to Sentry when SENTRY_DSN is set (optional dependency: pip install
# '.[sentry]'); without personal data.
if env("SENTRY_DSN"):
    import sentry_sdk

    from core.operations.logging import scrub_sentry_event

    sentry_sdk.init(
        dsn=env("SENTRY_DSN"),
        environment=env("SENTRY_ENVIRONMENT", "production"),
        send_default_pii=False,
        traces_sample_rate=0.0,
        before_send=scrub_sentry_event,
    )

STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

HTTPS = env_bool("HTTPS", True)
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000 if HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
if env_bool("BEHIND_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Wagtail's preview panel frames the site's own pages, so frames stay allowed from the same
# origin (SAMEORIGIN and CSP frame-ancestors 'self', base.py) rather than DENY.
SILENCED_SYSTEM_CHECKS = ["security.W019"]
