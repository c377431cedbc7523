"""`briefpack build`: summary line, exit codes, template errors, nothing lost on failure."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from generator.cli import main
from tests.conftest import TEMPLATES


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_build_writes_the_pack_and_reports_one_line(pack_copy: Path) -> None:
    code, out, err = run("build", "--templates", str(TEMPLATES), "--quiet")
    assert code == 0, err
    [line] = out.splitlines()
    assert line.startswith("built sex-work-law: 14 files, ")
    assert " slides in " in line and line.count("pages") == 1
    folder = Path("output/sex-work-law")
    outputs = ["deck.pptx", "handout-a4.pdf", "handout-letter.pdf", "slides.pdf", "speaker-notes.pdf",
               "summary-a4.pdf", "summary-letter.pdf"]
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        f"sex-work-law-{variant}-{name}" for variant in ("public", "policymakers") for name in outputs)


def test_template_error_is_one_line_and_keeps_old_outputs(pack_copy: Path) -> None:
    assert run("build", "--templates", str(TEMPLATES))[0] == 0
    before = {p: p.read_bytes() for p in Path("output/sex-work-law").iterdir()}
    shutil.copytree(TEMPLATES, "templates")
    path = Path("templates/deck.md.j2")
    path.write_text(path.read_text().replace("{{ pack.meta.title }}", "{{ pack.meta.title", 1))
    code, out, err = run("build", "--force")
    assert code == 1
    assert out == ""
    [line] = err.splitlines()
    assert line.startswith("error: briefs/sex-work-law: public: deck: templates/deck.md.j2:")
    after = {p: p.read_bytes() for p in Path("output/sex-work-law").iterdir()}
    assert after == before


def test_content_error_fails_the_build(pack_copy: Path) -> None:
    path = pack_copy / "pack.yaml"
    path.write_text(path.read_text().replace("language: en-AU", "language: 12"))
    code, _out, err = run("build", "--templates", str(TEMPLATES))
    assert code == 1
    assert "pack.language" in err
    assert not Path("output/sex-work-law").exists()


def test_build_into_another_folder(pack_copy: Path, tmp_path: Path) -> None:
    code, _, err = run("build", "sex-work-law", "--templates", str(TEMPLATES), "--out", str(tmp_path / "elsewhere"))
    assert code == 0, err
    assert (tmp_path / "elsewhere/sex-work-law/sex-work-law-public-deck.pptx").is_file()
