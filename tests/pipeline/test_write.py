"""Writing is all or nothing: a failure or Ctrl-C while writing leaves every earlier output as it was."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from filelock import FileLock

from generator.errors import BuildError
from generator.pipeline import build_pack
from generator.pipeline.write import write_all
from tests.helpers import TEMPLATES, edit


@pytest.fixture
def built(mini: Path, tmp_path: Path) -> Path:
    build_pack(mini, TEMPLATES, tmp_path / "output")
    edit(mini / "content.yaml", "title: Licences cost money", "title: Licences cost a lot")
    return tmp_path / "output"


def snapshot(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((out / "mini").iterdir())}


def test_a_full_disk_while_writing_leaves_earlier_outputs_untouched(mini: Path, built: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    before = snapshot(built)
    real_fsync, calls = os.fsync, {"n": 0}

    def full_disk(fd: int) -> None:
        calls["n"] += 1
        if calls["n"] == 5:
            raise OSError(errno.ENOSPC, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(BuildError) as info:
        build_pack(mini, TEMPLATES, built)
    assert "No space left on device" in str(info.value) and "earlier outputs are unchanged" in str(info.value)
    assert snapshot(built) == before
    assert not [p for p in (built / "mini").iterdir() if p.name.endswith(".tmp")]


def test_an_interrupted_write_leaves_earlier_outputs_untouched(mini: Path, built: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    before = snapshot(built)

    def interrupt(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupt)
    with pytest.raises(KeyboardInterrupt):
        build_pack(mini, TEMPLATES, built)
    assert snapshot(built) == before


def test_the_lock_stops_a_second_build(mini: Path, built: Path) -> None:
    with FileLock(str(built / ".briefpack.lock")), pytest.raises(BuildError) as info:
        build_pack(mini, TEMPLATES, built, force=True)
    assert "another briefpack build is writing here" in str(info.value)


def test_an_unwritable_output_folder_is_a_clear_error(mini: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "blocked"
    blocker.mkdir()
    (blocker / "mini").write_text("a file where the pack's folder should be")
    with pytest.raises(BuildError, match="cannot write the output folder"):
        build_pack(mini, TEMPLATES, blocker)
    assert (blocker / "mini").read_text() == "a file where the pack's folder should be"


def test_write_all_replaces_files_atomically(tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    target.write_text("old")
    write_all([(target, b"new"), (tmp_path / "sub" / "b.txt", b"b")])
    assert target.read_bytes() == b"new" and (tmp_path / "sub" / "b.txt").read_bytes() == b"b"
    assert oct(target.stat().st_mode & 0o777) == "0o644"
