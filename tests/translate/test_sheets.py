"""Translation sheets: export a catalogue to XLSX, import it back, and touch only what was edited."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import polib
import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from generator.translate.sheets import RefusedRow, SheetError, export_sheet, import_sheet, status_of

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
LONG = ("Criminalising the purchase of sex does not end sex work: it moves it out of sight, where workers "
        "take more risks to protect clients from arrest, screen them less, and are less able to report "
        "violence to the police. Evidence from Sweden, Norway and France shows this pattern again and again.")
IDS = {
    "missing": "title",
    "draft": "key_messages[rights].text",
    "reviewed": "key_messages[safety].text",
    "stale": "models[nordic-model].jurisdictions[Sweden].note",
    "long": "models[decriminalisation].summary",
    "tricky": "glossary[harm-reduction].definition",
}


def make_catalogue() -> polib.POFile:
    """Build a Spanish catalogue with one entry of each status, a long commented one and an awkward one."""
    po = polib.POFile(wrapwidth=78)
    po.metadata = {"Project-Id-Version": "sex-work-law", "Language": "es", "MIME-Version": "1.0",
                   "Content-Type": "text/plain; charset=UTF-8", "Content-Transfer-Encoding": "8bit"}
    place = "briefs/sex-work-law/key-messages.yaml"
    po.append(polib.POEntry(msgctxt=IDS["missing"], msgid="Sex work and the law", msgstr="",
                            occurrences=[("briefs/sex-work-law/pack.yaml", "2")]))
    po.append(polib.POEntry(msgctxt=IDS["draft"], msgid="Sex workers' rights are human rights.",
                            msgstr="Los derechos de las trabajadoras sexuales son derechos humanos.",
                            occurrences=[(place, "9")]))
    po.append(polib.POEntry(msgctxt=IDS["reviewed"], msgid="Safety comes first.", msgstr="La seguridad es lo primero.",
                            occurrences=[(place, "14")], flags=["reviewed"]))
    po.append(polib.POEntry(msgctxt=IDS["stale"], msgid="Buying sex has been a crime since 1999.",
                            msgstr="Comprar sexo es delito desde 1998.", previous_msgid="Buying sex has been a crime since 1998.",
                            occurrences=[("briefs/sex-work-law/models.yaml", "31")], flags=["fuzzy"]))
    po.append(polib.POEntry(msgctxt=IDS["long"], msgid=LONG + "\nSee the sources.", msgstr="",
                            comment="Keep “decriminalisation” distinct from “legalisation”.\nThe second line of the note.",
                            tcomment="Ask Ana about the term.", occurrences=[("briefs/sex-work-law/models.yaml", "40"),
                                                                            ("briefs/sex-work-law/models.yaml", "52")]))
    po.append(polib.POEntry(msgctxt=IDS["tricky"], msgid="=1/2 of  cases ", msgstr="  42", flags=["reviewed"],
                            occurrences=[("briefs/sex-work-law/glossary.yaml", "3")]))
    po.append(polib.POEntry(msgctxt="faq[gone].answer", msgid="No longer in the content.", msgstr="Ya no está.",
                            obsolete=True))
    return po


def saved(po: polib.POFile, tmp_path: Path) -> bytes:
    path = tmp_path / "saved.po"
    po.save(str(path))
    return path.read_bytes()


def entries(po: polib.POFile) -> dict[str, str]:
    return {entry.msgctxt or "": str(entry) for entry in po}


def column(ws: Worksheet, name: str) -> int:
    """Return the 1-based column whose header starts with ``name``."""
    return next(cell.column for cell in ws[1] if str(cell.value).startswith(name))


def edit(path: Path, changes: dict[tuple[str, str], str | None]) -> None:
    """Change cells of the sheet at ``path``, each named by (entry id, column), as a volunteer would."""
    book = load_workbook(path)
    ws = book.worksheets[0]
    rows = {ws.cell(row=r, column=1).value: r for r in range(2, ws.max_row + 1)}
    for (key, name), value in changes.items():
        ws.cell(row=rows[key], column=column(ws, name)).value = value
    book.save(path)


@pytest.fixture
def sheet(tmp_path: Path) -> Path:
    path = tmp_path / "es.xlsx"
    assert export_sheet(make_catalogue(), path, "es", "en") == 6  # the obsolete entry is not in the content
    return path


def test_an_unedited_round_trip_leaves_the_catalogue_byte_identical(sheet: Path, tmp_path: Path) -> None:
    po = make_catalogue()
    before = saved(po, tmp_path)
    result = import_sheet(po, sheet)
    assert result.changed == () and result.refused == ()
    assert result.still_stale == (IDS["stale"],)
    assert saved(po, tmp_path) == before


def test_a_parsed_po_file_round_trips_to_its_own_bytes(sheet: Path, tmp_path: Path) -> None:
    # A catalogue read from disk (polib's own parse, the wrapping it found) is what the CLI will import into.
    path = tmp_path / "es.po"
    make_catalogue().save(str(path))
    original = path.read_bytes()
    po = polib.pofile(str(path), wrapwidth=78)
    assert import_sheet(po, sheet).changed == ()
    po.save(str(path))
    assert path.read_bytes() == original


def test_the_sheet_has_a_frozen_header_and_locks_all_but_translation_and_comment(sheet: Path) -> None:
    ws = load_workbook(sheet).worksheets[0]
    assert [c.value for c in ws[1]] == ["id", "context", "source (en)", "translation (es)", "status", "comment"]
    assert ws.freeze_panes == "A2"
    assert ws.protection.sheet and not ws.protection.password
    for row in ws.iter_rows(min_row=2):
        locked = {ws.cell(row=1, column=c.column).value: c.protection.locked for c in row}
        assert locked == {"id": True, "context": True, "source (en)": True, "translation (es)": False,
                          "status": True, "comment": False}
        assert all(c.alignment.wrap_text for c in row)
    assert ws.column_dimensions["C"].width > ws.column_dimensions["E"].width


def test_each_row_carries_its_entry_in_catalogue_order_with_its_status(sheet: Path) -> None:
    ws = load_workbook(sheet).worksheets[0]
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=2)]
    assert [r[0] for r in rows] == list(IDS.values())
    assert {r[0]: r[4] for r in rows} == {IDS["missing"]: "missing", IDS["draft"]: "draft",
                                          IDS["reviewed"]: "reviewed", IDS["stale"]: "stale",
                                          IDS["long"]: "missing", IDS["tricky"]: "reviewed"}
    long = rows[4]
    assert long[1] == ("briefs/sex-work-law/models.yaml:40\nbriefs/sex-work-law/models.yaml:52\n"
                       "Keep “decriminalisation” distinct from “legalisation”.\nThe second line of the note.")
    assert long[2] == LONG + "\nSee the sources." and long[3] is None and long[5] == "Ask Ana about the term."
    assert rows[5][2:4] == ["=1/2 of  cases ", "  42"]  # text, not a formula or a number
    assert ws.cell(row=7, column=3).data_type == "s"


def test_status_of_each_kind_of_entry() -> None:
    assert [status_of(e) for e in make_catalogue() if not e.obsolete] == [
        "missing", "draft", "reviewed", "stale", "missing", "reviewed"]


def test_editing_one_translation_changes_exactly_that_entry(sheet: Path, tmp_path: Path) -> None:
    edit(sheet, {(IDS["reviewed"], "translation"): "Primero, la seguridad."})
    po = make_catalogue()
    before = entries(po)
    result = import_sheet(po, sheet)
    assert result.changed == (IDS["reviewed"],) and result.refused == ()
    after = entries(po)
    assert [k for k in before if before[k] != after[k]] == [IDS["reviewed"]]
    entry = next(e for e in po if e.msgctxt == IDS["reviewed"])
    assert entry.msgstr == "Primero, la seguridad." and "reviewed" not in entry.flags  # a new draft


def test_a_new_translation_of_a_stale_entry_is_no_longer_stale(sheet: Path) -> None:
    edit(sheet, {(IDS["stale"], "translation"): "Comprar sexo es delito desde 1999."})
    po = make_catalogue()
    assert import_sheet(po, sheet).changed == (IDS["stale"],)
    entry = next(e for e in po if e.msgctxt == IDS["stale"])
    assert entry.flags == [] and entry.previous_msgid is None and status_of(entry) == "draft"
    assert "#| msgid" not in str(entry)


def test_a_comment_and_a_cleared_translation_are_imported(sheet: Path) -> None:
    edit(sheet, {(IDS["draft"], "comment"): "Checked with the glossary.", (IDS["tricky"], "translation"): None})
    po = make_catalogue()
    assert import_sheet(po, sheet).changed == (IDS["draft"], IDS["tricky"])
    draft, tricky = (next(e for e in po if e.msgctxt == IDS[k]) for k in ("draft", "tricky"))
    assert draft.tcomment == "Checked with the glossary." and "#. " not in str(draft)
    assert "# Checked with the glossary." in str(draft)
    assert tricky.msgstr == "" and status_of(tricky) == "missing" and tricky.flags == []


def test_a_reviewed_import_approves_every_translation_but_stale_and_missing_ones(sheet: Path) -> None:
    edit(sheet, {(IDS["missing"], "translation"): "El trabajo sexual y la ley"})
    po = make_catalogue()
    result = import_sheet(po, sheet, reviewed=True)
    assert result.changed == (IDS["missing"], IDS["draft"]) and result.still_stale == (IDS["stale"],)
    assert {e.msgctxt: status_of(e) for e in po if not e.obsolete} == {
        IDS["missing"]: "reviewed", IDS["draft"]: "reviewed", IDS["reviewed"]: "reviewed",
        IDS["stale"]: "stale", IDS["long"]: "missing", IDS["tricky"]: "reviewed"}


def test_a_row_whose_source_changed_is_refused_and_nothing_else_changes(sheet: Path, tmp_path: Path) -> None:
    edit(sheet, {(IDS["draft"], "translation"): "Otra traducción."})
    po = make_catalogue()
    draft = next(e for e in po if e.msgctxt == IDS["draft"])
    draft.msgid = "Sex workers' rights are human rights, everywhere."  # the English changed after the export
    before = saved(po, tmp_path)
    result = import_sheet(po, sheet)
    assert result.changed == ()
    assert result.refused == (RefusedRow(3, IDS["draft"], "the source text changed since the export: "
                                                          "export the sheet again"),)
    assert str(result.refused[0]).startswith(f"row 3: {IDS['draft']}: the source text changed")
    assert saved(po, tmp_path) == before


def test_a_source_cell_edited_in_the_sheet_is_refused_too(sheet: Path, tmp_path: Path) -> None:
    edit(sheet, {(IDS["long"], "source"): "Something else", (IDS["long"], "translation"): "Otra cosa"})
    po = make_catalogue()
    before = saved(po, tmp_path)
    result = import_sheet(po, sheet)
    assert [(r.row, r.id) for r in result.refused] == [(6, IDS["long"])] and result.changed == ()
    assert saved(po, tmp_path) == before


def test_unknown_and_duplicate_ids_are_refused(sheet: Path, tmp_path: Path) -> None:
    book = load_workbook(sheet)
    ws = book.worksheets[0]
    ws.append(["faq[new].answer", "", "A new answer.", "Una respuesta.", "missing", ""])
    ws.append([IDS["draft"], "", "Sex workers' rights are human rights.", "Otra.", "draft", ""])
    ws.append(["faq[gone].answer", "", "No longer in the content.", "Ya no.", "draft", ""])
    ws.append([])
    book.save(sheet)
    po = make_catalogue()
    before = saved(po, tmp_path)
    result = import_sheet(po, sheet)
    assert [(r.row, r.id, r.reason.split(":")[0]) for r in result.refused] == [
        (8, "faq[new].answer", "unknown id"), (9, IDS["draft"], "duplicate id"), (10, "faq[gone].answer", "unknown id")]
    assert "also on row 3" in result.refused[1].reason
    assert result.changed == () and saved(po, tmp_path) == before


def test_a_file_that_is_not_an_xlsx_raises_naming_it(tmp_path: Path) -> None:
    for name, content in (("es.xlsx", b"id,source,translation\n"), ("es.csv", b"id,source\n"), ("es.zip", b"PK\x05\x06" + bytes(18))):
        path = tmp_path / name
        path.write_bytes(content)
        with pytest.raises(SheetError, match=rf"^{path}: not an XLSX spreadsheet$"):
            import_sheet(make_catalogue(), path)
    with pytest.raises(SheetError, match="no such file"):
        import_sheet(make_catalogue(), tmp_path / "absent.xlsx")


def test_a_workbook_without_the_header_raises_naming_it(sheet: Path) -> None:
    edit(sheet, {})
    book = load_workbook(sheet)
    book.worksheets[0]["D1"] = "traducción"
    book.save(sheet)
    with pytest.raises(SheetError, match=rf"^{sheet}: no header row with the columns id, source, translation"):
        import_sheet(make_catalogue(), sheet)


def test_columns_are_found_by_header_text_wherever_they_are(sheet: Path, tmp_path: Path) -> None:
    book = load_workbook(sheet)
    old = book.worksheets[0]
    ws = book.create_sheet("moved", 0)
    ws.append(["Briefing pack translation"])  # a title row above the header
    for row in old.iter_rows(values_only=True):
        ws.append([row[3], row[5], row[0], row[2]])  # translation, comment, id, source
    ws["A3"] = "Nueva traducción"
    book.remove(old)
    book.save(sheet)
    po = make_catalogue()
    assert import_sheet(po, sheet).changed == (IDS["missing"],)


def test_a_sheet_for_another_language_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "fr.xlsx"
    export_sheet(make_catalogue(), path, "fr", "en")
    with pytest.raises(SheetError, match=r"fr\.xlsx: translation: the sheet is in 'fr', the catalogue in 'es'"):
        import_sheet(make_catalogue(), path)
    regional = make_catalogue()
    regional.metadata["Language"] = "es_ES"
    export_sheet(regional, path, "es-es", "en")
    assert import_sheet(regional, path).refused == ()  # one language, spelt another way


def test_a_control_character_cannot_be_exported(tmp_path: Path) -> None:
    po = make_catalogue()
    po[1].msgstr = "bell\x07"
    with pytest.raises(SheetError, match=r"key_messages\[rights\]\.text: translation: a control character"):
        export_sheet(po, tmp_path / "es.xlsx", "es", "en")
    path = tmp_path / "es.po"
    po.save(str(path))
    with pytest.raises(SheetError, match=rf"^{path}:\d+: key_messages\[rights\]\.text: translation: a control"):
        export_sheet(polib.pofile(str(path)), tmp_path / "es.xlsx", "es", "en")


def test_a_plural_entry_cannot_be_exported(tmp_path: Path) -> None:
    po = make_catalogue()
    po.append(polib.POEntry(msgctxt="counts", msgid="one model", msgid_plural="{n} models", msgstr_plural={0: "", 1: ""}))
    with pytest.raises(SheetError, match=r"^counts: a plural entry"):
        export_sheet(po, tmp_path / "es.xlsx", "es", "en")


def soffice(*args: str | Path, profile: Path) -> subprocess.CompletedProcess[str]:
    assert SOFFICE
    return subprocess.run([SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", *map(str, args)],
                          capture_output=True, text=True, timeout=120)


def calc_saved(sheet: Path, out: Path, profile: Path) -> Path:
    """Open ``sheet`` in LibreOffice Calc and save it as XLSX into ``out``; skip where Calc is not installed."""
    soffice("--convert-to", "xlsx", "--outdir", out, sheet, profile=profile)
    if (out / sheet.name).exists():
        return out / sheet.name
    # Nothing written: Calc is missing (Debian's libreoffice-impress alone loads no spreadsheet), or it
    # cannot read our file. A plain CSV tells the two apart.
    probe = out.parent / "probe.csv"
    probe.write_text("a,b\n", encoding="utf-8")
    soffice("--convert-to", "xlsx", "--outdir", out, probe, profile=profile)
    if not (out / "probe.xlsx").exists():
        pytest.skip("LibreOffice Calc is not installed")
    pytest.fail(f"LibreOffice Calc could not open the exported sheet {sheet}")


@pytest.mark.slow
def test_a_sheet_saved_by_libreoffice_calc_imports_with_the_same_result(sheet: Path, tmp_path: Path) -> None:
    if not SOFFICE:
        pytest.skip("LibreOffice is not installed")
    edit(sheet, {(IDS["draft"], "translation"): "Los derechos\nson derechos humanos.",
                 (IDS["long"], "comment"): "  Spaces kept. "})
    out = tmp_path / "calc"
    calc = calc_saved(sheet, out, tmp_path / "profile")
    assert calc.read_bytes() != sheet.read_bytes()  # Calc really rewrote it
    ours, theirs = make_catalogue(), make_catalogue()
    result = import_sheet(theirs, calc)
    assert result == import_sheet(ours, sheet)
    assert result.changed == (IDS["draft"], IDS["long"]) and result.refused == ()
    assert str(ours) == str(theirs)
    assert import_sheet(ours, calc).changed == ()  # and nothing more to import
    ws = load_workbook(calc).worksheets[0]
    assert ws.protection.sheet  # (headless Calc drops view settings such as frozen panes: no view)
    assert not ws["D2"].protection.locked and ws["C2"].protection.locked
