"""Placeholders never reach print unnoticed: the scaffold's stand-in words, example addresses, TODO notes.

`briefpack new` writes a pack that builds at once, full of stand-ins ("Your
organisation", "https://example.org/…"). A pack that goes to a print shop
with one of them left in has a wrong cover or a QR code to nowhere. ``check``
names each stand-in still in the pack, and each "TODO", "FIXME" or "TBD" an
editor left in text, at its file, line and field.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cache
from importlib.resources import files
from typing import Any

from generator.content.fieldpath import FieldPath
from generator.content.loader import LoadedPack
from generator.errors import Problem

Warn = Callable[[FieldPath, str], Problem]
NOTE = re.compile(r"\b(TODO|FIXME|TBD|XXX)\b|lorem ipsum", re.IGNORECASE)
EXAMPLE_ADDRESS = re.compile(r"https?://(?:[\w-]+\.)*example\.(?:org|com|net)\b", re.IGNORECASE)
SCAFFOLD_FILES = ("pack.yaml.txt", "content.yaml.txt", "sources.yaml.txt")
# Scaffold values that are also sensible real choices: a pack may keep them.
SENSIBLE = {"default", "public", "policymakers", "en-AU", "briefing", "0.1", "another name"}


@cache
def scaffold_values() -> frozenset[str]:
    """Return the stand-in texts the scaffold writes: its multi-word values, except real words it shares.

    A value that is also briefpack's own fixed wording ("Third parties") is a
    real choice a pack may keep, not a stand-in.
    """
    from ruamel.yaml import YAML

    from generator.templates import BUILTIN

    found: set[str] = set()
    for name in SCAFFOLD_FILES:
        text = files("generator.scaffold").joinpath(name).read_text("utf-8")
        text = text.replace("{{schema}}", "").replace("{{id}}", "scaffold").replace("{{date}}", "2000-01-01")
        # A qualifier ("Selling is an offence") or a speaker note ("Walk the table row by row.") the
        # scaffold writes is a sensible default a pack may keep; everything else is a stand-in.
        found.update(value.strip() for path, value in _walk(YAML(typ="safe", pure=True).load(text), ())
                     if path[-1] != "qualifier" and "speaker_notes" not in path)
    wording = set(_strings(YAML(typ="safe", pure=True).load((BUILTIN / "messages" / "labels.yaml").read_text("utf-8"))))
    return frozenset(v for v in found if " " in v.strip() and v not in SENSIBLE and v not in wording)


def _strings(data: Any) -> Iterator[str]:
    if isinstance(data, str):
        yield data.strip()
    elif isinstance(data, dict):
        for value in data.values():
            yield from _strings(value)
    elif isinstance(data, list):
        for value in data:
            yield from _strings(value)


def _walk(data: Any, path: FieldPath) -> Iterator[tuple[FieldPath, str]]:
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _walk(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _walk(value, (*path, index))


def lint_placeholders(loaded: LoadedPack, warn: Warn) -> list[Problem]:
    """Return a warning for each example address or TODO note, and one per file for the scaffold's stand-ins.

    A new pack is full of stand-ins; one warning per file names the first and
    counts the rest, so the list stays a to-do list rather than a wall.
    """
    stand_ins = scaffold_values()
    problems = []
    for source in {id(s): s for s in loaded.sources.values()}.values():
        found = []
        for path, value in _walk(source.data, ()):
            text = value.strip()
            if text in stand_ins:
                found.append((path, text))
            elif address := EXAMPLE_ADDRESS.search(text):
                problems.append(warn(path, f"{address.group(0)} is an example address that leads nowhere: put "
                                     "the real one"))
            elif match := NOTE.search(text):
                problems.append(warn(path, f"'{match.group(0)}' left in the text: finish it before it is "
                                     "printed"))
        if found:
            (path, text), more = found[0], len(found) - 1
            also = f", and so are {more} more texts in this file" if more else ""
            problems.append(warn(path, f"'{_short(text)}' is the scaffold's stand-in text{also}: write the "
                                 "pack's own before it is printed"))
    return problems


def _short(text: str) -> str:
    return text if len(text) <= 50 else text[:49].rstrip() + "…"
