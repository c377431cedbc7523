"""Translate whole packs: move a language's gettext catalogue to and from the places translators work in.

A catalogue holds one entry per content string (``msgctxt`` its stable id); ``sheets`` lets volunteers
translate it in a spreadsheet rather than a PO editor.
"""

__all__ = ["sheets"]
