"""Finding the page a URL asks for in two queries, whatever its depth, as Wagtail would.

Wagtail routes a request from the site's home page down, one level at a time: it fetches the
home page as its specific type, then for every slug of the path the child with that slug
and that child as its specific type (two queries per level), and the site and the
translated home page before all that. Here:

- the site and its home page in the visitor's language are kept until the content changes
  (``core.caching.sitecache``);
- every page the path can pass through is fetched in one query, by ``url_path``, and only
  the page served is fetched as its specific type (with the relations every page shows:
  its locale and social image, ``BasePage.route_select_related``);
- a page on the way whose type routes the rest of the path itself (it overrides
  ``Page.route``: ``RoutablePageMixin`` for a partner's page or a citation file, or any
  other) is fetched as its specific type and given the rest of the path, as in Wagtail;
  a page of a type no longer in the code routes as a plain ``Page``, as in Wagtail;
- the pages passed are kept as the served page's parents and breadcrumb ancestors;
- what a URL leads to (the page as its specific type, with its parents and breadcrumb
  ancestors) is kept by each process until the content changes (``kept_location``, under
  the generation of ``core.caching.sitecache``), so a visited URL costs an anonymous
  visitor no query here; requests with a session and form posts look it up afresh.

The answer is Wagtail's (tests/test_routing.py compares both for every page of the demo
content), except that a page of a type no longer in the code is a 404 where Wagtail fails
to render it (500). ``core.middleware.RouteMiddleware`` hands it to Wagtail's ``serve`` view
through ``core.compat``; ``BasePage.route`` (Wagtail's public extension point) does the same
below any page that routes part of a path itself (the question index, for example).
"""

import pickle

from django.conf import settings
from django.http import Http404
from django.utils import translation
from django.utils.functional import cached_property

from wagtail.models import Page, Site

from core import compat
from core.caching.kept import MISSING, KeptValues
from core.caching.pagecache import is_anonymous_read
from core.caching.sitecache import generation, site_cached

# the page each URL leads to: (root pk, *slugs) -> pickled (page, rest of the path)
_locations = KeptValues()


def routes_like_page(route_method):
    """Marks a ``route`` override that answers what ``Page.route`` answers (only faster):
    pages of its type can be passed by in the one query."""
    route_method.routes_like_page = True
    return route_method


def routes_itself(model):
    """Whether pages of ``model`` route the path below them in their own way: passing them
    by in the one query would skip their ``route()``. A type no longer in the code
    (``None``) routes as a plain ``Page``."""
    if model is None or model.route is Page.route:
        return False
    return not getattr(model.route, "routes_like_page", False)


def specific_for_serving(page):
    """``page`` as its specific type, with the relations its type names in
    ``route_select_related`` (one query)."""
    model = page.specific_class
    if model is None or isinstance(page, model):
        return page  # already specific, or of a type no longer in the code
    related = getattr(model, "route_select_related", ())
    specific = model._default_manager.select_related(*related).get(pk=page.pk)
    for name, value in page.__dict__.items():
        specific.__dict__.setdefault(name, value)  # e.g. the parent set while routing
    return specific


def route_below(root, request, path_components, ancestors=(), *, root_routes=True):
    """Wagtail's ``root.specific.route(request, path_components)``, in two queries, for the
    page ``root`` whose own ancestors (from the home page down) are ``ancestors``. Raises
    Http404 as Wagtail's routing does. ``root_routes=False``: ``root`` is already routing
    (its own ``route()`` called this), so it is not asked again."""
    page, rest = locate_below(root, path_components, ancestors, root_routes=root_routes)
    return page.route(request, rest)


def locate_below(root, path_components, ancestors=(), *, root_routes=True):
    """(page, rest): the page below ``root`` that answers ``path_components`` as its
    specific type, with its parents and breadcrumb ancestors known, and the rest of the path
    that it routes itself (empty for a plain page). Raises Http404."""
    prefixes = [
        root.url_path + "".join(f"{slug}/" for slug in path_components[: index + 1])
        for index in range(len(path_components))
    ]
    found = {
        page.url_path: page
        for page in Page.objects.filter(
            url_path__in=prefixes, path__startswith=root.path, depth__gt=root.depth
        )
    }
    trail = [root]
    for index, prefix in enumerate(prefixes):
        current = trail[-1]
        if (root_routes or current is not root) and routes_itself(current.specific_class):
            return _located(trail, ancestors, path_components[index:])
        child = found.get(prefix)
        if child is None:
            raise Http404
        compat.set_parent(child, current)
        trail.append(child)
    return _located(trail, ancestors, [])


def _located(trail, ancestors, path_components):
    page = trail[-1]
    if page.specific_class is None and not path_components:
        raise Http404  # its type is gone: nothing can render it
    page = specific_for_serving(page)
    passed = [*ancestors, *trail[:-1]]
    page.__dict__["breadcrumb_ancestors"] = [p for p in passed if p.depth >= 2]
    return page, path_components


class BreadcrumbAncestorsMixin:
    """``breadcrumb_ancestors``: the page's ancestors from the home page down, known without
    a query when the page was reached by ``route_below``."""

    @cached_property
    def breadcrumb_ancestors(self):
        if self.depth <= 2:
            return []
        return list(self.get_ancestors().filter(depth__gte=2))


def find_site(request):
    """``Site.find_for_request``, kept until the content changes (and for the request, where
    Wagtail keeps it)."""
    if not compat.site_known(request):
        host = f"{request.get_host()}:{request.get_port()}"
        site = site_cached(f"site:{host}", lambda: Site.find_for_request(request))
        compat.hand_site_to_wagtail(request, site)
    return compat.known_site(request)


def localized_root(request):
    """The site's home page in the visitor's language (when live, else the site's own), as
    Wagtail's ``route_for_request`` finds it, kept until the content changes; or None."""
    site = find_site(request)
    if site is None:
        return None
    language = translation.get_language()
    return site_cached(f"site_root:{site.pk}:{language}", lambda: site.root_page.localized)


def route(request, path):
    """What Wagtail's ``Page.route_for_request`` answers: (page, args, kwargs) or None."""
    root = localized_root(request)
    if root is None:
        return None
    components = [component for component in path.split("/") if component]
    try:
        if is_anonymous_read(request):
            page, rest = kept_location(root, components)
        else:  # an editor, a visitor who passed a password, a form sent: looked up afresh
            page, rest = locate_below(root, components)
        return page.route(request, rest)
    except Http404:
        return None


def kept_location(root, components):
    """``locate_below(root, components)``, kept by this process until the content changes
    (at most ``SITE_CACHE_SECONDS``, for at most ``FRAGMENT_CACHE_ENTRIES`` URLs; each
    request gets its own copy). A URL that leads nowhere is looked up each time."""
    if settings.SITE_CACHE_SECONDS <= 0:
        return locate_below(root, components)
    key = (root.pk, *components)
    current = generation()
    kept = _locations.get(key, current, settings.SITE_CACHE_SECONDS)
    if kept is not MISSING:
        return pickle.loads(kept)  # noqa: S301 (pickled by this process)
    located = locate_below(root, components)
    _locations.put(
        key,
        pickle.dumps(located, pickle.HIGHEST_PROTOCOL),
        current,
        settings.FRAGMENT_CACHE_ENTRIES,
    )
    return located


def forget_locations():
    """Drop the locations this process keeps (as a process that has just started)."""
    _locations.clear()
