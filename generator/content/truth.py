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


def lint_excerpts(loaded: LoadedPack, warn: Warn) -> list[Problem]:
    """Return a warning for each slide excerpt of a quotation that is not the quotation's own words.

    An excerpt is the quotation's words in their order, with '…' where words
    are left out; anything else would put words in someone's mouth on screen.
    """
    quoted: list[tuple[FieldPath, str, str]] = [
        (("definitions", i), q.text, q.slide) for i, q in enumerate(loaded.content.definitions) if q.slide]
    quoted += [(("models", m, "quotes", i), q.text, q.slide) for m, model in enumerate(loaded.content.models)
               for i, q in enumerate(model.quotes) if q.slide]
    quoted += [(("lived_experience", i), p.text, p.slide) for i, p in enumerate(loaded.content.lived_experience)
               if p.slide and p.kind == "quote"]
    problems = []
    for path, full, excerpt in quoted:
        missing = _not_verbatim(full, excerpt)
        if missing:
            problems.append(warn(path + ("slide",), f"the slide excerpt is not the quotation's own words: "
                                 f"'{_excerpt(missing, 40)}' is not in it (or not in this order); copy the words "
                                 "exactly and mark each cut with '…'"))
            continue
        problems += [warn(path + ("slide",), message) for message in _unmarked_cuts(full, excerpt)]
    return problems


_EDGE = " \t\n.,;:!?'\"’”“‘)("  # what an excerpt may drop at either end without cutting words


def _unmarked_cuts(full: str, excerpt: str) -> list[str]:
    """Return what an excerpt that is verbatim still owes its reader: an '…' where it starts or stops short.

    An excerpt that does not start where its quotation starts begins with
    '…'; one that stops before the quotation ends, ends with it. Otherwise a
    reader takes "Decriminalisation offered the best policy" for the whole
    sentence when the person said "In my experience, decriminalisation …".
    """
    def norm(text: str) -> str:
        return " ".join(text.replace("’", "'").split())

    shown = norm(full).strip(_EDGE)
    whole, cut = shown.lower(), norm(excerpt).lower().strip()
    pieces = [p.strip(_EDGE) for p in cut.split("…") if p.strip(_EDGE)]
    if not pieces:
        return []
    messages = []
    first, last = pieces[0], pieces[-1]
    if not cut.startswith("…") and not first.startswith("[") and not whole.startswith(first):
        left_out = shown[: whole.find(first)].strip(_EDGE) if first in whole else ""
        messages.append(f"the slide excerpt starts after the quotation does ('{_excerpt(left_out, 30)}' is left "
                        "out): begin it with '…'")
    if not cut.endswith("…") and not whole.endswith(last):
        end = whole.rfind(last)
        left_out = shown[end + len(last):].strip(_EDGE) if end >= 0 else ""
        messages.append(f"the slide excerpt stops before the quotation does ('{_excerpt(left_out, 30)}' is left "
                        "out): end it with '…'")
    return messages


def _not_verbatim(full: str, excerpt: str) -> str:
    """Return the first piece of ``excerpt`` (split at '…') not found in ``full`` in order, or ''."""
    def norm(text: str) -> str:
        return " ".join(text.replace("’", "'").split())

    text, position = norm(full), 0
    for piece in (norm(p).strip(" ,;:") for p in excerpt.split("…")):
        if not piece:
            continue
        found = text.find(piece.removeprefix("[").split("]")[-1].strip() if piece.startswith("[") else piece,
                          position)
        if found < 0:
            return piece
        position = found + 1
    return ""


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
