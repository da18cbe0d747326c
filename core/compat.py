"""The one module that touches private names of Wagtail and Django.

Everything else in the code base uses their public APIs only (tests/test_architecture.py
fails on a private name anywhere else). Each function below is a speed-up that Wagtail
offers no public hook for; what each relies on, and what to check after an upgrade of
Wagtail or Django, is in docs/decisions/compatibility-module.md. The routing parity test
(tests/test_routing.py) and the query budgets (tests/test_performance.py) fail when one
of them stops doing its job.
"""

import functools

from wagtail import hooks
from wagtail.models import Page
from wagtail.models.i18n import LocaleManager

# wagtail.models.Page.route_for_request keeps its answer here for the request
_ROUTE_ATTRIBUTE = "_wagtail_route_for_request"
# wagtail.models.Site.find_for_request keeps its answer here for the request
_SITE_ATTRIBUTE = "_wagtail_site"


def route_known(request):
    """Whether Wagtail already knows the page this request asks for."""
    return hasattr(request, _ROUTE_ATTRIBUTE)


def hand_route_to_wagtail(request, route_result):
    """Make ``Page.route_for_request`` (Wagtail's ``serve`` view) answer ``route_result``
    (a ``RouteResult`` or None) for ``request`` instead of routing it again."""
    setattr(request, _ROUTE_ATTRIBUTE, route_result)


def site_known(request):
    return hasattr(request, _SITE_ATTRIBUTE)


def hand_site_to_wagtail(request, site):
    """Make ``Site.find_for_request`` answer ``site`` for ``request`` without a query."""
    setattr(request, _SITE_ATTRIBUTE, site)


def known_site(request):
    return getattr(request, _SITE_ATTRIBUTE)


def set_parent(page, parent):
    """Make ``page.get_parent()`` answer ``parent`` without a query (treebeard keeps it
    there; Wagtail's own ``Page.route`` does the same)."""
    page._cached_parent_obj = parent


def prefetch_lookups(queryset):
    """The ``prefetch_related`` lookups given to ``queryset``."""
    return queryset._prefetch_related_lookups


def keep_locale_lookups(keep):
    """Make ``Locale.objects.get_for_language`` (behind ``Locale.get_active()``,
    ``Locale.get_default()`` and every ``page.localized``) answer
    ``keep(name, compute)``, i.e. a kept ``Locale``, for the whole process. Idempotent."""
    lookup = LocaleManager.get_for_language
    if getattr(lookup, "kept", False):
        return

    @functools.wraps(lookup)
    def get_for_language(self, language_code):
        return keep(f"locale:{language_code}", lambda: lookup(self, language_code))

    get_for_language.kept = True
    LocaleManager.get_for_language = get_for_language


def tree_step(path, steplen):
    """The position among its siblings that a page's treebeard ``path`` encodes (bulk inserts
    of pages compute the paths Wagtail's ``add_child`` would)."""
    return Page._str2int(path[-steplen:])


def tree_path(parent_path, depth, step):
    """The treebeard ``path`` of the ``step``-th child of the page at ``parent_path``."""
    return Page._get_path(parent_path, depth, step)


def insert_rows(model, objects, fields):
    """INSERT the rows of ``objects`` into ``model``'s own table only (the specific rows of
    pages whose ``wagtailcore_page`` rows were bulk-created): Django's ``bulk_create`` refuses
    multi-table models."""
    return model._base_manager._insert(objects, fields=fields)


def replace_hook(hook_name, registered, replacement):
    """Put ``replacement`` where ``registered`` is registered for ``hook_name`` (same order);
    Wagtail has ``hooks.register`` but no way to take a hook back (``wagtail.hooks._hooks``).
    Idempotent."""
    hooks._hooks[hook_name] = [
        (replacement if function is registered else function, order)
        for function, order in hooks._hooks.get(hook_name, [])
    ]
