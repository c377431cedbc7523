"""Quotation marks and apostrophes as print sets them, in the edition's language, nested level by level."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from generator.compose.compose import compose_handout
from generator.compose.typography import _levels, smarten, typeset
from generator.content.loader import load_pack
from generator.document import Paragraph, Quote, Run, text_of
from tests.helpers import TEMPLATES

ENGLISH, FRENCH, GERMAN = _levels("“", "”"), _levels("«", "»"), _levels("„", "“")


@pytest.mark.parametrize(("typed", "english", "french"), [
    ('"Sex work is work."', "“Sex work is work.”", "«Sex work is work.»"),
    ("workers' rights, don't", "workers’ rights, don’t", "workers’ rights, don’t"),
    ("the '90s", "the ’90s", "the ’90s"),
    ('He said "it\'s \'fine\' now."', "He said “it’s ‘fine’ now.”", "He said «it’s “fine” now.»"),
    ("“A person (\"D\") commits …”", "“A person (‘D’) commits …”", "“A person («D») commits …”"),
    ("already “curly” and ‘curly’", "already “curly” and ‘curly’", "already “curly” and ‘curly’"),
])
def test_straight_marks_become_the_languages_own(typed: str, english: str, french: str) -> None:
    assert smarten(typed, ENGLISH) == english
    assert smarten(typed, FRENCH) == french


def test_german_marks_nest_low_then_high() -> None:
    assert smarten('Er sagte "ein \'kleines\' Wort"', GERMAN) == "Er sagte „ein ‚kleines‘ Wort“"


def test_inside_a_quotation_the_first_level_is_the_inner_one() -> None:
    assert smarten('A person ("D") commits', ENGLISH, depth=1) == "A person (‘D’) commits"


def test_addresses_and_citations_are_never_touched() -> None:
    runs = (Run('See "the atlas" at '), Run("https://example.test/it's", url="https://example.test/it's"),
            Run("'3'", cite=True))
    [paragraph] = typeset((Paragraph(runs),), "en")
    assert [run.text for run in paragraph.text] == ["See “the atlas” at ", "https://example.test/it's", "'3'"]


def test_a_verbatim_quotation_keeps_its_words_with_its_inner_marks_nested(mini: Path,
                                                                        change: Callable[[str, str, str], None]) -> None:
    change("content.yaml", "text: A hover-scooter is any board that floats and carries one rider.",
           "text: 'A hover-scooter (\"H\") is any board that floats and carries one rider''s weight.'")
    change("content.yaml", "text: Each ban needs inspectors to enforce it.",
           "text: 'Each ban needs \"inspectors\" to enforce it.'")
    handout = compose_handout(load_pack(mini).content, TEMPLATES).document
    quotes = [b for b in _blocks(handout.blocks) if isinstance(b, Quote)]
    assert any(text_of(p) == "A hover-scooter (‘H’) is any board that floats and carries one rider’s weight."
               for q in quotes for p in q.paragraphs)
    texts = [text_of(b) for b in _inlines(handout.blocks) if "inspectors" in text_of(b)]
    assert texts and all("“inspectors”" in t and '"' not in t for t in texts), texts


def _blocks(blocks: tuple[object, ...]) -> list[object]:
    found: list[object] = []
    for block in blocks:
        found.append(block)
        found += _blocks(getattr(block, "blocks", ()))
    return found


def _inlines(node: object) -> list[tuple[Run, ...]]:
    """Return every line of runs in ``node``: paragraphs, list items, table cells."""
    import dataclasses

    if isinstance(node, tuple) and node and all(isinstance(item, Run) for item in node):
        return [node]
    if isinstance(node, tuple):
        return [line for item in node for line in _inlines(item)]
    if dataclasses.is_dataclass(node) and not isinstance(node, type):
        return [line for field in dataclasses.fields(node) for line in _inlines(getattr(node, field.name))]
    return []
