"""Sentences and words of a text: what the plain-language checks count.

One splitter for the reading grade (``editions.readability``) and for Easy
Read's rule of at most 15 words a sentence (``content.easy_read``), so both
count a sentence the same way. Inline Markdown is read as the words it shows.
"""

from __future__ import annotations

import re

_MARKUP = re.compile(r"\[([^\]]*)\]\([^)]*\)|[*_`]")
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’»)]*\s+")
WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*|\d+(?:[.,]\d+)*")


def _plain(text: str) -> str:
    """Return ``text`` without inline Markdown: a link reads as its words, emphasis marks go."""
    return _MARKUP.sub(lambda match: match.group(1) or "", text)


def sentences(text: str) -> list[str]:
    """Return the sentences of ``text`` (Markdown read as its words); a piece with no word is no sentence."""
    return split_sentences(_plain(text))


def split_sentences(text: str) -> list[str]:
    """Return the sentences of ``text`` as written (its Markdown kept), spaces made single."""
    return [s for s in _SENTENCE_END.split(" ".join(text.split())) if WORD.search(s)]


def words(text: str) -> list[str]:
    """Return the words of ``text``: runs of letters (with inner apostrophes and hyphens) and numbers."""
    return WORD.findall(text)
