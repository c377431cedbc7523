"""What every block renderer of the handout reads: theme, styles, column width, fixed wording, logo."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from generator.document import Inline, Logo
from generator.render.pdf.markup import markup
from generator.render.pdf.tagged import TaggedParagraph as Paragraph
from generator.theme import Theme

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

    def narrower(self, by: float) -> PdfContext:
        """Return the same context for a column ``by`` points narrower."""
        return replace(self, width=self.width - by)

    def para(self, inline: Inline, style: str = "body", prefix: str = "") -> Paragraph:
        breakable = style.startswith("cell")  # narrow table cells may break before a citation marker
        return Paragraph(prefix + markup(inline, self.theme, break_before_cites=breakable), self.styles[style],
                         role=STYLE_ROLES.get(style, "P"))
