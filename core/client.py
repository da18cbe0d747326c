"""The client's address: the one place that decides it (rate limits, view counting).

Behind ``TRUSTED_PROXY_COUNT`` proxies (e.g. 2: a CDN, then Varnish) each proxy appends the
address it saw to ``X-Forwarded-For`` and connects to the next, so the chain
``X-Forwarded-For + [REMOTE_ADDR]`` ends with those proxies' own addresses. The client is the
hop just before them; anything further left was sent by the client and may be forged.
Without proxies (the default, 0) it is ``REMOTE_ADDR`` and ``X-Forwarded-For`` is ignored.
"""

import hashlib
import hmac

from django.conf import settings


def client_address(request):
    remote_addr = request.META.get("REMOTE_ADDR", "")
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies <= 0:
        return remote_addr
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    chain = [hop.strip() for hop in forwarded.split(",") if hop.strip()] + [remote_addr]
    # fewer hops than proxies: the leftmost is the furthest address any proxy saw
    return chain[max(0, len(chain) - 1 - proxies)]


def keyed_hash(value, key=None):
    """A hash of ``value`` that cannot be reversed or recomputed without the key (the
    ``SECRET_KEY`` unless given): identities in caches, never the value itself."""
    key = key or settings.SECRET_KEY
    return hmac.new(key.encode(), value.encode(), hashlib.sha256).hexdigest()[:32]


def client_fingerprint(request):
    return keyed_hash(client_address(request))
