"""Shared fixtures: copies of the fixture packs a test may break, and packs built once per session."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.helpers import DEFAULT_PACK, GLOW, MINI, TEMPLATES, copy_pack, edit


@pytest.fixture
def mini(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Return a copy of the fixture pack at ``briefs/mini`` under a temporary working folder."""
    monkeypatch.chdir(tmp_path)
    return copy_pack(MINI, tmp_path)


@pytest.fixture
def change(mini: Path) -> Callable[[str, str, str], None]:
    """Return a function replacing exactly one occurrence of text in a file of the ``mini`` copy."""
    return lambda filename, old, new: edit(mini / filename, old, new)


def _build(folder: Path, out: Path, theme: str | None = None) -> dict[str, Path]:
    from generator.pipeline import build_pack

    result = build_pack(folder, TEMPLATES, out, theme, jobs=2)
    pack_id = result.pack_id
    return {f.path.name.removeprefix(f"{pack_id}-"): f.path for f in result.files}


@pytest.fixture(scope="session")
def mini_built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Build the fixture pack once per session; return its files by name ('public-handout-a4.pdf')."""
    return _build(MINI, tmp_path_factory.mktemp("mini-output"))


@pytest.fixture(scope="session")
def large_print_built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Build the fixture pack in the large-print theme once per session; return its files by name."""
    return _build(MINI, tmp_path_factory.mktemp("large-print-output"), "large-print")


@pytest.fixture(scope="session")
def default_built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Build the default pack once per session; return its files by name ('public-deck.pptx')."""
    return _build(DEFAULT_PACK, tmp_path_factory.mktemp("default-output"))


@pytest.fixture(scope="session")
def glow_built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Build the other-topic fixture pack once per session; return its files by name ('deck.pptx')."""
    return _build(GLOW, tmp_path_factory.mktemp("glow-output"))
