"""Keys swallowed by a text: the indentation slip that YAML accepts and turns into wrong output.

In ::

    text: >-
      Assisted dying is legal here …
      sources: [oregon-dwda]

``sources:`` is indented like the text's lines, so YAML reads it as more of
the text: the key message prints "… sources: [oregon-dwda]" and silently has
no sources. Nothing is invalid, so only a lint can see it: a text field that
holds ``<key>:`` where ``<key>`` is a field its own item may have but does not
is almost certainly that slip. The warning points at the line the key is on.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from generator.content.fieldpath import FieldPath, model_fields
from generator.content.loader import LoadedPack
from generator.content.truth import Warn
from generator.errors import Problem

KEY = re.compile(r"(?:^|(?<=\s))([a-z][a-z_]*):(?=\s|$)")


def lint_swallowed_keys(loaded: LoadedPack, warn: Warn) -> list[Problem]:
    """Return a warning for each text that holds one of its own item's missing keys."""
    problems = []
    lines: dict[str, list[str]] = {}
    for path, field, text, key in _swallowed(loaded.content):
        problem = warn(path + (field,), f"the text of '{field}' holds '{_snippet(text, key)}': '{key}' looks "
                                        f"like this item's own key, indented so far that YAML read it as more "
                                        f"of the text (the item has no {key}); indent '{key}:' like "
                                        f"'{field}:' above it")
        found = _line_of(key, problem.line, loaded.section_files.get(str(path[0])), lines)
        problems.append(replace(problem, line=found[0], column=found[1]) if found else problem)
    return problems


def _swallowed(pack: Any) -> Iterator[tuple[FieldPath, str, str, str]]:
    """Yield (item path, field, text, key) for each text holding a key its item may have but lacks."""
    for path, model, field, value in model_fields(pack):
        for match in KEY.finditer(value) if isinstance(value, str) else ():
            if match.group(1) in _unwritten(model):
                yield path, field, value, match.group(1)
                break


def _unwritten(model: BaseModel) -> set[str]:
    """Return the keys ``model`` may have that its YAML did not write."""
    return {info.alias or name for name, info in type(model).model_fields.items()
            if name not in model.model_fields_set}


def _snippet(text: str, key: str) -> str:
    start = text.find(f"{key}:")
    words = text[start:start + 48]
    return words + ("…" if len(text) > start + 48 else "")


def _line_of(key: str, after: int, file: Path | None, cache: dict[str, list[str]]) -> tuple[int, int] | None:
    """Return (line, column) of ``key:`` in ``file`` at or after line ``after``: where the editor must look."""
    if file is None or after < 1:
        return None
    if str(file) not in cache:
        cache[str(file)] = file.read_text(encoding="utf-8-sig").splitlines()
    pattern = re.compile(rf"(?:^|\s){re.escape(key)}:(?=\s|$)")
    for number, line in enumerate(cache[str(file)][after - 1:], start=after):
        match = pattern.search(line)
        if match:
            return number, match.end() - len(key)
    return None
