"""The output formats a build produces: one registry entry per format.

Each format composes the document it needs, lays it out and renders it. The
renderers (and so reportlab and python-pptx) are imported only when a format
actually runs, which keeps ``check`` and a no-op build fast.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from generator.compose.compose import Composed, compose_deck, compose_handout
from generator.content.origins import Origin, Origins
from generator.document import Deck, Handout, text_of
from generator.editions.variants import Edition
from generator.errors import BriefpackError, BuildError, Problem
from generator.templates import Templates
from generator.theme import Theme

if TYPE_CHECKING:
    from generator.layout.boxes import LaidSlide

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
class FormatResult:
    """What rendering one format produced: its files and the problems it noticed."""

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
            return self.origins.find(error.text)
        return None

    def warning(self, message: str, text: str = "") -> Problem:
        origin = self.origins.find(text) if self.origins and text else None
        if origin:
            return Problem(origin.file, origin.line, origin.column, origin.field, f"{self.output}: {message}",
                           "warning")
        return Problem(self.pack, 0, 0, self.output, message, "warning")


def output_label(variant: str | None, format_name: str) -> str:
    """Return how warnings name an edition's output: 'public deck', or 'deck' for a pack without variants."""
    return f"{variant} {format_name}" if variant else format_name


def summary_warnings(pages: int, paper: str, where: Where, allowed: int = 1) -> tuple[Problem, ...]:
    """Return the warning for a summary that runs longer than its theme allows, naming what to shorten.

    ``check`` predicts it by laying the summary out; ``build`` reports it from
    what it rendered; the wording is the same, so the two count alike.
    """
    if pages <= allowed:
        return ()
    wanted = "one" if allowed == 1 else str(allowed)
    return (where.warning(f"the summary runs to {pages} pages on {paper} paper, not {wanted}: shorten the key-message "
                          "titles (it shows up to six), mark fewer resources `featured: true` (it shows up to "
                          "three), or show fewer comparison rows (summary.md.j2)"),)


def deck_warnings(slides: Sequence[LaidSlide], where: Where, budget: int = 40) -> tuple[Problem, ...]:
    """Return warnings about a laid-out deck: slides continued, items moved to the notes, slides over budget."""
    from generator.layout.slides import longest_text, slide_words

    continued: dict[str, tuple[int, str]] = {}
    over: set[str] = set()
    problems = []
    for slide in slides:
        if slide.continued:
            extra, text = continued.get(slide.base_title, (0, longest_text(slide)))
            continued[slide.base_title] = (extra + 1, text)
        if slide.moved:
            problems.append(where.warning(
                f"slide '{slide.title}': {slide.moved} item{'s' if slide.moved > 1 else ''} past the {budget}-word "
                "budget moved to the speaker notes; give items a short `slide:` text to keep them on screen",
                text_of(slide.notes[-slide.moved])))
        elif budget and slide_words(slide) > budget and slide.base_title not in over:
            over.add(slide.base_title)  # once per slide, not once per continuation
            problems.append(where.warning(
                f"slide '{slide.title}' has {slide_words(slide)} words on screen (budget {budget}); give its "
                "quotation a `slide:` excerpt or shorten its text", longest_text(slide)))
    problems += [where.warning(f"slide '{title}' does not fit at the smallest size; it continues on {extra} more "
                               f"slide{'s' if extra > 1 else ''}", text) for title, (extra, text) in continued.items()]
    return tuple(problems)


def render_handout(composed: Composed, theme: Theme, where: Where, paper: str | None) -> FormatResult:
    """Return the handout PDF on one paper size."""
    from generator.render.pdf.handout import render_handout_pdf

    assert isinstance(composed.document, Handout) and paper
    data, pages = render_handout_pdf(composed.document, theme, paper)
    return FormatResult((Artifact(f"handout-{paper}.pdf", data, pages, "pages"),), composed.problems)


def render_summary(composed: Composed, theme: Theme, where: Where, paper: str | None) -> FormatResult:
    """Return the one-page summary PDF on one paper size; a longer one is reported as a warning."""
    from generator.render.pdf.handout import render_handout_pdf

    assert isinstance(composed.document, Handout) and paper
    data, pages = render_handout_pdf(composed.document, theme, paper, contents=False)
    return FormatResult((Artifact(f"summary-{paper}.pdf", data, pages, "pages"),),
                        composed.problems + summary_warnings(pages, paper, where, theme.handout.summary_pages))


def render_deck(composed: Composed, theme: Theme, where: Where, part: str | None = None) -> FormatResult:
    """Return the slide deck as PPTX, the same slides as PDF, and the speaker handout.

    The slides are measured and laid out once; every renderer draws that layout.
    """
    from generator.layout.slides import layout_deck
    from generator.render.pdf.slides import render_slides_pdf
    from generator.render.pdf.speaker import render_speaker_pdf
    from generator.render.pptx_deck import render_deck_pptx

    document = composed.document
    assert isinstance(document, Deck)
    slides = layout_deck(document, theme)
    count = len(slides)
    digests = tuple(slide.digest() for slide in slides)
    artifacts = (
        Artifact("deck.pptx", render_deck_pptx(slides, theme, document.meta), count, "slides", digests),
        Artifact("slides.pdf", render_slides_pdf(slides, theme, document.meta), count, "pages"),
        Artifact("speaker-notes.pdf", *render_speaker_pdf(slides, theme, document.meta, document.labels), "pages"),
    )
    return FormatResult(artifacts, composed.problems + deck_warnings(slides, where, theme.deck.words))


def render_web_edition(composed: Composed, theme: Theme, where: Where, part: str | None = None) -> FormatResult:
    """Return the web edition: the handout's document as one self-contained HTML page."""
    from generator.fonts.web import web_faces
    from generator.render.html import render_web

    assert isinstance(composed.document, Handout)
    data = render_web(composed.document, theme, composed.page, web_faces(theme.fonts.handout))
    return FormatResult((Artifact(".html", data, 1, "pages"),), composed.problems)


def warm_web(theme: Theme) -> None:
    """Read the page's font faces (before worker processes fork)."""
    from fontTools import subset  # noqa: F401  (half a second to import, paid once before the workers fork)

    from generator.fonts.web import web_faces
    from generator.render import html  # noqa: F401  (imported for its import time)

    web_faces(theme.fonts.handout)


def warm_handout(theme: Theme) -> None:
    """Register the handout's fonts (before worker processes fork)."""
    import pikepdf  # noqa: F401  (every PDF is finished with it: a tenth of a second to import, paid here)

    from generator.fonts.reportlab import register_fallback_font, register_handout_font
    from generator.render.pdf import handout  # noqa: F401  (imported for its import time)

    register_handout_font(theme.fonts.handout)
    register_fallback_font(theme.fonts.fallback)


def warm_deck(theme: Theme) -> None:
    """Register the slide fonts and read their metrics (before worker processes fork)."""
    from generator.fonts.metrics import face
    from generator.fonts.reportlab import register_slide_fonts
    from generator.render import pptx_deck  # noqa: F401  (imported for its import time)

    warm_handout(theme)  # the speaker notes are set in the handout's font
    register_slide_fonts()
    for bold in (False, True):
        for italic in (False, True):
            face(bold, italic)


@dataclass(frozen=True)
class Format:
    """A registered output format.

    Composing is cheap and pure; rendering is the expensive part, skipped when
    the composed document is the same as last time.
    """

    name: str
    compose: Callable[[Edition, Templates, str], Composed]
    render: Callable[[Composed, Theme, Where, str | None], FormatResult]
    default_template: str
    warm: Callable[[Theme], None]
    per_paper: bool = False  # one job per paper size, so they render in parallel
    same_as: str | None = None  # arranged like that format (the web edition is the handout's document)
    page_template: str | None = None  # a template the rendered document is wrapped in (HTML)

    def template(self, edition: Edition) -> str:
        """Return the template that arranges this format for ``edition``."""
        default = edition.template(self.same_as, self.default_template) if self.same_as else self.default_template
        return edition.template(self.name, default)

    def parts(self, theme: Theme) -> tuple[str | None, ...]:
        """Return the separately rendered parts: the theme's papers, or one part."""
        return tuple(theme.papers) if self.per_paper else (None,)


def _compose_handout(edition: Edition, templates: Templates, name: str) -> Composed:
    return compose_handout(edition.pack, templates, name, edition.logo)


def _compose_deck(edition: Edition, templates: Templates, name: str) -> Composed:
    return compose_deck(edition.pack, templates, name, edition.logo)


def _compose_web(edition: Edition, templates: Templates, name: str) -> Composed:
    """Compose the handout's document, with the page template it is wrapped in."""
    from dataclasses import replace

    from generator.errors import TemplateError

    page = templates.find(WEB_PAGE)
    if page is None:
        raise TemplateError(f"no template '{WEB_PAGE}' in {', '.join(str(f) for f in templates.folders)}")
    return replace(_compose_handout(edition, templates, name), page=page.read_text("utf-8"))


WEB_PAGE = "web.html.j2"


FORMATS: dict[str, Format] = {
    fmt.name: fmt for fmt in (
        Format("handout", _compose_handout, render_handout, "handout.md.j2", warm_handout, per_paper=True),
        Format("summary", _compose_handout, render_summary, "summary.md.j2", warm_handout, per_paper=True),
        Format("deck", _compose_deck, render_deck, "deck.md.j2", warm_deck),
        Format("web", _compose_web, render_web_edition, "handout.md.j2", warm_web, same_as="handout",
               page_template=WEB_PAGE),
    )
}


def document_digest(composed: Composed, theme: Theme) -> str:
    """Return a digest of a composed document and the theme it is drawn with.

    Every part of both is a frozen dataclass or pydantic model of plain values,
    so ``repr`` is a complete, stable description of what a renderer gets.
    """
    return hashlib.sha256(repr((composed.document, composed.page, theme)).encode("utf-8")).hexdigest()
