"""One numbering per edition: a number means the same source in every output of an edition.

A journalist who follows a slide's [16] into the handout must find source 16.
Every edition of every fixture pack (and the default pack) is composed through
the output registry and every citation marker and sources-list entry is
resolved to its source; then the built files are read back and the deck's
sources (speaker notes) are matched entry by entry against the handout's list.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.document import Citation, Deck, Handout, Run, SourceEntry, SourceList
from generator.editions.session import load_session
from generator.outputs import OUTPUTS
from tests.helpers import DEFAULT_PACK, GLOW, MINI, SMALL, TEMPLATES, pdf_text

PACKS = [MINI, GLOW, SMALL, DEFAULT_PACK]


def _walk(node: object, runs: list[Run], entries: list[SourceEntry]) -> None:
    from dataclasses import fields, is_dataclass

    if isinstance(node, Run):
        runs.append(node)
    elif isinstance(node, SourceList):
        entries.extend(node.entries)
    elif isinstance(node, tuple):
        for item in node:
            _walk(item, runs, entries)
    elif is_dataclass(node) and not isinstance(node, type):
        for f in fields(node):
            _walk(getattr(node, f.name), runs, entries)


@pytest.mark.parametrize("pack", PACKS, ids=lambda p: p.name)
def test_every_output_of_an_edition_gives_a_source_one_number(pack: Path) -> None:
    session = load_session(pack, TEMPLATES)
    for edition in session.editions:
        by_number: dict[int, set[str]] = {}
        by_source: dict[str, set[int]] = {}
        for output in OUTPUTS.values():
            document = output.compose(edition, TEMPLATES, output.template(edition)).document
            assert isinstance(document, Handout | Deck)
            runs: list[Run] = []
            entries: list[SourceEntry] = []
            _walk(document, runs, entries)
            cited: set[int] = set()
            for citation in (c for run in runs for c in run.cite):
                assert isinstance(citation, Citation) and citation.number > 0, (output.name, citation)
                by_number.setdefault(citation.number, set()).add(citation.source)
                by_source.setdefault(citation.source, set()).add(citation.number)
                cited.add(citation.number)
            for entry in entries:
                by_number.setdefault(entry.number, set()).add(entry.source_id)
                by_source.setdefault(entry.source_id, set()).add(entry.number)
            if output.name == "deck":  # the Sources slide (its notes) lists exactly what the slides cite
                assert {e.number for e in entries} == cited, edition.variant
        assert all(len(ids) == 1 for ids in by_number.values()), {n: i for n, i in by_number.items() if len(i) > 1}
        assert all(len(numbers) == 1 for numbers in by_source.values())


def _entries(text: str) -> dict[int, str]:
    """Return a sources list as printed, by number: '12. Author (2020). Title …' → {12: 'Author (2020). Title'}."""
    found = {}
    for match in re.finditer(r"(?:^|\s)(\d{1,3})\.\s+([A-Z][^.]{3,60})", text):
        found.setdefault(int(match.group(1)), match.group(2).strip())
    return found


def test_the_notes_list_the_deck_s_sources_with_the_handout_s_numbers(default_built: dict[str, Path]) -> None:
    for variant in ("public", "policymakers"):
        handout = pdf_text(default_built[f"{variant}-handout-a4.pdf"])
        notes = pdf_text(default_built[f"{variant}-speaker-notes.pdf"])
        listed_in_handout = _entries(handout[handout.rindex("Sources"):])
        listed_in_notes = _entries(notes[notes.rindex("Sources"):])
        assert len(listed_in_notes) > 10
        for number, text in listed_in_notes.items():
            assert listed_in_handout.get(number, "").startswith(text[:25]), (variant, number, text)
