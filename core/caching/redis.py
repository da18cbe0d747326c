"""A Redis outage is a cache miss, not an error page, and one line in the log per ten seconds.

Every page reads the shared cache (the page cache, core.caching.sitecache, the search
results, the rate limits). The cache backend is django-redis with ``IGNORE_EXCEPTIONS``
(settings ``CACHES``): while Redis does not answer, a read is a miss and a write is dropped,
so the site keeps serving, slower (every page is rendered) and with the rate limits open.
What could not be written is simply not cached; a purge that could not be written cannot
drop what Redis still holds, so pages published during an outage may be served stale from
Redis until their entries expire (``PAGE_CACHE_SECONDS``): purge again, or flush Redis,
after a long outage. ``/readyz`` still reports the cache as not answering.

django-redis logs every ignored error (``DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS``) to this
module's logger (``DJANGO_REDIS_LOGGER``); ``OutageLogFilter`` (``LOGGING``) lets one line
through every ``LOG_EVERY_SECONDS``, with the error in one line instead of a traceback.
"""

import logging
import time

LOG_EVERY_SECONDS = 10
_last_logged = 0.0


class OutageLogFilter(logging.Filter):
    """At most one "Redis does not answer" line every ``LOG_EVERY_SECONDS``."""

    def filter(self, record):
        global _last_logged
        now = time.monotonic()
        if now - _last_logged < LOG_EVERY_SECONDS:
            return False
        _last_logged = now
        error = record.exc_info[1] if record.exc_info else None
        if error is not None and error.__cause__ is not None:
            error = error.__cause__  # django-redis wraps the client's error
        record.msg = "Redis does not answer (%s): serving without the cache"
        record.args = (error,)
        record.exc_info = None
        record.exc_text = None
        record.levelno, record.levelname = logging.ERROR, "ERROR"
        return True
