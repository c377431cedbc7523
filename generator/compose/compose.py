"""Compose a pack into a handout or a deck: pure functions of content and templates.

The template decides what appears and in what order; the storyboard parser and
block builders turn its output into the document model. Nothing here writes
files or prints; warnings are returned as data.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from generator.compose.citations import Numbering, number_citations, numbering_of
from generator.compose.divs import DivContext
from generator.compose.environment import long_date, render_template, template_environment
from generator.compose.notices import Notice, notice_of
from generator.compose.storyboard import Div, StoryboardError, parse_divs
from generator.compose.typography import typeset
from generator.compose.words import Words
from generator.content.schema import Pack
from generator.document import Block, Deck, Handout, Heading, Inline, Logo, Meta, Paragraph, Picture, Slide
from generator.errors import Problem, TemplateError, display_path
from generator.templates import Templates
from generator.translate.apply import TranslationNote


@dataclass(frozen=True)
class Composed:
    """A composed document and what composing it noticed."""

    document: Handout | Deck
    problems: tuple[Problem, ...] = ()
    # The templates an output wraps the document in, by name, with their source (the web edition's page
    # and block macros): read when composing, so renderers do no I/O and the digest sees every change.
    wrappers: tuple[tuple[str, str], ...] = ()


def _meta(pack: Pack, logo: Logo | None, notice: Notice | None = None) -> Meta:
    m = pack.meta
    return Meta(
        logo=logo,
        title=m.title,
        subtitle=m.subtitle,
        author=m.organisation,
        subject=m.subtitle,
        keywords=tuple(m.keywords),
        language=m.language,
        date=m.date,
        version=m.version,
        draft=notice.draft if notice else "",
        date_text=long_date(m.language)(m.date),
    )


def _storyboard_error(templates: Templates, name: str, exc: StoryboardError) -> TemplateError:
    """Return a storyboard problem as a template error naming the template (lines are of its output)."""
    shown = display_path(templates.find(name) or Path(name))
    return TemplateError(f"{shown}: output line {exc.line}: {exc}")


def _render(pack: Pack, templates: Templates, name: str, notice: Notice | None = None,
            pictures: Mapping[str, Picture] | None = None) -> tuple[Div, DivContext]:
    env, labels = template_environment(templates, pack.meta.language)
    # The pack's own wording of the sentences about its content (vocabulary.wording) replaces the built-in one.
    labels = {**labels, **{str(key): text for key, text in pack.vocabulary.wording.items()}}
    words = Words(pack, labels)
    text, values = render_template(env, name, {"pack": pack, "words": words, "notice": notice, "t": labels})
    try:
        root = parse_divs(text, values)
    except StoryboardError as exc:
        raise _storyboard_error(templates, name, exc) from None
    return root, DivContext(values, words, {s.id: s for s in pack.sources}, pictures=pictures or {})


def edition_notice(pack: Pack, templates: Templates, translation: TranslationNote | None) -> Notice | None:
    """Return a translated edition's notices in its language (None for an edition in the pack's own)."""
    if translation is None:
        return None
    env, labels = template_environment(templates, pack.meta.language)
    return notice_of(translation, labels, env.filters["longdate"])


def _handout_blocks(pack: Pack, templates: Templates, name: str, notice: Notice | None = None,
                    pictures: Mapping[str, Picture] | None = None) -> tuple[tuple[Block, ...], DivContext]:
    root, ctx = _render(pack, templates, name, notice, pictures)
    try:
        return tuple(ctx.blocks(root)), ctx
    except StoryboardError as exc:
        raise _storyboard_error(templates, name, exc) from None


def edition_numbering(pack: Pack, templates: Templates, handout: str = "handout.md.j2") -> dict[str, int]:
    """Return the numbers of an edition's sources: as its handout (template ``handout``) first cites them.

    Every document of the edition is numbered with these, so a number means
    the same source in the handout, the summary, the deck and the web edition.
    """
    blocks, _ = _handout_blocks(pack, templates, handout)
    return numbering_of(blocks, list(pack.sources))


def compose_handout(pack: Pack, templates: Templates, name: str = "handout.md.j2",
                    logo: Logo | None = None, numbering: Numbering | None = None,
                    translation: TranslationNote | None = None,
                    pictures: Mapping[str, Picture] | None = None) -> Composed:
    """Return the handout for ``pack`` as the template ``name`` arranges it.

    Without ``numbering`` the document numbers its own citations (it is the
    edition's handout); a summary passes the edition's. A translated
    edition passes its ``translation``: templates print its notices.
    """
    notice = edition_notice(pack, templates, translation)
    blocks, ctx = _handout_blocks(pack, templates, name, notice, pictures)
    blocks, _ = number_citations(blocks, list(pack.sources), numbering, ctx.labels, pack.meta.language)
    handout = Handout(_meta(pack, logo, notice), ctx.labels, typeset(blocks, pack.meta.language, ctx.labels))
    return Composed(handout, tuple(ctx.problems))


def compose_deck(pack: Pack, templates: Templates, name: str = "deck.md.j2",
                 logo: Logo | None = None, numbering: Numbering | None = None,
                 translation: TranslationNote | None = None) -> Composed:
    """Return the slide deck for ``pack`` as the template ``name`` arranges it, numbered as ``numbering`` says.

    Without ``numbering`` (a deck on its own, in tests) the built-in handout's is used.
    """
    notice = edition_notice(pack, templates, translation)
    root, ctx = _render(pack, templates, name, notice)
    slides: list[Slide] = []
    try:
        for child in root.children:
            if isinstance(child, str):
                if child.strip():
                    raise StoryboardError(1, "text outside a '::: slide' div")
                continue
            if child.kind != "slide":
                raise StoryboardError(child.line, f"expected '::: slide', found '::: {child.kind}'")
            slides.append(_slide(child, ctx))
    except StoryboardError as exc:
        raise _storyboard_error(templates, name, exc) from None
    if numbering is None:
        numbering = edition_numbering(pack, templates)
    numbered, _ = number_citations(tuple(slides), list(pack.sources), numbering, ctx.labels, pack.meta.language)
    deck = Deck(_meta(pack, logo, notice), ctx.labels, typeset(numbered, pack.meta.language, ctx.labels))
    return Composed(deck, tuple(ctx.problems))


def _slide(div: Div, ctx: DivContext) -> Slide:
    notes: list[Inline] = []
    body = Div(div.kind, div.attrs, div.line)
    for child in div.children:
        if isinstance(child, Div) and child.kind == "notes":
            notes.extend(b.text for b in ctx.blocks(child) if isinstance(b, Paragraph))
        else:
            body.children.append(child)
    blocks: list[Block] = ctx.blocks(body)
    title: Inline = ()
    if blocks and isinstance(blocks[0], Heading):
        title = blocks.pop(0).text  # type: ignore[union-attr]
    if not title:
        raise StoryboardError(div.line, "a slide needs a '# Title' heading first")
    return Slide(str(div.attrs.get("kind", "content")), title, tuple(blocks), tuple(notes))


