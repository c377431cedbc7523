"""PDF renderers: the handout and summary (platypus), the print outputs (booklet, leaflet, cards), slides, notes."""

__all__ = ["booklet", "cards", "framed", "handout", "imposition", "inks", "leaflet", "reportlab_hooks", "slides",
           "speaker"]
