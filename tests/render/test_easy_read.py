"""The Easy Read edition: one idea a row, a picture on the left, 18 pt words on the right, nothing below 16.

Built once from the ``easy`` fixture (the mini pack with easy words for some
items, icons and a picture of its own): its PDFs and web page are read back
as a reader, a screen reader and ``check`` would.
"""

from __future__ import annotations

import base64
import datetime as dt
import re
from collections import Counter
from pathlib import Path

import pytest

from generator.errors import ContentError, TemplateError
from tests.helpers import EASY, TEMPLATES, copy_pack, edit, pdf_text, problems, run
from tests.render.structure import read

pdfplumber = pytest.importorskip("pdfplumber")


@pytest.fixture(scope="module")
def easy_built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    from generator.pipeline import build_pack

    result = build_pack(EASY, TEMPLATES, tmp_path_factory.mktemp("easy-output"), None, jobs=2)
    return {f.path.name.removeprefix("easy-"): f.path for f in result.files}


def test_the_first_variant_gets_an_easy_read_pdf_on_each_paper_and_a_web_page(easy_built: dict[str, Path]) -> None:
    easy = sorted(name for name in easy_built if "easy-read" in name)
    assert easy == ["public-easy-read-a4.pdf", "public-easy-read-letter.pdf", "public-easy-read.html"]


def test_text_is_18_pt_and_nothing_is_below_16(easy_built: dict[str, Path]) -> None:
    for name in ("public-easy-read-a4.pdf", "public-easy-read-letter.pdf"):
        sizes: Counter[float] = Counter()
        with pdfplumber.open(easy_built[name]) as pdf:
            for page in pdf.pages:
                sizes.update(round(c["size"], 1) for c in page.chars if c["text"].strip())
        assert min(sizes) >= 16.0, (name, sorted(sizes))
        assert sizes.most_common(1)[0][0] == 18.0, name  # the rows' words, most of the text


def test_each_sentence_is_a_line_of_its_own_beside_its_picture(easy_built: dict[str, Path]) -> None:
    with pdfplumber.open(easy_built["public-easy-read-a4.pdf"]) as pdf:
        lines = [line for page in pdf.pages for line in (page.extract_text() or "").splitlines()]
        images = [image for page in pdf.pages for image in page.images]
    assert "Each town has its own rules." in lines
    assert "In Lowtown you cannot ride a hover-scooter." in lines  # the row's two sentences, two lines
    assert len(images) == 1  # the pack's own picture; the icons are drawn as vectors
    with pdfplumber.open(easy_built["public-easy-read-a4.pdf"]) as pdf:
        page = next(p for p in pdf.pages if "Examplia Civic Lab made" in (p.extract_text() or ""))
        words = page.extract_words()
        picture = page.images[0]
        group = next(w for w in words if w["text"] == "group")
    assert picture["x1"] < group["x0"]  # the picture on the left, the words on its right
    assert abs(picture["top"] - group["top"]) < 12  # level with the row's first line


def test_it_prints_only_the_easy_words_and_leaves_out_items_that_have_none(easy_built: dict[str, Path]) -> None:
    text = pdf_text(easy_built["public-easy-read-a4.pdf"])
    assert "Put the rules up in every town hall." in text
    assert "Full ban" in text and "Licensing" not in text  # the model with no easy words is left out
    assert "Keep licences cheap" not in text and "Enforcement needs staff" not in text  # none; the experts' only
    assert "40 crowns a year" in text and "Hill County licenses them" not in text  # the easy words, not the full


def test_the_packs_picture_is_a_figure_with_its_alt_text_and_icons_are_decoration(
        easy_built: dict[str, Path]) -> None:
    figures = read(easy_built["public-easy-read-a4.pdf"]).find("Figure")
    assert [f.alt for f in figures] == ["Three people at a table, talking"]


@pytest.mark.parametrize("profile", ["ua1", "2a"])
def test_the_easy_read_pdfs_are_pdf_ua_1_and_pdf_a_2a(easy_built: dict[str, Path], profile: str) -> None:
    page_validation = pytest.importorskip("page")
    for name in ("public-easy-read-a4.pdf", "public-easy-read-letter.pdf"):
        report = page_validation.validate_pdf(str(easy_built[name]), profile=profile)
        failures = [f"{f['rule_id']}: {f['message']}" for f in report.to_dict()["failures"]]
        assert report.rules.failed == 0, (name, failures[:5])


def test_the_web_page_draws_each_row_as_a_picture_and_a_line_per_sentence(easy_built: dict[str, Path]) -> None:
    html = easy_built["public-easy-read.html"].read_text("utf-8")
    rows = re.findall(r'<div class="easy-row">(.*?)</div>\s*</div>', html, re.S)
    assert len(rows) >= 8
    pictures = re.findall(r'<img class="easy-picture" src="data:image/([a-z+]+);base64,([^"]+)" alt="([^"]*)"', html)
    assert ("png", "Three people at a table, talking") in {(kind, alt) for kind, _, alt in pictures}
    icons = [base64.b64decode(data).decode("utf-8") for kind, data, alt in pictures if kind == "svg+xml"]
    assert icons and all(alt == "" for kind, _, alt in pictures if kind == "svg+xml")  # decoration: words say it
    assert all("currentColor" not in icon and "<script" not in icon for icon in icons)  # drawn in the accent
    assert "<p>Each town has its own rules.</p>" in html
    assert "<p>In Lowtown you <strong>cannot</strong> ride a hover-scooter.</p>" in html


def test_check_names_the_items_with_no_easy_words_and_pictures_there_are_not(tmp_path: Path) -> None:
    pack = copy_pack(EASY, tmp_path)
    edit(pack / "content.yaml", "picture: cash", "picture: piggy-bank")
    code, out, err = run("check", "--briefs", str(tmp_path / "briefs"), "easy")
    assert code == 0, err
    lines = [line for line in (out + err).splitlines() if "Easy Read" in line]
    assert any(re.search(r"content\.yaml:\d+:\d+: warning: models\[2\]\.easy_read: Easy Read: 'Licensing' has no "
                         "easy_read text", line) for line in lines), lines
    assert any("recommendations[2].easy_read" in line and "Keep licences cheap" in line for line in lines)
    assert not any("Enforcement needs staff" in line for line in lines)  # not in the Easy Read's variant
    assert any(re.search(r"content\.yaml:\d+:\d+: warning: key_messages\[2\]\.easy_read\[1\]\.picture: Easy Read: "
                         "no picture 'piggy-bank'", line) for line in lines), lines


def test_a_sentence_over_15_words_is_an_error_at_its_line(tmp_path: Path) -> None:
    pack = copy_pack(EASY, tmp_path)
    edit(pack / "content.yaml", "It costs 40 crowns a year.",
         "It costs 40 crowns a year, which is a lot for a rider who earns very little money.")
    found = problems(pack)
    assert len(found) == 1
    assert re.match(r".*content\.yaml:\d+:\d+: key_messages\[2\]\.easy_read\[1\]\.text: Easy Read sentences have at "
                    r"most 15 words; 'It costs 40 crowns a year,…' has 18", found[0]), found


def test_a_picture_from_the_pack_needs_alt_text_and_must_stay_inside_the_pack(tmp_path: Path) -> None:
    pack = copy_pack(EASY, tmp_path)
    edit(pack / "pack.yaml", "      alt: Three people at a table, talking\n", "")
    assert any("needs `alt`" in p for p in problems(pack))
    pack = copy_pack(EASY, tmp_path / "outside")
    edit(pack / "pack.yaml", "picture: pictures/lab.png", "picture: ../../secret.png")
    from generator.editions.session import clear_sessions, load_session

    clear_sessions()
    with pytest.raises(ContentError) as info:
        load_session(pack, TEMPLATES)
    assert "must be a path inside" in str(info.value.problems[0])
    assert "pack.yaml" in info.value.problems[0].file and info.value.problems[0].line > 0


def test_an_icon_that_reaches_for_another_file_is_refused(tmp_path: Path) -> None:
    from generator.outputs.easy_read import icons
    from generator.templates import Templates

    own = tmp_path / "templates"
    (own / "icons").mkdir(parents=True)
    (own / "icons" / "photo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"><image href="file:///etc/'
                                             'hostname"/></svg>')
    with pytest.raises(TemplateError, match=r"photo\.svg: an icon must be a self-contained SVG drawing"):
        icons(Templates.with_builtins(own))
    (own / "icons" / "photo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">'
                                             '<path d="M4 4h16v16H4z" stroke="currentColor"/></svg>')
    found = icons(Templates.with_builtins(own))
    assert "photo" in found and "scale" in found  # the project's own beside the built-in set


def test_a_project_icon_is_an_input_of_the_easy_read_jobs_only(tmp_path: Path) -> None:
    from generator.outputs import OUTPUTS
    from generator.pipeline.plan import job_inputs
    from generator.templates import Templates

    own = tmp_path / "templates"
    (own / "icons").mkdir(parents=True)
    icon = own / "icons" / "scale.svg"
    icon.write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M1 1h2"/></svg>')
    templates = Templates.with_builtins(own)
    easy = job_inputs([], templates, ["easy-read.md.j2"], None, OUTPUTS["easy-read"].reads)
    handout = job_inputs([], templates, ["handout.md.j2"], None, OUTPUTS["handout"].reads)
    assert icon.resolve() in easy and icon.resolve() not in handout


def test_easy_words_are_not_translated_or_graded_as_the_other_editions_words() -> None:
    from generator.content.loader import load_pack
    from generator.translate.entries import pack_entries

    entries = pack_entries(load_pack(EASY))
    assert entries and not any("easy_read" in entry.path for entry in entries)


def test_a_guide_over_24_pages_says_so() -> None:
    from generator.compose.compose import Composed
    from generator.document import EasyRow, Handout, Meta, Run
    from generator.outputs.base import Where
    from generator.outputs.easy_read import EASY_READ
    from generator.theme import Theme

    rows = tuple(EasyRow(None, ((Run(f"Row {n} says one short thing."),), (Run("And one more."),)))
                 for n in range(240))
    meta = Meta("Long", "", "Someone", "A test", (), "en-AU", dt.date(2026, 1, 1), "1")
    composed = Composed(Handout(meta, {}, rows))
    result = EASY_READ.render(composed, Theme(), Where("long", "Easy Read"), "a4")
    assert result.artifacts[0].count > 24
    assert any("Easy Read guides ask for 24 at most" in p.message for p in result.problems)


def test_outloud_finds_no_error_in_the_easy_read_pdfs(easy_built: dict[str, Path]) -> None:
    from tests.render.test_outloud import errors

    pytest.importorskip("outloud")
    for name in ("public-easy-read-a4.pdf", "public-easy-read-letter.pdf"):
        assert errors(easy_built[name]) == [], name


def test_check_prints_the_easy_read_editions_grade_beside_the_others() -> None:
    code, out, err = run("check", "--briefs", str(EASY.parent), "easy")
    assert code == 0, err
    grades = [line for line in (out + err).splitlines() if "median reading grade" in line]
    assert [line.split(":")[0] for line in grades] == ["easy public", "easy experts", "easy public Easy Read"]
    assert re.search(r"easy public Easy Read: median reading grade [\d.]+ over 7 texts", grades[2])


def test_an_items_rows_stay_on_one_page_with_its_heading(easy_built: dict[str, Path]) -> None:
    with pdfplumber.open(easy_built["public-easy-read-a4.pdf"]) as pdf:
        pages = [" ".join((page.extract_text() or "").split()) for page in pdf.pages]
    [page] = [text for text in pages if "Full ban" in text]
    assert "Riding is against the law." in page and "People who ride can get a fine." in page
