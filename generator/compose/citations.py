"""Number citations once per edition and fill in the sources lists.

The handout is an edition's reference document: its sources are numbered in
the order the handout first cites them, then the sources it never cites, so
its list is complete. Every other document of the edition (summary, deck and
notes, web edition) carries those same numbers: a reader who follows a
slide's [16] into the handout finds source 16. A document's own sources list
holds the sources it cites (the handout's: all of them), in number order.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

from generator.compose.environment import long_date
from generator.content.items import Source
from generator.document import Citation, Run, SourceEntry, SourceList, map_runs, marker_text

Numbering = Mapping[str, int]  # source id → its number in the edition


def _source_text(source: Source, labels: Mapping[str, str] | None = None, language: str = "en") -> tuple[Run, ...]:
    """Return a source as printed: who (year). Title, pinpoint. Publisher. Note. Accessed … In ….

    A title that is only a description of the source prints in [square
    brackets], upright; a real title in italics. When it was opened and its
    language (if not the edition's) are said in the edition's words.
    """
    labels = labels or {}
    who = source.author or source.publisher or ""
    runs = [Run(f"{who}" + (f" ({source.year})" if source.year else "") + ". ")]
    if source.descriptive_title:
        runs.append(Run(f"[{source.title}]"))
    else:
        runs.append(Run(source.title, italic=True))
    if source.pinpoint:
        runs.append(Run(f", {source.pinpoint}"))
    tail = []
    if source.author and source.publisher:
        tail.append(source.publisher)
    if source.note:
        tail.append(source.note)
    if source.accessed:
        accessed = long_date(language)(source.accessed)
        tail.append(labels.get("source_accessed", "Accessed {date}").format(date=accessed))
    if source.language and source.language.split("-")[0] != language.split("-")[0]:
        named = language_name(source.language, language)
        tail.append(labels.get("source_language", "In {language}").format(language=named))
    printed_end = source.pinpoint or ("]" if source.descriptive_title else source.title)
    stop = "" if printed_end.endswith(("?", "!", ".")) else "."
    if tail:
        runs.append(Run(f"{stop} " + ". ".join(t.rstrip(".") for t in tail) + "."))
    else:
        runs.append(Run(stop))
    return tuple(run for run in runs if run.text)


def language_name(tag: str, language: str) -> str:
    """Return the name of language ``tag`` in ``language`` ('fr' in English: 'French'), or the tag itself."""
    from babel.core import Locale, UnknownLocaleError

    try:
        return Locale.parse(tag.replace("-", "_")).get_display_name(Locale.parse(language.replace("-", "_"))) or tag
    except (UnknownLocaleError, ValueError):
        return tag


def cited_in_order(blocks: Any) -> list[str]:
    """Return the source ids ``blocks`` cite, in order of first citation."""
    order: dict[str, None] = {}

    def collect(run: Run) -> Run:
        for citation in run.cite:
            order.setdefault(citation.source, None)
        return run

    map_runs(blocks, collect)
    return list(order)


def numbering_of(blocks: Any, sources: list[Source]) -> dict[str, int]:
    """Return the numbering a reference document gives: its order of first citation, then every uncited source."""
    known = {s.id for s in sources}
    order = [source_id for source_id in cited_in_order(blocks) if source_id in known]
    order += [s.id for s in sources if s.id not in set(order)]
    return {source_id: number for number, source_id in enumerate(order, start=1)}


def number_citations(blocks: tuple[Any, ...], sources: list[Source], numbering: Numbering | None = None,
                     labels: Mapping[str, str] | None = None,
                     language: str = "en") -> tuple[tuple[Any, ...], dict[str, int]]:
    """Return blocks with every citation numbered and each sources list filled in; and the numbering used.

    ``numbering`` is the edition's (see ``compose.edition_numbering``); without
    one, ``blocks`` are the reference document and are numbered in their own
    order, and their list holds every source. A document without a sources list
    carries no markers: they would point nowhere.
    """
    reference = numbering is None
    numbers = dict(numbering) if numbering is not None else numbering_of(blocks, sources)
    by_id = {s.id: s for s in sources}
    if not _contains_source_list(blocks):
        return map_runs(blocks, lambda run: dataclasses.replace(run, text="", cite=()) if run.cite else run), numbers

    def mark(run: Run) -> Run:
        if not run.cite:
            return run
        cites = {numbers[c.source]: Citation(c.source, numbers[c.source], by_id[c.source].checked)
                 for c in run.cite if c.source in numbers and c.source in by_id}
        ordered = tuple(cites[n] for n in sorted(cites))
        return dataclasses.replace(run, text=marker_text(ordered), cite=ordered)

    listed = set(numbers) if reference else set(cited_in_order(blocks))
    entries = tuple(
        SourceEntry(number, source_id, _source_text(by_id[source_id], labels, language), by_id[source_id].url,
                    by_id[source_id].checked)
        for source_id, number in sorted(numbers.items(), key=lambda kv: kv[1])
        if source_id in by_id and source_id in listed
    )

    def filled(old: SourceList) -> SourceList:
        kept = tuple(entry for entry in entries if not old.only or entry.source_id in old.only)
        return SourceList(kept, old.legend if any(not entry.checked for entry in kept) else (), old.only)

    return map_runs(blocks, mark, filled), numbers


def _contains_source_list(obj: Any) -> bool:
    if isinstance(obj, SourceList):
        return True
    if isinstance(obj, tuple):
        return any(_contains_source_list(item) for item in obj)
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return any(_contains_source_list(getattr(obj, f.name)) for f in dataclasses.fields(obj))
    return False
