"""Runs become reportlab paragraph markup: content always escaped, citations linked, fallback font for gaps."""

from __future__ import annotations

from generator.document import Citation, Run
from generator.editions.themes import load_theme
from generator.render.pdf.markup import markup
from tests.helpers import TEMPLATES

THEME = load_theme(TEMPLATES)


def test_content_is_escaped_and_styles_nest() -> None:
    out = markup((Run("<b>&", bold=True, italic=True, url="https://a.org/?x=1&y=2"),), THEME)
    assert "&lt;b&gt;&amp;" in out and out.startswith('<a href="https://a.org/?x=1&amp;y=2"')
    assert "<i><b>" in out


def test_citations_link_to_the_sources_list_and_never_break() -> None:
    cites = (Citation("a", 3), Citation("b", 12, checked=False))
    out = markup((Run("[3, 12*]", cite=cites),), THEME)
    assert out == (f'<super>[<a href="#src-3" color="{THEME.colours.link}">3</a>,&nbsp;'
                   f'<a href="#src-12" color="{THEME.colours.link}">12*</a>]</super>')
    assert markup((Run("[3]", cite=(Citation("a", 3),)),), THEME, cite_links=False) == "<super>[3]</super>"


def test_a_citation_is_drawn_from_its_numbers_not_from_its_text() -> None:
    """No regex reads the marker back: what the citation says is what links."""
    out = markup((Run("whatever the text", cite=(Citation("a", 7, checked=False),)),), THEME)
    assert '<a href="#src-7"' in out and ">7*</a>" in out and "whatever" not in out


def test_characters_the_handout_font_lacks_use_the_fallback_font() -> None:
    assert markup((Run("Ōtautahi"),), THEME) == '<font name="Arimo-Fallback">Ō</font>tautahi'
    assert markup((Run("Criminalised", status="criminalised"),), THEME) == \
        f'<font color="{THEME.colours.criminalised}">Criminalised</font>'
