"""The test suite: fast hashing, e-mail kept in memory, tasks run immediately."""

from .base import *  # noqa: F403

SECRET_KEY = "test-only-key"  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
WAGTAILADMIN_BASE_URL = "http://testserver"
TEMPLATES[0]["DIRS"] = [*TEMPLATES[0]["DIRS"], BASE_DIR / "tests" / "templates"]  # noqa: F405
# Static files straight from the source folders (no collectstatic before the tests).
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Pages are cached only in the tests of the page cache (tests/test_caching.py).
PAGE_CACHE_SECONDS = 0
SEARCH_CACHE_SECONDS = 0
# What every page shows is kept across requests, as in production (core/caching/sitecache.py).
SITE_CACHE_SECONDS = 86400
# The mail provider's webhooks (newsletter/tracking.py) are tested with this basic-auth secret.
ANYMAIL = {"WEBHOOK_SECRET": "webhook-user:webhook-secret"}
ANYMAIL_TRACKING_PROVIDER = "postmark"
NEWSLETTER_SEND_RATE = 0
