"""Warnings that keep printed claims true to their sources and voices true to the people they belong to.

A briefing is read by journalists and officials: an address nobody opened
behind a QR code, a quotation cut so it loses its subject, or a summary that
reads as someone's own words can cost an organisation its credibility. These
checks catch the kinds of mistake a fact-check of a real pack found.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from generator.content.fieldpath import FieldPath
from generator.content.items import Quote
from generator.content.loader import LoadedPack
from generator.errors import Problem

Warn = Callable[[FieldPath, str], Problem]
# A paraphrase with these words reads as the person's own words.
FIRST_PERSON = re.compile(r"\b(I|I'm|I've|I'd|I'll|[Mm]y|[Mm]e|[Mm]ine|[Mm]yself)\b")


def lint_resources(loaded: LoadedPack, warn: Warn) -> list[Problem]:
    """Return a warning for each resource whose QR code leads to an address nobody recorded opening."""
    sources = {s.id: s for s in loaded.content.sources}
    problems = []
    for index, item in enumerate(loaded.content.resources):
        source = sources.get(item.source or "")
        if source is None:
            problems.append(warn(("resources", index, "url"), "printed with a QR code, but no source says anyone "
                                                              "opened this address; add `source:` naming its entry"))
        elif not source.checked:
            problems.append(warn(("resources", index, "source"), f"printed with a QR code, never opened: source "
                                 f"'{source.id}' is not checked; open {item.url} and set checked: true, or "
                                 "point the resource at an address someone has opened"))
        elif source.url and source.url != item.url:
            problems.append(warn(("resources", index, "url"), f"the QR code opens {item.url}, but source "
                                 f"'{source.id}' was checked at {source.url}; use the checked address"))
    return problems


def lint_quotations(loaded: LoadedPack, warn: Warn) -> list[Problem]:
    """Return a warning for each quotation that starts mid-sentence without a lead-in, or elides with '...'."""
    quotes: list[tuple[FieldPath, Quote]] = [(("definitions", i), q) for i, q in enumerate(loaded.content.definitions)]
    quotes += [(("models", m, "quotes", i), q) for m, model in enumerate(loaded.content.models)
               for i, q in enumerate(model.quotes)]
    problems = []
    for path, quote in quotes:
        text = quote.text.strip()
        if text[:1].islower():
            problems.append(warn(path + ("text",), f"the quotation starts mid-sentence ('{_excerpt(text, 30)}'), "
                                 "so on its own it may lose its subject; open it with a bracketed lead-in: "
                                 f"'[Who or what] {_excerpt(text, 20)}'"))
        if "..." in text:
            problems.append(warn(path + ("text",), "words left out of a quotation are marked '…', not '...'"))
    return problems


def _excerpt(text: str, length: int) -> str:
    """Return the start of ``text``, marked "…" if cut."""
    return text if len(text) <= length else text[:length].rstrip() + "…"


def lint_experience(loaded: LoadedPack, warn: Warn) -> list[Problem]:
    """Return a warning for each paraphrase written in the first person (it reads as the person's own words)."""
    problems = []
    for index, point in enumerate(loaded.content.lived_experience):
        match = FIRST_PERSON.search(point.text) if point.kind == "paraphrase" else None
        if match:
            word = match.group(0)
            problems.append(warn(("lived_experience", index, "text"), f"this paraphrase says '{word}', so it reads "
                                 "as the person's own words; write it in the third person, or, if these are their "
                                 "words verbatim, set kind: quote"))
    return problems
