"""Rich text: the inline Markdown subset editors may write in content fields.

Editors may write *emphasis*, **strong** and [links](https://example.org) in
any rich-text field. markdown-it-py does the parsing, so escaping, nesting and
edge cases behave as in every other Markdown tool. This module owns the parser
configuration; compose turns its tokens into styled runs.
"""

from __future__ import annotations

from functools import lru_cache

from markdown_it import MarkdownIt


class Markdown(str):
    """Content text that may contain inline Markdown (a rich-text field's value).

    Plain ``str`` values are always printed literally; only ``Markdown`` is parsed.
    """

    __slots__ = ()


@lru_cache(maxsize=1)
def inline_parser() -> MarkdownIt:
    """Return the parser for the inline subset: emphasis, strong, links, escapes, code."""
    md = MarkdownIt("zero")  # every rule off; enable only the subset we support
    md.enable(["emphasis", "link", "escape", "newline", "backticks"])
    # Accept every link target here; the schema rejects unsafe schemes with a
    # clear error instead of markdown-it silently printing the link as text.
    md.validateLink = lambda url: True  # type: ignore[method-assign]
    return md


def link_targets(text: str) -> list[str]:
    """Return the URLs of the links written in ``text``."""
    tokens = inline_parser().parseInline(text)
    children = tokens[0].children or [] if tokens else []
    return [str(token.attrs.get("href", "")) for token in children if token.type == "link_open"]
