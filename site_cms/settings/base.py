"""Settings shared by every environment. Values that differ per deployment come from the
environment (docs/environment.md); dev, test and production adjust the rest."""

import zoneinfo
from pathlib import Path

from django.utils.csp import CSP

import dj_database_url

from .env import env, env_bool, env_int, env_list

BASE_DIR = Path(__file__).resolve().parent.parent.parent

SECRET_KEY = env("SECRET_KEY")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # ours, top to bottom (the dependency rule of docs/architecture.md)
    "demo",
    "home",
    "annual_report",
    "syndication",
    "editorial",
    "themes",
    "dossiers",
    "questions",
    "newsletter",
    "search",
    "stats",
    "partners",
    "events",
    "core",
    # wagtail
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.typed_table_block",
    "wagtail.contrib.routable_page",
    "wagtail.api.v2",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_tasks",
    "django_tasks_db",
    "anymail",
    # django
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "core.operations.logging.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "core.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # before anything that reads the session or the database: a cached page is served
    # without either (core/caching/pagecache.py)
    "core.caching.pagecache.PageCacheMiddleware",
    # a memo for the request: what shared templates look up is fetched once
    # (core/caching/requestcache.py)
    "core.caching.requestcache.RequestCacheMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "core.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # finds the page a URL asks for in two queries (core/routing/resolver.py)
    "core.middleware.RouteMiddleware",
    # counts a page view once Wagtail served the page with status 200 (stats/)
    "stats.middleware.PageViewMiddleware",
]

ROOT_URLCONF = "site_cms.urls"
WSGI_APPLICATION = "site_cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
                "wagtail.contrib.settings.context_processors.settings",
                "core.context_processors.site_context",
            ],
        },
    },
]

# Database: SQLite is the embedded default; PostgreSQL in production and for the tests.
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Required by Wagtail's PostgreSQL search (postgres.E005) and trigram matching.
    INSTALLED_APPS.append("django.contrib.postgres")
    # An unreachable database fails fast (503, core.operations.views.server_error), not hanging.
    DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = 5
# SQLite (the embedded default): a writer waits for another instead of failing with "database
# is locked" (a preview and an autosave of the same page write at once). IMMEDIATE takes the
# write lock when a transaction starts, so two transactions never deadlock on upgrading it.
# Write-ahead logging: readers in other processes are not blocked by a writer, and a commit
# (a search counted, a page view) costs no flush to disk until a checkpoint; a power cut may
# lose the last commits, never the file (backups use SQLite's backup API, which includes
# the log).
SQLITE = {
    "OPTIONS": {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(SQLITE["OPTIONS"])
# Seconds a visitor is asked to wait (Retry-After) while the database is unreachable.
DATABASE_RETRY_AFTER = env_int("DATABASE_RETRY_AFTER", 10)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Dutch is the source locale and the default, English a translation.
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
USE_I18N = True
# The site's own strings (made by `make messages`), then Dutch for strings of Wagtail and
# wagtail-localize that their catalogs leave untranslated (kept by hand, docs/translation.md).
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale" / "packages"]
TIME_ZONE = "Europe/Amsterdam"
USE_TZ = True
# The time zones offered under Account → Time zone: the IANA "Area/City" zones and UTC. The
# system's database also lists files such as "localtime" and "posixrules" that browsers do not
# know, and the account page's script fails on them ("RangeError: Invalid time zone").
WAGTAIL_USER_TIME_ZONES = sorted(
    zone for zone in zoneinfo.available_timezones() if "/" in zone and not zone.startswith("Etc/")
) + ["UTC"]

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static_collected"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Media and documents on S3-compatible storage when a bucket is named (docs/operations.md).
# Image files are public objects linked directly (so their origin joins the CSP below);
# document objects are private and always streamed through Wagtail's view
# (WAGTAILDOCS_SERVE_METHOD; core/storage.py, docs/security.md).
MEDIA_ORIGINS = []
if env("AWS_STORAGE_BUCKET_NAME"):
    STORAGES["default"] = {
        "BACKEND": "core.storage.MediaStorage",
        "OPTIONS": {
            "bucket_name": env("AWS_STORAGE_BUCKET_NAME"),
            "endpoint_url": env("AWS_S3_ENDPOINT_URL"),
            "region_name": env("AWS_S3_REGION_NAME"),
            "custom_domain": env("AWS_S3_CUSTOM_DOMAIN"),
            "querystring_auth": False,
            "file_overwrite": False,
        },
    }
    if env("AWS_S3_CUSTOM_DOMAIN"):
        MEDIA_ORIGINS = [f"https://{env('AWS_S3_CUSTOM_DOMAIN')}"]
    elif env("AWS_S3_ENDPOINT_URL"):
        MEDIA_ORIGINS = [env("AWS_S3_ENDPOINT_URL").rstrip("/")]
    else:
        MEDIA_ORIGINS = [f"https://{env('AWS_STORAGE_BUCKET_NAME')}.s3.amazonaws.com"]
# With local disk and DEBUG off, the site serves /media/ itself (core.operations.views.serve_media).
SERVE_MEDIA = env_bool("SERVE_MEDIA", True)
# Backups (core/operations/backup.py): outside the checkout, the newest BACKUP_KEEP kept (0: all),
# the dump and the files encrypted when BACKUP_ENCRYPTION_KEY (a Fernet key) is set.
BACKUP_DIR = Path(env("BACKUP_DIR", str(Path.home() / "backups" / "kennisplatform")))
BACKUP_KEEP = env_int("BACKUP_KEEP", 14)
BACKUP_ENCRYPTION_KEY = env("BACKUP_ENCRYPTION_KEY", "")

# E-mail: console in development, locmem in tests, any Django backend in production.
EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Kennisplatform <info@kennisplatform.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Failed e-mails are retried this many times (core.email.tasks) before staff must act.
EMAIL_MAX_ATTEMPTS = env_int("EMAIL_MAX_ATTEMPTS", 16)  # about 20 hours (core/email/tasks.py)

# Background tasks: immediate unless a deployment uses the database worker (production.py).
TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
if env("REDIS_URL"):
    CACHES = {
        "default": {
            # django-redis; a Redis outage is a cache miss, not a 500 (core/caching/redis.py)
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": env("REDIS_URL"),
            "OPTIONS": {
                "SOCKET_CONNECT_TIMEOUT": 1,
                "SOCKET_TIMEOUT": 1,
                "IGNORE_EXCEPTIONS": True,
            },
        }
    }
# ignored Redis errors are logged, at most once every ten seconds (core/caching/redis.py)
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
DJANGO_REDIS_LOGGER = "core.caching.redis"

# Anonymous page cache (core/caching/pagecache.py): seconds a page is kept in the cache and by a
# CDN (s-maxage), and by browsers. On by default only with Redis, which every application
# server and the task worker (which purges) share.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 3600 if env("REDIS_URL") else 0)
PAGE_CACHE_BROWSER_SECONDS = env_int("PAGE_CACHE_BROWSER_SECONDS", 60)
# Part of every cached page's key, so that a deploy never serves the previous release's
# HTML; empty: the git commit of the checkout (core/caching/pagecache.py).
RELEASE_ID = env("RELEASE_ID", "")
# The API sends its own Cache-Control (API_CACHE_SECONDS): a publish reaches it in minutes.
PAGE_CACHE_EXCLUDED_PREFIXES = ("/admin/", "/documents/", "/api/")
# What every page shows (menus, footer, site settings, locales; core/caching/sitecache.py) is kept
# by each process this long, or until the content changes (a generation in the database, so no
# shared cache is needed); 0 keeps it for one request only.
SITE_CACHE_SECONDS = env_int("SITE_CACHE_SECONDS", 86400)
# Parts of pages that are the same for every anonymous visitor, rendered once and kept by each
# process until the content changes (core/caching/fragments.py), at most this long (what
# changes without an edit, such as the upcoming events, is at most this old); 0 turns them off.
FRAGMENT_CACHE_SECONDS = env_int("FRAGMENT_CACHE_SECONDS", 300)
# How many such parts each process keeps (the least recently used are dropped first).
FRAGMENT_CACHE_ENTRIES = env_int("FRAGMENT_CACHE_ENTRIES", 2000)
# Models whose content is on every page: a change purges every page (core/caching/purge.py).
# A view restriction takes a page (or collection) off every public output (docs/security.md).
PAGE_CACHE_SITE_WIDE_MODELS = [
    "core.Navigation",
    "wagtailcore.PageViewRestriction",
    "wagtailcore.CollectionViewRestriction",
]
# Purges go to the page cache, and to Varnish or a CDN when configured.
WAGTAILFRONTENDCACHE = {"pagecache": {"BACKEND": "core.caching.pagecache.PageCacheBackend"}}
if env("VARNISH_URL"):
    WAGTAILFRONTENDCACHE["varnish"] = {
        # Wagtail's HTTPBackend with a timeout (core/caching/varnish.py)
        "BACKEND": "core.caching.varnish.TimeoutHTTPBackend",
        "LOCATION": env("VARNISH_URL"),
        "TIMEOUT": env_int("PURGE_TIMEOUT", 2),
    }
if env("CLOUDFLARE_ZONE_ID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": env("CLOUDFLARE_ZONE_ID"),
        "BEARER_TOKEN": env("CLOUDFLARE_BEARER_TOKEN"),
    }
if env("CLOUDFRONT_DISTRIBUTION_ID"):
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": env("CLOUDFRONT_DISTRIBUTION_ID"),
    }
# Every page's translations are purged explicitly (their slugs differ), not by swapping the
# language prefix of its URL (docs/decisions/purging-translations.md).
WAGTAILFRONTENDCACHE_LANGUAGES = []

# The public API (syndication/api.py): requests per client per window, and how long caches keep it.
API_RATE_LIMIT = env("API_RATE_LIMIT", "600/h")
API_CACHE_SECONDS = env_int("API_CACHE_SECONDS", 300)

# Public forms: requests per client per window before 429 (core.ratelimit).
FORM_RATE_LIMIT = env("FORM_RATE_LIMIT", "10/h")
# Logins, page/collection passwords, password reset (core.ratelimit.throttle_credentials):
# failed attempts per client and account, and per client over all accounts, per window.
LOGIN_RATE_LIMIT = env("LOGIN_RATE_LIMIT", "10/h")
LOGIN_CLIENT_RATE_LIMIT = env("LOGIN_CLIENT_RATE_LIMIT", "30/h")
# Statistics: posts to the counting beacon per client per window before 429 (stats/views.py).
STATS_HIT_RATE_LIMIT = env("STATS_HIT_RATE_LIMIT", "300/h")
# Personal data of closed questions is erased this many days after closing
# (manage.py anonymise_questions, scheduled daily).
QUESTION_RETENTION_DAYS = env_int("QUESTION_RETENTION_DAYS", 365)
# Agenda (events/): reminder this many days before an event, hours a waiting-list place is
# held for the person offered it, days after an event its registrations are anonymised.
EVENT_REMINDER_DAYS = env_int("EVENT_REMINDER_DAYS", 2)
EVENT_OFFER_HOURS = env_int("EVENT_OFFER_HOURS", 48)
EVENT_RETENTION_DAYS = env_int("EVENT_RETENTION_DAYS", 90)
# Autocomplete requests of the search field per client per window (search/views.py).
SEARCH_AUTOCOMPLETE_RATE = env("SEARCH_AUTOCOMPLETE_RATE", "60/m")
# Rendered search results are kept this long unless content changes first (search/cache.py):
# in Redis, or without it in each process's memory (a change in any process reaches all).
SEARCH_CACHE_SECONDS = env_int("SEARCH_CACHE_SECONDS", 600)
# How far behind the counting this year's figures in the statistics report may be (they sum
# a quarter of a million daily rows at institute scale; stats.figures.kept); 0: always summed.
STATS_CACHE_SECONDS = env_int("STATS_CACHE_SECONDS", 300)
# Newsletter: days a confirmation link stays valid; days before unconfirmed signups are
# deleted by `manage.py delete_unconfirmed_subscribers`.
NEWSLETTER_CONFIRM_DAYS = env_int("NEWSLETTER_CONFIRM_DAYS", 7)
NEWSLETTER_RETENTION_DAYS = env_int("NEWSLETTER_RETENTION_DAYS", 14)
# Sending editions (newsletter/sending.py, docs/newsletter.md): messages per second (0: no
# limit), messages a worker claims at a time, seconds before another worker takes over the
# claimed messages of a worker that stopped, the sender and the List-Id (default
# "nieuwsbrief.<host>").
NEWSLETTER_SEND_RATE = float(env("NEWSLETTER_SEND_RATE", "50"))
NEWSLETTER_BATCH_SIZE = env_int("NEWSLETTER_BATCH_SIZE", 100)
NEWSLETTER_CLAIM_TIMEOUT = env_int("NEWSLETTER_CLAIM_TIMEOUT", 300)
NEWSLETTER_FROM_EMAIL = env("NEWSLETTER_FROM_EMAIL", "")
NEWSLETTER_LIST_ID = env("NEWSLETTER_LIST_ID", "")
# django-anymail: a provider's backend in EMAIL_BACKEND (e.g.
# "anymail.backends.postmark.EmailBackend") with its settings here; its bounce and complaint
# webhooks under /anymail/ are checked with this "user:password" (docs/newsletter.md).
ANYMAIL = {
    key: value
    for key, value in {
        "WEBHOOK_SECRET": env("ANYMAIL_WEBHOOK_SECRET", ""),
        "POSTMARK_SERVER_TOKEN": env("POSTMARK_SERVER_TOKEN", ""),
        "MAILGUN_API_KEY": env("MAILGUN_API_KEY", ""),
        "MAILGUN_WEBHOOK_SIGNING_KEY": env("MAILGUN_WEBHOOK_SIGNING_KEY", ""),
        "BREVO_API_KEY": env("BREVO_API_KEY", ""),
    }.items()
    if value
}
# The provider whose tracking webhook is served (/anymail/<provider>/tracking/): the one of
# EMAIL_BACKEND ("anymail.backends.<provider>.EmailBackend") unless named here.
ANYMAIL_TRACKING_PROVIDER = env(
    "ANYMAIL_TRACKING_PROVIDER",
    EMAIL_BACKEND.split(".")[2] if EMAIL_BACKEND.startswith("anymail.backends.") else "",
)
# Annual report: seconds a computed live figure is reused by later requests
# (annual_report/figures.py).
LIVE_FIGURES_CACHE_SECONDS = env_int("LIVE_FIGURES_CACHE_SECONDS", 600)
# Proxies in front of the application that append to X-Forwarded-For (e.g. 2 for a CDN and
# Varnish): the client address is the hop before them (core/client.py).
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)

# Every locale is moderated; with this on, editors publish translations (every language but
# LANGUAGE_CODE) themselves (editorial/groups.py, docs/editors-and-workflow.md).
TRANSLATORS_MAY_PUBLISH = env_bool("TRANSLATORS_MAY_PUBLISH", False)

# Wagtail
WAGTAIL_SITE_NAME = env("SITE_NAME", "Kennisplatform Integratie & Samenleving")
WAGTAILADMIN_BASE_URL = env("BASE_URL", "http://127.0.0.1:8000").rstrip("/")
# Search: the database backend (SQLite: plain matching); on PostgreSQL full-text search stemmed
# in each page's own language and fuzzy matching (search/backends.py, docs/search.md).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends",
            "SEARCH_CONFIG": "simple",
            "LANGUAGE_CONFIGS": {"nl": "dutch", "en": "english"},
        }
    }
# Elasticsearch/OpenSearch instead (docs/search.md, "When to switch"): Wagtail's backend module
# (e.g. wagtail.search.backends.elasticsearch8 or modelsearch.backends.opensearch2) and the
# server's URL; then run `manage.py update_index`.
if env("SEARCH_BACKEND_URL", ""):
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": env("SEARCH_BACKEND", "wagtail.search.backends.elasticsearch8"),
            "URLS": [env("SEARCH_BACKEND_URL")],
            "INDEX": env("SEARCH_INDEX", "kennisplatform"),
            "TIMEOUT": 5,
        }
    }
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
# The editor autosaves 3 seconds after the last change (Wagtail's default: half a second). An
# autosave that starts while a save, submit or approval of the same page is being answered is
# refused (400, "would overwrite a newer version") as the page is left; with a short delay
# that happened whenever the answer took longer than the delay (docs/editors-and-workflow.md).
WAGTAIL_AUTOSAVE_INTERVAL = 3000

# Uploads: limited in size and type (Wagtail's own validation, with its messages). No SVG:
# a script inside an SVG served from the site's origin would run with the site's rights.
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = env_int("IMAGE_MAX_UPLOAD_MB", 10) * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 60_000_000
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "pptx", "odt", "ods", "csv", "txt", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = env_int("DOCUMENT_MAX_UPLOAD_MB", 50) * 1024 * 1024
# Documents always go through Wagtail's view (counted, permission-checked, sent as an
# attachment except PDF, with a sandboxing CSP), also when they are stored on S3.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# A signed S3 URL of a document (never linked by the site) expires after this (core/storage.py).
DOCUMENT_URL_SECONDS = env_int("DOCUMENT_URL_SECONDS", 60)
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf"]
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_LOCALIZE_DEFAULT_TRANSLATION_MODE = "synced"
# A new translation starts as a draft: it goes live when the editor publishes it in
# wagtail-localize's editor, never half-translated (the default publishes it at once).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# Machine translation in localize's editor ("Translate automatically"): off unless configured.
# DEEPL_AUTH_KEY turns on DeepL (a key ending in ":fx" uses DeepL's free API).
if env("DEEPL_AUTH_KEY"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {
            "AUTH_KEY": env("DEEPL_AUTH_KEY"),
            "FORMALITY": env("DEEPL_FORMALITY", "default"),
        },
    }

LOGIN_URL = "wagtailadmin_login"

# Security headers in every environment (HTTPS-only ones in production.py).
# Public pages: nothing from another host, no inline script or style without the nonce.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.NONCE],
    "img-src": [CSP.SELF, "data:", *MEDIA_ORIGINS],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "media-src": [CSP.SELF, *MEDIA_ORIGINS],
    "frame-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    # Wagtail's preview panel frames the site's own pages.
    "frame-ancestors": [CSP.SELF],
}
# The Wagtail admin needs inline scripts and styles (docs/decisions/admin-csp.md): its own,
# looser policy,
# applied to the admin's URLs in site_cms/urls.py. Still nothing from another host.
ADMIN_CSP = {
    **SECURE_CSP,
    "script-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:", "blob:", *MEDIA_ORIGINS],
    "media-src": [CSP.SELF, "blob:", *MEDIA_ORIGINS],
}
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "SAMEORIGIN"
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=(), interest-cohort=()"
)
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True

INSTITUTE_ADDRESS = env(
    "INSTITUTE_ADDRESS", "Kennisplatform Integratie & Samenleving, Postbus 1, 3500 AA Utrecht"
)

# Logs: one line per record on stderr, as JSON (LOG_FORMAT=json, production's default) or
# text, with the request id and without e-mail addresses (core/operations/logging.py).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "request_id": {"()": "core.operations.logging.RequestIdFilter"},
        "redact": {"()": "core.operations.logging.RedactPersonalDataFilter"},
        "redis_outage": {"()": "core.caching.redis.OutageLogFilter"},
    },
    "formatters": {
        "json": {"()": "core.operations.logging.JsonFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id", "redact"],
            "formatter": env("LOG_FORMAT", "text"),
        }
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {
        # one line per task state change is noise; failures still show
        "django_tasks": {"level": "WARNING"},
        "django.tasks": {"level": "WARNING"},
        # page created/edited/published lines; the admin's history keeps them anyway
        "wagtail": {"level": "WARNING"},
        "wagtail.contrib.redirects": {"level": "WARNING"},
        # core.request logs every request; django.request would log 4xx/5xx a second time
        "django.request": {"level": "ERROR"},
        # django-redis's ignored errors: one line while Redis is away, not one per request
        "core.caching.redis": {"filters": ["redis_outage"]},
    },
}
WHITENOISE_ROOT = BASE_DIR / "public"
