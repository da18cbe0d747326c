"""Django's Redis cache, except that Redis not answering is a cache miss, not an error page.

Every page reads the shared cache (the page cache, core.caching.sitecache, the search results, the
rate limits). With Django's own backend a Redis outage would turn every request into a 500;
with this one the site keeps serving while Redis is away, slower (every page is rendered)
and with the rate limits open, and says so in the log (at most every ten seconds). What
could not be written is simply not cached; a purge that could not be written cannot drop
what Redis still holds, so pages published during an outage may be served stale from Redis
until their entries expire (``PAGE_CACHE_SECONDS``): purge again, or flush Redis, after a
long outage. ``/readyz`` still reports the cache as not answering.
"""

import functools
import logging
import time

from django.core.cache.backends.redis import RedisCache, RedisCacheClient

from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

OUTAGE = (RedisConnectionError, RedisTimeoutError)
LOG_EVERY_SECONDS = 10
_last_logged = 0.0


def _log_outage(error):
    global _last_logged
    now = time.monotonic()
    if now - _last_logged >= LOG_EVERY_SECONDS:
        _last_logged = now
        logger.error("Redis does not answer (%s): serving without the cache", error)


def _miss_on_outage(method, answer):
    """``method``, answering ``answer(*arguments)`` instead when Redis does not answer."""

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except OUTAGE as error:
            _log_outage(error)
            return answer(*args, **kwargs)

    return wrapper


class TolerantRedisCacheClient(RedisCacheClient):
    get = _miss_on_outage(RedisCacheClient.get, lambda key, default: default)
    get_many = _miss_on_outage(RedisCacheClient.get_many, lambda keys: {})
    has_key = _miss_on_outage(RedisCacheClient.has_key, lambda key: False)
    set = _miss_on_outage(RedisCacheClient.set, lambda key, value, timeout: None)
    set_many = _miss_on_outage(RedisCacheClient.set_many, lambda data, timeout: None)
    add = _miss_on_outage(RedisCacheClient.add, lambda key, value, timeout: False)
    touch = _miss_on_outage(RedisCacheClient.touch, lambda key, timeout: False)
    delete = _miss_on_outage(RedisCacheClient.delete, lambda key: False)
    delete_many = _miss_on_outage(RedisCacheClient.delete_many, lambda keys: None)
    incr = _miss_on_outage(RedisCacheClient.incr, lambda key, delta: 0)
    clear = _miss_on_outage(RedisCacheClient.clear, lambda: False)


class TolerantRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = TolerantRedisCacheClient
