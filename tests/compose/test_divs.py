"""Div handlers: each div kind makes its blocks; a misspelt kind or bad attribute is a clear error."""

from __future__ import annotations

import pytest

from generator.compose.divs import DIV_HANDLERS, DivContext, div_blocks
from generator.compose.i18n import wording
from generator.compose.storyboard import StoryboardError, parse_divs
from generator.compose.words import Words
from generator.content.loader import load_pack
from generator.document import BulletList, Cover, Table, text_of
from tests.helpers import MINI, TEMPLATES

PACK = load_pack(MINI).content
WORDS = Words(PACK, wording(TEMPLATES, "en-AU").labels)


def blocks(text: str, values: list[object] | None = None) -> list[object]:
    root = parse_divs(text, values or [])
    ctx = DivContext(values or [], WORDS, {s.id: s for s in PACK.sources})
    return [b for child in root.children if not isinstance(child, str) for b in div_blocks(child, ctx)]


def test_cover_list_and_pagebreak() -> None:
    [cover] = blocks("::: cover\n# Title\n\nSub\n\nLine one\n:::\n")
    assert isinstance(cover, Cover) and text_of(cover.title) == "Title" and text_of(cover.subtitle) == "Sub"
    [items] = blocks("::: list columns=2 ordered=true\nfirst\n\n- second\n:::\n")
    assert isinstance(items, BulletList) and items.columns == 2 and items.ordered and len(items.items) == 2


def test_comparison_table_from_models_and_rows() -> None:
    pack = load_pack(MINI).content
    [table] = blocks("::: comparison models=\u2e280\u2e29 rows=\u2e281\u2e29\n:::\n", [pack.models, pack.comparison])
    assert isinstance(table, Table) and table.kind == "comparison"
    assert [text_of(c.text) for c in table.header][1:] == ["Ban", "Licensing", "Free"]
    assert table.rows[0][1].status == "criminalised"
    assert text_of(table.rows[-1][1].text) == "Lowtown (2019)"


@pytest.mark.parametrize("text,message", [
    ("::: qoute\n:::\n", "unknown div kind 'qoute'"),
    ("::: list columns=9\n:::\n", "list columns must be 1 to 4, not '9'"),
    ("::: cover\n:::\n", "a cover needs at least a title heading"),
    ("::: quote\n:::\n", "div 'quote' needs item="),
])
def test_mistakes_are_storyboard_errors(text: str, message: str) -> None:
    with pytest.raises(StoryboardError, match=message.replace("(", r"\(")):
        blocks(text)


def test_every_kind_is_documented_in_the_templates_readme() -> None:
    from tests.helpers import ROOT

    readme = (ROOT / "templates" / "README.md").read_text()
    for kind in DIV_HANDLERS:
        assert f"`{kind}" in readme, kind


def test_lived_experience_never_shows_one_persons_words_under_anothers_name() -> None:
    # The fixture interleaves two people: a rider, a shop owner (a quotation), the rider again.
    points = list(PACK.lived_experience)
    assert [p.attribution for p in points] == ["A rider from Lowtown", "A shop owner in Hill County",
                                               "A rider from Lowtown"]
    out = blocks("::: experience items={{0}}\n:::\n".replace("{{0}}", "⸨0⸩"), [points])
    shown = [(type(b).__name__, text_of(b.text) if hasattr(b, "text") else [text_of(i) for i in b.items])
             for b in out]
    assert shown == [
        ("Paragraph", "A rider from Lowtown:"), ("BulletList", ["Has ridden under the ban and under licensing."]),
        ("Paragraph", "A shop owner in Hill County:"),
        ("BulletList", ["“I sold more boards once licences began.”"]),  # a quotation, in quotation marks
        ("Paragraph", "A rider from Lowtown:"), ("BulletList", ["Found licensing fair but expensive."]),
    ]
