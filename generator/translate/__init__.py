"""Stage 1b, translate: a pack in its other languages, from gettext catalogues kept in step with it.

``entries`` finds what in a pack is translated (one entry per prose field,
keyed by where it is); ``catalogue`` keeps ``translations/<language>.po`` in
step with the pack, marking a translation stale when its source changes;
``apply`` makes the translated pack, keeping in the source language (and
marked so) whatever has no current translation; ``sheets`` moves a catalogue
to and from the spreadsheet volunteers translate in.
"""

__all__ = ["apply", "catalogue", "entries", "sheets"]
