"""PDF renderers: the handout and summary (platypus), the booklet, the slides PDF and the speaker-notes PDF."""

__all__ = ["booklet", "handout", "imposition", "reportlab_hooks", "slides", "speaker"]
