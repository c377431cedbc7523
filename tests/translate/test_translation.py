"""Whole-pack translation, end to end, on the two-language fixture pack (tests/fixtures/duo).

What a pack declares, what its catalogue holds, every output in Spanish with
its languages marked, quotations kept verbatim, nothing stale printed as
current, the spreadsheet round trip, the draft label, fonts that cannot print
a language, and a build spread over shards.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pikepdf
import polib
import pytest
from openpyxl import load_workbook

from generator.pipeline import build_pack
from tests.helpers import FIXTURES, TEMPLATES, copy_pack, edit, pdf_text, run

DUO = FIXTURES / "duo"
CATALOGUE = Path("translations") / "es.po"
POPPLER = shutil.which("pdftotext")


@pytest.fixture
def duo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Return a copy of the two-language pack under a temporary working folder."""
    monkeypatch.chdir(tmp_path)
    return copy_pack(DUO, tmp_path)


@pytest.fixture(scope="session")
def duo_built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Build the two-language pack once; return its files by path relative to the pack's output folder."""
    out = tmp_path_factory.mktemp("duo-output")
    result = build_pack(DUO, TEMPLATES, out, jobs=2)
    root = out / result.pack_id
    return {str(f.path.relative_to(root)): f.path for f in result.files}


def files_of(root: Path) -> dict[str, str]:
    """Return every output file under ``root`` (not the manifest or lock) by relative path, with its digest."""
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in root.rglob("*") if p.is_file() and not p.name.startswith(".briefpack")}


# 1. A pack declares its languages; the catalogue is keyed by where a string is, and says where it came from.

def test_the_catalogue_has_one_entry_per_prose_field_keyed_by_its_place() -> None:
    po = polib.pofile(str(DUO / CATALOGUE))
    ids = {entry.msgctxt for entry in po}
    assert "content.yaml:key_messages[licences-cost].title" in ids
    assert "content.yaml:models[ban].quotes[ban-quote].text" in ids
    assert not [i for i in ids if re.search(r"\.(url|id|source|sources|year|date)$", i)]  # kept as written
    assert not [i for i in ids if i.startswith("sources.yaml:sources[") and i.endswith((".title", ".publisher"))]
    title = po.find("Licences cost money", by="msgid")
    assert title is not None and title.occurrences == [("content.yaml", "8")]
    assert title.comment == 'Translators: "crowns" is Examplia\'s money; keep the number.'
    assert "quoted" in po.find("Nobody floats in Lowtown any more", by="msgid").flags


def test_translate_changes_nothing_when_the_pack_did_not_change_and_survives_a_move(duo: Path) -> None:
    catalogue = duo / CATALOGUE
    before = catalogue.read_bytes()
    code, out, _ = run("translate", str(duo))
    assert code == 0 and "87 strings: 0 new, 0 now stale" in out
    assert catalogue.read_bytes() == before
    # Move a key message within its list: its id is its item id, so its translation follows it.
    content = (duo / "content.yaml").read_text()
    first, second = content.index("  - id: rules-differ"), content.index("  - id: licences-cost")
    third = content.index("  - id: experts-only")
    moved = content[:first] + content[second:third] + content[first:second] + content[third:]
    (duo / "content.yaml").write_text(moved)
    run("translate", str(duo))
    entry = polib.pofile(str(catalogue)).find("content.yaml:key_messages[rules-differ].title", by="msgctxt")
    assert entry.msgstr == "Las normas cambian de un pueblo a otro" and "fuzzy" not in entry.flags


# 2. Every output in every declared language, with lang right everywhere.

def test_every_output_is_made_in_spanish_in_its_own_folder(duo_built: dict[str, Path]) -> None:
    spanish = sorted(name for name in duo_built if name.startswith("es/"))
    assert spanish == ["es/duo-public-es-booklet-a5-sheets-print-only.pdf", "es/duo-public-es-booklet-a5.pdf",
                       "es/duo-public-es-booklet-half-letter-sheets-print-only.pdf",
                       "es/duo-public-es-booklet-half-letter.pdf", "es/duo-public-es-deck.pptx",
                       "es/duo-public-es-handout-a4.pdf",
                       "es/duo-public-es-handout-letter.pdf", "es/duo-public-es-leaflet-a4.pdf",
                       "es/duo-public-es-leaflet-letter.pdf", "es/duo-public-es-slides.pdf",
                       "es/duo-public-es-speaker-notes.pdf", "es/duo-public-es-summary-a4.pdf",
                       "es/duo-public-es-summary-letter.pdf", "es/duo-public-es.html"]
    assert "es/duo-experts-es-deck.pptx" not in duo_built  # only the public variant is translated


def test_each_output_says_its_language_and_marks_what_is_still_english(duo_built: dict[str, Path]) -> None:
    with pikepdf.open(duo_built["es/duo-public-es-handout-a4.pdf"]) as pdf:
        assert str(pdf.Root.Lang) == "es"
        langs = set()

        def walk(node: pikepdf.Object) -> None:
            if isinstance(node, pikepdf.Array):
                for kid in node:
                    walk(kid)
            elif isinstance(node, pikepdf.Dictionary) and node.get("/Type") == "/StructElem":
                if "/Lang" in node:
                    langs.add(str(node.Lang))
                kids = node.get("/K")
                for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
                    walk(kid)

        walk(pdf.Root.StructTreeRoot.K)
    assert {"es", "en-AU"} <= langs  # the document in Spanish, untranslated passages and quotations in English
    html = duo_built["es/duo-public-es.html"].read_text("utf-8")
    assert '<html lang="es">' in html and '<span lang="en-AU">' in html
    assert '<link rel="alternate" hreflang="en-AU" href="../duo-public.html">' in html
    assert 'hreflang="es" href="es/duo-public-es.html"' in duo_built["duo-public.html"].read_text("utf-8")
    with zipfile.ZipFile(duo_built["es/duo-public-es-deck.pptx"]) as deck:
        slides = "".join(deck.read(n).decode() for n in deck.namelist() if re.match(r"ppt/slides/slide\d+\.xml", n))
    assert 'lang="es"' in slides and 'lang="en-AU"' in slides


# 3. Quotations stay verbatim; their translation follows, labelled, never in their place.

@pytest.mark.skipif(not POPPLER, reason="poppler-utils not installed")
def test_a_quotation_prints_in_its_own_words_then_its_translation_labelled(duo_built: dict[str, Path]) -> None:
    text = pdf_text(duo_built["es/duo-public-es-handout-a4.pdf"])
    assert "«A hover-scooter is any board that floats and carries one rider.»" in text
    assert ("Traducción de Examplia Civic Lab: Un aerodeslizador es cualquier tabla que flota y lleva a una "
            "persona.") in text
    assert "«Un aerodeslizador" not in text  # the translation is never put in quotation marks
    assert "«I sold more boards once licences began.» — Traducción de Examplia Civic Lab: Vendí más" in text


# 4. Nothing stale is printed as current; check names each stale entry; the edition says so.

@pytest.mark.skipif(not POPPLER, reason="poppler-utils not installed")
def test_a_changed_source_falls_back_to_english_and_is_reported(duo: Path, tmp_path: Path) -> None:
    edit(duo / "content.yaml", "Lowtown bans hover-scooters;", "Lowtown has banned hover-scooters;")
    code, out, _ = run("translate", str(duo))
    assert code == 0 and "1 now stale" in out
    entry = polib.pofile(str(duo / CATALOGUE)).find("content.yaml:key_messages[rules-differ].text", by="msgctxt")
    assert "fuzzy" in entry.flags and entry.previous_msgid.startswith("Lowtown bans")
    code, _, err = run("check", str(duo))
    line = next(line for line in err.splitlines() if "stale" in line)
    assert line.startswith(f"briefs/duo/translations/es.po:{entry.linenum}:1: warning: "
                           "content.yaml:key_messages[rules-differ].text: stale: its source at "
                           "briefs/duo/content.yaml:4 changed")
    assert run("check", "--strict", str(duo))[0] == 1
    result = build_pack(duo, TEMPLATES, tmp_path / "out", jobs=1)
    handout = next(f.path for f in result.files if f.path.name == "duo-public-es-handout-a4.pdf")
    text = pdf_text(handout)
    assert "Lowtown has banned hover-scooters" in text and "Lowtown prohíbe" not in text
    assert re.search(r"\d+ pasajes de esta edición siguen en inglés", text)
    assert "Traducción de la edición en inglés del 1 de marzo de 2026 (versión 2.0)." in text


def test_the_same_words_added_elsewhere_get_their_translation_as_a_suggestion_to_confirm(duo: Path) -> None:
    edit(duo / "content.yaml", "resources:\n", "cards:\n  - id: ask\n    title: Our asks\n    points: [Licences cost "
         "money]\n\nresources:\n")
    code, out, _ = run("translate", str(duo))
    assert code == 0 and "1 suggested from the same words translated elsewhere" in out
    po = polib.pofile(str(duo / CATALOGUE))
    original = po.find("content.yaml:key_messages[licences-cost].title", by="msgctxt")
    suggested = po.find("content.yaml:cards[ask].points[1]", by="msgctxt")
    assert suggested.msgstr == original.msgstr and original.msgstr and "fuzzy" in suggested.flags
    assert po.find("content.yaml:cards[ask].title", by="msgctxt").msgstr == ""  # no same words: untranslated
    code, _, err = run("check", str(duo))
    line = next(line for line in err.splitlines() if "suggestion" in line)
    assert line.startswith(f"briefs/duo/translations/es.po:{suggested.linenum}:1: warning: "
                           "content.yaml:cards[ask].points[1]: a suggestion")


# 5. Volunteers need no tools: the spreadsheet round trip changes exactly what was edited.

def test_an_unedited_round_trip_leaves_the_catalogue_byte_identical(duo: Path) -> None:
    sheet = duo.parent / "es.xlsx"
    before = (duo / CATALOGUE).read_bytes()
    assert run("translate", "export", str(duo), "es", str(sheet))[0] == 0
    code, out, _ = run("translate", "import", str(duo), str(sheet))
    assert code == 0 and "0 translations changed" in out
    assert (duo / CATALOGUE).read_bytes() == before


def test_one_edited_cell_changes_one_entry_and_a_changed_source_is_refused(duo: Path) -> None:
    sheet = duo.parent / "es.xlsx"
    run("translate", "export", str(duo), "es", str(sheet))
    book = load_workbook(sheet)
    rows = list(book.active.iter_rows(min_row=2))
    by_id = {row[0].value: row for row in rows}
    by_id["content.yaml:models[ban].name"][3].value = "Prohibición completa"
    by_id["content.yaml:glossary[2].term"][3].value = "Licencia"
    by_id["content.yaml:glossary[2].term"][2].value = "A licence"  # as if the English had changed meanwhile
    book.save(sheet)
    before = polib.pofile(str(duo / CATALOGUE))
    code, out, err = run("translate", "import", str(duo), str(sheet))
    after = polib.pofile(str(duo / CATALOGUE))
    changed = [a.msgctxt for a, b in zip(after, before, strict=True) if str(a) != str(b)]
    assert code == 0 and changed == ["content.yaml:models[ban].name"] and "1 translation changed" in out
    assert "content.yaml:glossary[2].term" in err  # the refused row, named


# 6. Draft translations are labelled drafts, on the cover and every page.

@pytest.mark.skipif(not POPPLER, reason="poppler-utils not installed")
def test_an_unreviewed_translation_makes_a_draft_edition_and_says_so_everywhere(duo_built: dict[str, Path]) -> None:
    draft = "Borrador de traducción, aún sin revisar"
    handout = pages(duo_built["es/duo-public-es-handout-a4.pdf"])
    assert draft in handout[0]  # on the cover
    assert all(draft in page for page in handout[1:]), "in every later page's footer"
    assert all(draft in page for page in pages(duo_built["es/duo-public-es-slides.pdf"]))
    assert draft in pages(duo_built["es/duo-public-es-summary-a4.pdf"])[0]
    assert draft in pages(duo_built["es/duo-public-es-speaker-notes.pdf"])[0]
    page = duo_built["es/duo-public-es.html"].read_text("utf-8")
    assert page.count(draft) == 2  # in the page's header (its cover) and its footer
    assert draft not in " ".join(pages(duo_built["duo-public-handout-a4.pdf"]))


def pages(path: Path) -> list[str]:
    """Return each page's text, whitespace squashed."""
    from pypdf import PdfReader

    return [" ".join((page.extract_text() or "").split()) for page in PdfReader(path).pages]


@pytest.mark.skipif(not POPPLER, reason="poppler-utils not installed")
def test_a_reviewed_translation_is_no_draft(duo: Path, tmp_path: Path) -> None:
    po = polib.pofile(str(duo / CATALOGUE), wrapwidth=0)
    for entry in po:
        if entry.msgstr and "reviewed" not in entry.flags:
            entry.flags.append("reviewed")
    po.save(str(duo / CATALOGUE))
    result = build_pack(duo, TEMPLATES, tmp_path / "out", jobs=1)
    handout = next(f.path for f in result.files if f.path.name == "duo-public-es-handout-a4.pdf")
    assert "Borrador" not in pdf_text(handout)


# 7. Scripts the fonts cannot show fail early, naming the language and its letters.

@pytest.mark.parametrize("language,expected", [
    ("th", "Thai ('th') needs letters no font briefpack ships has: ก"),
    ("ar", "Arabic ('ar') is written right to left"),
    ("xx-nope", "'xx-nope' is not a language briefpack knows"),
])
def test_a_language_the_fonts_cannot_print_is_an_error(duo: Path, language: str, expected: str) -> None:
    edit(duo / "pack.yaml", "languages: [en-AU, es]", f"languages: [en-AU, es, {language}]")
    code, _, err = run("check", str(duo))
    assert code == 1
    assert "briefs/duo/pack.yaml:12:" in err and expected in err
    assert f"{language} summary" not in err  # nothing predicted for a pack that cannot be printed


def test_greek_and_cyrillic_are_printable(duo: Path) -> None:
    edit(duo / "pack.yaml", "languages: [en-AU, es]", "languages: [en-AU, es, el, ru, uk]")
    code, _, err = run("check", str(duo))
    assert code == 0 and "needs letters" not in err


# 8. Only what changed is rebuilt, per language; shards add up to one full build.

def test_editing_the_spanish_catalogue_rebuilds_only_spanish_outputs(duo: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build_pack(duo, TEMPLATES, out, jobs=1)
    edit(duo / CATALOGUE, 'msgstr "Prohibición total"', 'msgstr "Prohibición completa"')
    rebuilt = [f.path.name for f in build_pack(duo, TEMPLATES, out, jobs=1).files if f.rebuilt]
    assert rebuilt and all("-es" in name for name in rebuilt)


def test_shards_together_write_exactly_one_full_build(tmp_path: Path) -> None:
    from generator.pipeline import build_packs
    from generator.pipeline.plan import Shard

    build_pack(DUO, TEMPLATES, tmp_path / "full", jobs=1)
    full = files_of(tmp_path / "full")
    parts = []
    for index in (1, 2, 3):
        build_packs([DUO], TEMPLATES, tmp_path / f"shard{index}", jobs=1, shard=Shard(index, 3))
        parts.append(files_of(tmp_path / f"shard{index}"))
    union: dict[str, str] = {}
    for part in parts:
        assert not set(part) & set(union), "no file is built by two shards"
        union.update(part)
    assert union == full and all(parts)


def test_a_shard_is_given_as_k_of_n() -> None:
    assert run("build", "--shard", "4/3")[0] == 2
    assert "give K/N" in run("build", "--shard", "two")[2]


def test_shards_one_after_another_in_one_folder_leave_a_full_build_up_to_date(duo: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    for index in (1, 2):
        assert run("build", "--out", str(out), "--shard", f"{index}/2", str(duo))[0] == 0
    assert len(files_of(out)) == len(files_of_full(duo, tmp_path))
    code, out_text, _ = run("build", "--out", str(out), str(duo))
    assert code == 0 and out_text.startswith("up to date")


def files_of_full(pack: Path, tmp_path: Path) -> dict[str, str]:
    build_pack(pack, TEMPLATES, tmp_path / "reference", jobs=1)
    return files_of(tmp_path / "reference")


def test_export_needs_a_declared_language(duo: Path) -> None:
    code, _, err = run("translate", "export", str(duo), "fr", str(duo.parent / "fr.xlsx"))
    assert code == 2 and "not translated into 'fr'" in err


@pytest.mark.skipif(not shutil.which("pdffonts"), reason="poppler-utils not installed")
def test_spanish_letters_are_embedded_in_the_handout_font(duo_built: dict[str, Path]) -> None:
    out = subprocess.run(["pdffonts", str(duo_built["es/duo-public-es-handout-a4.pdf"])], capture_output=True,
                         text=True, check=True, timeout=60).stdout
    assert "AtkinsonHyperlegible" in out and "yes yes" in out  # embedded and subset


def test_a_translator_is_asked_only_for_words_the_translated_editions_print() -> None:
    """duo translates its public edition only: the experts' own key message is not in the catalogue's entries."""
    from generator.content.loader import load_pack
    from generator.translate.entries import entries_for

    loaded = load_pack(DUO)
    every = {entry.id for entry in entries_for(loaded, None)}
    public = {entry.id for entry in entries_for(loaded, ["public"])}
    assert "content.yaml:key_messages[experts-only].text" in every - public
    assert every - public == {"content.yaml:key_messages[experts-only].title",
                              "content.yaml:key_messages[experts-only].text"}
    catalogue = polib.pofile(str(DUO / CATALOGUE))
    assert not {e.msgctxt for e in catalogue if not e.obsolete} & (every - public)  # nothing asked of the translator
