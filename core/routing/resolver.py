"""Finding the page a URL asks for in two queries, whatever its depth.

Wagtail routes a request from the site's home page down, one level at a time: it fetches the
home page as its specific type, then for every slug of the path the child with that slug
and that child as its specific type (two queries per level), and the site and the
translated home page before all that. Here:

- the site and its home page in the visitor's language are kept until the content changes
  (``core.caching.sitecache``);
- every page the path can pass through is fetched in one query, by ``url_path``, and only
  the page served is fetched as its specific type (with the relations every page shows:
  its locale and social image, ``BasePage.route_select_related``);
- a routable page on the way (``RoutablePageMixin``: a partner's page, a citation file)
  routes the rest of the path itself, as in Wagtail;
- the pages passed are kept as the served page's parents and breadcrumb ancestors.

``core.middleware.RouteMiddleware`` does this before Wagtail's ``serve`` view runs and hands
the result to it through ``request._wagtail_route_for_request``, where
``Page.route_for_request`` keeps its own answer; ``BasePage.route`` does the same below any
page.
"""

from django.http import Http404
from django.utils import translation
from django.utils.functional import cached_property

from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, Site

from core.caching.sitecache import site_cached

ROUTE_ATTRIBUTE = "_wagtail_route_for_request"  # see wagtail.models.Page.route_for_request


def specific_for_serving(page):
    """``page`` as its specific type, with the relations its type names in
    ``route_select_related`` (one query)."""
    model = page.specific_class
    if model is None or isinstance(page, model):
        return page  # already specific, or of a type no longer in the code (as Wagtail)
    related = getattr(model, "route_select_related", ())
    specific = model._default_manager.select_related(*related).get(pk=page.pk)
    for name, value in page.__dict__.items():
        specific.__dict__.setdefault(name, value)  # e.g. the parent set while routing
    return specific


def route_below(start, request, path_components, ancestors=()):
    """Route ``path_components`` (slugs) below the page ``start``, whose own ancestors
    (from the home page down) are ``ancestors``. Raises Http404 as Wagtail's routing does."""
    prefixes = [
        start.url_path + "".join(f"{slug}/" for slug in path_components[: index + 1])
        for index in range(len(path_components))
    ]
    found = {
        page.url_path: page
        for page in Page.objects.filter(
            url_path__in=prefixes, path__startswith=start.path, depth__gt=start.depth
        )
    }
    trail = [start]
    for index, prefix in enumerate(prefixes):
        current = trail[-1]
        if current is not start and issubclass(current.specific_class, RoutablePageMixin):
            return _route_from(trail, ancestors, request, path_components[index:])
        child = found.get(prefix)
        if child is None:
            raise Http404
        child._cached_parent_obj = current
        trail.append(child)
    return _route_from(trail, ancestors, request, [])


def _route_from(trail, ancestors, request, path_components):
    page = specific_for_serving(trail[-1])
    passed = [*ancestors, *trail[:-1]]
    page.__dict__["breadcrumb_ancestors"] = [p for p in passed if p.depth >= 2]
    return page.route(request, path_components)


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
    if not hasattr(request, "_wagtail_site"):
        host = f"{request.get_host()}:{request.get_port()}"
        request._wagtail_site = site_cached(f"site:{host}", lambda: Site.find_for_request(request))
    return request._wagtail_site


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
        if not components:
            return specific_for_serving(root).route(request, [])
        return route_below(root, request, components)
    except Http404:
        return None
