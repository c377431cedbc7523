"""Number citations in order of first use and fill in the sources list."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from generator.content.items import Source
from generator.document import Run, SourceEntry, SourceList


def _map_runs(obj: Any, fn: Callable[[Run], Run], lists: Callable[[SourceList], SourceList] | None = None) -> Any:
    """Return ``obj`` with ``fn`` applied to every run (and each source list replaced by ``lists(it)``)."""
    if isinstance(obj, Run):
        return fn(obj)
    if isinstance(obj, SourceList) and lists is not None:
        return lists(obj)
    if isinstance(obj, tuple):
        return tuple(_map_runs(item, fn, lists) for item in obj)
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        changes = {f.name: _map_runs(getattr(obj, f.name), fn, lists) for f in dataclasses.fields(obj)}
        return dataclasses.replace(obj, **changes)
    return obj


def _source_text(source: Source) -> tuple[Run, ...]:
    """Return a source as printed: who (year). Title. Publisher. Note.

    A title that is only a description of the source prints in [square
    brackets], upright; a real title in italics.
    """
    who = source.author or source.publisher or ""
    runs = [Run(f"{who}" + (f" ({source.year})" if source.year else "") + ". ")]
    if source.descriptive_title:
        runs.append(Run(f"[{source.title}]"))
    else:
        runs.append(Run(source.title, italic=True))
    tail = []
    if source.author and source.publisher:
        tail.append(source.publisher)
    if source.note:
        tail.append(source.note)
    stop = "" if source.title.endswith(("?", "!", ".")) and not source.descriptive_title else "."
    if tail:
        runs.append(Run(f"{stop} " + ". ".join(t.rstrip(".") for t in tail) + "."))
    else:
        runs.append(Run(stop))
    return tuple(run for run in runs if run.text)


def number_citations(blocks: tuple[Any, ...], sources: list[Source]) -> tuple[tuple[Any, ...], dict[str, int]]:
    """Return blocks with citation markers numbered and the sources list filled in.

    Sources are numbered in order of first citation; sources never cited follow,
    so the list stays complete.
    """
    order: dict[str, int] = {}

    def collect(run: Run) -> Run:
        for source_id in run.cite:
            order.setdefault(source_id, len(order) + 1)
        return run

    _map_runs(blocks, collect)
    for source in sources:
        order.setdefault(source.id, len(order) + 1)
    by_id = {s.id: s for s in sources}
    unchecked = {s.id for s in sources if not s.checked}

    def mark(run: Run) -> Run:
        if not run.cite:
            return run
        numbers = sorted({order[i] for i in run.cite if i in order})
        flags = ["*" if any(order.get(i) == n and i in unchecked for i in run.cite) else "" for n in numbers]
        text = "[" + ", ".join(f"{n}{flag}" for n, flag in zip(numbers, flags, strict=True)) + "]"
        return dataclasses.replace(run, text=text)

    entries = tuple(
        SourceEntry(number, source_id, _source_text(by_id[source_id]), by_id[source_id].url,
                    by_id[source_id].checked)
        for source_id, number in sorted(order.items(), key=lambda kv: kv[1])
        if source_id in by_id
    )
    if not _contains_source_list(blocks):
        # Nowhere to point to: a document without a sources list carries no markers.
        return _map_runs(blocks, lambda run: dataclasses.replace(run, text="", cite=()) if run.cite else run), order
    any_unchecked = any(not entry.checked for entry in entries)

    def filled(old: SourceList) -> SourceList:
        return SourceList(entries, old.legend if any_unchecked else ())

    return _map_runs(blocks, mark, filled), order


def _contains_source_list(obj: Any) -> bool:
    if isinstance(obj, SourceList):
        return True
    if isinstance(obj, tuple):
        return any(_contains_source_list(item) for item in obj)
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return any(_contains_source_list(getattr(obj, f.name)) for f in dataclasses.fields(obj))
    return False
