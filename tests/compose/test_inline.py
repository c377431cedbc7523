"""Inline Markdown in content: emphasis, strong and links become styled runs; nothing else is markup."""

from __future__ import annotations

from generator.compose.inline import parse_inline
from generator.content.markdown import link_targets
from generator.document import Run


def test_emphasis_strong_links_and_escapes() -> None:
    assert parse_inline("a *b* **c** [d](https://e.org) \\*f\\*") == (
        Run("a "), Run("b", italic=True), Run(" "), Run("c", bold=True), Run(" "),
        Run("d", url="https://e.org"), Run(" *f*"))
    assert link_targets("see [here](https://a.org) and [there](mailto:x@y.org)") == ["https://a.org", "mailto:x@y.org"]


def test_everything_else_is_text() -> None:
    for text in ("# heading", "- item", "<b>html</b>", "1. one", "| a | b |"):
        assert "".join(r.text for r in parse_inline(text)) == text
