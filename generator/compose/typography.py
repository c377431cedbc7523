"""Typography of the document's language, applied to the composed document: French spacing.

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

from generator.document import Run

NBSP = "\u00a0"
_BEFORE = re.compile(r"(?<=\S) ?([:;?!»])(?=\s|$)")  # "mot:" or "mot :" at a word's end
_AFTER_GUILLEMET = re.compile(r"«[ \u00a0]?")


def typeset(document: Any, language: str) -> Any:
    """Return ``document`` with its language's spacing (French: a no-break space before : ; ? ! »)."""
    if not language.lower().startswith("fr"):
        return document
    return _map(document)


def french(text: str) -> str:
    """Return ``text`` with French no-break spaces; an address ("https://…") is left as it is."""
    if "://" in text or "www." in text:
        return " ".join(french(word) if "://" not in word and "www." not in word else word
                        for word in text.split(" "))
    text = _BEFORE.sub(lambda match: f"{NBSP}{match.group(1)}", text)
    return _AFTER_GUILLEMET.sub(f"«{NBSP}", text)


def _map(node: Any) -> Any:
    if isinstance(node, Run):
        return node if node.cite or node.url or node.lang else dataclasses.replace(node, text=french(node.text))
    if isinstance(node, tuple):
        mapped = tuple(_map(item) for item in node)
        return _across_runs(mapped) if mapped and all(isinstance(item, Run) for item in mapped) else mapped
    if dataclasses.is_dataclass(node) and not isinstance(node, type):
        changes = {field.name: _map(getattr(node, field.name)) for field in dataclasses.fields(node)}
        return dataclasses.replace(node, **{k: v for k, v in changes.items() if v is not getattr(node, k)})
    return node


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
