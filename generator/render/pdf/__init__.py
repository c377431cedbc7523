"""PDF renderers: the handout and summary (platypus), the slides PDF and the speaker-notes PDF."""

__all__ = ["handout", "reportlab_hooks", "slides", "speaker"]
