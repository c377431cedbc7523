"""Stage 2, select: what one command works on — packs found, a pack's theme, logo, audience and language editions.

``session.load_session`` is the one way build, check, list and watch load a pack.
"""

__all__ = ["discover", "languages", "readability", "session", "themes", "variants"]
