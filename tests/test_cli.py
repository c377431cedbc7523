"""The command line: exit codes, one-line errors, no tracebacks, the summary line, new and list."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from generator import __version__
from tests.helpers import MINI, ROOT, SMALL, copy_pack, edit, file_count, own_templates, pdf_text, run

Change = Callable[[str, str, str], None]


def test_version_and_usage_errors() -> None:
    code, out, _ = run("--version")
    assert code == 0 and out.strip() == f"briefpack, version {__version__}"
    code, _, err = run("check", "--no-such-option")
    assert code == 2 and "No such option" in err


def test_check_passes_with_its_warnings_and_strict_fails(mini: Path) -> None:
    code, out, err = run("check")
    assert code == 0, err
    *grades, last = out.splitlines()
    assert last.startswith("ok: 1 pack valid (mini), 1 warning in ")
    assert [g.split(":")[0] for g in grades] == ["mini public", "mini experts"]  # each edition's reading grade
    assert err.splitlines() == ["briefs/mini/content.yaml:95:15: warning: evidence[2].sources[1]: cites "
                                "'survey-2025', which is not checked against the original"]
    code, _, err = run("check", "--strict")
    assert code == 1 and err.splitlines()[-1] == "1 problem found"


def test_a_content_error_is_one_line_per_problem(mini: Path, change: Change) -> None:
    change("content.yaml", "    short_name: Licensing\n", "    shortname: Licensing\n")
    code, out, err = run("check")
    assert code == 1 and out == ""
    assert err.splitlines() == [
        "briefs/mini/content.yaml:49:5: models[2].shortname: unknown field (did you mean 'short_name'?)",
        "1 problem found",
    ]
    change("content.yaml", "    shortname: Licensing\n", "")  # really missing: then it says so
    assert run("check")[2].splitlines()[0] == "briefs/mini/content.yaml:47:5: models[2].short_name: required field is missing"


def test_build_writes_every_output_and_reports_one_line(mini: Path) -> None:
    code, out, err = run("build", "--quiet")
    assert code == 0, err
    [line] = out.splitlines()
    assert line.startswith(f"built mini: {file_count(MINI)} files, ") and " slides in " in line
    outputs = ["deck.pptx", "handout-a4.pdf", "handout-letter.pdf", "slides.pdf", "speaker-notes.pdf",
               "summary-a4.pdf", "summary-letter.pdf", "booklet-a5.pdf", "booklet-a5-sheets-print-only.pdf",
               "booklet-half-letter.pdf", "booklet-half-letter-sheets-print-only.pdf", "leaflet-a4.pdf",
               "leaflet-letter.pdf", "cards.pdf", "cards-a4-sheets-print-only.pdf", "cards-letter-sheets-print-only.pdf"]
    assert sorted(p.name for p in Path("output/mini").iterdir()) == sorted(
        [f"mini-{variant}-{name}" for variant in ("public", "experts") for name in outputs]
        + ["mini-public.html", "mini-experts.html"])
    code, out, _ = run("build")
    assert code == 0 and out.startswith(f"up to date: mini ({file_count(MINI)} files)")


def test_a_template_error_is_one_line_and_keeps_old_outputs(mini: Path) -> None:
    assert run("build")[0] == 0
    before = {p: p.read_bytes() for p in Path("output/mini").iterdir()}
    own_templates(Path("templates"), "deck.md.j2")  # the project's own copy of one built-in template
    path = Path("templates/deck.md.j2")
    path.write_text(path.read_text().replace("{{ pack.meta.title }}", "{{ pack.meta.title", 1))
    code, out, err = run("build", "--force")
    assert code == 1 and out.strip() == "nothing built; FAILED: mini"
    *errors, outcome = err.splitlines()
    assert errors[0].startswith("error: briefs/mini: public: deck: templates/deck.md.j2:")
    assert len(errors) == 2 and errors[1].startswith("error: briefs/mini: experts: deck: ")  # deck-short extends it
    assert outcome == "mini: not built; its previous outputs are unchanged"
    assert {p: p.read_bytes() for p in Path("output/mini").iterdir()} == before


def test_a_content_error_fails_the_build_and_writes_nothing(mini: Path, change: Change) -> None:
    change("pack.yaml", "language: en-AU", "language: 12")
    code, _, err = run("build")
    assert code == 1 and "pack.language" in err
    assert not Path("output/mini").exists()


def test_a_layout_error_names_the_content_line_that_caused_it(mini: Path, change: Change) -> None:
    assert run("build")[0] == 0
    before = {p: p.read_bytes() for p in Path("output/mini").iterdir()}
    change("content.yaml", "definition: Riding, selling and renting hover-scooters are all offences.",
           "definition: " + "Offences " * 200)
    code, _, err = run("build")
    assert code == 1
    assert ("briefs/mini/content.yaml:27:17: models[1].definition: public deck: slide 'Full ban': a sentence does "
            "not fit on a slide even at 18 pt") in err
    assert {p: p.read_bytes() for p in Path("output/mini").iterdir()} == before


def test_build_into_another_folder(mini: Path, tmp_path: Path) -> None:
    code, _, err = run("build", "mini", "--out", str(tmp_path / "elsewhere"))
    assert code == 0, err
    assert (tmp_path / "elsewhere/mini/mini-public-deck.pptx").is_file()


def test_an_unwritable_output_is_one_line(mini: Path, tmp_path: Path) -> None:
    (tmp_path / "output").write_text("not a folder")
    code, _, err = run("build", "-q")
    assert code == 1
    [line] = err.splitlines()
    assert line.startswith("error: ") and "output" in line


def test_no_traceback_from_a_real_process(mini: Path) -> None:
    (mini / "pack.yaml").write_text("pack: [unclosed\n")
    proc = subprocess.run([sys.executable, "-m", "generator", "check"],
                          capture_output=True, text=True, cwd=mini.parent.parent, check=False, timeout=120,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert proc.stderr.splitlines()[0] == ("briefs/mini/pack.yaml:1:7: YAML syntax error: the '[' opened here is "
                                            "never closed: end it with ']' on the same line")


def test_new_pack_builds_at_once_and_list_shows_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run("new", "my-pack")
    assert code == 0, err
    assert out.strip() == "created briefs/my-pack/ (3 files); next: briefpack build my-pack"
    for name in ("pack.yaml", "content.yaml", "sources.yaml"):  # each names the schema for editors
        assert Path(f"briefs/my-pack/{name}").read_text().startswith(
            "# yaml-language-server: $schema=../../briefpack.schema.json\n")
    assert json.loads(Path("briefpack.schema.json").read_text())["title"] == "briefpack content file"
    code, _, err = run("check")
    assert code == 0
    # It shows every section and warns only about what is still the scaffold's: one line per file for its
    # stand-in texts, its example addresses, its placeholder sources (not checked).
    lines = err.splitlines()
    assert all("stand-in text" in line or "example address" in line or "not checked" in line for line in lines)
    assert sum("stand-in text" in line for line in lines) == 3, lines  # pack, content and sources
    assert len(lines) < 12
    code, _, err = run("build")
    assert code == 0, err
    assert Path("output/my-pack/my-pack-handout-a4.pdf").is_file()
    code, out, _ = run("list")
    assert out.splitlines() == ["my-pack  'A new briefing'  [en-AU]  theme: default  variants: one edition",
                                "themes: default, large-print, print-economy"]
    assert run("new", "my-pack")[0] == 2


def test_new_elsewhere_says_how_to_build_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, _ = run("new", "--briefs", "packs/2026", "spring")
    assert code == 0 and out.strip().endswith("next: briefpack build --briefs packs/2026 spring")
    assert run("build", "--briefs", "packs/2026", "spring", "-q")[0] == 0
    assert Path("packs/briefpack.schema.json").is_file()


def test_a_project_template_overrides_one_built_in_file(mini: Path) -> None:
    # As an editor does: copy the one template to change; everything else stays built in.
    code, out, _ = run("templates", "summary.md.j2")
    assert code == 0 and out.startswith("copied templates/summary.md.j2")
    path = Path("templates/summary.md.j2")
    path.write_text(path.read_text().replace('## {{ words.title("resources") }}', "## Scan to read more"))
    assert sorted(p.name for p in Path("templates").rglob("*") if p.is_file()) == ["summary.md.j2"]
    code, _, err = run("build", "-q")
    assert code == 0, err
    summary = pdf_text(Path("output/mini/mini-public-summary-a4.pdf"))
    assert "Scan to read more" in summary and "Further reading" not in summary
    assert "Key messages" in pdf_text(Path("output/mini/mini-public-handout-a4.pdf"))  # built in, untouched


def test_one_broken_pack_stops_nothing_else(mini: Path, tmp_path: Path) -> None:
    other = copy_pack(SMALL, tmp_path)
    edit(other / "pack.yaml", "language: en-AU", "language: 12")
    code, out, err = run("build", "-q")
    assert code == 1
    assert out.startswith(f"built mini: {file_count(MINI)} files") and out.rstrip().endswith("FAILED: small-pack")
    assert err.splitlines() == ['briefs/small-pack/pack.yaml:11:13: pack.language: expected text, got a whole '
                                'number 12; put it in quotes: "12"',
                                "small-pack: not built; its previous outputs are unchanged"]
    assert Path("output/mini/mini-public-deck.pptx").is_file() and not Path("output/small-pack").exists()


def test_build_prints_the_warnings_check_counts(mini: Path) -> None:
    code, _, check_err = run("check")
    assert code == 0
    code, out, err = run("build")
    assert code == 0
    # The same lines, one per warning, after the table; the summary line counts them.
    assert err.splitlines() == check_err.splitlines() and len(err.splitlines()) == 1
    assert out.splitlines()[-1].endswith("; 1 warning (above)")
    code, out, err = run("build", "--force", "-q")
    assert err == "" and out.rstrip().endswith("; 1 warning (briefpack check lists them)")


@pytest.mark.parametrize(("args", "message"), [
    (("build", "minj"), "error: minj: no such pack in briefs/ (did you mean 'mini'?)"),
    (("check", "nothing-like-it"), "error: nothing-like-it: no such pack in briefs/ (packs: mini)"),
    (("build", "--theme", "print-econ"), "error: --theme print-econ: no such theme (did you mean "
                                         "'print-economy'?); themes: default, large-print, print-economy"),
    (("new", "My Pack"), "error: 'My Pack' is not a valid pack name: use lower-case letters, digits and hyphens, "
                         "starting with a letter or digit (e.g. 'my-pack')"),
    (("new", "mini"), "error: briefs/mini already exists; choose another name"),
    (("serve", "minj"), "error: minj: no such pack in briefs/ (did you mean 'mini'?)"),
])
def test_usage_errors_exit_2_and_say_what_exists(mini: Path, args: tuple[str, ...], message: str) -> None:
    code, out, err = run(*args)
    assert (code, out, err.strip()) == (2, "", message)


def test_a_theme_the_pack_names_but_nobody_made_is_located_in_pack_yaml(mini: Path, change: Change) -> None:
    change("pack.yaml", "theme: default", "theme: defualt")
    code, _, err = run("check")
    assert code == 1
    assert err.splitlines()[0] == ("briefs/mini/pack.yaml:13:10: pack.theme: no theme 'defualt' (did you mean "
                                   "'default'?); themes: default, large-print, print-economy")


def test_help_lists_every_command_in_full() -> None:
    code, out, _ = run("--help")
    commands = out.split("Commands:")[1].splitlines()[1:]
    assert code == 0 and len([c for c in commands if c.strip()]) == 10
    assert not [c for c in commands if c.rstrip().endswith("...")]  # no summary cut short


def test_a_variant_naming_a_template_nobody_made_is_located(mini: Path, change: Change) -> None:
    change("pack.yaml", "handout_template: handout-policymakers.md.j2", "handout_template: handout-policymaker.md.j2")
    code, _, err = run("check")
    assert code == 1
    assert err.splitlines()[0].startswith(
        "briefs/mini/pack.yaml:21:25: pack.variants[2].handout_template: no template 'handout-policymaker.md.j2' "
        "(did you mean 'handout-policymakers.md.j2'?); templates: ")


def test_a_summary_too_long_for_its_page_is_predicted_by_check_and_shown_by_build(mini: Path, change: Change) -> None:
    title = ("A key message whose title goes on and on, far longer than any summary tile could ever hope to hold, "
             "so that six of them in two columns fill the page")
    change("content.yaml", "key_messages:\n", "key_messages:\n" + "".join(
        f"  - {{id: long-{n}, title: '{title} {n}', text: More., sources: [atlas-2024]}}\n" for n in range(6)))
    change("content.yaml", "comparison:\n", "comparison:\n" + "".join(
        f"  - {{id: row-{n}, label: Row {n}, field: definition}}\n" for n in range(6)))
    code, _, check_err = run("check")
    predicted = [line for line in check_err.splitlines() if "summary runs to" in line]
    assert code == 0 and predicted and all(line.startswith("briefs/mini: warning: ") for line in predicted)
    assert ("the summary runs to 2 pages on a4 paper, not one: shorten the key-message titles (it shows up to six), "
            "mark fewer resources `featured: true` (it shows up to three), or show fewer comparison rows "
            "(summary.md.j2)") in predicted[0]
    code, _, build_err = run("build")
    assert code == 0 and build_err.splitlines() == check_err.splitlines()


def test_serve_listens_on_this_computer_unless_told_and_warns_when_told(mini: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    import generator.preview.serve as serve_module

    calls: list[tuple[str, int, tuple[str, ...]]] = []
    monkeypatch.setattr(serve_module, "serve",
                        lambda options, host, port, built, failed, ready, extra, edit: calls.append((host, port, extra,
                                                                                                    edit)))
    code, _, err = run("serve")
    assert code == 0 and calls[-1] == ("127.0.0.1", 8000, (), False) and "warning" not in err
    code, _, err = run("serve", "--host", "0.0.0.0", "--port", "9000", "--allow-host", "preview.lan")
    assert code == 0 and calls[-1] == ("0.0.0.0", 9000, ("preview.lan",), False)
    assert "warning: serving on 0.0.0.0: anyone who can reach this computer can read the preview" in err
    assert "editing from the browser is off" in err
    code, _, err = run("serve", "--host", "0.0.0.0", "--allow-edit")
    assert code == 0 and calls[-1][3] is True and "anyone who can reach this computer can also change" in err
