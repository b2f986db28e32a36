"""Issue 8: no view opens a citizen, a placement or anything hanging off them without the
one helper of its kind (`docs/architecture.md`, "Where access is decided").

Read from the views modules' syntax trees, so it stays true as apps are added:
- no views module touches `Citizen`'s or `Placement`'s manager, or `get_object_or_404`s
  one: a single one is opened by `open_citizen` / `open_placement` (or an app's `open_*` on
  top of them), a list comes from `citizens_for` / `placements_for`;
- a view that fetches any other object about a person (a model that points, directly or
  through others, to a citizen or placement) itself calls the app's access module in the
  same function, so what it fetched is only shown after access was decided.
"""

import ast
from pathlib import Path

from django.apps import apps
from django.db.models import Model

import jobbro
from jobbro.citizens.models import Citizen
from jobbro.placements.models import Placement

ROOT = Path(jobbro.__file__).parent
OPEN_ONLY = {"Citizen", "Placement"}
MANAGERS = {"objects", "_default_manager", "_base_manager"}
GETTERS = {"get_object_or_404", "get_list_or_404"}

# Functions that fetch persons' objects without an access module, each with its reason.
ALLOWED: set[tuple[str, str]] = set()


def _about_a_person() -> set[str]:
    """Names of the models that point to a citizen or placement, through up to 3 links."""
    about: set[type[Model]] = {Citizen, Placement}
    for _ in range(3):
        for model in apps.get_models():
            for f in model._meta.get_fields():
                if (f.many_to_one or f.one_to_one) and f.concrete and f.related_model in about:
                    about.add(model)
    return {m.__name__ for m in about}


def _root(node) -> str | None:
    while isinstance(node, ast.Attribute | ast.Call | ast.Subscript):
        node = node.func if isinstance(node, ast.Call) else node.value
    return node.id if isinstance(node, ast.Name) else None


def _access_names(tree) -> tuple[set[str], set[str]]:
    """Names bound to access modules, and names imported from them."""
    modules, functions = set(), set()
    for node in tree.body:
        if isinstance(node, ast.ImportFrom):
            source = node.module or ""
            for alias in node.names:
                if source.endswith("access"):
                    functions.add(alias.asname or alias.name)
                elif alias.name == "access":
                    modules.add(alias.asname or alias.name)
    return modules, functions


def _views_modules():
    return sorted(ROOT.glob("*/views*.py"))


def _fetches(fn, names: set[str]):
    """(line, model) for each manager use or get_object_or_404 of a model in `names`."""
    for node in ast.walk(fn):
        if (
            isinstance(node, ast.Attribute)
            and node.attr in MANAGERS
            and isinstance(node.value, ast.Name)
            and node.value.id in names
        ):
            yield node.lineno, node.value.id
        if (
            isinstance(node, ast.Call)
            and getattr(node.func, "id", None) in GETTERS
            and node.args
            and _root(node.args[0]) in names
        ):
            yield node.lineno, _root(node.args[0])


def _calls_access(fn, modules: set[str], functions: set[str]) -> bool:
    for node in ast.walk(fn):
        if isinstance(node, ast.Call):
            f = node.func
            if isinstance(f, ast.Name) and f.id in functions:
                return True
            if (
                isinstance(f, ast.Attribute)
                and isinstance(f.value, ast.Name)
                and f.value.id in modules
            ):
                return True
    return False


def _functions(tree):
    return [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)]


def test_no_view_opens_a_citizen_or_placement_itself():
    direct = []
    for path in _views_modules():
        tree = ast.parse(path.read_text())
        for line, model in _fetches(tree, OPEN_ONLY):
            direct.append(f"{path.relative_to(ROOT)}:{line} {model}")
    assert direct == []


def test_a_view_that_fetches_a_persons_object_decides_access_through_the_access_module():
    about = _about_a_person()
    unguarded = []
    for path in _views_modules():
        tree = ast.parse(path.read_text())
        modules, functions = _access_names(tree)
        name = str(path.relative_to(ROOT))
        for fn in _functions(tree):
            fetched = list(_fetches(fn, about))
            guarded = (name, fn.name) in ALLOWED or _calls_access(fn, modules, functions)
            if fetched and not guarded:
                unguarded += [f"{name}:{line} {fn.name} {model}" for line, model in fetched]
    assert unguarded == []


def test_the_check_sees_what_it_looks_for():
    """The checks above find a direct open and an unguarded fetch (so they cannot pass by
    reading nothing)."""
    tree = ast.parse(
        "from . import access\n"
        "def a(request, pk):\n    return get_object_or_404(Citizen.objects.all(), pk=pk)\n"
        "def b(request, pk):\n    return FollowUp.objects.get(pk=pk)\n"
        "def c(request, pk):\n"
        "    f = get_object_or_404(FollowUp, pk=pk)\n"
        "    access.open_placement(request.user, f.placement_id)\n"
    )
    a, b, c = _functions(tree)
    assert [m for _line, m in _fetches(a, OPEN_ONLY)] == ["Citizen", "Citizen"]
    modules, functions = _access_names(tree)
    assert "FollowUp" in _about_a_person()
    assert list(_fetches(b, {"FollowUp"})) and not _calls_access(b, modules, functions)
    assert _calls_access(c, modules, functions)
    assert len(_views_modules()) > 20


WRITES = {"save", "delete", "create", "update", "bulk_create", "bulk_update"}
WRITES |= {"get_or_create", "update_or_create"}


def _through_a_manager(node) -> bool:
    while isinstance(node, ast.Attribute | ast.Call | ast.Subscript):
        if isinstance(node, ast.Attribute) and node.attr in MANAGERS | {"all", "filter"}:
            return True
        node = node.func if isinstance(node, ast.Call) else node.value
    return False


def _writes(tree):
    """(line, code) for each model write: `.save()` / `.delete()` on anything (but a form's
    `save(commit=False)`), `create`, `update`, ... on a manager or queryset."""
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        name = node.func.attr
        if name not in WRITES or any(k.arg == "commit" for k in node.keywords):
            continue
        if name in ("save", "delete") or _through_a_manager(node.func.value):
            yield node.lineno, ast.unparse(node)[:80]


def test_no_view_writes_a_model_itself():
    """Writes are the services' (docs/architecture.md, "Where each kind of object is
    written"); a view parses, calls one write, logs and redirects. An edit form of a
    versioned model saves through `save_if_current` (the administrators' user and team
    forms), which is the form's own write."""
    found = [
        f"{path.relative_to(ROOT)}:{line} {code}"
        for path in _views_modules()
        for line, code in _writes(ast.parse(path.read_text()))
    ]
    assert found == []
    sample = ast.parse("a.save()\nX.objects.filter(k=1).update(v=2)\nform.save(commit=False)\n")
    assert len(list(_writes(sample))) == 2
