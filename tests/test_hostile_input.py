"""Hostile and broken input: YAML bombs and limits, unsafe URLs, unwritable output, other scripts."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.build import build_pack
from generator.cli import main
from generator.content.lint import lint_glyphs
from generator.content.loader import load_pack
from generator.content.yamlsource import MAX_DEPTH, MAX_FILE_BYTES
from generator.errors import BuildError, ContentError
from tests.conftest import TEMPLATES

Edit = Callable[[str, str, str], None]


def problems(folder: Path) -> list[str]:
    with pytest.raises(ContentError) as info:
        load_pack(folder)
    return [str(p) for p in info.value.problems]


def test_alias_bomb_is_refused_quickly(pack_copy: Path) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]")
    (pack_copy / "bomb.yaml").write_text("\n".join(lines) + "\n")
    [message] = problems(pack_copy)
    assert "too many values (over 200,000); is an alias repeated many times?" in message
    assert message.startswith("briefs/sex-work-law/bomb.yaml:")


def test_deep_nesting_and_huge_files_are_refused(pack_copy: Path) -> None:
    (pack_copy / "deep.yaml").write_text("a: " + "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5) + "\n")
    (pack_copy / "huge.yaml").write_text("# " + "x" * (MAX_FILE_BYTES + 10) + "\n")
    found = problems(pack_copy)
    assert any(f"nested deeper than {MAX_DEPTH} levels" in m for m in found)
    assert any(m.startswith("briefs/sex-work-law/huge.yaml: file is") and "the limit is" in m for m in found)


@pytest.mark.parametrize("url", ["javascript:alert(1)", "file:///etc/passwd", "data:text/html,<b>x</b>",
                                 "https://exa mple.org", "https:///nohost", "ftp://example.org/x"])
def test_unsafe_or_malformed_urls_are_errors(pack_copy: Path, edit: Edit, url: str) -> None:
    edit("resources.yaml", "url: https://www.amnesty.org.uk/policy-protect-human-rights-sex-workers-qa", f"url: '{url}'")
    [message] = problems(pack_copy)
    assert message.startswith("briefs/sex-work-law/resources.yaml:14:10: resources[1].url: ")


@pytest.mark.parametrize("url", ["file:///etc/passwd", "data:text/html,x"])
def test_unsafe_links_in_text_are_errors(pack_copy: Path, edit: Edit, url: str) -> None:
    edit("key-messages.yaml", "consensual sex\n", f"consensual [sex]({url})\n")
    [message] = problems(pack_copy)
    assert message.startswith("briefs/sex-work-law/key-messages.yaml:6:11: key_messages[0].text: URL ")


def test_an_unwritable_output_folder_is_a_clear_error(pack_copy: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "output"
    blocker.mkdir()
    (blocker / "sex-work-law").write_text("a file where the pack's folder should be")
    with pytest.raises(BuildError) as info:
        build_pack(pack_copy, TEMPLATES, blocker)
    assert "cannot write the output folder" in str(info.value)
    assert (blocker / "sex-work-law").read_text() == "a file where the pack's folder should be"


def test_cli_reports_an_unwritable_output_in_one_line(pack_copy: Path, tmp_path: Path) -> None:
    (tmp_path / "output").write_text("not a folder")
    result = CliRunner().invoke(main, ["build", "--templates", str(TEMPLATES), "-q"])
    assert result.exit_code == 1
    [line] = result.stderr.splitlines()
    assert line.startswith("error: ") and "output" in line


def test_scripts_the_handout_font_lacks_use_the_fallback(pack_copy: Path, edit: Edit, tmp_path: Path) -> None:
    from pypdf import PdfReader

    words = "Ελληνικά και Русский текст"
    edit("key-messages.yaml", "title: Sex workers' rights are human rights", f"title: {words}")
    assert lint_glyphs(load_pack(pack_copy)) == []
    result = build_pack(pack_copy, TEMPLATES, tmp_path / "out")
    handout = next(f.path for f in result.files if f.path.name.endswith("public-handout-a4.pdf"))
    reader = PdfReader(handout)
    assert words in " ".join(" ".join(p.extract_text().split()) for p in reader.pages[:4])
    fonts = {str(f.get_object()["/BaseFont"]) for p in reader.pages for f in p["/Resources"]["/Font"].values()}
    assert any("Arimo" in f for f in fonts)


def test_template_folder_symlink_outside_is_not_followed_for_logos(pack_copy: Path, edit: Edit,
                                                                  tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES, templates)
    theme = templates / "themes" / "default" / "theme.yaml"
    theme.write_text(theme.read_text() + "logo: ../../../../etc/hostname\n")
    with pytest.raises(ContentError) as info:
        build_pack(pack_copy, templates, tmp_path / "out")
    assert "logo: '../../../../etc/hostname' must be a path inside" in str(info.value)
