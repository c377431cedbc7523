"""Facts that know their date: a status resting on old evidence is asked about, or dated in print."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from generator.content.lint import lint_pack
from generator.content.loader import load_pack
from tests.helpers import TEMPLATES, pdf_text

Change = Callable[[str, str, str], None]
LOWTOWN = "      - {name: Lowtown, year: 2019, sources: [atlas-2024]}"


def currency(folder: Path) -> list[str]:
    return [str(p) for p in lint_pack(load_pack(folder)) if "this status" in p.message]


def test_recent_evidence_asks_nothing(mini: Path) -> None:
    assert currency(mini) == []  # the atlas is from 2024, the pack from 2026


def test_a_status_older_than_the_pack_allows_is_asked_about_at_its_place(mini: Path, change: Change) -> None:
    change("sources.yaml", "publisher: Examplia Transport Office, year: 2024", "publisher: Examplia Transport "
           "Office, year: 2015")
    found = currency(mini)
    assert found == [  # Lowtown's own year (2019) is sourced evidence too; Port Vale has only the 2015 source
        "briefs/mini/content.yaml:34:16: warning: models[1].jurisdictions[1].name: Lowtown: the newest source for "
        "this status is from 2019, 7 years before this pack's date: confirm it (set `as_of:` to the year you did, "
        "from a source), or say until when it held (`until:`); an `as_of` this old prints as 'last confirmed "
        "<year>'",
        "briefs/mini/content.yaml:74:16: warning: models[3].jurisdictions[1].name: Port Vale: the newest source "
        "for this status is from 2015, 11 years before this pack's date: confirm it (set `as_of:` to the year you "
        "did, from a source), or say until when it held (`until:`); an `as_of` this old prints as 'last confirmed "
        "<year>'"]


def test_the_pack_declares_how_old_a_status_may_be(mini: Path, change: Change) -> None:
    change("sources.yaml", "publisher: Examplia Transport Office, year: 2024", "publisher: Examplia Transport "
           "Office, year: 2015")
    change("pack.yaml", "  date: 2026-03-01\n", "  date: 2026-03-01\n  status_max_age: 15\n")
    assert currency(mini) == []


def test_a_status_with_no_dated_evidence_is_asked_about(mini: Path, change: Change) -> None:
    change("sources.yaml", "publisher: Examplia Transport Office, year: 2024, ", "publisher: Examplia Transport "
           "Office, ")
    assert any("Port Vale: none of the sources for this status has a year" in w for w in currency(mini))


def test_a_status_that_no_longer_holds_prints_until_when(mini: Path, change: Change, tmp_path: Path) -> None:
    from generator.pipeline import build_pack

    change("sources.yaml", "publisher: Examplia Transport Office, year: 2024", "publisher: Examplia Transport "
           "Office, year: 2010")
    change("content.yaml", LOWTOWN, "      - {name: Lowtown, year: 2010, until: 2024, sources: [atlas-2024]}")
    change("content.yaml", "      - {name: Port Vale, sources: [atlas-2024]}",
           "      - {name: Port Vale, as_of: 2012, sources: [atlas-2024]}")
    assert currency(mini) == []  # both are dated in print
    result = build_pack(mini, TEMPLATES, tmp_path, jobs=1)
    handout = pdf_text(next(f.path for f in result.files if f.path.name == "mini-public-handout-a4.pdf"))
    assert "Lowtown (2010; until 2024)" in handout
    assert "Port Vale (last confirmed 2012)" in handout


def test_the_handout_and_summary_say_when_the_facts_are_current_to(mini: Path, change: Change,
                                                                   tmp_path: Path) -> None:
    from generator.pipeline import build_pack

    change("pack.yaml", "  date: 2026-03-01\n", "  date: 2026-03-01\n  current_to: 2026-01-15\n")
    result = build_pack(mini, TEMPLATES, tmp_path, jobs=1)
    files = {f.path.name: f.path for f in result.files}
    assert "Law and evidence as known on 15 January 2026" in pdf_text(files["mini-public-handout-a4.pdf"])
    summary = pdf_text(files["mini-public-summary-a4.pdf"])
    assert "1 March 2026 · Law and evidence as known on 15 January 2026" in summary
