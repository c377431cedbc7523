"""`briefpack check`, `schema`, `--version`: exit codes and messages."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import jsonschema
from click.testing import CliRunner

from generator import __version__
from generator.cli import main
from generator.content.yamlsource import read_yaml
from tests.conftest import DEFAULT_PACK, ROOT


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_check_default_pack_passes(pack_copy: Path) -> None:
    code, out, err = run("check")
    assert code == 0, err
    assert out.startswith("ok: 1 pack valid (sex-work-law)")


def test_check_misspelt_key_exits_1_with_one_line(pack_copy: Path, edit: Callable[[str, str, str], None]) -> None:
    edit("models.yaml", "    short_name: Legalisation\n", "    shortname: Legalisation\n")
    code, out, err = run("check")
    assert code == 1
    assert out == ""
    assert err.splitlines() == [
        "briefs/sex-work-law/models.yaml:204:5: models[3].short_name: required field is missing",
        "briefs/sex-work-law/models.yaml:206:5: models[3].shortname: unknown field (did you mean 'short_name'?)",
        "2 problems found",
    ]


def test_check_unknown_pack_is_an_error(pack_copy: Path) -> None:
    code, _, err = run("check", "no-such-pack")
    assert code == 1
    assert err.strip() == "error: no-such-pack: no such pack (looked in briefs/)"


def test_usage_error_exits_2() -> None:
    code, _, err = run("check", "--no-such-option")
    assert code == 2
    assert "No such option" in err


def test_version() -> None:
    code, out, _ = run("--version")
    assert code == 0
    assert out.strip() == f"briefpack, version {__version__}"


def test_schema_accepts_every_file_of_the_default_pack() -> None:
    code, out, _ = run("schema")
    assert code == 0
    schema = json.loads(out)
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    for path in sorted(DEFAULT_PACK.glob("*.yaml")):
        data = read_yaml(path).data
        if "pack" in data:  # YAML tools see an unquoted date as text: match that.
            data["pack"]["date"] = str(data["pack"]["date"])
        errors = list(validator.iter_errors(data))
        assert not errors, f"{path.name}: {errors[0].message}"


def test_schema_rejects_an_unknown_key() -> None:
    _, out, _ = run("schema")
    validator = jsonschema.Draft202012Validator(json.loads(out))
    assert list(validator.iter_errors({"glossary": [{"term": "a", "definition": "b", "sorces": []}]}))


def test_no_traceback_from_a_real_process(pack_copy: Path) -> None:
    (pack_copy / "pack.yaml").write_text("pack: [unclosed\n")
    proc = subprocess.run(
        [sys.executable, "-m", "generator", "check"], capture_output=True, text=True, cwd=pack_copy.parent.parent,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert proc.stderr.splitlines()[0].startswith("briefs/sex-work-law/pack.yaml:2:1: YAML syntax error:")


def test_check_reports_unchecked_citations_as_warnings(pack_copy: Path) -> None:
    code, out, err = run("check")
    assert code == 0
    assert "7 warnings" in out
    assert ("briefs/sex-work-law/definitions.yaml:14:13: warning: definitions[0].source: cites 'hughes2004', "
            "which is not checked against the original") in err.splitlines()
    code, _, err = run("check", "--strict")
    assert code == 1
    assert err.splitlines()[-1] == "7 problems found"


def test_check_reports_a_source_never_cited(pack_copy: Path) -> None:
    with (pack_copy / "sources.yaml").open("a") as handle:
        handle.write("  - {id: lonely, title: Nobody cites me, publisher: Nobody, checked: true}\n")
    _, _, err = run("check")
    assert "sources[57].id: source 'lonely' is never cited" in err


def test_lints_for_urls_empty_sections_and_alt_text(pack_copy: Path, edit: Callable[[str, str, str], None]) -> None:
    from PIL import Image

    edit("resources.yaml", "url: https://www.amnesty.org.uk/", "url: http://www.amnesty.org.uk/")
    (pack_copy / "glossary.yaml").write_text("glossary: []\n")
    Image.new("RGB", (20, 10)).save(pack_copy / "logo.png")
    edit("pack.yaml", "  theme: default\n", "  theme: default\n  logo: logo.png\n")
    _, _, err = run("check")
    assert ("briefs/sex-work-law/resources.yaml:14:10: warning: resources[1].url: "
            "'http://www.amnesty.org.uk/policy-protect-human-rights-sex-workers-qa' is not https") in err
    assert ("briefs/sex-work-law/glossary.yaml:1:11: warning: glossary: section 'glossary' is empty or missing"
            in err)
    assert "warning: pack.logo: no logo_alt: screen readers will hear 'Logo of briefpack sample pack'" in err


def test_check_predicts_slides_that_overflow(pack_copy: Path) -> None:
    import shutil

    from tests.conftest import TEMPLATES

    shutil.copytree(TEMPLATES, "templates")
    _, _, err = run("check")
    assert ("briefs/sex-work-law: warning: public deck: slide 'Sources' does not fit at the smallest size; "
            "it continues on 6 more slides") in err.splitlines()
    path = pack_copy / "models.yaml"
    path.write_text(path.read_text().replace(
        "definition: Selling sex, buying sex and organising sex work are all criminal offences.",
        "definition: " + "Offences " * 400))
    code, _, err = run("check")
    assert code == 1
    assert "briefs/sex-work-law: public deck: slide 'Full criminalisation': a paragraph does not fit" in err
