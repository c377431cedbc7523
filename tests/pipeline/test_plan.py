"""Planning: why a job is stale, and which files each output is made from."""

from __future__ import annotations

from pathlib import Path

from generator.errors import Problem
from generator.pipeline.manifest import FileEntry, JobEntry, Manifest, PackEntry
from generator.pipeline.plan import job_inputs, reasons_to_rebuild, template_closure
from generator.templates import Templates
from tests.helpers import TEMPLATES


def test_reasons_name_changed_removed_missing_and_edited_files(tmp_path: Path) -> None:
    (tmp_path / "out.pdf").write_bytes(b"edited")
    record = JobEntry({"/a": "1", "/gone": "2"}, {"out.pdf": FileEntry("0" * 64, 1, "pages"),
                                                 "lost.pdf": FileEntry("0", 1, "pages")})
    assert reasons_to_rebuild(record, {"/a": "9"}, tmp_path, False) == [
        "changed: /a", "removed: /gone", "output edited since: out.pdf", "missing output: lost.pdf"]
    assert reasons_to_rebuild(None, {}, tmp_path, False) == ["not built before"]
    assert reasons_to_rebuild(record, {}, tmp_path, True) == ["forced"]


def test_a_template_depends_on_what_it_extends_and_imports(tmp_path: Path) -> None:
    closure = {p.name for p in template_closure(TEMPLATES, "deck-short.md.j2")}
    assert closure == {"deck-short.md.j2", "deck.md.j2"}
    # A project's own template that extends a built-in one and imports a macro file of its own.
    (tmp_path / "parts.md.j2").write_text("{% macro lead() %}Read this first.{% endmacro %}")
    (tmp_path / "mine.md.j2").write_text('{% extends "handout.md.j2" %}{% import "parts.md.j2" as parts %}')
    own = {p.name for p in template_closure(Templates.with_builtins(tmp_path), "mine.md.j2")}
    assert own == {"mine.md.j2", "parts.md.j2", "handout.md.j2"}


def test_job_inputs_are_the_pack_the_template_closure_messages_and_theme(tmp_path: Path) -> None:
    pack_file = tmp_path / "pack.yaml"
    inputs = job_inputs([pack_file], TEMPLATES, ["summary.md.j2", None], TEMPLATES.theme_folder("default"))
    names = {p.name for p in inputs}
    assert {"pack.yaml", "summary.md.j2", "labels.yaml", "es.po", "theme.yaml"} <= names
    assert "deck.md.j2" not in names


def test_the_manifest_round_trips(tmp_path: Path) -> None:
    entry = PackEntry("p", {"/a": "1"}, {"theme": None}, {
        "-:deck": JobEntry({"/a": "1"}, {"p-deck.pptx": FileEntry("ab", 3, "slides", ["x", "y"])}, "d",
                           [Problem("f", 1, 2, "g", "m", "warning")])})
    Manifest({"/pack": entry}).save(tmp_path)
    assert Manifest.load(tmp_path).packs == {"/pack": entry}


def test_the_manifest_keeps_library_versions_as_inputs(tmp_path: Path) -> None:
    entry = PackEntry("p", {"/a": "1"}, {"theme": None}, {
        "-:deck": JobEntry({"/a": "1", "library:python-pptx": "1.0.2"}, {}, "d")})
    Manifest({"/pack": entry}).save(tmp_path)
    assert Manifest.load(tmp_path).packs["/pack"].jobs["-:deck"].inputs["library:python-pptx"] == "1.0.2"


def test_an_upgraded_library_rebuilds_what_it_draws_and_says_so(tmp_path: Path) -> None:
    record = JobEntry({"library:reportlab": "5.1.0"}, {}, "")
    assert reasons_to_rebuild(record, {"library:reportlab": "5.2.0"}, tmp_path, False) == [
        "changed: reportlab (library)"]
