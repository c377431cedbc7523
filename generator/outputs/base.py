"""What an output is: one object that owns everything about it.

An ``Output`` says how it is composed and rendered, which files it makes,
what ``check`` predicts for it, what it costs to schedule, what the preview
shows of it and which libraries change its bytes. The build, ``check``, the
worker pool, the manifest and ``serve`` only iterate over ``OUTPUTS``: a new
output is one module and one registry line (see CONTRIBUTING's recipe).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from generator.content.origins import Origin, Origins
from generator.errors import BriefpackError, BuildError, Problem
from generator.templates import Templates
from generator.theme import Theme

if TYPE_CHECKING:  # a no-op build imports the registry; it must not pay for compose or the session
    from generator.compose.compose import Composed
    from generator.editions.session import Session
    from generator.editions.variants import Edition

Unit = Literal["pages", "slides"]


@dataclass(frozen=True)
class Artifact:
    """One output file's name (without the pack prefix), bytes and size in pages or slides.

    ``parts`` holds a digest of each slide's text, so a change report can name
    the slides whose text changed.
    """

    name: str
    data: bytes
    count: int
    unit: Unit
    parts: tuple[str, ...] = ()


@dataclass(frozen=True)
class OutputResult:
    """What rendering one output produced: its files and the problems it noticed."""

    artifacts: tuple[Artifact, ...]
    problems: tuple[Problem, ...] = ()


@dataclass(frozen=True)
class Where:
    """Whose output a warning is about: the pack folder as printed, and the edition's output ('public deck').

    With the pack's ``origins``, a warning about a piece of text names the
    content file, line and field it came from instead of the pack folder.
    """

    pack: str
    output: str
    origins: Origins | None = field(default=None, compare=False)

    def origin_of(self, error: BriefpackError) -> Origin | None:
        """Return where the text a layout error refused was written, when the error names its text."""
        if self.origins and isinstance(error, BuildError) and error.text:
            return self.origins.find(error.text, error.section)
        return None

    def warning(self, message: str, text: str = "") -> Problem:
        origin = self.origins.find(text) if self.origins and text else None
        if origin:
            return Problem(origin.file, origin.line, origin.column, origin.field, f"{self.output}: {message}",
                           "warning")
        return Problem(self.pack, 0, 0, self.output, message, "warning")

    def error(self, error: BriefpackError) -> Problem:
        """Return a layout error as a problem at the content it refused, else at the edition's output."""
        origin = self.origin_of(error)
        if origin:
            return Problem(origin.file, origin.line, origin.column, origin.field, f"{self.output}: {error}")
        return Problem(self.pack, 0, 0, self.output, str(error))


def output_label(variant: str | None, output_name: str, language: str | None = None) -> str:
    """Return how warnings name an edition's output: 'public deck', 'public es deck', or 'deck' alone."""
    return " ".join(part for part in (variant, language, output_name) if part)


Compose = Callable[["Edition", Templates, str], "Composed"]
Render = Callable[["Composed", Theme, Where, "str | None"], OutputResult]
Predict = Callable[["Session", "Edition", Templates, Where], list[Problem]]


LARGE_PRINT = 14.0  # a theme whose smallest text is this large prints on whole pages only


def not_large_print(theme: Theme, edition: Edition) -> bool:
    """Return whether ``theme`` is set for small pages: large print needs a whole A4 or Letter page.

    At 16 pt a panel a third of a page wide, a wallet card or an A5 page
    holds a few words a line; a table row with a note outgrows the page.
    Large-print readers get the handout, summary, deck and web edition.
    """
    return (theme.min_text or 0.0) < LARGE_PRINT


def predicts_nothing(session: Session, edition: Edition, templates: Templates, where: Where) -> list[Problem]:
    """Return no prediction: the output warns about nothing ``check`` could foresee."""
    return []


@dataclass(frozen=True)
class Preview:
    """What ``serve`` shows of an output: a label, and how.

    ``show`` is "file" (a link straight to its one file, e.g. the web page),
    "files" (a page framing its first file, with links to all: PDFs), or
    "page" (a page of its own, drawn by ``page`` from the content as it is now).
    """

    label: str
    show: Literal["file", "files", "page"] = "files"
    page: Callable[[Session, Edition, Templates], str] | None = None


@dataclass(frozen=True)
class Output:
    """A registered output: everything the build, ``check``, the pool, the manifest and ``serve`` need of it.

    Composing is cheap and pure; rendering is the expensive part, skipped when
    the composed document is the same as last time.
    """

    name: str
    compose: Compose
    render: Render
    default_template: str
    warm: Callable[[Theme], None]
    files: Callable[[str | None], tuple[str, ...]]  # the artifact names one part makes ('handout-a4.pdf' …)
    predict: Predict = predicts_nothing
    cost: float = 1.0  # how long it takes to render, relative to a handout: the longest jobs start first
    per_paper: bool = False  # one job per paper size, so they render in parallel
    split: tuple[str, ...] = ()  # or one job per named part of its files (the deck: "pptx", "pdf")
    same_as: str | None = None  # arranged like that output (the web edition is the handout's document)
    wrappers: tuple[str, ...] = ()  # templates the rendered document is wrapped in (the web page and its blocks)
    numbered_by_handout: bool = True  # carries the edition's citation numbers, so depends on its handout template
    preview: Preview | None = None
    libraries: tuple[str, ...] = ()  # distributions whose versions change its bytes
    # whether an edition in a theme has it: no leaflet in large print, no cards in a pack without cards
    applies: Callable[[Theme, Edition], bool] = lambda theme, edition: True
    papers_and: tuple[str, ...] = ()  # parts besides one per paper (the cards' print-shop file: any paper's)
    reads: tuple[str, ...] = ()  # other template files it draws with, as patterns (Easy Read's "icons/*.svg")

    def template(self, edition: Edition) -> str:
        """Return the template that arranges this output for ``edition``."""
        default = edition.template(self.same_as, self.default_template) if self.same_as else self.default_template
        return edition.template(self.name, default)

    def parts(self, theme: Theme, edition: Edition) -> tuple[str | None, ...]:
        """Return the separately rendered parts: the theme's papers, the named parts, or one (none: not made)."""
        if not self.applies(theme, edition):
            return ()
        if self.per_paper:
            return (*self.papers_and, *theme.papers)
        return self.split or (None,)

    def artifact_names(self, theme: Theme, edition: Edition) -> tuple[str, ...]:
        """Return the names of every file this output makes for ``edition`` with ``theme``."""
        return tuple(name for part in self.parts(theme, edition) for name in self.files(part))
