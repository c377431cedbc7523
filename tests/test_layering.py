"""The pipeline's layering, read from the import statements of every module (ast, nothing imported).

content → translate → editions → compose → layout → render → outputs → pipeline → edit → preview: a stage imports only
earlier stages, and only the modules they declare public in ``__all__``;
layout and render never see content or editions; the contracts (errors,
document, theme) and fonts import no stage; only the CLI prints or exits.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "generator"
STAGES = ["content", "translate", "editions", "compose", "layout", "render", "outputs", "pipeline", "edit",
          "preview"]
SHARED = {"errors", "document", "theme", "fonts", "__init__"}  # usable from every stage
NEVER = {"layout": {"content", "translate", "editions"}, "render": {"content", "translate", "editions", "compose"}}


def modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def dotted(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> list[tuple[int, str]]:
    """Return (line, module) for every ``generator.…`` module ``path`` imports."""
    found = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("generator"):
            found.append((node.lineno, node.module))
            # "from generator.render import pdf" imports a module too
            found.extend((node.lineno, f"{node.module}.{alias.name}") for alias in node.names
                         if (PACKAGE.parent / Path(*f"{node.module}.{alias.name}".split("."))).with_suffix(".py").exists())
        elif isinstance(node, ast.Import):
            found.extend((node.lineno, a.name) for a in node.names if a.name.startswith("generator"))
    return found


def top(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def declared(package: Path) -> set[str]:
    """Return the names in ``package``'s ``__all__``."""
    tree = ast.parse((package / "__init__.py").read_text("utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets):
            assert isinstance(node.value, ast.List | ast.Tuple)
            return {elt.value for elt in node.value.elts if isinstance(elt, ast.Constant)}
    return set()


def public(stage: str) -> set[str]:
    """Return the modules of ``stage`` other stages may import: its ``__all__``, recursively, and the package."""
    found = set()
    pending = [(PACKAGE / stage, f"generator.{stage}")]
    while pending:
        folder, name = pending.pop()
        found.add(name)
        for item in declared(folder):
            if (folder / item / "__init__.py").exists():
                pending.append((folder / item, f"{name}.{item}"))
            elif (folder / f"{item}.py").exists():
                found.add(f"{name}.{item}")
    return found


def test_every_stage_declares_its_public_modules() -> None:
    for stage in STAGES:
        declared = public(stage)
        assert len(declared) > 1, f"generator/{stage}/__init__.py declares no __all__"
        for module in declared - {f"generator.{stage}"}:
            path = PACKAGE.parent / Path(*module.split("."))
            assert path.with_suffix(".py").exists() or (path / "__init__.py").exists() or \
                module.split(".")[-1] in (PACKAGE / stage / "__init__.py").read_text(), module


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_follow_the_pipeline(path: Path) -> None:
    me = dotted(path)
    here = top(me)
    wrong = []
    for line, module in imports(path):
        there = top(module)
        if there == here or there in ("errors", "document", "theme", "fonts", "__init__"):
            if here in SHARED - {"__init__"} and there in STAGES:
                wrong.append(f"{line}: {module} (contracts and fonts import no stage)")
            continue
        if here in SHARED and there in STAGES:
            wrong.append(f"{line}: {module} (contracts and fonts import no stage)")
        elif here in STAGES and there in STAGES:
            if STAGES.index(there) > STAGES.index(here):
                wrong.append(f"{line}: {module} (a later stage)")
            elif there in NEVER.get(here, ()):
                wrong.append(f"{line}: {module} ({here} never reads {there})")
            elif module not in public(there):
                wrong.append(f"{line}: {module} (not in generator/{there}/__init__.py __all__)")
        elif here == "scaffold" and there not in ("content",):
            wrong.append(f"{line}: {module} (the scaffold needs only content)")
    assert not wrong, f"{me}:\n  " + "\n  ".join(wrong)


def test_only_the_cli_prints_or_exits() -> None:
    offenders = []
    for path in modules():
        if path.name.startswith("cli") or path.name == "__main__.py":  # cli.py and the modules it is made of
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Call):
                func = node.func
                name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
                if name in ("print", "exit", "echo", "secho"):
                    offenders.append(f"{path.relative_to(PACKAGE)}:{node.lineno}: {name}()")
    assert not offenders, offenders
