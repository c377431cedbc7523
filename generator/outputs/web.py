"""The web edition: the handout's document as one self-contained, accessible HTML page per edition."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from generator.errors import Problem, TemplateError
from generator.outputs.base import Artifact, Output, OutputResult, Preview, Where
from generator.outputs.handout import compose as compose_handout
from generator.templates import Templates
from generator.theme import Theme

if TYPE_CHECKING:
    from collections.abc import Callable

    from generator.compose.compose import Composed
    from generator.document import Block
    from generator.editions.variants import Edition

PAGE = "web.html.j2"  # the page: head, styles, cover, contents, footer
BLOCKS = "web-blocks.html.j2"  # one macro per kind of block


def wrapper_sources(templates: Templates, names: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """Return the source of each template a document is wrapped in, by name."""
    sources = []
    for wrapper in names:
        found = templates.find(wrapper)
        if found is None:
            raise TemplateError(f"no template '{wrapper}' in {', '.join(str(f) for f in templates.folders)}")
        sources.append((wrapper, found.read_text("utf-8")))
    return tuple(sources)


def compose(edition: Edition, templates: Templates, name: str) -> Composed:
    """Return the handout's document with the source of the templates it is wrapped in (page and blocks)."""
    sources = wrapper_sources(templates, (PAGE, BLOCKS))
    composed = compose_handout(edition, templates, name)
    document = composed.document
    if edition.languages:  # the page links its versions in the other languages (hreflang)
        document = replace(document, meta=replace(document.meta, alternates=alternates(edition)))
    return replace(composed, document=document, wrappers=sources)


def alternates(edition: Edition) -> tuple[tuple[str, str, str], ...]:
    """Return the edition's web page in each other language: (tag, the language's own name, relative link)."""
    import posixpath

    from generator.compose.notices import language_name

    pack_id = edition.pack.meta.id
    here = posixpath.dirname(edition.filename(pack_id, ".html"))
    out = []
    for language, key in edition.languages:
        if key == edition.key:
            continue
        variant, _, translated = key.partition("@")
        other = replace(edition, variant=None if variant == "-" else variant, language=translated or None)
        target = other.filename(pack_id, ".html")
        out.append((language, language_name(language, language), posixpath.relpath(target, here or ".")))
    return tuple(out)


def render(composed: Composed, theme: Theme, where: Where, part: str | None = None) -> OutputResult:
    """Return the web edition: the page template rendered around the handout's blocks."""
    data, problems = web_page(composed, theme, where)
    return OutputResult((Artifact(".html", data, 1, "pages"),), composed.problems + problems)


def web_page(composed: Composed, theme: Theme, where: Where,
             after_block: Callable[[Block], str] | None = None) -> tuple[bytes, tuple[Problem, ...]]:
    """Return the page template rendered around ``composed``'s blocks, and what drawing it noticed.

    ``after_block`` adds markup after each block (the preview's edit links; a build adds none).
    """
    from generator.document import Handout
    from generator.fonts.web import web_faces
    from generator.render.html import render_web

    assert isinstance(composed.document, Handout)
    sources = dict(composed.wrappers)
    data, notes = render_web(composed.document, theme, sources[PAGE], sources[BLOCKS], web_faces(theme.fonts.handout),
                              after_block)
    problems = [where.warning(f"{BLOCKS} has no macro for {kind} blocks; they are shown as plain text (add "
                              f"'{{% macro {kind}(block, caption, depth) %}}' to it)") for kind in notes.missing]
    if notes.old_page:
        problems.append(where.warning(f"{PAGE} is a copy from an older briefpack: it draws blocks itself, so a kind "
                                      f"it does not know is left out; copy it again (briefpack templates {PAGE}) "
                                      "and make your changes there"))
    problems += [where.warning(f"{BLOCKS} gives the heading '{text}' no id, so its entry in the contents leads "
                               f"nowhere; copy it again (briefpack templates {BLOCKS}) and make your changes there")
                 for text in notes.unanchored]
    return data, tuple(problems)


def warm(theme: Theme) -> None:
    """Read the page's font faces and import the subsetter (before worker processes fork)."""
    from fontTools import subset  # noqa: F401  (half a second to import, paid once before the workers fork)

    from generator.fonts.web import web_faces
    from generator.render import html  # noqa: F401  (imported for its import time)

    web_faces(theme.fonts.handout)


def files(part: str | None) -> tuple[str, ...]:
    return (".html",)


WEB = Output("web", compose, render, "handout.md.j2", warm, files, cost=0.3, same_as="handout", wrappers=(PAGE, BLOCKS),
             preview=Preview("web edition", "file"),
             libraries=("fonttools", "fontpkg-atkinson-hyperlegible", "fontpkg-arimo", "segno", "markupsafe"))
