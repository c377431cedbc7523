"""A save is checked before it is written, never overwrites a change made meanwhile, and can be undone."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.edit.saves import HISTORY, SaveRefused, save, undo_last
from generator.edit.yaml_edit import EditableFile
from tests.helpers import DEFAULT_PACK, copy_pack


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    return copy_pack(DEFAULT_PACK, tmp_path)


def edited(pack: Path, name: str, path: tuple, value: object) -> tuple[str, str]:
    """Return (new text, digest of the text read) for ``value`` set at ``path`` of ``name``."""
    editable = EditableFile.parse((pack / name).read_text("utf-8"))
    editable.set(path, value)
    return editable.dump(), editable.read_digest


def test_a_save_writes_only_the_edited_lines_and_keeps_the_old_text_in_the_history(pack: Path,
                                                                                   tmp_path: Path) -> None:
    text, read = edited(pack, "key-messages.yaml", ("key_messages", 0, "title"), "Sex work is work")
    saved = save(pack, Path("key-messages.yaml"), text, read, tmp_path)
    assert (pack / "key-messages.yaml").read_text("utf-8") == text
    assert [line for line in saved.diff.splitlines() if line[:1] in "+-" and line[:3] not in ("+++", "---")] == [
        "-    title: Sex workers' rights are human rights", "+    title: Sex work is work"]
    assert saved.entry.parent == tmp_path / HISTORY and (tmp_path / ".briefpack" / ".gitignore").read_text() == "*\n"


def test_a_broken_value_is_refused_at_its_field_and_nothing_is_written(pack: Path, tmp_path: Path) -> None:
    before = (pack / "key-messages.yaml").read_bytes()
    text, read = edited(pack, "key-messages.yaml", ("key_messages", 0, "sources"), ["no-such-source"])
    with pytest.raises(SaveRefused) as info:
        save(pack, Path("key-messages.yaml"), text, read, tmp_path)
    [problem] = info.value.problems
    where = str(problem).split(": unknown")[0]
    assert re.search(r"briefs/sex-work-law/key-messages\.yaml:\d+:\d+: key_messages\[1\]\.sources\[1\]$", where)
    assert "no-such-source" in problem.message
    assert (pack / "key-messages.yaml").read_bytes() == before and not (tmp_path / HISTORY).exists()


def test_a_file_changed_on_disk_after_the_form_read_it_is_not_overwritten(pack: Path, tmp_path: Path) -> None:
    text, read = edited(pack, "key-messages.yaml", ("key_messages", 0, "title"), "Mine")
    other = (pack / "key-messages.yaml").read_text("utf-8").replace("Legalisation is not decriminalisation",
                                                                    "Theirs")
    (pack / "key-messages.yaml").write_text(other, "utf-8")
    with pytest.raises(SaveRefused, match="changed on disk") as info:
        save(pack, Path("key-messages.yaml"), text, read, tmp_path)
    assert "Theirs" in info.value.changed  # the form shows what changed
    assert (pack / "key-messages.yaml").read_text("utf-8") == other  # their edit is not lost


def test_undo_puts_back_the_text_the_last_save_replaced_and_never_loses_a_later_change(pack: Path,
                                                                                        tmp_path: Path) -> None:
    original = (pack / "recommendations.yaml").read_bytes()
    text, read = edited(pack, "recommendations.yaml", ("recommendations", 0, "title"), "Decriminalise")
    save(pack, Path("recommendations.yaml"), text, read, tmp_path)
    undo_last(tmp_path)
    assert (pack / "recommendations.yaml").read_bytes() == original
    with pytest.raises(SaveRefused, match="no save to undo"):
        undo_last(tmp_path)
    text, read = edited(pack, "recommendations.yaml", ("recommendations", 0, "title"), "Decriminalise")
    save(pack, Path("recommendations.yaml"), text, read, tmp_path)
    (pack / "recommendations.yaml").write_text(text + "# a later edit\n", "utf-8")
    with pytest.raises(SaveRefused, match="changed after that save"):
        undo_last(tmp_path)
    assert (pack / "recommendations.yaml").read_text("utf-8").endswith("# a later edit\n")


@pytest.mark.parametrize("name", ["../sex-work-law/../../etc-passwd.yaml", "translations/es.po", "missing.yaml"])
def test_only_the_packs_own_yaml_files_are_written(pack: Path, tmp_path: Path, name: str) -> None:
    with pytest.raises(SaveRefused, match="is not a file of the pack"):
        save(pack, Path(name), "pack: {}\n", "0" * 64, tmp_path)
