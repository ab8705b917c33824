"""Every import arrow inside planwizard points down: no module imports, directly or through
others, a module that imports it back.

The graph is read from the source with ``ast``: top-level imports, imports inside
functions and ``if TYPE_CHECKING:`` imports all count, since each of them ties the two
modules together, and so does ``importlib.import_module`` of a name or of an f-string
(``f"planwizard.commands.{name}"`` counts as importing every command). Importing a submodule does not count as importing its package's
``__init__`` (Python runs it first, but that is not an arrow the code chose).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import planwizard

PACKAGE = Path(planwizard.__file__).resolve().parent


def module_names(root: Path = PACKAGE) -> dict[str, Path]:
    """Dotted name of every module of the package -> its file."""
    names = {}
    for path in sorted(root.rglob("*.py")):
        parts = list(path.relative_to(root.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        names[".".join(parts)] = path
    return names


def imports_of(name: str, path: Path, known: set[str]) -> set[str]:
    """The package's modules that ``name`` imports anywhere in its source."""
    is_package = path.name == "__init__.py"
    found: set[str] = set()
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                anchor = name.split(".")
                anchor = anchor[: len(anchor) - node.level + (1 if is_package else 0)]
                base = ".".join(anchor + ([node.module] if node.module else []))
            else:
                base = node.module or ""
            # ``from a.b import c``: c is the module a.b.c when there is one, else a name in a.b
            targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base for alias in node.names]
        elif isinstance(node, ast.Call) and _called(node) == "import_module" and node.args:
            targets = _dynamic_targets(node.args[0], known)
            if not targets and not isinstance(node.args[0], ast.Constant):
                # the name is built elsewhere in the module (name = f"a.b.{x}"): every such f-string counts
                targets = [t for joined in ast.walk(tree) if isinstance(joined, ast.JoinedStr)
                           for t in _dynamic_targets(joined, known)]
        else:
            continue
        for target in targets:
            while target and target not in known:  # ``import a.b.c`` of a name below a module
                target = target.rpartition(".")[0]
            if target and target != name:
                found.add(target)
    return found


def _called(call: ast.Call) -> str:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


def _dynamic_targets(arg: ast.expr, known: set[str]) -> list[str]:
    """``importlib.import_module("a.b")`` is a.b; ``import_module(f"a.b.{name}")`` any module below a.b."""
    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
        return [arg.value]
    if isinstance(arg, ast.JoinedStr) and arg.values and isinstance(arg.values[0], ast.Constant):
        prefix = str(arg.values[0].value)
        return [name for name in known if name.startswith(prefix) and name != prefix.rstrip(".")]
    return []


def import_graph(root: Path = PACKAGE) -> dict[str, set[str]]:
    names = module_names(root)
    known = set(names)
    return {name: imports_of(name, path, known) for name, path in names.items()}


def tangles(graph: dict[str, set[str]]) -> list[set[str]]:
    """Every group of two or more modules that import each other (directly or not)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[set[str]] = []

    def visit(node: str) -> None:  # Tarjan; the package has ~80 modules, recursion is fine
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.add(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(group)

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return groups


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The shortest cycle (``a, b, ..., a``) of each tangled group."""
    return [shortest_cycle(graph, group) for group in tangles(graph)]


def shortest_cycle(graph: dict[str, set[str]], group: set[str]) -> list[str]:
    """The shortest path from the group's first module back to itself, within the group."""
    start = min(group)
    paths = {start: [start]}
    queue = [start]
    while queue:
        node = queue.pop(0)
        for target in sorted(graph[node] & group):
            if target == start:
                return paths[node] + [start]
            if target not in paths:
                paths[target] = paths[node] + [target]
                queue.append(target)
    raise AssertionError(f"no cycle through {start}")  # pragma: no cover - a group always has one


def test_planwizard_has_no_import_cycle():
    graph = import_graph()
    lines = []
    for group in tangles(graph):
        cycle = shortest_cycle(graph, group)
        rest = sorted(group - set(cycle))
        lines.append(" -> ".join(cycle) + (f"  (also tied in: {', '.join(rest)})" if rest else ""))
    assert not lines, "import cycles (every import arrow must point down):\n" + "\n".join(lines)


def test_graph_sees_every_kind_of_import(tmp_path):
    """The checker itself: a cycle through a function-level or TYPE_CHECKING import is found."""
    package = tmp_path / "pkg"
    (package / "sub").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text("def f():\n    from pkg.sub import b\n")
    (package / "sub" / "__init__.py").write_text("")
    (package / "sub" / "b.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from ..c import X\n"
    )
    (package / "c.py").write_text("import pkg.a as a\nfrom pkg import d\n")
    (package / "d.py").write_text("from . import e\n")  # d -> e -> d: a second, separate cycle
    (package / "e.py").write_text("from .d import something\n")
    (package / "plugins").mkdir()
    (package / "plugins" / "__init__.py").write_text("")
    (package / "plugins" / "one.py").write_text("from pkg.host import helper\n")  # host -> plugins.one -> host
    (package / "host.py").write_text("import importlib\n\ndef load(name):\n"
                                     "    module = f'pkg.plugins.{name}'\n"
                                     "    return importlib.import_module(module)\n")
    found = cycles(import_graph(package))
    assert sorted(map(tuple, found)) == [
        ("pkg.a", "pkg.sub.b", "pkg.c", "pkg.a"), ("pkg.d", "pkg.e", "pkg.d"), ("pkg.host", "pkg.plugins.one", "pkg.host"),
    ]


@pytest.mark.parametrize("source, expected", [
    ("from planwizard import labels", {"planwizard.labels"}),
    ("from planwizard.render import build_document", {"planwizard.render"}),
    ("import planwizard.render.build", {"planwizard.render.build"}),
    ("from . import writer", {"planwizard.render.writer"}),
    ("from .writer import Writer", {"planwizard.render.writer"}),
    ("from .. import labels", {"planwizard.labels"}),
])
def test_imports_are_resolved_to_modules(tmp_path, source, expected):
    names = module_names()
    path = tmp_path / "tables.py"
    path.write_text(source + "\n")
    assert imports_of("planwizard.render.tables", path, set(names)) == expected
