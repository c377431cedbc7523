"""Parse template output (the storyboard) into fenced divs and Markdown blocks.

The storyboard dialect is Markdown with Pandoc-style fenced divs::

    ::: callout kind=key-messages
    ## Key messages
    - **{{ m.title }}** {{ m.text }}
    :::

A line ``::: kind key=value …`` opens a div; a bare ``:::`` closes the innermost
one. Inside divs, headings, paragraphs and lists are Markdown (markdown-it-py).
Placeholder tokens stand for values the template printed; they are swapped back
here, so content never reaches the Markdown parser as markup.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token

from generator.compose.environment import TOKEN, Cite, Styled
from generator.compose.inline import parse_inline, runs_from_tokens
from generator.content.markdown import Markdown
from generator.content.passages import lang_of
from generator.document import Block, BulletList, Citation, Heading, Inline, Paragraph, Run, append_run

_OPEN = re.compile(r"^\s*:{3,}\s*([A-Za-z][\w-]*)(.*)$")
_CLOSE = re.compile(r"^\s*:{3,}\s*$")


class StoryboardError(Exception):
    """The storyboard is malformed; ``line`` is 1-based within the template output."""

    def __init__(self, line: int, message: str):
        self.line = line
        super().__init__(message)


@dataclass
class Div:
    """A fenced div: its kind, attributes (values resolved) and children."""

    kind: str
    attrs: dict[str, Any]
    line: int
    children: list[Div | str] = field(default_factory=list)


def parse_divs(text: str, values: list[Any]) -> Div:
    """Return the root div of ``text``, with Markdown chunks as string children."""
    root = Div("root", {}, 0)
    stack = [root]
    chunk: list[str] = []

    def flush() -> None:
        if any(line.strip() for line in chunk):
            stack[-1].children.append("\n".join(chunk))
        chunk.clear()

    for number, line in enumerate(text.splitlines(), start=1):
        if _CLOSE.match(line):
            flush()
            if len(stack) == 1:
                raise StoryboardError(number, "':::' closes a div that was never opened")
            stack.pop()
            continue
        opened = _OPEN.match(line)
        if opened:
            flush()
            div = Div(opened.group(1), _attributes(opened.group(2), values, number), number)
            stack[-1].children.append(div)
            stack.append(div)
            continue
        chunk.append(line)
    flush()
    if len(stack) > 1:
        raise StoryboardError(stack[-1].line, f"div '{stack[-1].kind}' is never closed with ':::'")
    return root


def _attributes(text: str, values: list[Any], line: int) -> dict[str, Any]:
    attrs: dict[str, Any] = {}
    try:
        parts = shlex.split(text)
    except ValueError as exc:
        raise StoryboardError(line, f"bad div attributes: {exc}") from None
    for part in parts:
        key, sep, raw = part.partition("=")
        if not sep:
            raise StoryboardError(line, f"div attribute '{part}' needs the form key=value")
        match = TOKEN.fullmatch(raw)
        attrs[key] = values[int(match.group(1))] if match else raw
    return attrs


@lru_cache(maxsize=1)
def _markdown() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False})
    md.disable(["html_block", "html_inline", "image", "code", "fence", "hr", "entity", "reference"])
    md.validateLink = lambda url: True  # type: ignore[method-assign]
    return md


def markdown_blocks(text: str, values: list[Any]) -> list[Block]:
    """Return the blocks of a Markdown chunk: headings, paragraphs and lists."""
    tokens = _markdown().parse(text)
    blocks: list[Block] = []
    items: list[Inline] = []
    list_stack: list[bool] = []
    heading_level = 0
    for token in tokens:
        if token.type == "heading_open":
            heading_level = int(token.tag[1])
        elif token.type in ("bullet_list_open", "ordered_list_open"):
            list_stack.append(token.type == "ordered_list_open")
            if len(list_stack) == 1:
                items = []
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            ordered = list_stack.pop()
            if not list_stack:
                blocks.append(BulletList(tuple(items), ordered))
        elif token.type == "inline":
            inline = resolve_inline(token, values)
            if heading_level:
                blocks.append(Heading(heading_level, inline))
                heading_level = 0
            elif list_stack:
                items.append(inline)
            else:
                blocks.append(Paragraph(inline))
    return blocks


def resolve_inline(token: Token, values: list[Any]) -> Inline:
    """Return the runs of an inline token, with placeholders swapped for their values."""
    return runs_from_tokens(token.children or [], lambda content: expand_text(content, values))


def expand_text(text: str, values: list[Any]) -> list[Run]:
    """Return runs for template text, resolving each placeholder to its value's runs."""
    runs: list[Run] = []
    position = 0
    for match in TOKEN.finditer(text):
        if match.start() > position:
            runs.append(Run(text[position : match.start()]))
        runs.extend(value_runs(values[int(match.group(1))]))
        position = match.end()
    if position < len(text):
        runs.append(Run(text[position:]))
    return runs


def value_runs(value: Any) -> list[Run]:
    """Return the runs that stand for one printed template value (in its own language, if it says one)."""
    lang = lang_of(value)
    if lang:
        return [replace(run, lang=lang) for run in _value_runs(value)]
    return _value_runs(value)


def _value_runs(value: Any) -> list[Run]:
    if isinstance(value, Markdown):
        return list(parse_inline(str(value)))
    if isinstance(value, Cite):
        return [Run("", cite=tuple(Citation(source) for source in value.ids))] if value.ids else []
    if isinstance(value, Styled):
        return [Run(value.text, bold=True, status=value.status)]
    if isinstance(value, (list, tuple)):
        return [Run(", ".join(str(v) for v in value))]
    return [Run(str(value))]


def inline_of(value: Any) -> Inline:
    """Return ``value`` (content text or any printable value) as inline runs."""
    runs: list[Run] = []
    for run in value_runs(value):
        append_run(runs, run)
    return tuple(runs)
