"""What a translated edition says about itself, in its own language, for templates to print.

A translated edition says which source edition it follows; that it is a
draft while any of its passages is unreviewed; and how many passages are
still in the source language, and why. The words are fixed wording
(``messages/labels.yaml``, translated in each language's catalogue), so the
notices read in the edition's language; templates decide where they go.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator.translate.apply import TranslationNote


@dataclass(frozen=True)
class Notice:
    """A translated edition's notices, ready to print ("" where one has nothing to say)."""

    follows: str  # "Translated from the English edition of 28 November 2026 (version 1.1)."
    draft: str  # "Draft translation, not yet reviewed" while any passage is unreviewed
    untranslated: str  # "12 passages of this edition are still in English: …"
    language: str  # the edition's language tag
    source_language: str


def notice_of(note: TranslationNote, labels: dict[str, str], long_date: Any) -> Notice:
    """Return the notices of a translated edition described by ``note``, in ``labels``' language."""
    source = language_name(note.source_language, note.language)
    follows = labels.get("translation_of", "Translated from the {language} edition of {date} (version {version}).")
    follows = follows.format(language=source, date=long_date(note.source_date), version=note.source_version)
    draft = labels.get("draft_translation", "Draft translation, not yet reviewed") if note.draft else ""
    untranslated = ""
    if note.fallbacks:
        key = "untranslated_one" if note.fallbacks == 1 else "untranslated_many"
        untranslated = labels.get(key, "{count} passages of this edition are still in {language}.").format(
            count=note.fallbacks, language=source)
    return Notice(follows, draft, untranslated, note.language, note.source_language)


def language_name(tag: str, in_language: str) -> str:
    """Return the name of language ``tag`` as written in ``in_language`` ('en-AU' in 'es': 'inglés')."""
    from babel.core import Locale, UnknownLocaleError

    try:
        reader = Locale.parse(in_language.replace("-", "_"))
        named = Locale.parse(tag.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return tag
    return str(reader.languages.get(named.language) or tag)
