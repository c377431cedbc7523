"""Typography of the document's language, applied to the composed document: quotation marks and French spacing.

Editors type straight quotes and apostrophes (``"``, ``'``); print wants the
language's marks: “…” and ’ in English, «…» in French and Spanish, „…“ in
German, with the second level (‘…’, “…”, ‚…‘) inside the first. ``smarten``
sets them, level by level: a straight quote inside a quotation (a verbatim
``Quote``, or text already between “ and ”) becomes the inner mark, so
“A person ("D") commits …” prints as “A person (‘D’) commits …”. Addresses,
citation markers and links are never touched.

French sets a no-break space before ``: ; ? !`` and inside « guillemets »,
and fixed wording and templates write "Status: text" as English does. Rather
than every template and catalogue knowing, the composed document of a
French edition gets the spaces here, in its words (never inside an address or
a citation marker), so no line ever starts with a colon or a guillemet.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from generator.document import Quote, Run

NBSP = "\u00a0"
_BEFORE = re.compile(r"(?<=\S) ?([:;?!»])(?=\s|$)")  # "mot:" or "mot :" at a word's end
_AFTER_GUILLEMET = re.compile(r"«[ \u00a0]?")


def typeset(document: Any, language: str, labels: dict[str, str] | None = None) -> Any:
    """Return ``document`` with its language's quotation marks and spacing (French: a no-break space before : ; ? ! »).

    ``labels`` carry the edition's quotation marks (``quote_open``/``quote_close``,
    fixed wording a catalogue translates); without them English marks are used.
    """
    labels = labels or {}
    levels = _levels(labels.get("quote_open", "“"), labels.get("quote_close", "”"))
    spaced = language.lower().startswith("fr")

    def line(runs: tuple[Run, ...], depth: int) -> tuple[Run, ...]:
        runs = _smarten_runs(runs, levels, depth)
        return _french_line(runs) if spaced else runs

    return _each_line(document, line, 0)


def _each_line(node: Any, line: Any, depth: int) -> Any:
    """Return ``node`` with ``line(runs, depth)`` applied to every line of runs, ``depth`` quotations deep."""
    if isinstance(node, tuple) and node and all(isinstance(item, Run) for item in node):
        return line(node, depth)
    if isinstance(node, tuple):
        mapped = tuple(_each_line(item, line, depth) for item in node)
        return mapped if any(a is not b for a, b in zip(mapped, node, strict=True)) else node
    if isinstance(node, Quote):  # a verbatim quotation: its own marks are drawn around it, its quotes sit inside
        return dataclasses.replace(node, paragraphs=_each_line(node.paragraphs, line, depth + 1),
                                   attribution=_each_line(node.attribution, line, depth),
                                   context=_each_line(node.context, line, depth),
                                   translation=_each_line(node.translation, line, depth + 1))
    if dataclasses.is_dataclass(node) and not isinstance(node, type):
        changes = {field.name: _each_line(getattr(node, field.name), line, depth) for field in dataclasses.fields(node)}
        return dataclasses.replace(node, **{k: v for k, v in changes.items() if v is not getattr(node, k)})
    return node


# The inner pair each outer pair takes: English “‘, French and Spanish «“, German „‚.
_INNER = {"“": ("‘", "’"), "«": ("“", "”"), "„": ("‚", "‘"), "»": ("›", "‹"), "「": ("『", "』")}
_OPENING_CONTEXT = set(" \t\n\u00a0([{—–-/")
Levels = tuple[tuple[str, str], tuple[str, str]]


def _levels(open_mark: str, close_mark: str) -> Levels:
    return (open_mark, close_mark), _INNER.get(open_mark, ("‘", "’"))


def smarten(text: str, levels: Levels, depth: int = 0) -> str:
    """Return ``text`` with straight quotes and apostrophes as typographic ones, nested from ``depth``."""
    return _smarten_runs((Run(text),), levels, depth)[0].text


def _smarten_runs(runs: tuple[Run, ...], levels: Levels, depth: int) -> tuple[Run, ...]:
    """Set the marks of a line of runs as one text (a quote may open in one run and close in another)."""
    if not any("'" in run.text or '"' in run.text for run in runs):
        return runs
    open_marks = {levels[0][0]: 0, levels[1][0]: 1}
    close_marks = {levels[0][1]: 0, levels[1][1]: 1}
    stack: list[int] = [level % 2 for level in range(depth)]  # the quotations the text is already inside
    out = []
    before = " "
    for run in runs:
        if run.cite or run.url or "://" in run.text:
            out.append(run)
            before = run.text[-1:] or before
            continue
        chars = list(run.text)
        for index, char in enumerate(chars):
            after = chars[index + 1] if index + 1 < len(chars) else " "
            if char in open_marks and char not in close_marks:
                stack.append(open_marks[char])
            elif char in close_marks and char not in open_marks and stack:
                stack.pop()
            elif char == "'":
                if before in _OPENING_CONTEXT and after.isalpha():  # 'word: an inner quotation opens
                    chars[index] = levels[1][0]
                    stack.append(1)
                elif stack and stack[-1] == 1 and not after.isalnum():  # word' or word.' closes it
                    chars[index] = levels[1][1]
                    stack.pop()
                else:  # don't, workers', '90s: an apostrophe
                    chars[index] = "’"
            elif char == '"':
                if before in _OPENING_CONTEXT:
                    level = 1 if stack and stack[-1] == 0 else 0
                    chars[index] = levels[level][0]
                    stack.append(level)
                else:
                    level = stack.pop() if stack else 0
                    chars[index] = levels[level][1]
            before = chars[index]
        text = "".join(chars)
        out.append(run if text == run.text else dataclasses.replace(run, text=text))
    return tuple(out)


def french(text: str) -> str:
    """Return ``text`` with French no-break spaces; an address ("https://…") is left as it is."""
    if "://" in text or "www." in text:
        return " ".join(french(word) if "://" not in word and "www." not in word else word
                        for word in text.split(" "))
    text = _BEFORE.sub(lambda match: f"{NBSP}{match.group(1)}", text)
    return _AFTER_GUILLEMET.sub(f"«{NBSP}", text)


def _french_line(runs: tuple[Run, ...]) -> tuple[Run, ...]:
    """Return a line of runs with French spacing in its words (never in an address, a marker or another language)."""
    spaced = (run if run.cite or run.url or run.lang else dataclasses.replace(run, text=french(run.text))
              for run in runs)
    return _across_runs(tuple(spaced))


def _across_runs(runs: tuple[Run, ...]) -> tuple[Run, ...]:
    """Give a run that starts with ``: ; ? ! »`` its no-break space when the run before ends a word ("**Mot**:")."""
    out = list(runs)
    for index in range(1, len(out)):
        run, before = out[index], out[index - 1]
        if run.cite or run.url or run.lang or not run.text or not before.text:
            continue
        if run.text[0] in ":;?!»" and not before.text[-1].isspace():
            out[index] = dataclasses.replace(run, text=NBSP + run.text)
    return tuple(out)
