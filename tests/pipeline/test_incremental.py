"""Incremental builds: what an edit rebuilds and why, skips, manifest recovery, retiring, parallel = serial."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.pipeline import build_pack
from generator.pipeline.manifest import NAME
from generator.templates import Templates
from tests.helpers import MINI, ROOT, TEMPLATES, file_count, own_templates

Change = Callable[[str, str, str], None]


@pytest.fixture
def templates(tmp_path: Path) -> Templates:
    """Return a project whose own templates/ overrides the short deck."""
    return own_templates(tmp_path / "templates", "deck-short.md.j2")


@pytest.fixture
def built(mini: Path, templates: Templates, tmp_path: Path) -> Path:
    """Return an output folder holding a fresh build of the ``mini`` copy."""
    build_pack(mini, templates, tmp_path / "output", jobs=2)
    return tmp_path / "output"


def snapshot(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((out / "mini").iterdir())}


def statuses(result) -> dict[str, tuple[bool, tuple[str, ...]]]:  # type: ignore[no-untyped-def]
    return {r.path.name.removeprefix("mini-"): (r.rebuilt, r.reasons) for r in result.files}


def test_a_second_build_rebuilds_nothing(mini: Path, built: Path, templates: Templates) -> None:
    before = snapshot(built)
    result = build_pack(mini, templates, built)
    assert not any(r.rebuilt for r in result.files) and len(result.files) == file_count(MINI)
    assert snapshot(built) == before


def test_an_edit_rebuilds_only_what_it_reaches_and_says_why(mini: Path, built: Path, templates: Templates,
                                                            change: Change) -> None:
    change("content.yaml", "  - term: Licence\n", "  - term: Licence (permit)\n")
    result = statuses(build_pack(mini, templates, built))
    reason = ("changed: briefs/mini/content.yaml",)
    assert result["public-handout-a4.pdf"] == (True, reason) and result["public-handout-letter.pdf"] == (True, reason)
    assert result["public.html"] == (True, reason) and result["experts-handout-a4.pdf"] == (True, reason)
    # Summaries and decks never show the glossary: composed, found equal, kept.
    assert result["experts-summary-a4.pdf"] == (False, ("same document",))
    assert result["public-deck.pptx"] == (False, ("same document",))


def test_a_template_edit_rebuilds_only_its_outputs(mini: Path, built: Path, templates: Templates) -> None:
    path = templates.folders[0] / "deck-short.md.j2"
    path.write_text(path.read_text().replace("{{ self.resources() }}\n", ""))
    result = statuses(build_pack(mini, templates, built))
    assert sorted(name for name, (flag, _) in result.items() if flag) == [
        "experts-deck.pptx", "experts-slides.pdf", "experts-speaker-notes.pdf"]
    assert result["experts-deck.pptx"][1][0].endswith("templates/deck-short.md.j2")


@pytest.mark.parametrize("damage", ["missing", "corrupt", "old", "malformed"])
def test_a_damaged_manifest_means_a_full_rebuild(mini: Path, built: Path, templates: Templates, damage: str) -> None:
    manifest = built / NAME
    data = json.loads(manifest.read_text())
    if damage == "missing":
        manifest.unlink()
    elif damage == "corrupt":
        manifest.write_text("{ not json")
    elif damage == "old":
        manifest.write_text(json.dumps({**data, "format": 1}))
    else:
        manifest.write_text(json.dumps({**data, "packs": {"x": {"pack_id": 3}}}))
    result = build_pack(mini, templates, built)
    assert all(r.rebuilt and r.reasons == ("not built before",) for r in result.files)


def test_force_and_deleted_or_edited_outputs(mini: Path, built: Path, templates: Templates) -> None:
    assert all(r.reasons == ("forced",) for r in build_pack(mini, templates, built, force=True).files)
    (built / "mini" / "mini-public-deck.pptx").unlink()
    (built / "mini" / "mini-public-summary-a4.pdf").write_bytes(b"edited by hand")
    result = statuses(build_pack(mini, templates, built))
    assert result["public-deck.pptx"] == (True, ("missing output: mini-public-deck.pptx",))
    assert result["public-summary-a4.pdf"] == (True, ("output edited since: mini-public-summary-a4.pdf",))
    assert result["public-handout-a4.pdf"][0] is False


def test_a_theme_option_rebuilds_everything_and_says_so(mini: Path, built: Path, templates: Templates) -> None:
    result = build_pack(mini, templates, built, "print-economy")
    assert all(r.rebuilt for r in result.files)
    assert result.files[0].reasons == ("settings changed: theme option or briefpack/library versions",)


def test_the_change_report_names_the_slides_whose_text_changed(mini: Path, built: Path, templates: Templates,
                                                              change: Change) -> None:
    change("content.yaml", "title: Keep licences cheap", "title: Keep licences cheap for all")
    result = build_pack(mini, templates, built)
    public = next(r for r in result.files if r.path.name == "mini-public-deck.pptx")
    assert public.changed and len(public.slides_changed) == 1  # the "What we ask" slide only
    handout = next(r for r in result.files if r.path.name == "mini-public-handout-a4.pdf")
    assert handout.changed and not handout.slides_changed


def test_a_no_op_build_imports_no_renderer(mini: Path, built: Path, templates: Templates) -> None:
    code = ("import sys; from generator.cli import main; "
            f"main(['build', '--templates', {str(templates.folders[0])!r}, '--out', {str(built)!r}, '-q'], "
            "standalone_mode=False); "
            "print(sorted(m for m in ('reportlab', 'pptx') if m in sys.modules))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=mini.parent.parent,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, check=False, timeout=120)
    assert proc.returncode == 0, proc.stderr
    summary, imported = proc.stdout.splitlines()
    assert summary.startswith(f"up to date: mini ({file_count(MINI)} files)")
    assert imported == "[]"


def test_parallel_build_matches_serial(mini: Path, tmp_path: Path) -> None:
    serial = build_pack(mini, TEMPLATES, tmp_path / "one", jobs=1)
    parallel = build_pack(mini, TEMPLATES, tmp_path / "two", jobs=2)
    assert {r.path.name: r.path.read_bytes() for r in serial.files} == \
        {r.path.name: r.path.read_bytes() for r in parallel.files}


def test_outputs_of_a_removed_variant_are_retired(mini: Path, built: Path, templates: Templates, change: Change) -> None:
    change("pack.yaml", "    - id: public\n      audience: public\n", "")
    build_pack(mini, templates, built)
    names = sorted(p.name for p in (built / "mini").iterdir())
    assert names and all(name.startswith(("mini-experts-", "mini-experts.")) for name in names)
