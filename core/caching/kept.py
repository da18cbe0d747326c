"""A bounded store of values this process keeps until the content changes.

``KeptValues`` holds at most a given number of values (the least recently used go first),
each for at most a given number of seconds, and only under the content generation they
were stored in (``core.caching.sitecache``): when a request reads a new generation, every
value is dropped. Used for the rendered parts of pages (``core.caching.fragments``) and the
pages URLs lead to (``core.routing.resolver``): sets that grow with the URLs visitors ask
for, unlike what every page shows (``sitecache``, a fixed set of names).
"""

import threading
import time
from collections import OrderedDict

MISSING = object()


class KeptValues:
    def __init__(self):
        self._values = OrderedDict()  # key: (moment kept, value), least recently used first
        self._generation = None
        self._lock = threading.Lock()

    def get(self, key, generation, seconds):
        """The value kept for ``key`` under ``generation`` for less than ``seconds``, else
        ``MISSING``."""
        with self._lock:
            if self._generation != generation:
                self._values.clear()
                self._generation = generation
            entry = self._values.get(key)
            if entry is None or time.monotonic() - entry[0] >= seconds:
                return MISSING
            self._values.move_to_end(key)
            return entry[1]

    def put(self, key, value, generation, limit):
        """Keep ``value`` for ``key`` (unless the generation has changed meanwhile), and at
        most ``limit`` values."""
        with self._lock:
            if self._generation != generation:
                return
            self._values[key] = (time.monotonic(), value)
            self._values.move_to_end(key)
            while len(self._values) > limit:
                self._values.popitem(last=False)

    def clear(self):
        with self._lock:
            self._values.clear()
            self._generation = None
