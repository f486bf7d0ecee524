"""The apps' import graph: no loops between the modules of an app, and one direction between apps.

Every import statement counts, at module level and inside a function or method: an import moved
into a function to dodge a loop is still a loop in the design. The graph has one node per
module (`library/process/loans.py` is `library.process.loans`, a package is its `__init__.py`)
and one edge per import, resolved like Python does:

- `import library.process.loans` → library.process.loans;
- `from library.process import loans` → library.process.loans (the name is a module);
- `from library.models import ExpertPage` → library.models (the name is not a module);
- relative imports (`from .loans import X`, `from . import loans`) the same way.

Importing a module also runs its packages' `__init__.py`; those implicit edges are left out (a
package that re-exports its modules would otherwise be a loop with each of them). Migrations
and tests are not part of the graph.

The one exception, page routes: an import is left out of an app's loop check when it sits in
the body of a method (or a function nested in it) of a Wagtail `Page` subclass defined in
`<app>/models/`, and that method is decorated with `@path`, `@re_path` or `@route`
(wagtail.contrib.routable_page) or is named `serve` or `serve_preview`. Such a method serves a
response (a PDF, a preview, a form's POST) and may call the service that builds it. Every other
method of a model (`save`, `get_context`, ...) counts like any module-level import.

The direction between apps has no exception: `cms` imports neither `library` nor `curriculum`,
and `curriculum` never imports `library`.
"""

from __future__ import annotations

import ast
import importlib
from collections import deque
from dataclasses import dataclass
from pathlib import Path

import pytest
from wagtail.models import Page

ROOT = Path(__file__).resolve().parent.parent
APPS = ("cms", "curriculum", "library")
NOT_IN_GRAPH = {"migrations", "tests", "__pycache__"}
ROUTE_DECORATORS = {"path", "re_path", "route"}
ROUTE_METHODS = {"serve", "serve_preview"}


@dataclass(frozen=True)
class Import:
    source: str  # the importing module
    target: str  # the imported module
    line: int
    scope: str = ""  # "" at module level, else the enclosing class/function, dotted
    route_of: str = ""  # the class, when inside a route-shaped method of a module-level class

    def __str__(self) -> str:
        where = f" (in {self.scope})" if self.scope else ""
        return f"{self.source}:{self.line}{where} imports {self.target}"


def app_modules(app: str) -> dict[str, Path]:
    modules = {}
    for path in sorted((ROOT / app).rglob("*.py")):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if NOT_IN_GRAPH & set(parts[:-1]):
            continue
        if parts[-1] == "__init__":
            parts.pop()
        modules[".".join(parts)] = path
    return modules


ALL_MODULES = {name: path for app in APPS for name, path in app_modules(app).items()}


def closest_module(name: str, known: set[str]) -> str | None:
    """`name` if it is a known module, else the closest known package containing it."""
    while name:
        if name in known:
            return name
        name = name.rpartition(".")[0]
    return None


def is_route_shaped(function: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    if function.name in ROUTE_METHODS:
        return True
    for decorator in function.decorator_list:
        node = decorator.func if isinstance(decorator, ast.Call) else decorator
        name = getattr(node, "attr", None) or getattr(node, "id", None)
        if name in ROUTE_DECORATORS:
            return True
    return False


class ImportCollector(ast.NodeVisitor):
    def __init__(self, module: str, is_package: bool, known: set[str]):
        self.module = module
        self.package = module if is_package else module.rpartition(".")[0]
        self.known = known
        self.scope: list[ast.AST] = []
        self.imports: list[Import] = []

    def visit_scope(self, node) -> None:
        self.scope.append(node)
        self.generic_visit(node)
        self.scope.pop()

    visit_ClassDef = visit_FunctionDef = visit_AsyncFunctionDef = visit_scope

    def add(self, node: ast.AST, name: str) -> None:
        target = closest_module(name, self.known)
        if target is None or target == self.module:
            return
        route_of = ""
        if (
            len(self.scope) >= 2
            and isinstance(self.scope[0], ast.ClassDef)
            and isinstance(self.scope[1], ast.FunctionDef | ast.AsyncFunctionDef)
            and is_route_shaped(self.scope[1])
        ):
            route_of = self.scope[0].name
        scope = ".".join(enclosing.name for enclosing in self.scope)
        edge = Import(self.module, target, node.lineno, scope, route_of)
        if edge not in self.imports:  # `from x import a, b`: one edge
            self.imports.append(edge)

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            self.add(node, alias.name)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        if node.level:
            base = self.package.split(".")
            base = base[: len(base) - (node.level - 1)]
            base = ".".join(base + ([node.module] if node.module else []))
        else:
            base = node.module
        for alias in node.names:
            submodule = f"{base}.{alias.name}"
            self.add(node, submodule if submodule in self.known else base)


def imports_of(module: str, source: str, is_package: bool, known: set[str]) -> list[Import]:
    collector = ImportCollector(module, is_package, known)
    collector.visit(ast.parse(source))
    return collector.imports


def all_imports() -> list[Import]:
    known = set(ALL_MODULES)
    found = []
    for module, path in ALL_MODULES.items():
        found += imports_of(module, path.read_text(), path.name == "__init__.py", known)
    return found


def is_page_route(edge: Import) -> bool:
    """The exception in the module docstring: inside a route of a page model."""
    app = edge.source.partition(".")[0]
    if not edge.route_of or not edge.source.startswith(f"{app}.models."):
        return False
    cls = getattr(importlib.import_module(edge.source), edge.route_of, None)
    return isinstance(cls, type) and issubclass(cls, Page)


@dataclass
class Loop:
    cycle: list[Import]  # a shortest way round, through the group's first module
    group: list[Import]  # every import among the modules of the group

    def __str__(self) -> str:
        modules = {edge.source for edge in self.group}
        lines = [" → ".join([self.cycle[0].source, *(edge.target for edge in self.cycle)])]
        lines += [f"    {edge}" for edge in self.cycle]
        if len(self.group) > len(self.cycle):
            lines.append(f"  all imports among these {len(modules)} modules:")
            lines += [f"    {edge}" for edge in self.group]
        return "\n".join(lines)


Graph = dict[str, dict[str, Import]]  # module → imported module → (first) import


def graph_of(edges: list[Import]) -> Graph:
    graph: Graph = {}
    for edge in edges:
        graph.setdefault(edge.source, {}).setdefault(edge.target, edge)
        graph.setdefault(edge.target, {})
    return graph


def strongly_connected(graph: Graph) -> list[set[str]]:
    """Groups of more than one module that can each reach the others (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    groups: list[set[str]] = []

    def connect(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in graph[node]:
            if nxt not in index:
                connect(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = set(stack[stack.index(node) :])
            del stack[stack.index(node) :]
            if len(group) > 1:
                groups.append(group)

    for node in sorted(graph):
        if node not in index:
            connect(node)
    return groups


def shortest_cycle(graph: Graph, group: set[str]) -> list[Import]:
    """Breadth first from the group's first module, back to it."""
    start = min(group)
    came_from: dict[str, Import] = {}
    queue = deque([start])
    while queue and start not in came_from:
        node = queue.popleft()
        for nxt, edge in sorted(graph[node].items()):
            if nxt in group and nxt not in came_from:
                came_from[nxt] = edge
                queue.append(nxt)
    cycle = [came_from[start]]
    while cycle[-1].source != start:
        cycle.append(came_from[cycle[-1].source])
    return cycle[::-1]


def loops(edges: list[Import]) -> list[Loop]:
    """One loop per strongly connected group of modules, with all the group's imports."""
    graph = graph_of(edges)
    return [
        Loop(
            shortest_cycle(graph, group),
            sorted(
                (edge for edge in edges if edge.source in group and edge.target in group),
                key=lambda edge: (edge.source, edge.line),
            ),
        )
        for group in strongly_connected(graph)
    ]


def describe(found: list[Loop]) -> str:
    return "\n\n".join(str(loop) for loop in found)


def test_collector_reads_every_kind_of_import():
    known = {"app", "app.models", "app.models.pages", "app.process", "app.process.loans"}
    source = """
import os
import app.process.loans
from app.process import loans, missing
from app.models import Page
from . import pages
from ..process.loans import register

class WorkshopPage(Page):
    def save(self):
        from app.process import loans

    @path("")
    def index(self, request):
        def nested():
            import app.process
        return nested

    @other.re_path(r"^a$")
    def pdf(self, request):
        from app.process.loans import x

    def serve_preview(self, request, mode_name):
        from app.process import loans
"""
    found = imports_of("app.models.experts", source, is_package=False, known=known)
    assert [(edge.target, edge.scope, edge.route_of) for edge in found] == [
        ("app.process.loans", "", ""),
        ("app.process.loans", "", ""),
        ("app.process", "", ""),
        ("app.models", "", ""),
        ("app.models.pages", "", ""),
        ("app.process.loans", "", ""),
        ("app.process.loans", "WorkshopPage.save", ""),
        ("app.process", "WorkshopPage.index.nested", "WorkshopPage"),
        ("app.process.loans", "WorkshopPage.pdf", "WorkshopPage"),
        ("app.process.loans", "WorkshopPage.serve_preview", "WorkshopPage"),
    ]
    in_package = imports_of("app.models", "from .pages import X", is_package=True, known=known)
    assert [edge.target for edge in in_package] == ["app.models.pages"]


def test_only_routes_of_page_models_are_exempt():
    route = Import("library.models.experts", "library.catalogue.print_material", 1, "", "")
    assert is_page_route(Import(**{**route.__dict__, "route_of": "ExpertPage"}))
    assert not is_page_route(route)  # not inside a route
    assert not is_page_route(Import(**{**route.__dict__, "route_of": "CompetenceArea"}))
    outside_models = Import("library.signals", "library.catalogue.print_material", 1, "", "X")
    assert not is_page_route(outside_models)


def test_the_loop_finder_shows_the_loop():
    a_b = Import("a", "b", 3, "f")
    b_c, c_a, c_d = Import("b", "c", 4), Import("c", "a", 5), Import("c", "d", 6)
    a_c = Import("a", "c", 7)
    [loop] = loops([a_b, b_c, c_a, c_d, a_c])
    assert loop.cycle == [a_c, c_a]
    assert loop.group == [a_b, a_c, b_c, c_a]
    assert str(loop).startswith("a → c → a\n    a:7 imports c\n    c:5 imports a\n  all imports")
    assert loops([a_b, b_c, c_d]) == []


@pytest.mark.parametrize("app", APPS)
def test_no_import_loops_between_the_modules_of_an_app(app):
    edges = [
        edge
        for edge in all_imports()
        if edge.source.partition(".")[0] == app
        and edge.target.partition(".")[0] == app
        and not is_page_route(edge)
    ]
    assert edges, f"no imports found within {app}: is the collector broken?"
    found = loops(edges)
    assert not found, f"Import loops in {app}:\n{describe(found)}"


@pytest.mark.parametrize(
    ("app", "forbidden"), [("cms", ("library", "curriculum")), ("curriculum", ("library",))]
)
def test_apps_depend_one_way(app, forbidden):
    wrong = [
        str(edge)
        for edge in all_imports()
        if edge.source.partition(".")[0] == app and edge.target.partition(".")[0] in forbidden
    ]
    assert not wrong, f"{app} must not import {', '.join(forbidden)}:\n" + "\n".join(wrong)
