"""A translated pack: each string its current translation, or kept in the source language and marked so.

A translation is current when its catalogue entry has one, is not ``fuzzy``
and was made for the source text the pack has now. Anything else (missing,
stale, or a translation that breaks a rule the source field keeps, such as a
link to an unsafe address) is not printed: the string stays in the source
language, marked as written in it, and the edition says how many passages
that is. Quoted words are never replaced; their translation is attached to
the quotation, to be printed after it, labelled as a translation and by whom.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import polib
from pydantic import BaseModel

from generator.content.fieldpath import FieldPath
from generator.content.fields import check_url
from generator.content.items import QuotedTranslation
from generator.content.markdown import Markdown, link_targets
from generator.content.passages import passage, state_of
from generator.content.schema import Pack
from generator.errors import Problem, display_path
from generator.translate.catalogue import FUZZY, REVIEWED
from generator.translate.entries import Entry


@dataclass(frozen=True)
class Translated:
    """A pack in another language, and what keeps parts of it in the source language."""

    pack: Pack
    stale: tuple[tuple[Entry, int], ...]  # (entry, its line in the catalogue) whose source changed since
    missing: tuple[Entry, ...]  # entries with no translation yet
    problems: tuple[Problem, ...]  # translations refused (and so not printed), located in the catalogue
    suggested: tuple[tuple[Entry, int], ...] = ()  # suggestions (the same words' translation) not yet confirmed


@dataclass(frozen=True)
class TranslationNote:
    """What a translated edition says about itself: what it follows, how much is draft or untranslated."""

    language: str
    source_language: str
    source_date: dt.date
    source_version: str
    fallbacks: int  # passages still in the source language
    drafts: int  # passages translated but not yet reviewed
    by: str | None = None

    @property
    def draft(self) -> bool:
        return self.drafts > 0


def translate_pack(pack: Pack, entries: list[Entry], catalogue: polib.POFile, catalogue_name: str,
                   language: str, by: str | None = None) -> Translated:
    """Return ``pack`` in ``language`` from ``catalogue`` (``entries`` are the pack's, from ``pack_entries``)."""
    source_language = pack.meta.language
    found = {entry.msgctxt: entry for entry in catalogue if not entry.obsolete}
    stale: list[tuple[Entry, int]] = []
    suggested: list[tuple[Entry, int]] = []
    missing: list[Entry] = []
    problems: list[Problem] = []
    translated = pack
    for entry in entries:
        po = found.get(entry.id)
        text = _current(entry, po, catalogue_name, problems)
        if entry.quoted:
            owner = _at(translated, entry.path[:-1])
            kept = passage(entry.text, "quoted", getattr(owner, "language", None) or source_language)
            translated = _set(translated, entry.path, kept)
            if text is not None:
                translated = _set(translated, (*entry.path[:-1], "translation"),
                                  _quoted_translation(owner, str(entry.path[-1]), text, by))
        elif text is not None:
            value = Markdown(text) if isinstance(entry.text, Markdown) else text
            reviewed = po is not None and REVIEWED in po.flags
            translated = _set(translated, entry.path, passage(value, "reviewed" if reviewed else "draft"))
        else:
            translated = _set(translated, entry.path, passage(entry.text, "fallback", source_language))
        if text is None:
            if po is not None and po.msgstr and FUZZY in po.flags and not po.previous_msgid and po.msgid == entry.text:
                suggested.append((entry, po.linenum or 0))
            elif po is not None and po.msgstr and (FUZZY in po.flags or po.msgid != entry.text):
                stale.append((entry, po.linenum or 0))
            elif po is None or not po.msgstr:
                missing.append(entry)
    meta = translated.meta.model_copy(update={"language": language})
    return Translated(translated.model_copy(update={"meta": meta}), tuple(stale), tuple(missing), tuple(problems),
                      tuple(suggested))


def note_of(pack: Pack, source: Pack, by: str | None) -> TranslationNote:
    """Return what an edition of a translated pack says about itself (``source``: the pack it was made from)."""
    states = [state_of(value) for value in _strings(pack)]
    return TranslationNote(pack.meta.language, source.meta.language, source.meta.date, source.meta.version,
                           states.count("fallback"), states.count("draft"), by)


def _current(entry: Entry, po: polib.POEntry | None, catalogue_name: str, problems: list[Problem]) -> str | None:
    """Return the entry's translation if it is current and keeps the field's rules, else None."""
    if po is None or not po.msgstr or FUZZY in po.flags or po.msgid != entry.text:
        return None
    text = po.msgstr.strip()
    try:
        if isinstance(entry.text, Markdown):
            for url in link_targets(text):
                check_url(url, schemes=("https", "http", "mailto"))
        if any(ord(ch) < 32 and ch not in "\n\t" for ch in text):
            raise ValueError("contains a control character")
    except ValueError as exc:
        problems.append(Problem(catalogue_name, po.linenum or 0, 0, entry.id, f"translation not used: {exc}"))
        return None
    return text


def _quoted_translation(owner: Any, field: str, text: str, by: str | None) -> QuotedTranslation:
    """Return the quotation's translation with ``field`` ('text' or 'slide') set to ``text``."""
    current: QuotedTranslation | None = getattr(owner, "translation", None)
    if field == "slide":
        base = current or QuotedTranslation(text=text)
        return base.model_copy(update={"slide": text, "by": by or base.by})
    if current is None:
        return QuotedTranslation(text=text, by=by)
    return current.model_copy(update={"text": text, "by": by or current.by})


def _field_name(model: BaseModel, key: str | int) -> str:
    """Return the attribute of ``model`` that YAML key ``key`` (a field name or its alias) names."""
    for name, field in type(model).model_fields.items():
        if (field.alias or name) == key:
            return name
    return str(key)


def _at(node: Any, path: FieldPath) -> Any:
    for key in path:
        if isinstance(node, list):
            node = node[int(key)]
        elif isinstance(node, dict):
            node = node[key]
        else:
            node = getattr(node, _field_name(node, key))
    return node


def _set(node: Any, path: FieldPath, value: Any) -> Any:
    """Return ``node`` with the value at ``path`` replaced (models and lists copied along the way)."""
    if not path:
        return value
    head, rest = path[0], path[1:]
    if isinstance(node, list):
        changed = list(node)
        changed[int(head)] = _set(node[int(head)], rest, value)
        return changed
    if isinstance(node, dict):
        return {**node, head: _set(node[head], rest, value)}
    name = _field_name(node, head)
    return node.model_copy(update={name: _set(getattr(node, name), rest, value)})


def _strings(value: Any) -> Iterator[Any]:
    """Yield every string inside a pack, in order."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _strings(getattr(value, name))
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)


def catalogue_name(path: Any) -> str:
    """Return a catalogue's path as problems name it."""
    return display_path(path)
