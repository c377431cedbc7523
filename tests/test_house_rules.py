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
