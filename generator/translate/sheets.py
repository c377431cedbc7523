"""Export a language's catalogue to an XLSX sheet for volunteers, and import their work back.

The sheet has one row per catalogue entry and a header row naming its columns (``id``, ``context``,
``source (en)``, ``translation (es)``, ``status``, ``comment``); the import finds columns by that text,
so a spreadsheet program that reorders or restyles them does no harm. Only ``translation`` and
``comment`` are unlocked. The import touches an entry only where the sheet differs from it, so an
unedited round trip leaves the saved catalogue byte-identical, and it refuses a row whose source text
is no longer the entry's (the English changed since the export) rather than pair a translation with
words it was not written for.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import polib
from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import IllegalCharacterError, InvalidFileException
from openpyxl.worksheet.worksheet import Worksheet

from generator.errors import BriefpackError, display_path

__all__ = ["RefusedRow", "SheetError", "SheetImport", "export_sheet", "import_sheet", "sheet_language", "status_of"]

REVIEWED = "reviewed"  # the custom flag a reviewer's approval sets
FUZZY = "fuzzy"
COLUMNS = ("id", "context", "source", "translation", "status", "comment")
REQUIRED = ("id", "source", "translation")  # what an import cannot do without
EDITABLE = ("translation", "comment")
WIDTHS = {"id": 30, "context": 34, "source": 55, "translation": 55, "status": 11, "comment": 32}
HEADER_ROWS = 5  # how far down the import looks for the header row, should someone add a title above it
HEADER = re.compile(r"\s*([A-Za-z]+)\s*(?:\(\s*([^()]*?)\s*\))?\s*")  # "translation (es)" → translation, es
EDITABLE_FILL = PatternFill(fill_type="solid", start_color="FFFFF8DC", end_color="FFFFF8DC")


class SheetError(BriefpackError):
    """A translation sheet cannot be written or read: not an XLSX, no header row, the wrong language."""


@dataclass(frozen=True)
class RefusedRow:
    """One sheet row the import left alone, with why, so the CLI can name it to the translator."""

    row: int
    id: str
    reason: str

    def __str__(self) -> str:
        return f"row {self.row}: {self.id or '(no id)'}: {self.reason}"


@dataclass(frozen=True)
class SheetImport:
    """What an import did: the ids it changed, the rows it refused, the ids it left stale."""

    changed: tuple[str, ...]
    refused: tuple[RefusedRow, ...]
    still_stale: tuple[str, ...] = ()


def status_of(entry: polib.POEntry) -> str:
    """Return ``missing``, ``stale``, ``draft`` or ``reviewed``: what a translator should do with the entry."""
    if not entry.msgstr:
        return "missing"
    if FUZZY in entry.flags:
        return "stale"
    return "reviewed" if REVIEWED in entry.flags else "draft"


def export_sheet(catalogue: polib.POFile, path: Path, language: str, source_language: str) -> int:
    """Write ``catalogue``'s current entries to an XLSX at ``path``; return how many rows were written.

    Everything but the translation and comment columns is locked (sheet protection, no password), so a
    volunteer cannot break the ids and source texts the import checks against.
    """
    book = Workbook()
    sheet = book.active
    assert isinstance(sheet, Worksheet)  # a new workbook always has one worksheet
    sheet.title = _sheet_title(language)
    titles = {"source": f"source ({source_language})", "translation": f"translation ({language})"}
    sheet.append([titles.get(name, name) for name in COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(vertical="top")
    rows = 0
    for entry in _current(catalogue):
        values = (entry.msgctxt or "", _context(entry), entry.msgid, entry.msgstr, status_of(entry), entry.tcomment)
        _write_row(sheet, rows + 2, _where(catalogue, entry), values)
        rows += 1
    for index, name in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = WIDTHS[name]
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{rows + 1}"
    # Protect the sheet but let volunteers resize and filter: those change no cell the import reads.
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False
    sheet.protection.formatRows = False
    sheet.protection.autoFilter = False
    try:
        book.save(path)
    except OSError as error:
        raise SheetError(f"{display_path(path)}: cannot write the sheet: {error.strerror or error}") from None
    return rows


def import_sheet(catalogue: polib.POFile, path: Path, reviewed: bool = False) -> SheetImport:
    """Copy the translations and comments edited in the sheet at ``path`` into ``catalogue``.

    Only what differs is changed, so entries nobody edited keep their bytes. A changed translation is
    no longer stale; it loses ``reviewed`` unless ``reviewed`` is true, when every non-empty, not stale
    translation imported gets it (a reviewer approving the sheet).
    """
    sheet, header_row, columns = _open(path, catalogue)
    entries = {entry.msgctxt: entry for entry in _current(catalogue) if entry.msgctxt}
    seen: dict[str, int] = {}
    changed: list[str] = []
    refused: list[RefusedRow] = []
    stale: list[str] = []
    for number, cells in enumerate(sheet.iter_rows(min_row=header_row + 1), start=header_row + 1):
        row = {name: _text(cells[index]) if index < len(cells) else "" for name, index in columns.items()}
        if not any(row.values()):
            continue  # a blank row: spreadsheet programs keep a few
        key = row["id"]
        entry = entries.get(key)
        reason = _refusal(key, row["source"], entry, seen.get(key))
        seen.setdefault(key, number)
        if reason or entry is None:
            refused.append(RefusedRow(number, key, reason))
            continue
        if _apply(entry, row["translation"], row.get("comment"), reviewed):
            changed.append(key)
        if FUZZY in entry.flags and entry.msgstr:
            stale.append(key)
    return SheetImport(tuple(changed), tuple(refused), tuple(stale))


def _current(catalogue: polib.POFile) -> Iterator[polib.POEntry]:
    """Yield the entries a sheet holds: obsolete ones (``#~``) are no longer in the content."""
    for entry in catalogue:
        if entry.obsolete:
            continue
        if entry.msgid_plural:
            raise SheetError(f"{_where(catalogue, entry)}: a plural entry cannot be translated in a sheet")
        yield entry


def _where(catalogue: polib.POFile, entry: polib.POEntry) -> str:
    """Return the catalogue file and line (when it was read from one) and the entry's id, for an error."""
    if not catalogue.fpath:
        return str(entry.msgctxt)
    line = f":{entry.linenum}" if entry.linenum else ""
    return f"{display_path(Path(catalogue.fpath))}{line}: {entry.msgctxt}"


def _sheet_title(language: str) -> str:
    """Return a worksheet title Excel accepts (31 characters, none of ``[]:*?/\\``) naming the language."""
    return re.sub(r"[\[\]:*?/\\]", "-", f"translation {language}")[:31]


def _context(entry: polib.POEntry) -> str:
    """Return where the string is in the content and the editor's note on it, one per line."""
    places = [f"{file}:{line}" if line else file for file, line in entry.occurrences]
    return "\n".join([*places, entry.comment] if entry.comment else places)


def _write_row(sheet: Worksheet, number: int, where: str, values: Iterable[str]) -> None:
    """Write one entry's cells as text, wrapped, locked unless a translator fills them in."""
    for index, (name, value) in enumerate(zip(COLUMNS, values, strict=True), start=1):
        try:
            cell = sheet.cell(row=number, column=index, value=value or None)
        except IllegalCharacterError:
            raise SheetError(f"{where}: {name}: a control character cannot go in a sheet") from None
        if value:
            cell.data_type = "s"  # a text starting with "=" is text, not a formula
        cell.number_format = "@"  # typed text stays text: "1/2" is not a date
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if name in EDITABLE:
            cell.protection = Protection(locked=False)
            cell.fill = EDITABLE_FILL


def sheet_language(path: Path) -> str:
    """Return the language a translation sheet is for, as its header says ("translation (es)"), or ""."""
    sheet, number, _ = _open(path, polib.POFile())
    cells = next(iter(sheet.iter_rows(min_row=number, max_row=number)))
    return _header(cells)[1]


def _open(path: Path, catalogue: polib.POFile) -> tuple[Worksheet, int, dict[str, int]]:
    """Return the worksheet holding the header row, that row's number and each column's index by name."""
    name = display_path(path)
    try:
        book = load_workbook(path, data_only=True)
    except FileNotFoundError:
        raise SheetError(f"{name}: no such file") from None
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise SheetError(f"{name}: not an XLSX spreadsheet") from None
    for sheet in book.worksheets:
        for number, cells in enumerate(sheet.iter_rows(max_row=HEADER_ROWS), start=1):
            columns, language = _header(cells)
            if all(column in columns for column in REQUIRED):
                _check_language(name, language, catalogue)
                return sheet, number, columns
    expected = ", ".join(REQUIRED)
    raise SheetError(f"{name}: no header row with the columns {expected} (is this a translation sheet?)")


def _header(cells: tuple[Cell | MergedCell, ...]) -> tuple[dict[str, int], str]:
    """Return the known columns in a candidate header row by index, and the translation's language."""
    columns: dict[str, int] = {}
    language = ""
    for index, cell in enumerate(cells):
        match = HEADER.fullmatch(_text(cell))
        if not match or match[1].lower() not in COLUMNS:
            continue
        column = match[1].lower()
        columns.setdefault(column, index)
        if column == "translation" and match[2]:
            language = match[2]
    return columns, language


def _check_language(name: str, language: str, catalogue: polib.POFile) -> None:
    """Refuse a sheet for another language than the catalogue's: every id would match, every word be wrong."""
    target = str(catalogue.metadata.get("Language", ""))
    if language and target and _language_key(language) != _language_key(target):
        raise SheetError(f"{name}: translation: the sheet is in {language!r}, the catalogue in {target!r}")


def _language_key(code: str) -> str:
    """Return a language code in one spelling: ``pt_BR``, ``pt-br`` and ``PT-BR`` are one language."""
    return code.strip().replace("_", "-").lower()


def _refusal(key: str, source: str, entry: polib.POEntry | None, first: int | None) -> str:
    """Return why a row cannot be imported, or "" when it can."""
    if not key:
        return "no id in the row"
    if entry is None:
        return "unknown id: no such string in the content now"
    if first is not None:
        return f"duplicate id: also on row {first}"
    if not _same(source, entry.msgid):
        return "the source text changed since the export: export the sheet again"
    return ""


def _apply(entry: polib.POEntry, translation: str, comment: str | None, reviewed: bool) -> bool:
    """Change ``entry`` where the sheet differs from it; return whether anything changed."""
    changed = False
    if not _same(translation, entry.msgstr):
        entry.msgstr = translation
        _drop_flag(entry, FUZZY)  # translated anew: stale no longer
        entry.previous_msgid = None
        entry.previous_msgctxt = None
        if not reviewed or not translation:
            _drop_flag(entry, REVIEWED)
        changed = True
    if comment is not None and not _same(comment, entry.tcomment or ""):
        entry.tcomment = comment
        changed = True
    if reviewed and entry.msgstr and FUZZY not in entry.flags and REVIEWED not in entry.flags:
        entry.flags.append(REVIEWED)
        changed = True
    return changed


def _drop_flag(entry: polib.POEntry, flag: str) -> None:
    """Remove ``flag`` from ``entry`` if it has it."""
    if flag in entry.flags:
        entry.flags.remove(flag)


def _same(sheet_text: str, catalogue_text: str) -> bool:
    """Return whether two texts are equal but for line endings, which spreadsheet programs may rewrite."""
    return _lines(sheet_text) == _lines(catalogue_text)


def _lines(text: str) -> str:
    """Return ``text`` with ``\\r\\n`` and ``\\r`` line endings as ``\\n``."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _text(cell: Cell | MergedCell) -> str:
    """Return a cell's value as the text a translator typed: empty for none, numbers without a stray ``.0``."""
    value = cell.value
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).upper()  # what a spreadsheet shows for a typed TRUE
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
