"""What every block renderer of the handout reads: theme, styles, column width, fixed wording, logo."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from generator.document import Inline, Logo
from generator.render.pdf.markup import markup
from generator.render.pdf.tagged import TaggedParagraph as Paragraph
from generator.theme import Theme

SHORT_LEAD = 160  # characters: a paragraph this short right after a heading stays with what follows
STYLE_ROLES = {"title": "H1"}  # paragraph styles that are not plain paragraphs (P) in the structure tree


@dataclass
class PdfContext:
    """What block renderers need: theme, styles, usable width, fixed wording, logo."""

    theme: Theme
    styles: dict[str, Any]
    font: str
    width: float
    labels: dict[str, str] = field(default_factory=dict)
    logo: Logo | None = None
    slugs: dict[str, int] = field(default_factory=dict)
    author: str = ""  # for the logo's alternative text when the pack gives none
    diagram_min: float = 0.0  # a narrow page's smallest diagram label, in points (0: as the A4 handout)

    def narrower(self, by: float) -> PdfContext:
        """Return the same context for a column ``by`` points narrower."""
        return replace(self, width=self.width - by)

    def para(self, inline: Inline, style: str = "body", prefix: str = "", suffix: str = "") -> Paragraph:
        """Return ``inline`` as a paragraph in ``style``; one written wholly in another language says so (Lang)."""
        breakable = style.startswith("cell")  # narrow table cells may break before a citation marker
        lang = whole_language(inline)
        text = markup(inline, self.theme, break_before_cites=breakable, spans=not lang)
        paragraph = Paragraph(prefix + text + suffix, self.styles[style], role=STYLE_ROLES.get(style, "P"))
        if lang:
            paragraph.tag.attrs["Lang"] = lang
        return paragraph


def whole_language(inline: Inline) -> str:
    """Return the language every word of ``inline`` is marked as written in ("" if none, or several)."""
    langs = {run.lang for run in inline if run.text.strip() and not run.cite}
    return next(iter(langs)) if len(langs) == 1 else ""
