"""Content text that knows its state in a translated edition: which language it is in, and how it got there.

A translated edition is the pack with each string replaced by its
translation, or, where there is none yet (or the source changed since), kept
in the source language. Quoted words are always kept. The kept strings say
their language (``lang``), so every renderer marks them as written in it;
each string also says its ``state``, so an edition can tell how much of it is
a draft and how much is still in the source language, and print so.
"""

from __future__ import annotations

from typing import Literal

from generator.content.markdown import Markdown

State = Literal["reviewed", "draft", "fallback", "quoted"]


class Passage(str):
    """Plain text with its ``lang`` (a tag, or "" for the edition's own language) and its ``state``."""

    lang: str
    state: State


class MarkdownPassage(Markdown):
    """Rich text (inline Markdown) with its ``lang`` and ``state``, as ``Passage``."""

    lang: str
    state: State


def passage(text: str, state: State, lang: str = "") -> str:
    """Return ``text`` as a passage of ``state`` in ``lang``, rich if ``text`` was rich."""
    made: Passage | MarkdownPassage = MarkdownPassage(text) if isinstance(text, Markdown) else Passage(text)
    made.lang, made.state = lang, state
    return made


def state_of(value: object) -> State | None:
    """Return a passage's state (None for text that is not one: the source edition's)."""
    return getattr(value, "state", None)


def lang_of(value: object) -> str:
    """Return the language a value is marked as written in ("" when it is the document's)."""
    return getattr(value, "lang", "") or ""
