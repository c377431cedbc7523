"""What ``briefpack translate`` does: keep a pack's catalogues in step, and move them to and from spreadsheets.

Each function does one command's work and returns what it did, for the CLI
to report; errors name the file (and line) at fault.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.content.loader import LoadedPack, load_pack
from generator.errors import UsageError, display_path
from generator.translate.catalogue import UpdateReport, catalogue_path, read_catalogue, save_catalogue, update_catalogue
from generator.translate.entries import entries_for, pack_entries
from generator.translate.sheets import SheetImport, export_sheet, import_sheet, sheet_language


@dataclass(frozen=True)
class Imported:
    """An import's outcome: what changed in which catalogue, and what was refused."""

    catalogue: Path
    result: SheetImport


def update_pack(folder: Path) -> list[UpdateReport]:
    """Create or update the catalogue of every language the pack in ``folder`` is translated into."""
    loaded = load_pack(folder)
    meta = loaded.content.meta
    languages = [language for language in meta.languages if language != meta.language]
    if not languages:
        raise UsageError(f"{display_path(folder)}: the pack declares no other language; add "
                         f"`languages: [{meta.language}, es]` (for example) to its `pack:` section")
    project = f"{meta.id} {meta.version}"
    settings = meta.translations
    every = pack_entries(loaded)
    return [update_catalogue(entries_for(loaded, settings[language].variants if language in settings else None, every),
                             catalogue_path(folder, language), language, meta.language, project)
            for language in languages]


def export_language(folder: Path, language: str, sheet: Path) -> int:
    """Write the ``language`` catalogue of the pack in ``folder`` to the spreadsheet ``sheet``; return its rows."""
    loaded = load_pack(folder)
    path = _catalogue(loaded, language)
    return export_sheet(read_catalogue(path), sheet, language, loaded.content.meta.language)


def import_language(folder: Path, sheet: Path, reviewed: bool = False) -> Imported:
    """Read the spreadsheet ``sheet`` back into its language's catalogue; save it only if something changed."""
    loaded = load_pack(folder)
    language = sheet_language(sheet)
    if not language:
        raise UsageError(f"{display_path(sheet)}: its header does not say the language ('translation (es)')")
    path = _catalogue(loaded, language)
    catalogue = read_catalogue(path)
    result = import_sheet(catalogue, sheet, reviewed)
    if result.changed:
        save_catalogue(catalogue, path)
    return Imported(path, result)


def _catalogue(loaded: LoadedPack, language: str) -> Path:
    """Return the catalogue of ``language``, which the pack must declare and ``translate`` must have made."""
    meta = loaded.content.meta
    declared = [tag for tag in meta.languages if tag != meta.language]
    match = next((tag for tag in declared if tag.lower() == language.lower()), None)
    if match is None:
        raise UsageError(f"{display_path(loaded.folder)}: the pack is not translated into '{language}' "
                         f"(its languages: {', '.join(meta.languages) or meta.language})")
    path = catalogue_path(loaded.folder, match)
    if not path.is_file():
        raise UsageError(f"{display_path(path)}: no catalogue yet; run `briefpack translate "
                         f"{display_path(loaded.folder)}` first")
    return path
