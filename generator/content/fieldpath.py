"""Field paths: where in a pack a value sits, and the form editors read (``models[3].quotes[1].source``).

Items are counted from 1, as an editor counts them ("the third model"); the
file:line before each message points at the exact place either way.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

FieldPath = tuple[str | int, ...]


def hidden_from(pack: Any, audiences: set[str] | str | None) -> set[FieldPath]:
    """Return the paths of the items tagged only for audiences other than ``audiences`` (they see none of it).

    None: an edition for no audience in particular, which sees everything.
    """
    if audiences is None:
        return set()
    audiences = {audiences} if isinstance(audiences, str) else audiences
    return {path for path, _, key, value in model_fields(pack)
            if key == "audiences" and value and not audiences & set(value)}


def inside(path: FieldPath, items: set[FieldPath]) -> bool:
    """Return whether ``path`` is one of ``items`` or lies inside one."""
    return any(path[:n] in items for n in range(1, len(path) + 1))


def dotted(path: FieldPath) -> str:
    """Return ``path`` as ``a.b[3].c``: the item at index 2 is the third, [3]."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part + 1}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def model_fields(obj: Any, path: FieldPath = ()) -> Iterator[tuple[FieldPath, BaseModel, str, Any]]:
    """Yield (the model's path, the model, the key an editor writes, its value) for every field in ``obj``.

    In document order, each field before the fields of the models inside it:
    the one walk over a validated pack that lints share (source references,
    keys swallowed by a text).
    """
    if isinstance(obj, BaseModel):
        for name, info in type(obj).model_fields.items():
            key, value = info.alias or name, getattr(obj, name)
            yield path, obj, key, value
            yield from model_fields(value, path + (key,))
    elif isinstance(obj, (list, tuple)):
        for index, item in enumerate(obj):
            yield from model_fields(item, path + (index,))
    elif isinstance(obj, dict):
        for key, item in obj.items():
            yield from model_fields(item, path + (key,))
