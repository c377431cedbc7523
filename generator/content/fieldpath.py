"""Field paths: where in a pack a value sits, and the form editors read (``models[3].quotes[1].source``).

Items are counted from 1, as an editor counts them ("the third model"); the
file:line before each message points at the exact place either way.
"""

from __future__ import annotations

FieldPath = tuple[str | int, ...]


def dotted(path: FieldPath) -> str:
    """Return ``path`` as ``a.b[3].c``: the item at index 2 is the third, [3]."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part + 1}]"
        else:
            out += f".{part}" if out else str(part)
    return out
