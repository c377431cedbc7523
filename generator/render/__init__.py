"""Stage 5, render: draw documents and laid-out slides as files — PDF with reportlab, PPTX with python-pptx.

Renderers read only the document model, the slide layout and the theme.
"""

__all__ = ["pdf", "pptx_deck"]
