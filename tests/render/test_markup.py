"""Runs become reportlab paragraph markup: content always escaped, citations linked, fallback font for gaps."""

from __future__ import annotations

from generator.document import Run
from generator.editions.themes import load_theme
from generator.render.pdf.markup import markup
from tests.helpers import TEMPLATES

THEME = load_theme(TEMPLATES)


def test_content_is_escaped_and_styles_nest() -> None:
    out = markup((Run("<b>&", bold=True, italic=True, url="https://a.org/?x=1&y=2"),), THEME)
    assert "&lt;b&gt;&amp;" in out and out.startswith('<a href="https://a.org/?x=1&amp;y=2"')
    assert "<i><b>" in out


def test_citations_link_to_the_sources_list_and_never_break() -> None:
    out = markup((Run("[3, 12*]", cite=("a", "b")),), THEME)
    assert out == (f'<super>[<a href="#src-3" color="{THEME.colours.link}">3</a>,&nbsp;'
                   f'<a href="#src-12" color="{THEME.colours.link}">12*</a>]</super>')
    assert markup((Run("[3]", cite=("a",)),), THEME, cite_links=False) == "<super>[3]</super>"


def test_characters_the_handout_font_lacks_use_the_fallback_font() -> None:
    assert markup((Run("Ōtautahi"),), THEME) == '<font name="Arimo-Fallback">Ō</font>tautahi'
    assert markup((Run("Criminalised", status="criminalised"),), THEME) == \
        f'<font color="{THEME.colours.criminalised}">Criminalised</font>'
