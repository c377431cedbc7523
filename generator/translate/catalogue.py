"""A language's catalogue of a pack: one gettext entry per translatable string, kept in step with the pack.

``translations/<language>.po`` in the pack folder holds, per entry, its id
(``msgctxt``), the source text (``msgid``), the translation (``msgstr``),
where the source was written (a reference) and the YAML comment above it
(for the translator). When the source text of an entry changes, the update
keeps the translation but marks it ``fuzzy`` with the text it was made for
(``previous_msgid``): stale, never printed as current. A translation marked
``reviewed`` (a flag a reviewer sets, in a PO editor or the spreadsheet) is
final; one without the flag is a draft.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import polib

from generator.content.origins import Origin, Origins, plain
from generator.content.yamlsource import SourceFile
from generator.errors import display_path
from generator.translate.entries import Entry

FOLDER = "translations"  # inside the pack folder
FUZZY = "fuzzy"
REVIEWED = "reviewed"
QUOTED = "quoted"  # the flag of an entry whose source is quoted words (translated alongside, not in place)


@dataclass(frozen=True)
class UpdateReport:
    """What an update did to a catalogue: entries added, made stale, retired; and how many stand."""

    path: Path
    added: int
    stale: int
    retired: int
    total: int
    suggested: int = 0  # new strings given the translation of the same words elsewhere, to confirm


def catalogue_path(folder: Path, language: str) -> Path:
    """Return where the pack in ``folder`` keeps its ``language`` catalogue."""
    return folder / FOLDER / f"{language}.po"


def read_catalogue(path: Path) -> polib.POFile:
    """Return the catalogue at ``path`` (an empty one if there is none yet)."""
    if path.is_file():
        return polib.pofile(str(path), wrapwidth=0)
    return polib.POFile(wrapwidth=0)


def update_catalogue(entries: Sequence[Entry], path: Path, language: str, source_language: str,
                     project: str) -> UpdateReport:
    """Bring the catalogue at ``path`` in step with the pack's ``entries``; write it; return what changed.

    New strings are added untranslated, or, when the same words are already
    translated elsewhere in the pack, with that translation as a suggestion:
    flagged stale (``fuzzy``), so it prints only once a translator confirms it
    fits here too. A string whose source changed keeps
    its translation, marked stale; a string no longer in the pack is retired
    (kept as obsolete, so its translation is not lost if it comes back).
    Entries follow the pack's order, so the file reads as the pack does.
    """
    catalogue = read_catalogue(path)
    old = {entry.msgctxt: entry for entry in catalogue if not entry.obsolete}
    retired_before = {entry.msgctxt: entry for entry in catalogue if entry.obsolete}
    fresh = polib.POFile(wrapwidth=0)
    fresh.header = (f"{project}: its translatable strings in {language}, kept in step by `briefpack translate`.\n"
                    "Write each msgstr; a flag `reviewed` marks a checked translation, `fuzzy` a stale one.")
    fresh.metadata = {
        "Project-Id-Version": project,
        "Language": language,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Source-Language": source_language,
        **{key: value for key, value in catalogue.metadata.items() if key in ("Last-Translator", "Language-Team")},
    }
    added = stale = suggested = 0
    known = {entry.msgid: entry for entry in catalogue
             if entry.msgstr and not entry.obsolete and FUZZY not in entry.flags}
    for source in entries:
        entry = old.pop(source.id, None) or retired_before.pop(source.id, None)
        if entry is None:
            entry = polib.POEntry(msgctxt=source.id, msgid=source.text, msgstr="")
            added += 1
            same = known.get(source.text)
            if same is not None and source.quoted == (QUOTED in same.flags):
                entry.msgstr = same.msgstr
                entry.flags.append(FUZZY)
                entry.tcomment = f"Suggested: the translation of the same words at {same.msgctxt}."
                suggested += 1
        elif entry.msgid != source.text:
            if entry.msgstr and FUZZY not in entry.flags:
                entry.previous_msgid = entry.msgid
                entry.flags.append(FUZZY)
                stale += 1
            entry.msgid = source.text
        entry.obsolete = False
        entry.occurrences = [(str(source.file.name), str(source.line))]
        entry.comment = source.comment
        if source.quoted and QUOTED not in entry.flags:
            entry.flags.append(QUOTED)
        elif not source.quoted and QUOTED in entry.flags:
            entry.flags.remove(QUOTED)
        fresh.append(entry)
    for entry in (*old.values(), *retired_before.values()):
        if entry.msgstr:  # an untranslated string that left the pack leaves nothing worth keeping
            entry.obsolete = True
            fresh.append(entry)
    path.parent.mkdir(parents=True, exist_ok=True)
    save_catalogue(fresh, path)
    return UpdateReport(path, added, stale, len(old), len(entries), suggested)


def save_catalogue(catalogue: polib.POFile, path: Path) -> None:
    """Write ``catalogue`` to ``path`` through a temporary file, so a failed write leaves the old one."""
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(catalogue.__unicode__(), encoding="utf-8")
    temporary.replace(path)


class TranslatedOrigins(Origins):
    """Where a translated edition's text was written: a translation's catalogue line, else the source's place.

    A layout warning about a translated edition ("items moved to the notes")
    names the catalogue entry to shorten, not an English line that happens to
    hold words like it.
    """

    def __init__(self, sources: Mapping[str, SourceFile], path: Path, catalogue: polib.POFile):
        super().__init__(sources)
        self._path, self._catalogue = path, catalogue

    @cached_property
    def _values(self) -> list[tuple[str, Origin]]:
        name = display_path(self._path)
        own = [(plain(entry.msgstr), Origin(name, entry.linenum or 0, 1, entry.msgctxt or ""))
               for entry in self._catalogue if entry.msgstr and not entry.obsolete and len(entry.msgstr) >= 12]
        return own + super()._values
