"""Text on slides: blocks as paragraph specs, the word budget, and text that continues over slides.

A run of text fills one slide at the largest size that fits; past the theme's
floor it continues on the next slide at a sentence break. Items past the word
budget move, whole and in order, to the speaker notes.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import assert_never

from generator.document import (
    Block,
    BulletList,
    Callout,
    Cover,
    DefinitionList,
    EasyRow,
    Heading,
    Inline,
    PageBreak,
    Paragraph,
    Quote,
    ResourceList,
    Run,
    Slide,
    SourceList,
    Spectrum,
    StatusMatrix,
    Table,
    Timeline,
    text_of,
)
from generator.errors import BuildError
from generator.layout.boxes import Element, LaidParagraph, TextBox
from generator.layout.fit import Spec, fit_text, line_height
from generator.layout.grid import BODY_H, BODY_W, BODY_Y, MARGIN_X
from generator.theme import DeckSizes


@dataclass
class Part:
    """One slide's worth of a content slide: what to draw below the title."""

    elements: list[Element]
    shrunk: bool = False
    moved: tuple[Inline, ...] = ()  # items past the word budget, moved to this slide's notes


def specs_of(block: Block, labels: dict[str, str]) -> list[Spec]:
    """Return the paragraph specs that present ``block`` on a text slide.

    Every block kind is decided here (mypy checks, ``assert_never``): text
    kinds become paragraphs; tables, diagrams and resources have slides of
    their own (``DeckLayout.content``) and are an error inside running text.
    """
    match block:
        case Paragraph():
            if block.style == "attribution":  # introduces the points after it, on every slide they reach
                return [Spec(block.text, "attribution", scale=0.75, lead=True)]
            return [Spec(block.text, "small" if block.style == "small" else "body")]
        case BulletList():
            return [Spec(item, bullet=f"{n}." if block.ordered else "•") for n, item in enumerate(block.items, 1)]
        case Heading():
            return [Spec(block.text, "heading")]
        case Quote():
            specs = [Spec(p, "quote") for p in block.paragraphs]
            specs.append(Spec(((Run("— "),) + block.attribution), "attribution", scale=0.75))
            # Its translation goes where it goes, as its attribution does (the budget moves them together).
            specs += [Spec(p, "attribution", scale=0.75) for p in block.translation]
            return specs
        case Callout():
            out = [Spec(block.title, "heading")] if block.title else []
            for child in block.blocks:
                out.extend(specs_of(child, labels))
            return out
        case DefinitionList():
            return [Spec((Run(text_of(term) + ": ", bold=True),) + definition) for term, definition in block.items]
        case SourceList():
            out = []  # its legend is in the footer of every slide that shows the mark
            for entry in block.entries:
                mark = () if entry.checked else (Run(" *", unchecked=True),)
                # the address too: a presenter asked "where is that?" reads it out from the notes
                address = (Run(" "), Run(entry.url, url=entry.url)) if entry.url else ()
                out.append(Spec((Run(f"{entry.number}. "),) + entry.text + mark + address, "small", gap=0.2))
            return out
        case PageBreak():
            return []  # a slide is its own page
        case EasyRow():  # its sentences, one a line; a slide has no room for the picture beside them
            return [Spec(line) for line in block.lines]
        case Table() | ResourceList() | StatusMatrix() | Spectrum() | Timeline() | Cover():
            raise BuildError(f"a {type(block).__name__} block cannot be shown inside a slide's running text")
        case _:
            assert_never(block)


def text_parts(slide: Slide, specs: list[Spec], limits: DeckSizes) -> list[Part]:
    """Return the slides a run of text fills, within the theme's word budget.

    Items past the budget move, whole and in order, to the speaker notes; a
    paragraph too long for a slide continues on the next at a sentence break.
    """
    spacing = limits.line_spacing
    specs, moved = within_budget(specs, limits.words)
    if not specs:
        return []
    fitted = fit_text(specs, BODY_W, BODY_H, largest_for(specs, limits), limits.body_min, spacing)
    if fitted is not None:
        laid, size = fitted
        laid = spread(laid, spacing)
        return [Part([TextBox(MARGIN_X, BODY_Y, BODY_W, BODY_H, tuple(laid), "body", spacing)],
                     size < limits.body_max, moved)]
    # Too much for one slide even at the floor: fill slides in order at the floor size. A lead
    # (a lived-experience attribution, say) repeats on the slide its points continue on.
    chunks: list[list[Spec]] = [[]]
    lead: Spec | None = None
    queue = list(specs)
    while queue:
        spec = queue.pop(0)
        trial = chunks[-1] + [spec]
        if fit_text(trial, BODY_W, BODY_H, limits.body_min, limits.body_min, spacing) is None:
            if fit_text([spec], BODY_W, BODY_H, limits.body_min, limits.body_min, spacing) is None:
                head, tail = split_at_sentence(spec, lambda part: fit_text(
                    chunks[-1] + [part], BODY_W, BODY_H, limits.body_min, limits.body_min, spacing) is not None)
                if head is None:
                    raise BuildError(f"slide '{text_of(slide.title)}': a sentence does not fit on a slide even "
                                     f"at {limits.body_min:g} pt: '{text_of(spec.runs)[:60]}…'",
                                     text=text_of(spec.runs))
                chunks[-1].append(head)
                chunks.append([lead] if lead is not None and not spec.lead else [])
                queue.insert(0, tail)
                continue
            if chunks[-1] and chunks[-1][-1] is lead:  # a lead never ends a slide: it moves on with its points
                chunks[-1].pop()
            if spec.role == "attribution" and not spec.lead and chunks[-1]:
                # A quotation's attribution never stands alone: its last sentences move on with it.
                quoted = chunks[-1].pop()
                head, tail = split_at_sentence(quoted, lambda part: fit_text(
                    chunks[-1] + [part], BODY_W, BODY_H, limits.body_min, limits.body_min, spacing) is not None)
                if head is not None:
                    chunks[-1].append(head)
                chunks.append([tail if head is not None else quoted, spec])
                continue
            chunks.append([lead, spec] if lead is not None and not spec.lead else [spec])
        else:
            chunks[-1] = trial
        if spec.lead:
            lead = spec
    parts = []
    for index, chunk in enumerate(c for c in chunks if c):
        chunk = [replace(chunk[0], gap=0.0)] + chunk[1:]
        fitted = fit_text(chunk, BODY_W, BODY_H, limits.body_max, limits.body_min, spacing)
        assert fitted is not None
        laid, size = fitted
        parts.append(Part([TextBox(MARGIN_X, BODY_Y, BODY_W, BODY_H, tuple(laid), "body", spacing)],
                          size < limits.body_max, moved if index == 0 else ()))
    return parts


def spread(laid: list[LaidParagraph], spacing: float) -> list[LaidParagraph]:
    """Return a few short items spaced down the slide: more air between them, at most a line and a half each.

    Three short points under a title, packed at the top, leave the screen's
    lower half empty; spaced out, they read as a designed slide. The space
    added never exceeds what the body holds, so nothing moves or shrinks.
    """
    if len(laid) < 2:
        return laid
    used = sum(p.space_before + len(p.lines) * line_height(p.size, spacing) for p in laid)
    room = BODY_H * SPREAD_TO - used
    if room <= 0:
        return laid
    extra = min(room / (len(laid) - 1), max(p.size for p in laid) * 1.5)
    return [laid[0]] + [replace(p, space_before=p.space_before + extra) for p in laid[1:]]


SPREAD_TO = 0.75  # items are spaced to reach at most this share of the body's height
FEW_WORDS, MANY_WORDS = 6, 30  # at most FEW words: display size; MANY or more: body size; between, in step


def largest_for(specs: list[Spec], limits: DeckSizes) -> float:
    """Return the largest size to try for text of this many words: few words, larger type (whole points)."""
    words = sum(spec_words(spec) for spec in specs)
    share = min(1.0, max(0.0, (MANY_WORDS - words) / (MANY_WORDS - FEW_WORDS)))
    return float(round(max(limits.body_max, limits.body_max + share * (limits.display_max - limits.body_max))))


def within_budget(specs: list[Spec], budget: int) -> tuple[list[Spec], tuple[Inline, ...]]:
    """Return the specs that keep the slide within its word budget, and the runs of those that move."""
    if not budget:
        return specs, ()
    kept: list[Spec] = []
    moved: list[Inline] = []
    count = 0
    went = False  # whether the item before moved: a quotation's attribution line goes where its quotation went
    for spec in specs:
        words = spec_words(spec)
        first_item = all(s.lead for s in kept)  # a slide always shows its first item, whatever its length
        trailing = spec.role == "attribution" and not spec.lead
        if (went if trailing else not first_item and not spec.lead and (moved or count + words > budget)):
            moved.append(spec.runs)
            went = True
            continue
        went = False
        kept.append(spec)
        count += words
    while kept and kept[-1].lead and len(kept) > 1:  # an attribution whose points all moved moves with them
        moved.insert(0, kept.pop().runs)
    return kept, tuple(moved)


def count_words(text: str) -> int:
    """Return the words in ``text``: tokens with a letter or digit (a lone "…" or "—" is not a word)."""
    return sum(1 for token in text.split() if any(ch.isalnum() for ch in token))


def spec_words(spec: Spec) -> int:
    """Return the words a paragraph puts on screen for its audience to read.

    Attributions count; citation markers are not words; and words in another
    language than the slide's (a quotation in its original words, with its
    translation beside it) are shown for the record, not read: the
    translation is what counts.
    """
    return count_words(" ".join(run.text for run in spec.runs if not run.cite and not run.lang))


_SENTENCE = re.compile(r"(?<=[.!?…])\s+")


def split_at_sentence(spec: Spec, fits: Callable[[Spec], bool]) -> tuple[Spec | None, Spec]:
    """Split a paragraph too long for one slide at the last sentence break whose first part ``fits``.

    Returns (head, tail); head is None when not even one sentence fits.
    """
    text = "".join(run.text for run in spec.runs)
    breaks = [(m.start(), m.end()) for m in _SENTENCE.finditer(text)]
    for end, start in reversed(breaks):  # the space between the sentences goes with neither
        head = replace(spec, runs=_slice(spec.runs, 0, end))
        if fits(head):
            return head, replace(spec, runs=_slice(spec.runs, start, len(text)), bullet=None, gap=0.0)
    return None, spec


def _slice(runs: Inline, start: int, end: int) -> Inline:
    """Return the runs covering characters ``start`` to ``end`` of their joined text."""
    out: list[Run] = []
    position = 0
    for run in runs:
        left, right = max(start, position), min(end, position + len(run.text))
        if left < right or (run.cite and start <= position < end):
            out.append(replace(run, text=run.text[left - position:right - position]) if not run.cite else run)
        position += len(run.text)
    return tuple(out)
