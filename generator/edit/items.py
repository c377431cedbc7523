"""The items an editor edits: how a form's address names one, what it is called, which item holds a field.

An item is a list entry (a key message, a model's jurisdiction, a source) or
one of the pack's single sections (its details, its vocabulary). It is named
by its field path, written as ``check`` writes fields, items counted from 1:
``models[2].jurisdictions[4]``. Names come from the item's own words (its
title, name or term), so a link says "Edit jurisdiction “Canada”", not a number.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from generator.content.fieldpath import FieldPath, dotted

# What one entry of each list is called, by the list's key.
KINDS = {
    "key_messages": "key message", "definitions": "definition", "models": "model", "jurisdictions": "jurisdiction",
    "events": "event", "quotes": "quotation", "evidence": "evidence item", "lived_experience": "lived-experience point",
    "recommendations": "recommendation", "resources": "resource", "glossary": "glossary term", "sources": "source",
    "arguments_for": "argument for", "concerns": "concern", "acts": "act", "cards": "card",
    "easy_read": "Easy Read row", "rows": "Easy Read row", "variants": "variant", "comparison": "comparison row",
    "parties": "party", "effects": "effect", "statuses": "status word", "fields": "detail field",
    "avoid": "avoided term", "points": "point",
}
# The single sections an editor can open, by key, and what they are called.
SECTIONS = {"pack": "pack details", "vocabulary": "vocabulary", "speaker_notes": "speaker notes",
            "easy_read": "Easy Read edition"}
_NAMES = ("title", "name", "term", "label", "word")  # the field that names an item, first found
_STEP = re.compile(r"\.?([A-Za-z0-9_-]+)|\[(\d+)\]")


def parse(text: str) -> FieldPath:
    """Return the field path ``text`` writes (``models[2].quotes[1]``, items from 1), or raise ValueError."""
    path: list[str | int] = []
    position = 0
    while position < len(text):
        match = _STEP.match(text, position)
        if match is None or (match.group(1) and position and not text.startswith(".", position)):
            raise ValueError(f"'{text}' is not a field path")
        path.append(match.group(1) if match.group(1) else int(match.group(2)) - 1)
        if isinstance(path[-1], int) and path[-1] < 0:
            raise ValueError(f"'{text}' counts items from 1")
        position = match.end()
    if not path or not isinstance(path[0], str):
        raise ValueError(f"'{text}' is not a field path")
    return tuple(path)


def write(path: FieldPath) -> str:
    """Return ``path`` as a form's address writes it (the inverse of ``parse``)."""
    return dotted(path)


def item_of(path: FieldPath) -> FieldPath:
    """Return the path of the item holding the field at ``path``: its innermost list entry, or its section.

    An entry of a list of words (a model's aliases) is part of the item that has the list.
    """
    from generator.content.explain import model_at
    from generator.content.schema import Pack

    for end in range(len(path), 0, -1):
        if isinstance(path[end - 1], int) and model_at(path[:end], Pack) is not None:
            return path[:end]
    return path[:1]


def kind_of(path: FieldPath) -> str:
    """Return what the item at ``path`` is called: 'jurisdiction', 'pack details'."""
    if len(path) == 1:
        return SECTIONS.get(str(path[0]), str(path[0]).replace("_", " "))
    key = path[-2] if isinstance(path[-1], int) else path[-1]
    return KINDS.get(str(key), str(key).replace("_", " "))


def name_of(value: Any, limit: int = 60) -> str:
    """Return an item's own name: its title, name or term; an event's year and kind; else its first words."""
    if isinstance(value, Mapping):
        if "year" in value and "kind" in value:
            return f"{value['year']} {value.get('label') or value['kind']}"
        for key in _NAMES:
            if isinstance(value.get(key), str) and value[key].strip():
                return _short(value[key], limit)
        for key in ("text", "act", "summary", "id"):
            if isinstance(value.get(key), str):
                return _short(value[key], limit)
    if isinstance(value, str):
        return _short(value, limit)
    return ""


def label(path: FieldPath, value: Any) -> str:
    """Return how a link or heading names the item: 'jurisdiction “Canada”', or its kind and number."""
    name = name_of(value)
    audiences = value.get("audiences") if isinstance(value, Mapping) else None
    if name and audiences:
        return f"{kind_of(path)} “{name}” (for {', '.join(str(a) for a in audiences)})"
    if name:
        return f"{kind_of(path)} “{name}”"
    return f"{kind_of(path)} {path[-1] + 1}" if isinstance(path[-1], int) else kind_of(path)


def value_at(data: Any, path: FieldPath, missing: Any = None) -> Any:
    """Return the value at ``path`` in ``data`` (the YAML as read), or ``missing`` where there is none."""
    node = data
    for step in path:
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            return missing
    return node


def entries(data: Any, path: FieldPath) -> Iterator[tuple[FieldPath, Any]]:
    """Yield (path, value) of each entry of the list at ``path`` in ``data`` (the YAML as read)."""
    node = value_at(data, path)
    if isinstance(node, list):
        for index, value in enumerate(node):
            yield (*path, index), value


def _short(text: str, limit: int) -> str:
    words = " ".join(str(text).split())
    words = re.sub(r"[*_`]", "", words)
    return words if len(words) <= limit else words[: limit - 1].rsplit(" ", 1)[0] + "…"
