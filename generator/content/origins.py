"""Find the content file, line and field a piece of laid-out text came from.

Layout measures text long after the YAML is read. When it must refuse or warn
about a paragraph ("a sentence does not fit", "items moved to the notes"), the
editor needs the place to edit, not only a slide title. Text keeps no pointer
back to its YAML (templates reshape it freely), so the origin is found by
content: the one string value in the pack that contains the text, or the
longest one the text contains (a bullet built from a title and its text).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from generator.content.fieldpath import FieldPath, dotted
from generator.content.yamlsource import SourceFile

_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MARKS = str.maketrans({"*": "", "_": "", "`": "", "‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-",
                        "«": '"', "»": '"', "„": '"', "‚": "'", "\u00a0": " "})  # print's marks as typed
_SHORTEST = 12  # characters: shorter values ("Yes", a year) would match by accident


@dataclass(frozen=True)
class Origin:
    """Where a value was written: file as printed, 1-based line and column, and its field path."""

    file: str
    line: int
    column: int
    field: str
    path: FieldPath = dataclasses.field(default=(), compare=False)  # the field as a path, when it is a content file's

    def has_sibling(self, key: str) -> bool:
        """Return whether the item holding this value may have ``key`` (``slide``): advice names only real fields."""
        from generator.content.explain import fields_by_key, model_at
        from generator.content.schema import Pack

        model = model_at(self.path[:-1], Pack) if self.path else None
        return model is not None and key in fields_by_key(model)

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.field}"


def plain(text: str) -> str:
    """Return ``text`` as compared: Markdown marks and links dropped, quotes and dashes plain, spaces single."""
    text = _LINK.sub(r"\1", text).translate(_MARKS)
    return " ".join(text.replace("…", " ").split()).casefold()


class Origins:
    """The string values of a loaded pack, searchable by the text they became."""

    def __init__(self, sources: Mapping[str, SourceFile]):
        self._sources = sources

    @cached_property
    def _values(self) -> list[tuple[str, Origin]]:
        """Every string value, plain, with its origin; built on the first search (most builds never search)."""
        found = []
        for source in {id(s): s for s in self._sources.values()}.values():
            for path, value in _strings(source.data, ()):
                if len(value) >= _SHORTEST:
                    line, column = source.position(path)
                    found.append((plain(value), Origin(source.name, line, column, dotted(path), path)))
        return found

    def find(self, text: str, section: str = "") -> Origin | None:
        """Return the origin of ``text``: the shortest value holding it, else the longest value inside it.

        With ``section`` (a top-level key, 'cards'), a value there is preferred
        to the same words elsewhere.
        """
        probe = plain(text)
        if len(probe) < _SHORTEST:
            return None
        holding = [(len(value) - 0.5 * (origin.field.startswith(f"{section}[") if section else 0), origin)
                   for value, origin in self._values if probe in value]
        if holding:
            return min(holding, key=lambda pair: pair[0])[1]
        inside = [(len(value), origin) for value, origin in self._values if value in probe]
        return max(inside, key=lambda pair: pair[0])[1] if inside else None


def _strings(data: Any, path: FieldPath) -> Iterator[tuple[FieldPath, str]]:
    """Yield every string value in ``data`` with its path, in file order."""
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, Mapping):
        for key, value in data.items():
            yield from _strings(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _strings(value, (*path, index))
