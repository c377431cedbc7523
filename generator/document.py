"""The format-neutral document model: the contract between templates and renderers.

Compose produces it; layout and renderers read only it. Everything is a frozen
dataclass of plain values so tests can snapshot it and caches can hash it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any


@dataclass(frozen=True)
class Citation:
    """One source a citation marker points to: its id, its number in the edition, whether it was checked.

    Numbers are given once per edition (``compose.citations``), so the same
    source has the same number in the handout, summary, deck, notes and web
    edition; renderers read them here and never parse the marker's text.
    """

    source: str
    number: int = 0
    checked: bool = True


@dataclass(frozen=True)
class Run:
    """A stretch of text with one style.

    ``url`` makes it a link; ``cite`` makes it a citation marker for those
    sources (its text, e.g. "[3, 12*]", is written once they are numbered);
    ``status`` is the colour role of a legal status word (criminalised,
    partly …); ``unchecked`` marks the run that is the "not yet checked" mark
    after a resource or source; ``link_title`` says what a link whose text is
    an address opens (a deck's hyperlink shows it as its tip).
    """

    text: str
    bold: bool = False
    italic: bool = False
    url: str | None = None
    cite: tuple[Citation, ...] = ()
    status: str | None = None
    unchecked: bool = False
    link_title: str = ""
    lang: str = ""  # the language its words are in, when not the document's (a quotation, an untranslated passage)


def marker_text(cites: tuple[Citation, ...]) -> str:
    """Return how a citation marker reads: its numbers in brackets, an unchecked source starred ("[3, 12*]")."""
    return "[" + ", ".join(f"{c.number}{'' if c.checked else '*'}" for c in cites) + "]" if cites else ""


def any_unchecked(runs: Inline) -> bool:
    """Return whether ``runs`` carry the unchecked mark: a citation of an unchecked source, or the mark itself."""
    return any(run.unchecked or any(not c.checked for c in run.cite) for run in runs)


Inline = tuple[Run, ...]


def append_run(runs: list[Run], run: Run) -> None:
    """Append ``run``, merging it into the last run when they share a style."""
    if not run.text and not run.cite:
        return
    last = runs[-1] if runs else None
    if (
        last is not None
        and not last.cite
        and not run.cite
        and (last.bold, last.italic, last.url, last.status, last.unchecked, last.link_title, last.lang)
        == (run.bold, run.italic, run.url, run.status, run.unchecked, run.link_title, run.lang)
    ):
        runs[-1] = replace(last, text=last.text + run.text)
    else:
        runs.append(run)


def text_of(inline: Inline) -> str:
    """Return the plain text of ``inline`` (citation markers excluded)."""
    return "".join(run.text for run in inline if not run.cite)


def texts_of(node: object) -> list[str]:
    """Return the plain text of every inline inside ``node`` (a block, a cell, a tuple of them), in order."""
    from dataclasses import fields, is_dataclass

    if isinstance(node, tuple) and node and all(isinstance(item, Run) for item in node):
        return [text_of(node)]
    if isinstance(node, tuple):
        return [text for item in node for text in texts_of(item)]
    if is_dataclass(node) and not isinstance(node, type):
        return [text for f in fields(node) for text in texts_of(getattr(node, f.name))]
    return []


def map_runs(obj: Any, fn: Callable[[Run], Run], lists: Callable[[SourceList], SourceList] | None = None) -> Any:
    """Return ``obj`` (a document, a block, a tuple of them) with ``fn`` applied to every run in it.

    With ``lists``, each source list is replaced by ``lists(it)`` instead of
    being walked (the citation numbering fills them in).
    """
    if isinstance(obj, Run):
        return fn(obj)
    if isinstance(obj, SourceList) and lists is not None:
        return lists(obj)
    if isinstance(obj, tuple):
        return tuple(map_runs(item, fn, lists) for item in obj)
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        changes = {f.name: map_runs(getattr(obj, f.name), fn, lists) for f in dataclasses.fields(obj)}
        return dataclasses.replace(obj, **changes)
    return obj


def walk(blocks: tuple[Block, ...]) -> Iterator[Block]:
    """Yield every block, and the blocks inside each callout, in order."""
    for block in blocks:
        yield block
        if isinstance(block, Callout):
            yield from walk(block.blocks)


@dataclass(frozen=True)
class Heading:
    """A section heading; level 1 headings are bookmarked and listed in contents."""

    level: int
    text: Inline


@dataclass(frozen=True)
class Paragraph:
    """Body text; ``style`` names a paragraph style of the theme (body, lead, small…)."""

    text: Inline
    style: str = "body"


@dataclass(frozen=True)
class BulletList:
    """A list of items, each one inline paragraph."""

    items: tuple[Inline, ...]
    ordered: bool = False
    columns: int = 1


@dataclass(frozen=True)
class Quote:
    """A verbatim quotation, its attribution, an optional framing note and a translation of its words.

    ``translation`` (its paragraphs, the first labelled "Translation by …: ") is printed after the
    quotation, never in its place.
    """

    paragraphs: tuple[Inline, ...]
    attribution: Inline
    context: Inline = ()
    translation: tuple[Inline, ...] = ()


@dataclass(frozen=True)
class Cell:
    """A table cell; a status cell names its colour role (``status``) and the ``symbol`` drawn beside it."""

    text: Inline
    status: str | None = None
    symbol: str | None = None


@dataclass(frozen=True)
class Table:
    """A table with one header row; ``kind`` names its style (comparison, who…)."""

    header: tuple[Cell, ...]
    rows: tuple[tuple[Cell, ...], ...]
    kind: str = "plain"


@dataclass(frozen=True)
class StatusMatrix:
    """Who the law treats how, drawn: a row per model, a column per party, each cell a status symbol and word."""

    columns: tuple[Inline, ...]  # the parties
    rows: tuple[Inline, ...]  # the models
    cells: tuple[tuple[Cell, ...], ...]
    alt: str


@dataclass(frozen=True)
class Spectrum:
    """The models in the pack's order along one line, from its first to its last; ``ends`` say what its ends mean."""

    points: tuple[Inline, ...]
    alt: str
    ends: tuple[Inline, ...] = ()  # (start, end) in the pack's words, or none


@dataclass(frozen=True)
class TimelineEvent:
    """A dated step in a place's law, for a timeline."""

    year: int
    place: str
    label: str  # "in force", "decriminalised" …
    model: str  # the model's short name


@dataclass(frozen=True)
class Timeline:
    """Places' laws over time, from their dated events."""

    events: tuple[TimelineEvent, ...]
    alt: str


Diagram = StatusMatrix | Spectrum | Timeline


@dataclass(frozen=True)
class ResourceItem:
    """Further reading: printed with its URL and a QR code."""

    title: Inline
    publisher: Inline
    description: Inline
    url: str
    checked: bool = True  # whether anyone opened the address; unchecked ones are marked


@dataclass(frozen=True)
class ResourceList:
    """Further reading; ``legend`` explains the unchecked mark when an item has it."""

    items: tuple[ResourceItem, ...]
    compact: bool = False
    legend: Inline = ()


@dataclass(frozen=True)
class SourceEntry:
    """A numbered citation in the sources list."""

    number: int
    source_id: str
    text: Inline
    url: str | None
    checked: bool


@dataclass(frozen=True)
class SourceList:
    """The numbered sources; ``legend`` explains the unchecked mark when an entry has it.

    ``only`` keeps the list to those source ids (a card lists its own sources, not the document's).
    """

    entries: tuple[SourceEntry, ...]
    legend: Inline = ()
    only: tuple[str, ...] = ()


@dataclass(frozen=True)
class DefinitionList:
    """Terms and their definitions (the glossary)."""

    items: tuple[tuple[Inline, Inline], ...]


@dataclass(frozen=True)
class Callout:
    """A box set apart from the body: key messages, lived experience, notes."""

    kind: str
    title: Inline
    blocks: tuple[Block, ...]
    level: int = 2


@dataclass(frozen=True)
class Cover:
    """The title page of a handout or the title slide of a deck."""

    title: Inline
    subtitle: Inline
    lines: tuple[Inline, ...]
    compact: bool = False
    # What the briefing says, on its title page ("In brief" and the key messages' titles); print only:
    # the web edition's key messages follow its cover at once, and a title slide has no room.
    points_title: Inline = ()
    points: tuple[Inline, ...] = ()


@dataclass(frozen=True)
class PageBreak:
    """Start the next block on a new page.

    ``purpose`` "back-cover": what follows is a booklet's back cover (notes
    pages go before it, to make up whole sheets); "notes": a page for the
    reader's notes.
    """

    purpose: str = ""


@dataclass(frozen=True)
class Picture:
    """A picture beside words: an icon drawn from SVG, or an image from the pack (PNG or JPEG).

    ``alt`` says what it shows; an empty ``alt`` marks it decoration (the
    words beside it say the same), heard by no screen reader.
    """

    svg: str = ""
    image: Logo | None = None
    alt: str = ""


@dataclass(frozen=True)
class EasyRow:
    """One Easy Read row: a picture on the left and short sentences, each on its own line, on the right."""

    picture: Picture | None
    lines: tuple[Inline, ...]
    keep_with_next: bool = False  # one item's rows stay on one page where they fit (``keep=next`` in a template)


Block = (
    Heading | Paragraph | BulletList | Quote | Table | ResourceList | SourceList | DefinitionList | Callout | Cover
    | PageBreak | StatusMatrix | Spectrum | Timeline | EasyRow
)


@dataclass(frozen=True)
class Logo:
    """An organisation's logo: image bytes (PNG or JPEG) and pixel size."""

    data: bytes
    width: int
    height: int
    alt: str = ""


@dataclass(frozen=True)
class Meta:
    """Document metadata for PDF info and PPTX core properties."""

    title: str
    subtitle: str
    author: str
    subject: str
    keywords: tuple[str, ...]
    language: str
    date: dt.date
    version: str
    logo: Logo | None = None
    date_text: str = ""  # the date in words in the edition's language ("28 November 2026"), as readers see it
    draft: str = ""  # a draft translation's label, printed on every page and slide ("" when there is none)
    # The same edition in its other languages: (language tag, its name in that language, link from this file).
    alternates: tuple[tuple[str, str, str], ...] = ()


@dataclass(frozen=True)
class Handout:
    """A flowing document for print."""

    meta: Meta
    labels: dict[str, str]
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Slide:
    """One slide: its kind picks a layout; notes are the speaker's."""

    kind: str
    title: Inline
    blocks: tuple[Block, ...]
    notes: tuple[Inline, ...] = ()


@dataclass(frozen=True)
class Deck:
    """A sequence of slides."""

    meta: Meta
    labels: dict[str, str]
    slides: tuple[Slide, ...] = field(default_factory=tuple)
