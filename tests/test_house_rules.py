"""Rules the house keeps about itself, checked by reading the code.

No test waits on a process without a timeout: one stuck child would turn the
suite into a run that never ends (CI allows 90 minutes).
"""

from __future__ import annotations

import ast
from pathlib import Path

from tests.helpers import ROOT

WAITS = {"communicate", "wait"}  # Popen methods that block until the child ends
RUNS = {"run", "check_output", "check_call", "call"}  # subprocess functions that do


def _calls_without_timeout(path: Path) -> list[str]:
    tree = ast.parse(path.read_text("utf-8"))
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
            continue
        name = node.func.attr
        owner = node.func.value
        is_wait = name in WAITS and not (isinstance(owner, ast.Name) and owner.id in ("event", "self"))
        is_run = name in RUNS and isinstance(owner, ast.Name) and owner.id == "subprocess"
        if not (is_wait or is_run):
            continue
        has_timeout = any(k.arg == "timeout" for k in node.keywords) or (name == "wait" and node.args)
        if not has_timeout:
            found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {name}() without a timeout")
    return found


def test_no_test_waits_on_a_process_without_a_timeout() -> None:
    found = [line for path in sorted((ROOT / "tests").rglob("*.py")) if "node_modules" not in path.parts
             for line in _calls_without_timeout(path)]
    assert found == []


PACKAGE = ROOT / "generator"
LONGEST = 400  # lines: CONTRIBUTING's rule; a module past it is split along its seams


def test_no_module_is_over_the_house_limit() -> None:
    long = {str(p.relative_to(ROOT)): n for p in sorted(PACKAGE.rglob("*.py"))
            if (n := len(p.read_text("utf-8").splitlines())) > LONGEST}
    assert long == {}, f"over {LONGEST} lines: {long}"


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _top_level_imports(path: Path, known: set[str]) -> set[str]:
    """Return the generator modules ``path`` imports when it is imported (function-local imports excluded)."""
    tree = ast.parse(path.read_text("utf-8"))
    found: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.If):  # `if TYPE_CHECKING:` imports nothing at run time
            continue
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("generator"):
            found.add(node.module)
            found.update(f"{node.module}.{a.name}" for a in node.names if f"{node.module}.{a.name}" in known)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("generator"))
    return found & known


def test_no_import_loops() -> None:
    paths = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph = {name: _top_level_imports(path, set(paths)) - {name} for name, path in paths.items()}
    loops: list[list[str]] = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(name: str, path: list[str]) -> None:
        state[name] = 1
        for nxt in sorted(graph[name]):
            if nxt.startswith(name + "."):
                continue  # a package importing its own modules in __init__ is not a loop
            if state.get(nxt) == 1:
                loops.append(path[path.index(nxt):] + [nxt] if nxt in path else [name, nxt])
            elif state.get(nxt) is None:
                visit(nxt, [*path, nxt])
        state[name] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    assert loops == []
