"""Hints a renderer keeps between builds in one process (e.g. the handout's last contents entries).

Hints only make a build faster, never different: a wrong or missing hint
costs an extra layout pass. ``briefpack watch`` renders in worker processes,
so the build passes each job's new hints back to the parent, whose next
workers inherit them.
"""

from __future__ import annotations

from typing import Any

HINTS: dict[Any, Any] = {}


def changed_since(before: dict[Any, Any]) -> dict[Any, Any]:
    """Return the hints added or changed since ``before`` (a copy of HINTS)."""
    return {key: value for key, value in HINTS.items() if before.get(key) != value}
