"""Incremental builds: skips, reasons, manifest recovery, atomic writes, the lock, change reports, watch."""

from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from filelock import FileLock

from generator.build import build_pack
from generator.build.manifest import NAME
from generator.errors import BuildError
from tests.conftest import ROOT, TEMPLATES

Edit = Callable[[str, str, str], None]


@pytest.fixture
def built(pack_copy: Path, tmp_path: Path) -> Path:
    """Return an output folder holding a fresh build of the pack copy (with copied templates)."""
    shutil.copytree(TEMPLATES, tmp_path / "templates")
    build_pack(pack_copy, tmp_path / "templates", tmp_path / "output", jobs=2)
    return tmp_path / "output"


def snapshot(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((out / "sex-work-law").iterdir())}


def statuses(result) -> dict[str, tuple[bool, tuple[str, ...]]]:
    return {r.path.name.removeprefix("sex-work-law-"): (r.rebuilt, r.reasons) for r in result.files}


def test_second_build_rebuilds_nothing(pack_copy: Path, built: Path, tmp_path: Path) -> None:
    before = snapshot(built)
    result = build_pack(pack_copy, tmp_path / "templates", built)
    assert not any(r.rebuilt for r in result.files)
    assert len(result.files) == 14
    assert snapshot(built) == before


def test_an_edit_rebuilds_only_what_it_reaches_and_says_why(pack_copy: Path, built: Path, tmp_path: Path,
                                                            edit: Edit) -> None:
    edit("glossary.yaml", "  - term: Sex worker\n", "  - term: Sex worker (person)\n")
    result = statuses(build_pack(pack_copy, tmp_path / "templates", built))
    reason = ("changed: briefs/sex-work-law/glossary.yaml",)
    assert result["public-handout-a4.pdf"] == (True, reason)
    assert result["public-handout-letter.pdf"] == (True, reason)
    # The policymakers' handout has no glossary and the decks never show it: composed, found equal, kept.
    assert result["policymakers-handout-a4.pdf"] == (False, ("same document",))
    assert result["public-deck.pptx"] == (False, ("same document",))


def test_a_template_edit_rebuilds_only_its_outputs(pack_copy: Path, built: Path, tmp_path: Path) -> None:
    path = tmp_path / "templates" / "deck-short.md.j2"
    path.write_text(path.read_text().replace("{{ self.resources() }}\n", ""))
    result = statuses(build_pack(pack_copy, tmp_path / "templates", built))
    rebuilt = sorted(name for name, (flag, _) in result.items() if flag)
    assert rebuilt == ["policymakers-deck.pptx", "policymakers-slides.pdf", "policymakers-speaker-notes.pdf"]
    assert result["policymakers-deck.pptx"][1][0].endswith("templates/deck-short.md.j2")


@pytest.mark.parametrize("damage", ["missing", "corrupt", "old"])
def test_a_missing_corrupt_or_old_manifest_means_a_full_rebuild(pack_copy: Path, built: Path, tmp_path: Path,
                                                               damage: str) -> None:
    manifest = built / NAME
    if damage == "missing":
        manifest.unlink()
    elif damage == "corrupt":
        manifest.write_text("{ not json")
    else:
        data = json.loads(manifest.read_text())
        data["format"] = 0
        manifest.write_text(json.dumps(data))
    result = build_pack(pack_copy, tmp_path / "templates", built)
    assert all(r.rebuilt and r.reasons == ("not built before",) for r in result.files)


def test_force_and_deleted_outputs(pack_copy: Path, built: Path, tmp_path: Path) -> None:
    assert all(r.reasons == ("forced",) for r in build_pack(pack_copy, tmp_path / "templates", built, force=True).files)
    (built / "sex-work-law" / "sex-work-law-public-deck.pptx").unlink()
    result = statuses(build_pack(pack_copy, tmp_path / "templates", built))
    assert result["public-deck.pptx"] == (True, ("missing output: sex-work-law-public-deck.pptx",))
    assert result["public-handout-a4.pdf"][0] is False


def test_change_report_names_the_slides_whose_text_changed(pack_copy: Path, built: Path, tmp_path: Path,
                                                          edit: Edit) -> None:
    edit("recommendations.yaml", "title: Offer real choices", "title: Offer real and lasting choices")
    result = build_pack(pack_copy, tmp_path / "templates", built)
    decks = {r.path.name: r for r in result.files if r.path.name.endswith("deck.pptx")}
    public = decks["sex-work-law-public-deck.pptx"]
    assert public.changed
    assert len(public.slides_changed) == 1  # the "What we ask" slide only
    handout = next(r for r in result.files if r.path.name == "sex-work-law-public-handout-a4.pdf")
    assert handout.changed and not handout.slides_changed


def test_no_op_build_imports_no_renderer(pack_copy: Path, built: Path, tmp_path: Path) -> None:
    code = ("import sys; from generator.cli import main; "
            f"main(['build', '--briefs', 'briefs', '--templates', {str(tmp_path / 'templates')!r}, "
            f"'--out', {str(built)!r}, '-q'], standalone_mode=False); "
            "print(sorted(m for m in ('reportlab', 'pptx') if m in sys.modules))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=pack_copy.parent.parent,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines() == [proc.stdout.splitlines()[0], "[]"]
    assert proc.stdout.startswith("up to date: sex-work-law (14 files)")


def test_a_failure_while_writing_leaves_earlier_outputs_untouched(pack_copy: Path, built: Path, tmp_path: Path,
                                                                 edit: Edit, monkeypatch: pytest.MonkeyPatch) -> None:
    before = snapshot(built)
    edit("key-messages.yaml", "title: Legalisation is not decriminalisation", "title: Legalisation differs")
    real_fsync = os.fsync
    calls = {"n": 0}

    def full_disk(fd: int) -> None:
        calls["n"] += 1
        if calls["n"] == 5:
            raise OSError(errno.ENOSPC, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(BuildError) as info:
        build_pack(pack_copy, tmp_path / "templates", built)
    assert "No space left on device" in str(info.value) and "earlier outputs are unchanged" in str(info.value)
    assert snapshot(built) == before
    assert not [p for p in (built / "sex-work-law").iterdir() if p.name.endswith(".tmp")]


def test_an_interrupted_write_leaves_earlier_outputs_untouched(pack_copy: Path, built: Path, tmp_path: Path,
                                                              edit: Edit, monkeypatch: pytest.MonkeyPatch) -> None:
    before = snapshot(built)
    edit("key-messages.yaml", "title: Legalisation is not decriminalisation", "title: Legalisation differs")

    def interrupt(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupt)
    with pytest.raises(KeyboardInterrupt):
        build_pack(pack_copy, tmp_path / "templates", built)
    assert snapshot(built) == before


def test_the_lock_stops_a_second_build(pack_copy: Path, built: Path, tmp_path: Path) -> None:
    with FileLock(str(built / ".briefpack.lock")), pytest.raises(BuildError) as info:
        build_pack(pack_copy, tmp_path / "templates", built, force=True)
    assert "another briefpack build is writing here" in str(info.value)


def test_parallel_build_matches_serial(pack_copy: Path, tmp_path: Path) -> None:
    serial = build_pack(pack_copy, TEMPLATES, tmp_path / "one", jobs=1)
    parallel = build_pack(pack_copy, TEMPLATES, tmp_path / "two", jobs=2)
    for a, b in zip(sorted(serial.files, key=lambda r: r.path.name), sorted(parallel.files, key=lambda r: r.path.name), strict=False):
        assert a.path.read_bytes() == b.path.read_bytes(), a.path.name


def test_watch_rebuilds_on_save(pack_copy: Path, tmp_path: Path) -> None:
    shutil.copytree(TEMPLATES, tmp_path / "templates")
    proc = subprocess.Popen([sys.executable, "-m", "generator", "watch"], cwd=tmp_path, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        deck = tmp_path / "output" / "sex-work-law" / "sex-work-law-public-deck.pptx"
        deadline = time.time() + 60
        while not deck.exists() and time.time() < deadline:
            time.sleep(0.2)
        assert deck.exists(), "the first build happened"
        time.sleep(0.5)
        first = deck.read_bytes()
        path = pack_copy / "key-messages.yaml"
        path.write_text(path.read_text().replace("Sex workers' rights are human rights", "Rights for all sex workers"))
        deadline = time.time() + 60
        while deck.read_bytes() == first and time.time() < deadline:
            time.sleep(0.2)
        assert deck.read_bytes() != first, "watch rebuilt the deck after the save"
        path.write_text(path.read_text().replace("key_messages:", "key_messages: [", 1))  # break it
        time.sleep(1.5)
        assert deck.exists()
    finally:
        proc.terminate()
        output = proc.communicate(timeout=10)[0]
    assert "watching briefs/ and templates/" in output
    assert "changed: output/sex-work-law/sex-work-law-public-deck.pptx (slide" in output
    assert "previous outputs kept" in output


def test_outputs_of_a_removed_variant_are_retired(pack_copy: Path, built: Path, tmp_path: Path, edit: Edit) -> None:
    edit("pack.yaml", "    - id: public\n      audience: public\n", "")
    edit("lived-experience.yaml", "    audiences: [public]\n", "")
    build_pack(pack_copy, tmp_path / "templates", built)
    names = sorted(p.name for p in (built / "sex-work-law").iterdir())
    assert names and all(name.startswith("sex-work-law-policymakers-") for name in names)
