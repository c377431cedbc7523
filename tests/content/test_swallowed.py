"""A key indented into the text above it: valid YAML, wrong output, so check says where it went."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from generator.content.lint import lint_pack
from generator.content.loader import load_pack

Change = Callable[[str, str, str], None]


def warnings(folder: Path) -> list[str]:
    return [str(p) for p in lint_pack(load_pack(folder)) if "looks like this item's own key" in p.message]


def test_a_written_pack_has_none(mini: Path) -> None:
    assert warnings(mini) == []


def test_sources_indented_into_a_folded_text_are_named_at_their_line(mini: Path, change: Change) -> None:
    change("content.yaml", "    text: A licence in Hill County costs 40 crowns a year.\n    sources: [hill-fees]\n",
           "    text: >-\n      A licence in Hill County costs 40 crowns a year.\n      sources: [hill-fees]\n")
    assert warnings(mini) == [
        "briefs/mini/content.yaml:10:7: warning: key_messages[2].text: the text of 'text' holds 'sources: "
        "[hill-fees]': 'sources' looks like this item's own key, indented so far that YAML read it as more of "
        "the text (the item has no sources); indent 'sources:' like 'text:' above it"]


def test_a_key_the_item_already_has_is_just_words(mini: Path, change: Change) -> None:
    change("content.yaml", "    text: A licence in Hill County costs 40 crowns a year.\n",
           "    text: 'A licence in Hill County costs 40 crowns a year. title: is a word here.'\n")
    assert warnings(mini) == []  # the item has a title, so 'title:' in its text is not a lost key
