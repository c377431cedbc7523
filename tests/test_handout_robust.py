"""The handout survives hostile text, prints other Latin scripts, and its QR codes decode."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator.build import build_pack
from generator.content.lint import lint_glyphs
from generator.content.loader import load_pack
from generator.editions.themes import load_theme
from generator.editions.variants import editions
from generator.errors import ContentError
from tests.conftest import DEFAULT_PACK, TEMPLATES

Edit = Callable[[str, str, str], None]


def pdf_text(path: Path) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(path).pages)


def test_hostile_text_builds_cleanly(pack_copy: Path, edit: Edit, tmp_path: Path) -> None:
    long_word = "x" * 3000
    long_url = "https://example.org/" + "a" * 1980
    edit("key-messages.yaml", "because laws against it", f"because <b>&amp; & < > \" ' {long_word} laws against it")
    edit("resources.yaml", "url: https://www.amnesty.org/en/documents/asa34/4030/2016/en/", f"url: {long_url}")
    edit("glossary.yaml", "  - term: Sex worker\n", "  - term: \"<i>Sex</i> & worker </para>\"\n")
    result = build_pack(pack_copy, TEMPLATES, tmp_path / "out")
    handout = next(f.path for f in result.files if f.path.name.endswith("handout-a4.pdf"))
    text = pdf_text(handout)
    assert "<b>&amp; & < >" in text
    assert "<i>Sex</i> & worker </para>" in text
    reader = PdfReader(handout)
    uris = {str(a.get_object()["/A"]["/URI"]) for page in reader.pages for a in page.get("/Annots", []) or []
            if "/A" in a.get_object()}
    assert long_url in uris


def test_other_latin_scripts_print(pack_copy: Path, edit: Edit, tmp_path: Path) -> None:
    words = "Te Tiriti o Waitangi: tāngata whenua, Māori, ōhanga; ¿Qué señora? Straße, Grüße, Ōtautahi"
    edit("key-messages.yaml", "title: Sex workers' rights are human rights", f"title: \"{words}\"")
    loaded = load_pack(pack_copy)
    assert lint_glyphs(loaded) == []
    result = build_pack(pack_copy, TEMPLATES, tmp_path / "out")
    handout = next(f.path for f in result.files if f.path.name.endswith("handout-a4.pdf"))
    assert words in pdf_text(handout)


def test_a_character_no_font_has_is_a_warning(pack_copy: Path, edit: Edit) -> None:
    edit("key-messages.yaml", "title: Sex workers' rights are human rights", "title: \"Rights \U0001F91D for all\"")
    [warning] = lint_glyphs(load_pack(pack_copy))
    assert str(warning) == ("briefs/sex-work-law/key-messages.yaml:5:12: warning: key_messages[0].title: "
                            "no font can show '\U0001F91D' (U+1F91D); it would print as a box")


def test_theme_with_poor_contrast_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copytree(TEMPLATES, "templates")
    path = Path("templates/themes/default/theme.yaml")
    path.write_text(path.read_text().replace('muted: "#4D4D4D"', 'muted: "#AAAAAA"'))
    with pytest.raises(ContentError) as info:
        load_theme(Path("templates"))
    [problem] = info.value.problems
    assert str(problem).startswith("templates/themes/default/theme.yaml:5:3: colours: muted #AAAAAA on #FFFFFF "
                                   "has contrast 2.32:1")


@pytest.mark.skipif(not (shutil.which("pdftoppm") and shutil.which("zbarimg")), reason="needs pdftoppm and zbarimg")
def test_qr_codes_decode_to_exactly_the_urls(built_pack: dict[str, Path], tmp_path: Path) -> None:
    handout = built_pack["handout-a4.pdf"]
    subprocess.run(["pdftoppm", "-png", "-r", "120", str(handout), str(tmp_path / "page")], check=True)
    decoded: set[str] = set()
    for image in sorted(tmp_path.glob("page*.png")):
        out = subprocess.run(["zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", str(image)],
                             capture_output=True, text=True)
        decoded.update(line for line in out.stdout.splitlines() if line)
    expected = {r.url for r in editions(load_pack(DEFAULT_PACK).content)[0].pack.resources}
    assert decoded == expected
