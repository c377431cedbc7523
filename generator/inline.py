"""Parse the inline Markdown subset of text fields into styled runs.

Editors may write *emphasis*, **strong** and [links](https://example.org) in
any rich-text field. markdown-it-py does the parsing (so escaping, nesting and
edge cases behave as in every other Markdown tool); we keep only the subset and
flatten it into runs that renderers can draw without knowing Markdown.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from collections.abc import Callable, Sequence

from markdown_it import MarkdownIt
from markdown_it.token import Token


class Markdown(str):
    """Content text that may contain inline Markdown (a rich-text field's value).

    Plain ``str`` values are always printed literally; only ``Markdown`` is parsed.
    """

    __slots__ = ()


@dataclass(frozen=True)
class Run:
    """A stretch of text with one style.

    ``url`` makes it a link; ``cite`` makes it a citation marker for those
    source ids (its text is filled in once sources are numbered); ``status``
    marks a criminalised / not-criminalised label so renderers can add a symbol.
    """

    text: str
    bold: bool = False
    italic: bool = False
    url: str | None = None
    cite: tuple[str, ...] = ()
    status: str | None = None


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    md = MarkdownIt("zero")  # every rule off; enable only the subset we support
    md.enable(["emphasis", "link", "escape", "newline", "backticks"])
    # Accept every link target here; the schema rejects unsafe schemes with a
    # clear error instead of markdown-it silently printing the link as text.
    md.validateLink = lambda url: True
    return md


@lru_cache(maxsize=4096)
def parse_inline(text: str) -> tuple[Run, ...]:
    """Return the runs of ``text``, merging neighbours that share a style."""
    tokens = _parser().parseInline(text)
    return runs_from_tokens(tokens[0].children or [] if tokens else [], lambda content: [Run(content)])


def runs_from_tokens(children: Sequence[Token], text_runs: Callable[[str], list[Run]]) -> tuple[Run, ...]:
    """Return styled runs from markdown-it inline tokens.

    ``text_runs`` turns each text token into runs (the storyboard uses it to
    swap placeholders for content); the emphasis, strong and link around a
    text token are applied on top of the runs' own styles.
    """
    runs: list[Run] = []
    bold = italic = 0
    url: str | None = None
    for token in children:
        kind = token.type
        if kind in ("strong_open", "strong_close"):
            bold += 1 if kind == "strong_open" else -1
        elif kind in ("em_open", "em_close"):
            italic += 1 if kind == "em_open" else -1
        elif kind == "link_open":
            url = str(token.attrs.get("href", ""))
        elif kind == "link_close":
            url = None
        elif kind in ("text", "code_inline"):
            for run in text_runs(token.content):
                append_run(runs, Run(run.text, run.bold or bold > 0, run.italic or italic > 0, run.url or url,
                                     run.cite, run.status))
        elif kind in ("softbreak", "hardbreak"):
            append_run(runs, Run(" ", bold > 0, italic > 0, url))
    return tuple(runs)


def append_run(runs: list[Run], run: Run) -> None:
    """Append ``run``, merging it into the last run when they share a style."""
    if not run.text and not run.cite:
        return
    last = runs[-1] if runs else None
    if (
        last is not None
        and not last.cite
        and not run.cite
        and (last.bold, last.italic, last.url, last.status) == (run.bold, run.italic, run.url, run.status)
    ):
        runs[-1] = Run(last.text + run.text, run.bold, run.italic, run.url, (), run.status)
    else:
        runs.append(run)


def plain_text(text: str) -> str:
    """Return ``text`` with its Markdown markup removed."""
    return "".join(run.text for run in parse_inline(text))


def link_targets(text: str) -> list[str]:
    """Return the URLs of the links written in ``text``."""
    return [run.url for run in parse_inline(text) if run.url is not None]
