"""Stage 4, layout: measure slides once, in real font metrics, so every deck renderer draws the same boxes.

Also the table geometry (column widths) the handout shares with the slides.
"""

__all__ = ["boxes", "diagrams", "grid", "slides", "tables", "urls"]
