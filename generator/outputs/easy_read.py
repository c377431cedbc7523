"""The Easy Read edition: the pack's easy words, a picture beside each idea, as PDF (A4, Letter) and a web page.

Made for an edition in the pack's own language whose pack has an
``easy_read`` section (for the variants it names, or the first). Its
document is ``easy-read.md.j2``'s, set in the theme's Easy Read sizes (18 pt
text, nothing below 16): one job per paper and one for the web page, which is
the web edition's page around the same blocks. Its pictures are the icons in
the templates' ``icons/`` folder and the pack's own images (``Edition.pictures``).
``check`` names the key messages, models and asks with no easy words, and a
row whose picture there is not.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from generator.content.easy_read import easy_rows
from generator.content.fieldpath import dotted
from generator.document import Picture
from generator.errors import Problem, TemplateError, display_path
from generator.outputs.base import Artifact, Output, OutputResult, Preview, Where
from generator.outputs.handout import PDF_LIBRARIES
from generator.outputs.handout import warm as warm_handout
from generator.outputs.web import BLOCKS as WEB_BLOCKS
from generator.outputs.web import PAGE as WEB_PAGE
from generator.outputs.web import web_page, wrapper_sources
from generator.templates import Templates
from generator.theme import Theme

if TYPE_CHECKING:
    from generator.compose.compose import Composed
    from generator.content.schema import Pack
    from generator.editions.session import Session
    from generator.editions.variants import Edition

TEMPLATE = "easy-read.md.j2"
ICONS = "icons/*.svg"
WEB = "web"  # the part that makes the web page; the others are papers
MAX_PAGES = 24  # Easy Read guides: a document longer than this is two documents
PARTS = ("key_messages", "models", "recommendations")  # the items that carry their own easy words


_NOT_SELF_CONTAINED = re.compile(r"<!DOCTYPE|<!ENTITY|<image\b|<script\b|<foreignObject\b|href\s*=\s*[\"'](?!#)",
                                 re.IGNORECASE)


def icons(templates: Templates) -> dict[str, Picture]:
    """Return the icons Easy Read rows may name: each ``icons/<name>.svg`` on the template path, the project's first.

    An icon must be a drawing and nothing else: one that declares entities,
    embeds or links another file, or carries a script is refused, so no icon
    can bring a file from the machine (a photo, a path) into an output.
    """
    found = {}
    for name, path in templates.files(ICONS).items():
        svg = path.read_text("utf-8", errors="replace")
        if _NOT_SELF_CONTAINED.search(svg) or "<svg" not in svg:
            raise TemplateError(f"{display_path(path)}: an icon must be a self-contained SVG drawing (no DOCTYPE, "
                                "entities, images, links to other files or scripts)")
        found[name.removeprefix("icons/").removesuffix(".svg")] = Picture(svg=svg)
    return found


def pictures(edition: Edition, templates: Templates) -> dict[str, Picture]:
    """Return every picture a row of ``edition`` may name: the icons by name, the pack's images by path."""
    return {**icons(templates), **{path: Picture(image=image) for path, image in edition.pictures.items()}}


def compose(edition: Edition, templates: Templates, name: str) -> Composed:
    """Return the Easy Read document, with the web page's templates for its web part."""
    from generator.compose.compose import compose_handout

    composed = compose_handout(edition.pack, templates, name, edition.logo, pictures=pictures(edition, templates))
    return replace(composed, wrappers=wrapper_sources(templates, (WEB_PAGE, WEB_BLOCKS)))


def render(composed: Composed, theme: Theme, where: Where, part: str | None) -> OutputResult:
    """Return the Easy Read edition on one paper, or as a web page."""
    from generator.document import Handout

    assert isinstance(composed.document, Handout) and part
    easy = theme.for_easy_read()
    if part == WEB:
        data, problems = web_page(composed, easy, where)
        return OutputResult((Artifact("easy-read.html", data, 1, "pages"),), composed.problems + problems)
    from generator.render.pdf.handout import render_handout_pdf

    data, pages = render_handout_pdf(composed.document, easy, part, contents=False)
    long = (where.warning(f"{pages} pages; Easy Read guides ask for {MAX_PAGES} at most: leave out rows, or make "
                          "two guides"),) if pages > MAX_PAGES else ()
    return OutputResult((Artifact(f"easy-read-{part}.pdf", data, pages, "pages"),), composed.problems + long)


def applies(theme: Theme, edition: Edition) -> bool:
    """Return whether ``edition`` has an Easy Read edition: its pack has one, for this variant, in its own language."""
    easy = edition.pack.easy_read
    if easy is None or edition.language is not None:
        return False
    return edition.variant is None or edition.variant in easy.made_for([v.id for v in edition.pack.meta.variants])


def predict(session: Session, edition: Edition, templates: Templates, where: Where) -> list[Problem]:
    """Return warnings at the items the edition prints that have no easy words, and at pictures there are not."""
    if not applies(session.theme, edition):
        return []
    from generator.content.lint import locator

    loaded = session.loaded
    warn = locator(loaded)
    known = pictures(edition, templates)
    problems = []
    for section, item in _items(edition.pack):
        if not item.easy_read:  # the item is where it is written; the field it lacks is named
            name = getattr(item, "title", None) or getattr(item, "name", "")
            at = (section, _index(loaded.content, section, item))
            problems.append(replace(warn(at, f"Easy Read: '{name}' has no easy_read text: the Easy Read edition "
                                             "leaves it out"), field=dotted((*at, "easy_read"))))
    for path, row in easy_rows(loaded.content):
        if row.picture and row.picture not in known:
            problems.append(warn((*path, "picture"), f"Easy Read: no picture '{row.picture}': use an icon "
                                                     "(`briefpack icons` lists them) or a PNG or JPEG in the pack "
                                                     "folder"))
    return problems


def _items(pack: Pack) -> list[tuple[str, Any]]:
    return [(section, item) for section in PARTS for item in getattr(pack, section)]


def _index(pack: Pack, section: str, item: object) -> int:
    """Return the item's index in the pack as written (an edition's list may leave out other audiences' items)."""
    written = getattr(pack, section)
    return next((n for n, other in enumerate(written) if getattr(other, "id", None) == getattr(item, "id", "")), 0)


def files(part: str | None) -> tuple[str, ...]:
    return ("easy-read.html",) if part == WEB else (f"easy-read-{part}.pdf",)


EASY_READ = Output("easy-read", compose, render, TEMPLATE, warm_handout, files, predict, cost=0.5, per_paper=True,
                   preview=Preview("Easy Read"), libraries=(*PDF_LIBRARIES, "svglib"), applies=applies,
                   papers_and=(WEB,), numbered_by_handout=False, reads=(ICONS,),
                   wrappers=(WEB_PAGE, WEB_BLOCKS))
