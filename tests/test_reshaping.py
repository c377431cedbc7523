"""Reshaping packs without Python: variants, themes, logos, languages, new and list."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from generator.build import build_pack
from generator.cli import main
from generator.compose.compose import compose_handout
from generator.compose.i18n import missing_translations
from generator.content.loader import load_pack
from generator.document import Heading, text_of
from generator.editions.themes import load_theme
from generator.editions.variants import editions
from generator.errors import ContentError
from tests.conftest import DEFAULT_PACK, TEMPLATES

Edit = Callable[[str, str, str], None]


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def sections(edition) -> list[str]:
    handout = compose_handout(edition.pack, TEMPLATES, edition.template("handout", "handout.md.j2")).document
    return [text_of(b.text) for b in handout.blocks if isinstance(b, Heading) and b.level == 1]


def test_variants_differ_in_order_content_and_title() -> None:
    public, policy = editions(load_pack(DEFAULT_PACK).content)
    assert (public.variant, policy.variant) == ("public", "policymakers")
    assert sections(public)[:2] == ["What the words mean", "The legal models"]
    assert sections(policy)[:3] == ["What we ask", "What the evidence says", "The models compared"]
    assert "Glossary" in sections(public) and "Glossary" not in sections(policy)
    assert "evidence-first" in [m.id for m in policy.pack.key_messages]
    assert "evidence-first" not in [m.id for m in public.pack.key_messages]
    assert "people-you-know" in [p.id for p in public.pack.lived_experience]
    assert "people-you-know" not in [p.id for p in policy.pack.lived_experience]
    assert policy.pack.meta.subtitle.startswith("A briefing for policymakers")


def test_every_variant_is_built_with_its_name(built_pack: dict[str, Path]) -> None:
    from pptx import Presentation

    assert "policymakers-deck.pptx" in built_pack and "deck.pptx" in built_pack
    short = Presentation(built_pack["policymakers-deck.pptx"])
    full = Presentation(built_pack["deck.pptx"])
    assert len(short.slides) < len(full.slides)
    title = PdfReader(built_pack["policymakers-handout-a4.pdf"]).pages[0].extract_text()
    assert "A briefing for policymakers" in " ".join(title.split())


def test_unknown_audience_tag_is_an_error(pack_copy: Path, edit: Edit) -> None:
    edit("lived-experience.yaml", "audiences: [public]", "audiences: [publik]")
    with pytest.raises(ContentError) as info:
        load_pack(pack_copy)
    assert [str(p) for p in info.value.problems] == [
        "briefs/sex-work-law/lived-experience.yaml:37:17: lived_experience[5].audiences[0]: "
        "no variant has the audience 'publik' (did you mean 'public'?)"]


def test_theme_from_pack_and_option(pack_copy: Path, edit: Edit, tmp_path: Path) -> None:
    edit("pack.yaml", "theme: default", "theme: print-economy")
    economy = build_pack(pack_copy, TEMPLATES, tmp_path / "a")
    default = build_pack(pack_copy, TEMPLATES, tmp_path / "b", theme_name="default")
    a = next(f.path for f in economy.files if f.path.name.endswith("public-handout-a4.pdf"))
    b = next(f.path for f in default.files if f.path.name.endswith("public-handout-a4.pdf"))
    cover_a = PdfReader(a).pages[0].get_contents().get_data()
    cover_b = PdfReader(b).pages[0].get_contents().get_data()
    band = b".356863 .164706 .52549 rg"  # the default theme's purple band
    assert band in cover_b and band not in cover_a


def test_unknown_theme_and_bad_theme_field(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copytree(TEMPLATES, "templates")
    with pytest.raises(ContentError) as info:
        load_theme(Path("templates"), "neon")
    assert str(info.value.problems[0]) == "templates/themes/neon/theme.yaml: theme 'neon' not found"
    path = Path("templates/themes/default/theme.yaml")
    path.write_text(path.read_text().replace("margin_mm: 18", "margin_mn: 18"))
    with pytest.raises(ContentError) as info:
        load_theme(Path("templates"))
    assert [str(p) for p in info.value.problems] == [
        "templates/themes/default/theme.yaml:14:1: margin_mn: unknown field (did you mean 'margin_mm'?)"]


@pytest.mark.parametrize("logo,message", [
    ("../sources.yaml", "must be a path inside"),
    ("/etc/hostname", "must be a path inside"),
    ("missing.png", "not found"),
    ("broken.png", "corrupt or not an image"),
    ("escape.png", "leads outside"),
])
def test_logo_paths_stay_inside_the_pack(pack_copy: Path, edit: Edit, tmp_path: Path, logo: str, message: str) -> None:
    (pack_copy / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\nnot really")
    outside = tmp_path / "outside.png"
    shutil.copy(Path(__file__).parent.parent / "docs" / "images" / "deck-slide.png", outside)
    (pack_copy / "escape.png").symlink_to(outside)
    edit("pack.yaml", "  theme: default\n", f"  theme: default\n  logo: {logo}\n")
    with pytest.raises(ContentError) as info:
        build_pack(pack_copy, TEMPLATES, tmp_path / "out")
    [problem] = info.value.problems
    assert str(problem).startswith("briefs/sex-work-law/pack.yaml: pack.logo: ")
    assert message in str(problem)


def test_logo_appears_on_cover_and_title_slide(pack_copy: Path, edit: Edit, tmp_path: Path) -> None:
    from PIL import Image
    from pptx import Presentation

    Image.new("RGB", (300, 100), (40, 40, 40)).save(pack_copy / "logo.png")
    edit("pack.yaml", "  theme: default\n", "  theme: default\n  logo: logo.png\n")
    result = build_pack(pack_copy, TEMPLATES, tmp_path / "out")
    deck = next(f.path for f in result.files if f.path.name.endswith("public-deck.pptx"))
    pictures = [s for s in Presentation(deck).slides[0].shapes if s.shape_type == 13]
    assert pictures[0]._element.nvPicPr.cNvPr.get("descr") == "Logo of briefpack sample pack"
    handout = next(f.path for f in result.files if f.path.name.endswith("public-handout-a4.pdf"))
    assert "/XObject" in PdfReader(handout).pages[0]["/Resources"]


def test_spanish_fixed_wording(pack_copy: Path, edit: Edit, tmp_path: Path) -> None:
    edit("pack.yaml", "language: en-AU", "language: es")
    result = build_pack(pack_copy, TEMPLATES, tmp_path / "out")
    handout = next(f.path for f in result.files if f.path.name.endswith("public-handout-a4.pdf"))
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(handout).pages)
    for words in ("Mensajes clave", "Los modelos comparados", "Página 3 de", "Fuentes", "28 de noviembre de 2026",
                  "Penalizado"):
        assert words in text, words
    assert missing_translations(TEMPLATES, "es") == []


@pytest.mark.parametrize("language", ["en-AU", "en-GB", "en-US", "es"])
def test_catalogues_are_complete(language: str) -> None:
    assert missing_translations(TEMPLATES, language) == []


def test_us_spelling_of_fixed_wording(pack_copy: Path, edit: Edit) -> None:
    edit("pack.yaml", "language: en-AU", "language: en-US")
    handout = compose_handout(editions(load_pack(pack_copy).content)[0].pack, TEMPLATES).document
    assert "Criminalized" in repr(handout) and "November 28, 2026" in repr(handout)


def test_missing_translation_falls_back_and_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copytree(TEMPLATES, "templates")
    path = Path("templates/messages/es.po")
    path.write_text(path.read_text().replace('msgstr "Glosario"', 'msgstr ""'))
    [problem] = missing_translations(Path("templates"), "es")
    assert str(problem).startswith("templates/messages/es.po: warning: no translation for 'Glossary' (used at "
                                   "templates/handout.md.j2:")
    assert missing_translations(Path("templates"), "fr")[0].message.startswith("no catalogue for 'fr'")


def test_new_pack_builds_at_once_and_list_shows_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copytree(TEMPLATES, "templates")
    code, out, err = run("new", "my-pack")
    assert code == 0, err
    assert out.startswith("created briefs/my-pack/")
    assert "#" in Path("briefs/my-pack/pack.yaml").read_text()
    assert run("check")[0] == 0
    code, out, err = run("build")
    assert code == 0, err
    assert Path("output/my-pack/my-pack-handout-a4.pdf").is_file()
    code, out, _ = run("list")
    assert out.splitlines() == [
        "my-pack  'A new briefing'  [en-AU]  theme: default  variants: one edition",
        "themes: default, print-economy",
    ]
    assert run("new", "my-pack")[0] == 1
    assert run("new", "Bad Name")[0] == 1
