"""Stage 5, render: draw documents and laid-out slides as files (PDF, PPTX, HTML, SVG).

PDF with reportlab, PPTX with python-pptx, HTML and SVG as text.

Renderers read only the document model, the slide layout and the theme.
"""

__all__ = ["html", "pdf", "pptx_deck", "svg", "symbols"]
