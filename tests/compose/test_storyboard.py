"""The storyboard dialect: fenced divs with attributes, Markdown blocks inside, values swapped back."""

from __future__ import annotations

import pytest

from generator.compose.environment import TOKEN_CLOSE, TOKEN_OPEN
from generator.compose.storyboard import Div, StoryboardError, markdown_blocks, parse_divs
from generator.content.markdown import Markdown
from generator.document import BulletList, Heading, Paragraph, Run


def token(n: int) -> str:
    return f"{TOKEN_OPEN}{n}{TOKEN_CLOSE}"


def test_divs_nest_and_keep_markdown_between_them() -> None:
    root = parse_divs("intro\n::: callout kind=note\n# Title\n::: list columns=2\n- a\n:::\n:::\nend\n", [])
    assert [c if isinstance(c, str) else c.kind for c in root.children] == ["intro", "callout", "end"]
    callout = root.children[1]
    assert isinstance(callout, Div) and callout.attrs == {"kind": "note"} and callout.line == 2
    assert isinstance(callout.children[1], Div) and callout.children[1].attrs == {"columns": "2"}


def test_attribute_values_can_be_printed_content() -> None:
    item = object()
    root = parse_divs(f"::: quote item={token(0)} style=compact\n:::\n", [item])
    div = root.children[0]
    assert isinstance(div, Div) and div.attrs["item"] is item and div.attrs["style"] == "compact"


@pytest.mark.parametrize("text,line,message", [
    (":::\n", 1, "':::' closes a div that was never opened"),
    ("::: callout\n# x\n", 1, "div 'callout' is never closed with ':::'"),
    ("::: callout kind\n:::\n", 1, "div attribute 'kind' needs the form key=value"),
    ("::: callout kind='x\n:::\n", 1, "bad div attributes: No closing quotation"),
])
def test_malformed_storyboards_name_the_line(text: str, line: int, message: str) -> None:
    with pytest.raises(StoryboardError) as info:
        parse_divs(text, [])
    assert info.value.line == line and str(info.value).startswith(message)


def test_markdown_blocks_become_document_blocks() -> None:
    blocks = markdown_blocks("## Heading\n\nA *para*.\n\n- one\n- two\n\n1. first\n", [])
    assert blocks[0] == Heading(2, (Run("Heading"),))
    assert blocks[1] == Paragraph((Run("A "), Run("para", italic=True), Run(".")))
    assert blocks[2] == BulletList(((Run("one"),), (Run("two"),)), False)
    assert isinstance(blocks[3], BulletList) and blocks[3].ordered


def test_content_values_never_become_markup() -> None:
    values = ["# not a heading\n- not a list **not bold**", Markdown("**bold** here")]
    [paragraph] = markdown_blocks(f"{token(0)} and {token(1)}", values)
    assert isinstance(paragraph, Paragraph)
    assert paragraph.text[0] == Run("# not a heading\n- not a list **not bold** and ")
    assert Run("bold", bold=True) in paragraph.text
