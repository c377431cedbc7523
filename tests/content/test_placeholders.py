"""Placeholders never reach print unnoticed: the scaffold's stand-ins, example addresses, TODO notes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from generator.content.lint import lint_pack
from generator.content.loader import load_pack
from tests.helpers import SMALL

Change = Callable[[str, str, str], None]


def warnings(folder: Path) -> list[str]:
    return [str(p) for p in lint_pack(load_pack(folder))]


def test_a_written_pack_has_none(mini: Path) -> None:
    assert [w for w in warnings(mini) if "stand-in" in w or "example address" in w or "left in" in w] == []


def test_the_scaffold_s_stand_ins_are_named_once_per_file() -> None:
    """small-pack is what an early `briefpack new` wrote, untouched: one line per file, the first stand-in named."""
    assert [w for w in warnings(SMALL) if "stand-in" in w] == [
        "tests/fixtures/small-pack/content.yaml:7:12: warning: key_messages[1].title: 'The first thing to remember' "
        "is the scaffold's stand-in text, and so are 8 more texts in this file: write the pack's own before it is "
        "printed",
        "tests/fixtures/small-pack/pack.yaml:6:10: warning: pack.title: 'A new briefing' is the scaffold's stand-in "
        "text, and so are 3 more texts in this file: write the pack's own before it is printed",
        "tests/fixtures/small-pack/sources.yaml:6:16: warning: sources[1].publisher: 'Who published it' is the "
        "scaffold's stand-in text: write the pack's own before it is printed",
    ]


def test_a_real_default_the_scaffold_also_writes_is_kept(mini: Path) -> None:
    """'Not an offence' or 'Third parties' are words a pack may mean, not stand-ins."""
    assert not any("'Not an offence'" in w or "'Third parties'" in w for w in warnings(mini))


def test_example_addresses_and_notes_to_self_are_named(mini: Path, change: Change) -> None:
    change("content.yaml", "url: https://examplia.test/atlas\n", "url: https://example.org/atlas\n")
    change("content.yaml", "text: The atlas maps the rules of every town.",
           "text: The atlas maps the rules of every town (TODO check the 2025 edition).")
    found = warnings(mini)
    assert any(w.endswith("resources[1].url: https://example.org is an example address that leads nowhere: put the "
                          "real one") for w in found)
    assert any("evidence[1].text: 'TODO' left in the text: finish it before it is printed" in w for w in found)
