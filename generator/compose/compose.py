"""Compose a pack into a handout or a deck: pure functions of content and templates.

The template decides what appears and in what order; the storyboard parser and
block builders turn its output into the document model. Nothing here writes
files or prints; warnings are returned as data.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from generator.compose.builders import BuildContext
from generator.compose.citations import number_citations
from generator.compose.i18n import wording
from generator.compose.storyboard import Cite, Div, StoryboardError, Styled, parse_divs
from generator.compose.templating import make_environment, render_template
from generator.content.schema import Pack
from generator.document import Block, Deck, Handout, Heading, Inline, Logo, Meta, Paragraph, Slide
from generator.errors import TemplateError, display_path


@dataclass(frozen=True)
class Composed:
    """A composed document and what composing it noticed."""

    document: Handout | Deck
    warnings: tuple[str, ...]


def _meta(pack: Pack, logo: Logo | None) -> Meta:
    m = pack.pack
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
    )


def _template_globals(labels: dict[str, str]) -> dict[str, Any]:
    def cite(*ids: Any) -> Cite:
        flat: list[str] = []
        for item in ids:
            flat.extend(item if isinstance(item, (list, tuple)) else [item])
        return Cite(tuple(str(i) for i in flat if i))

    def status(entry: Any) -> Styled:
        key = entry.status.value
        return Styled(labels.get(f"status_{key}", key), key)

    return {"cite": cite, "status": status}


def _long_date(language: str) -> Any:
    """Return a filter writing a date out in ``language`` (Babel's CLDR data, no network)."""
    from babel.core import Locale, UnknownLocaleError
    from babel.dates import format_date

    try:
        locale = Locale.parse(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        locale = Locale.parse("en_AU")
    return lambda value: format_date(value, format="long", locale=locale)


def _environment(templates: Path, language: str) -> tuple[Any, dict[str, str]]:
    """Return the template environment and labels for ``language``, reused while messages are unchanged.

    jinja keeps compiled templates in the environment and recompiles a template
    whose file changed, so reuse makes composing in ``watch`` cheap.
    """
    messages = templates / "messages"
    stamp = tuple((p.name, p.stat().st_mtime_ns) for p in sorted(messages.glob("*"))) if messages.is_dir() else ()
    return _cached_environment(templates.resolve(), language, stamp)


@lru_cache(maxsize=16)
def _cached_environment(templates: Path, language: str, stamp: tuple[Any, ...]) -> tuple[Any, dict[str, str]]:
    words = wording(templates, language)
    labels = words.labels
    env = make_environment(templates, {**_template_globals(labels), "t": labels})
    env.install_gettext_translations(words.translations, newstyle=True)  # type: ignore[attr-defined]
    env.filters["longdate"] = _long_date(language)
    return env, labels


def warm_templates(templates: Path, language: str, name: str) -> None:
    """Compile template ``name`` (and what it imports) ahead of use; errors surface later, when composing."""
    try:
        _environment(templates, language)[0].get_template(name)
    except Exception:  # the compose step reports template errors with file and line
        pass


def _storyboard_error(templates: Path, name: str, exc: StoryboardError) -> TemplateError:
    """Return a storyboard problem as a template error naming the template (lines are of its output)."""
    return TemplateError(f"{display_path(templates / name)}: output line {exc.line}: {exc}")


def _render(pack: Pack, templates: Path, name: str) -> tuple[Div, BuildContext]:
    env, labels = _environment(templates, pack.pack.language)
    text, values = render_template(env, name, {"pack": pack})
    try:
        root = parse_divs(text, values)
    except StoryboardError as exc:
        raise _storyboard_error(templates, name, exc) from None
    return root, BuildContext(values, labels)


def compose_handout(pack: Pack, templates: Path, name: str = "handout.md.j2", logo: Logo | None = None) -> Composed:
    """Return the handout for ``pack`` as the template ``name`` arranges it."""
    root, ctx = _render(pack, templates, name)
    try:
        blocks = tuple(ctx.blocks(root))
    except StoryboardError as exc:
        raise _storyboard_error(templates, name, exc) from None
    blocks, _ = number_citations(blocks, list(pack.sources))
    return Composed(Handout(_meta(pack, logo), ctx.labels, blocks), tuple(ctx.warnings))


def compose_deck(pack: Pack, templates: Path, name: str = "deck.md.j2", logo: Logo | None = None) -> Composed:
    """Return the slide deck for ``pack`` as the template ``name`` arranges it."""
    root, ctx = _render(pack, templates, name)
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
    numbered, _ = number_citations(tuple(slides), list(pack.sources))
    deck = Deck(_meta(pack, logo), ctx.labels, numbered)
    return Composed(deck, tuple(ctx.warnings))


def _slide(div: Div, ctx: BuildContext) -> Slide:
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


