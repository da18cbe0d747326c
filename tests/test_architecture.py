"""Only core/compat.py touches private names of Wagtail and Django: anywhere else, an upgrade
of either could break the site silently (docs/decisions/compatibility-module.md). The
dependency rule between the apps is checked by import-linter (pyproject.toml)."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COMPAT = ROOT / "core" / "compat.py"
THIS_CHECK = Path(__file__).resolve()  # names what it forbids
# the tests may look inside the libraries to observe behaviour (a cache's keys, a
# transaction's start); the rule protects the code that ships
SKIPPED = {".venv", ".git", "node_modules", "build", "dist", "tests"}
LIBRARIES = ("wagtail", "django")
# underscored names that Django documents as public API
DOCUMENTED = {"_meta", "_default_manager", "_base_manager", "_state"}


def source_files():
    for path in sorted(ROOT.rglob("*.py")):
        parts = path.relative_to(ROOT).parts
        if (
            SKIPPED.isdisjoint(parts)
            and not parts[0].endswith(".egg-info")
            and path not in (COMPAT, THIS_CHECK)
        ):
            yield path


def is_private(name):
    return name.startswith("_") and not name.startswith("__") and name != "_"


def names_defined_by(tree):
    """The underscored names our own code defines (functions, classes, variables, attributes
    of its own objects, arguments): using them is not using a library's private name."""
    defined = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            defined.add(node.name)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            defined.add(node.id)
        elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
            if isinstance(node.value, ast.Name) and node.value.id in ("self", "cls"):
                defined.add(node.attr)
        elif isinstance(node, ast.arg):
            defined.add(node.arg)
        elif isinstance(node, ast.alias):
            defined.add(node.asname or node.name)
    return defined


def private_uses(tree, ours):
    """(line, what) for every use of a private name of Wagtail, Django or another library."""
    allowed = ours | DOCUMENTED
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(LIBRARIES):
            modules = node.module.split(".")
            for alias in node.names:
                if any(is_private(part) for part in [*modules, alias.name]):
                    yield node.lineno, f"from {node.module} import {alias.name}"
        elif isinstance(node, ast.Import):
            for alias in node.names:
                parts = alias.name.split(".")
                if parts[0] in LIBRARIES and any(is_private(part) for part in parts):
                    yield node.lineno, f"import {alias.name}"
        elif isinstance(node, ast.Attribute) and is_private(node.attr):
            if node.attr == "_class" and isinstance(node.ctx, ast.Store):
                yield node.lineno, "._class = (a cache backend's private client class)"
            elif node.attr.startswith("_wagtail") or node.attr not in allowed:
                yield node.lineno, f".{node.attr}"
        elif isinstance(node, ast.Constant) and str(node.value).startswith("_wagtail"):
            yield node.lineno, repr(node.value)


def test_private_names_of_wagtail_and_django_are_used_in_the_compatibility_module_only():
    trees = {path: ast.parse(path.read_text(), filename=str(path)) for path in source_files()}
    ours = set().union(*(names_defined_by(tree) for tree in trees.values()))
    found = [
        f"{path.relative_to(ROOT)}:{line}: {what}"
        for path, tree in trees.items()
        for line, what in private_uses(tree, ours)
    ]
    assert not found, "private names outside core/compat.py:\n" + "\n".join(found)


def test_the_check_finds_what_it_forbids():
    source = (
        "from wagtail.models.pages import _copy\n"
        "import django.core._private\n"
        "request._wagtail_route_for_request = None\n"
        "setattr(request, '_wagtail_site', site)\n"
        "cache._class = Client\n"
        "queryset._prefetch_related_lookups\n"
        "page._meta.label\n"
        "page._cached_parent_obj = parent\n"
        "self._mine = 1\n"
        "self._mine\n"
    )
    tree = ast.parse(source)
    lines = sorted(line for line, _what in private_uses(tree, names_defined_by(tree)))
    assert lines == [1, 2, 3, 4, 5, 6, 8]
