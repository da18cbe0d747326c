"""Values looked up at most once per request: the request's own memo.

Shared templates and listings ask for the same things many times while one page is rendered
(the active ``Locale``, the pages' view restrictions, the navigation, a translated page).
``RequestCacheMiddleware`` gives every request an empty memo for the time it runs;
``memoize(key, compute)`` returns what ``compute()`` gave the first time ``key`` was asked for
in this request. Nothing outlives the request, so nothing needs purging when content changes;
outside a request (commands, tasks, tests calling code directly) every call computes afresh.

``forget(*prefixes)`` drops entries within the running request, for the rare request that
changes what it memoised (``core.caching.sitecache`` calls it when the content changes).

What is the same for every request and changes only with the content is kept across
requests by ``core.caching.sitecache``, on top of this memo.
"""

import contextvars

from django.http import FileResponse, StreamingHttpResponse

_memo = contextvars.ContextVar("request_memo", default=None)


class RequestCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        memo = {}
        token = _memo.set(memo)
        try:
            response = self.get_response(request)
        finally:
            _memo.reset(token)
        if isinstance(response, StreamingHttpResponse) and not isinstance(response, FileResponse):
            response.streaming_content = with_memo(memo, response.streaming_content)
        return response


def with_memo(memo, chunks):
    """The chunks of a streamed response (an export), made with the request's memo: they
    are produced after the view has returned, row by row."""
    chunks = iter(chunks)
    while True:
        token = _memo.set(memo)
        try:
            chunk = next(chunks)
        except StopIteration:
            return
        finally:
            _memo.reset(token)
        yield chunk


def memoize(key, compute):
    """``compute()``, computed once per request for ``key`` (every time outside a request).

    An exception is not memoised: it is raised again the next time."""
    memo = _memo.get()
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def forget(*prefixes):
    """Drop the running request's entries whose key (a tuple) starts with one of ``prefixes``."""
    memo = _memo.get()
    if memo:
        for key in [key for key in memo if isinstance(key, tuple) and key[0] in prefixes]:
            del memo[key]
