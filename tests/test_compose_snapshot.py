"""The composed documents of the default pack match their reviewed snapshots.

After an intended change, regenerate with BRIEFPACK_UPDATE_SNAPSHOTS=1 and review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.compose.compose import compose_deck, compose_handout
from generator.compose.outline import outline
from generator.content.loader import load_pack
from tests.conftest import DEFAULT_PACK, TEMPLATES

SNAPSHOTS = Path(__file__).parent / "snapshots"


@pytest.mark.parametrize("kind,compose", [("handout", compose_handout), ("deck", compose_deck)])
def test_snapshot(kind: str, compose) -> None:
    first = compose(load_pack(DEFAULT_PACK).content, TEMPLATES)
    second = compose(load_pack(DEFAULT_PACK).content, TEMPLATES)
    assert first == second, "composing is a pure function of its inputs"
    text = outline(first.document)
    path = SNAPSHOTS / f"sex-work-law-{kind}.txt"
    if os.environ.get("BRIEFPACK_UPDATE_SNAPSHOTS") == "1":
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")
