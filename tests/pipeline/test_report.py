"""The words at the end of a build: the table, what changed, and one summary line."""

from __future__ import annotations

from pathlib import Path

from generator.errors import Problem
from generator.pipeline.report import changes, summary, table
from generator.pipeline.results import OutputRecord, PackBuild

WARNING = Problem("briefs/p/x.yaml", 3, 5, "f", "careful", "warning")


def builds() -> list[PackBuild]:
    files = (
        OutputRecord(Path("output/p/p-deck.pptx"), 12, "slides", 1.25, True, ("changed: briefs/p/x.yaml",), True, (3, 4)),
        OutputRecord(Path("output/p/p-handout-a4.pdf"), 1, "pages", 0.0, False, ("same document",)),
    )
    return [PackBuild("p", files, (WARNING,), 1.5)]


def test_the_table_says_what_was_rebuilt_and_why() -> None:
    lines = table(builds())
    assert lines[0].split() == ["pack", "output", "size", "time", "status"]
    assert lines[1].split()[:5] == ["p", "deck.pptx", "12", "slides", "1.25s"]
    assert lines[1].endswith("rebuilt (changed: briefs/p/x.yaml)")
    assert lines[2].endswith("up to date (edit did not reach it)") and "1 page " in lines[2]


def test_changes_name_the_slides_to_reprint() -> None:
    assert changes(builds()) == ["changed: output/p/p-deck.pptx (slides 3, 4)"]


def test_the_summary_counts_files_pages_slides_and_warnings() -> None:
    assert summary(builds(), 2.0, "output") == ("built p: 1 files, 0 pages, 12 slides in 2.0s -> output/ (1 up to date);"
                                                " 1 warning (briefpack check lists them)")
