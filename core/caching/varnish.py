"""Wagtail's HTTP purger (for Varnish) with a timeout, so a cache that hangs cannot hang the
editor's request or the task worker.

Wagtail's ``HTTPBackend`` opens each ``PURGE`` request without a timeout and purges a batch
one URL after another. This backend sends the same request with ``PURGE_TIMEOUT`` seconds
(``TIMEOUT`` in its ``WAGTAILFRONTENDCACHE`` entry) and, once the cache fails to answer,
skips the rest of the batch: the cache is down, and every further URL would wait as long.
"""

import logging
from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit, urlunsplit
from urllib.request import urlopen

from wagtail import __version__
from wagtail.contrib.frontend_cache.backends.http import HTTPBackend, PurgeRequest

logger = logging.getLogger("wagtail.frontendcache")


class TimeoutHTTPBackend(HTTPBackend):
    def __init__(self, params):
        params = dict(params)
        self.timeout = params.pop("TIMEOUT")
        super().__init__(params)

    def purge(self, url):
        self.purge_batch([url])

    def purge_batch(self, urls):
        for index, url in enumerate(urls):
            if not self._purge(url):
                skipped = len(urls) - index - 1
                if skipped:
                    logger.error("Cache unreachable: %d more URL(s) not purged", skipped)
                return

    def _purge(self, url):
        """Send one PURGE; False when the cache did not answer (an HTTP error is an answer)."""
        parts = urlsplit(url)
        host = parts.hostname + (f":{parts.port}" if parts.port else "")
        request = PurgeRequest(
            url=urlunsplit(
                [self.cache_scheme, self.cache_netloc, parts.path, parts.query, parts.fragment]
            ),
            headers={"Host": host, "User-Agent": f"Wagtail-frontendcache/{__version__}"},
        )
        try:
            urlopen(request, timeout=self.timeout).close()  # noqa: S310 (LOCATION is configured)
        except HTTPError as error:
            logger.error(
                "Couldn't purge '%s' from HTTP cache: %d %s", url, error.code, error.reason
            )
        except (URLError, OSError) as error:
            logger.error("Couldn't purge '%s' from HTTP cache: %s", url, error)
            return False
        return True
