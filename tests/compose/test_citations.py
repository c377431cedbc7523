"""Citations are data: numbered once per edition, unchecked ones flagged, each sources list filled in."""

from __future__ import annotations

from generator.compose.citations import number_citations
from generator.content.schema import Source
from generator.document import Citation, Paragraph, Run, SourceList, text_of


def source(id_: str, checked: bool = True) -> Source:
    return Source(id=id_, title=f"Title {id_}", publisher="P", year=2020, checked=checked)


SOURCES = [source("a"), source("b", checked=False), source("c")]


def cites(*ids: str) -> Run:
    return Run("", cite=tuple(Citation(i) for i in ids))


def test_the_reference_document_numbers_by_first_use_and_lists_every_source() -> None:
    blocks = (Paragraph((Run("x"), cites("c"))), Paragraph((cites("a", "c"),)), SourceList(()))
    numbered, order = number_citations(blocks, SOURCES)
    assert order == {"c": 1, "a": 2, "b": 3}
    assert numbered[0].text[1].text == "[1]" and numbered[1].text[0].text == "[1, 2]"
    assert numbered[1].text[0].cite == (Citation("c", 1, True), Citation("a", 2, True))
    entries = numbered[2].entries
    assert [(e.number, e.source_id, e.checked) for e in entries] == [(1, "c", True), (2, "a", True), (3, "b", False)]
    assert text_of(entries[0].text) == "P (2020). Title c."


def test_another_document_keeps_the_edition_s_numbers_and_lists_what_it_cites() -> None:
    """A deck citing only b and a still says [1*, 2] as the handout numbers them; its list has those two."""
    edition = {"b": 1, "a": 2, "c": 3}
    blocks = (Paragraph((cites("a"),)), Paragraph((cites("b"),)), SourceList(()))
    numbered, order = number_citations(blocks, SOURCES, edition)
    assert order == edition
    assert numbered[0].text[0].text == "[2]" and numbered[1].text[0].text == "[1*]"
    assert [(e.number, e.source_id) for e in numbered[2].entries] == [(1, "b"), (2, "a")]


def test_unchecked_sources_are_flagged_on_the_citation_itself() -> None:
    numbered, _ = number_citations((Paragraph((cites("b", "a"),)), SourceList(())), SOURCES)
    marker = numbered[0].text[0]
    assert marker.text == "[1*, 2]"
    assert [(c.number, c.checked) for c in marker.cite] == [(1, False), (2, True)]


def test_a_document_without_a_sources_list_carries_no_markers() -> None:
    numbered, _ = number_citations((Paragraph((Run("x"), cites("a"))),), SOURCES)
    assert [run for run in numbered[0].text if run.text or run.cite] == [Run("x")]


def test_a_descriptive_title_prints_in_brackets_not_as_a_headline() -> None:
    described = Source(id="d", title="Interview with a shop owner", descriptive_title=True, publisher="P",
                       year=2020, checked=True)
    numbered, _ = number_citations((Paragraph((cites("d"),)), SourceList(())), [described])
    [entry] = numbered[1].entries
    assert text_of(entry.text) == "P (2020). [Interview with a shop owner]."
    assert not any(run.italic for run in entry.text)  # a headline is italic; a description is not


def test_a_source_says_where_in_it_when_it_was_opened_and_its_language() -> None:
    import datetime as dt

    statute = Source(id="s", title="Criminal Code", publisher="Parliament", year=2016, checked=True,
                     pinpoint="s. 241.2(1)", accessed=dt.date(2026, 3, 3), language="fr")
    labels = {"source_accessed": "Accessed {date}", "source_language": "In {language}"}
    numbered, _ = number_citations((Paragraph((cites("s"),)), SourceList(())), [statute], labels=labels,
                                   language="en-AU")
    [entry] = numbered[1].entries
    assert text_of(entry.text) == "Parliament (2016). Criminal Code, s. 241.2(1). Accessed 3 March 2026. In French."
    spanish = {"source_accessed": "Consultado el {date}", "source_language": "En {language}"}
    numbered, _ = number_citations((Paragraph((cites("s"),)), SourceList(())), [statute], labels=spanish,
                                   language="es")
    assert text_of(numbered[1].entries[0].text).endswith("Consultado el 3 de marzo de 2026. En francés.")
    same = statute.model_copy(update={"language": "fr-CA"})
    numbered, _ = number_citations((Paragraph((cites("s"),)), SourceList(())), [same], labels=labels, language="fr")
    assert "français" not in text_of(numbered[1].entries[0].text)  # a source in the edition's language says nothing
