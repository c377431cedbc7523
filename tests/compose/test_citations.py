"""Citations are numbered in order of first use, unchecked ones marked, and the sources list filled in."""

from __future__ import annotations

from generator.compose.citations import number_citations
from generator.content.schema import Source
from generator.document import Paragraph, Run, SourceList, text_of


def source(id_: str, checked: bool = True) -> Source:
    return Source(id=id_, title=f"Title {id_}", publisher="P", year=2020, checked=checked)


SOURCES = [source("a"), source("b", checked=False), source("c")]


def test_numbers_follow_first_use_and_uncited_sources_come_last() -> None:
    blocks = (Paragraph((Run("x"), Run("", cite=("c",)))), Paragraph((Run("", cite=("a", "c")),)), SourceList(()))
    numbered, order = number_citations(blocks, SOURCES)
    assert order == {"c": 1, "a": 2, "b": 3}
    assert numbered[0].text[1].text == "[1]" and numbered[1].text[0].text == "[1, 2]"
    entries = numbered[2].entries
    assert [(e.number, e.source_id, e.checked) for e in entries] == [(1, "c", True), (2, "a", True), (3, "b", False)]
    assert text_of(entries[0].text) == "P (2020). Title c."


def test_unchecked_sources_are_starred() -> None:
    numbered, _ = number_citations((Paragraph((Run("", cite=("b", "a")),)), SourceList(())), SOURCES)
    assert numbered[0].text[0].text == "[1*, 2]"


def test_a_document_without_a_sources_list_carries_no_markers() -> None:
    numbered, _ = number_citations((Paragraph((Run("x"), Run("", cite=("a",)))),), SOURCES)
    assert [run for run in numbered[0].text if run.text or run.cite] == [Run("x")]


def test_a_descriptive_title_prints_in_brackets_not_as_a_headline() -> None:
    described = Source(id="d", title="Interview with a shop owner", descriptive_title=True, publisher="P",
                       year=2020, checked=True)
    numbered, _ = number_citations((Paragraph((Run("", cite=("d",)),)), SourceList(())), [described])
    [entry] = numbered[1].entries
    assert text_of(entry.text) == "P (2020). [Interview with a shop owner]."
    assert not any(run.italic for run in entry.text)  # a headline is italic; a description is not
