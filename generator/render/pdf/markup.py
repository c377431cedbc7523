"""Paragraph styles from the theme, and inline runs as reportlab paragraph markup."""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape, quoteattr

from generator.document import Inline, Run
from generator.errors import BuildError
from generator.fonts.coverage import glyph_set, split_by_coverage
from generator.fonts.reportlab import register_fallback_font
from generator.render.pdf.reportlab_hooks import LANG_SCHEME, install
from generator.theme import Theme

# A space too small to see: reportlab breaks lines only at whitespace (not at U+200B), so this
# is how a line may break before a citation marker without a visible gap when it does not.
HAIR_BREAK = '<font size="0.1"> </font>'

install()  # web addresses break only at their joints; wrapped lines keep their spaces for screen readers


def markup(inline: Inline, theme: Theme, *, cite_links: bool = True, break_before_cites: bool = False,
           spans: bool = True) -> str:
    """Return reportlab markup for ``inline``; content text is always escaped.

    ``cite_links`` links citation markers to the sources list; documents
    without one (the speaker notes) print the markers as plain superscript.
    ``break_before_cites`` lets a line break before a marker, for narrow
    table cells: without it "criminalised[3, 40]" is one word, and a column
    too narrow for it breaks the word itself ("criminalise / d"). With
    ``spans``, words marked as in another language (``Run.lang``) are marked
    so for the tagged PDF (a ``Span`` with its ``Lang``, see ``links``).
    """
    out: list[str] = []
    colours = theme.colours
    for run in inline:
        if run.cite and break_before_cites and out:
            out.append(HAIR_BREAK)
        if run.cite:
            out.append(_cite_markup(run, theme) if cite_links else _raised(escape(run.text), theme))
            continue
        text = _fallback_markup(run.text, theme)
        if run.status:
            colour = colours.for_status(run.status)
            text = f'<font color="{colour}">{text}</font>'
        if run.bold:
            text = f"<b>{text}</b>"
        if run.italic:
            text = f"<i>{text}</i>" if theme.handout.italics else f"<b>{text}</b>"  # clear print: bold, not italic
        if run.url:
            text = f'<a href={quoteattr(run.url)} color="{colours.link}"><u>{text}</u></a>'
        elif run.lang and spans:
            text = f'<a href={quoteattr(LANG_SCHEME + run.lang)}>{text}</a>'
        out.append(text)
    return "".join(out)


def _fallback_markup(text: str, theme: Theme) -> str:
    """Return escaped ``text`` with characters the handout font lacks set in the fallback font."""
    primary = glyph_set(theme.fonts.handout)
    if all(ord(ch) in primary for ch in text):
        return escape(text)
    name = register_fallback_font(theme.fonts.fallback)
    secondary = glyph_set(theme.fonts.fallback)
    missing = sorted({ch for ch in text if ord(ch) not in primary and ord(ch) not in secondary and not ch.isspace()})
    if missing:  # content is checked before; this is fixed wording from a template or catalogue
        shown = ", ".join(f"'{ch}' (U+{ord(ch):04X})" for ch in missing[:5])
        raise BuildError(f"no font briefpack ships can show {shown} in the wording {text[:60]!r}; change the "
                         "template or message catalogue that prints it")
    out = []
    for piece, fallback in split_by_coverage(text, primary, secondary):
        out.append(f'<font name="{name}">{escape(piece)}</font>' if fallback else escape(piece))
    return "".join(out)


def plain_markup(text: str, theme: Theme) -> str:
    """Return reportlab markup for plain ``text`` (escaped, with font fallback)."""
    return _fallback_markup(text, theme)


def _cite_markup(run: Run, theme: Theme) -> str:
    """Return a superscript citation marker whose numbers link to the sources list."""
    parts = []
    for citation in run.cite:
        flag = "" if citation.checked else "*"
        parts.append(f'<a href="#src-{citation.number}" color="{theme.colours.link}">{citation.number}{flag}</a>')
    # A no-break space keeps "[4, 28]" together; reportlab honours U+00A0.
    return _raised(f"[{',&nbsp;'.join(parts)}]", theme) if parts else ""


def _raised(text: str, theme: Theme) -> str:
    """Return a citation marker raised and smaller; in a theme with a smallest size, on the line at full size.

    Clear-print guidance has no superscripts: a marker shrunk to 70 % of 16 pt
    is 11 pt, below what large print promises.
    """
    return text if theme.min_text else f"<super>{text}</super>"


def paragraph_styles(theme: Theme, font: str) -> dict[str, Any]:
    """Return the named paragraph styles of the handout."""
    from reportlab.lib.colors import HexColor
    from reportlab.lib.enums import TA_LEFT
    from reportlab.lib.styles import ParagraphStyle

    c, s = theme.colours, theme.handout
    text = HexColor(c.text)

    def style(name: str, size: float, **kw: Any) -> ParagraphStyle:
        base = {
            "fontName": font,
            "bulletFontName": font,
            "bulletFontSize": size,  # reportlab's default is 10 pt, whatever the text's size
            "fontSize": size,
            "leading": size * s.leading,
            "textColor": text,
            "alignment": TA_LEFT,
            "allowWidows": 0,
            "allowOrphans": 0,
            "splitLongWords": 1,
            "spaceAfter": size * 0.5,
        }
        base.update(kw)
        return ParagraphStyle(name, **base)

    bold = font + "-Bold"
    return {
        "body": style("body", s.body),
        "small": style("small", s.small, textColor=HexColor(c.muted)),
        "cell": style("cell", s.small, spaceAfter=0),
        "cell_head": style("cell_head", s.small, fontName=bold, textColor=HexColor(c.table_header_text),
                           spaceAfter=0),
        "bullet": style("bullet", s.body, leftIndent=14, bulletIndent=2, spaceAfter=s.body * 0.3),
        "h1": style("h1", s.h1, fontName=bold, textColor=HexColor(c.accent), spaceBefore=s.h1 * 0.8,
                    spaceAfter=s.h1 * 0.4, keepWithNext=1),
        "h2": style("h2", s.h2, fontName=bold, spaceBefore=s.h2 * 0.8, spaceAfter=s.h2 * 0.3, keepWithNext=1),
        "h3": style("h3", s.h3, fontName=bold, spaceBefore=s.h3 * 0.5, spaceAfter=s.h3 * 0.3, keepWithNext=1),
        "title": style("title", s.title, fontName=bold, textColor=HexColor(c.band_text),
                       leading=s.title * 1.1),
        "subtitle": style("subtitle", s.subtitle, textColor=HexColor(c.band_text)),
        "cover_line": style("cover_line", s.body + 1, textColor=HexColor(c.text)),
        "quote": style("quote", s.quote, leftIndent=12, fontName=font + ("-Italic" if s.italics else ""),
                       spaceAfter=s.quote * 0.4),
        "attribution": style("attribution", s.small, leftIndent=12, alignment=TA_LEFT,
                             textColor=HexColor(c.muted), spaceAfter=s.body),
        "context": style("context", s.small, leftIndent=12, textColor=HexColor(c.muted)),
        "term": style("term", s.body, fontName=bold, spaceAfter=1, keepWithNext=1),
        "definition": style("definition", s.body, leftIndent=12),
        "source": style("source", s.small, leftIndent=s.small * 2.6, bulletIndent=0, spaceAfter=3),
        "toc1": style("toc1", s.body, leftIndent=0, spaceAfter=2),
        "toc2": style("toc2", s.small, leftIndent=14, spaceAfter=1),
        "easy": style("easy", s.body, spaceAfter=s.body * 0.35),  # an Easy Read sentence: one a line
    }
