"""Shared fixtures: a fresh copy of the default pack that a test may break."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PACK = ROOT / "briefs" / "sex-work-law"
TEMPLATES = ROOT / "templates"


@pytest.fixture
def pack_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Return a copy of the default pack at ``briefs/sex-work-law`` under a temporary cwd."""
    target = tmp_path / "briefs" / "sex-work-law"
    shutil.copytree(DEFAULT_PACK, target)
    monkeypatch.chdir(tmp_path)
    return target


@pytest.fixture
def edit(pack_copy: Path) -> Callable[[str, str, str], None]:
    """Return a function replacing exactly one occurrence of text in a pack file."""

    def replace(filename: str, old: str, new: str) -> None:
        path = pack_copy / filename
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, f"{old!r} must occur once in {filename}"
        path.write_text(text.replace(old, new), encoding="utf-8")

    return replace


@pytest.fixture(scope="session")
def built_pack(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Build the default pack once per test session; return its files by short name.

    The public edition's files are keyed by their bare names ("handout-a4.pdf"),
    the policymakers' by "policymakers-handout-a4.pdf".
    """
    from generator.build import build_pack

    out = tmp_path_factory.mktemp("output")
    result = build_pack(DEFAULT_PACK, TEMPLATES, out)
    return {f.path.name.removeprefix("sex-work-law-").removeprefix("public-"): f.path for f in result.files}
