"""Never stuck: the worker processes of `build`, `watch` and `serve` end with the process that started them.

Each test starts the command in its own process group, waits until its
workers are running, kills the main process with SIGKILL (as the OOM killer
or a closed terminal would) and asserts that within 5 s no process of that
group is left. SIGTERM and SIGHUP stop `watch` and `serve` as Ctrl-C does.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.helpers import DEFAULT_PACK, MINI, ROOT, copy_pack

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads processes from /proc")


def alive_in_group(group: int) -> list[int]:
    """Return the processes of process group ``group`` that are still running (zombies excluded)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()  # after "pid (name) ": state, ppid, pgrp, …
        if int(fields[2]) == group and fields[0] != "Z":
            found.append(int(entry.name))
    return found


def wait_until(condition: Callable[[], bool], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return condition()


def start(args: list[str], cwd: Path) -> subprocess.Popen[str]:
    """Start ``briefpack ARGS`` in a new process group (its id is the main process's id)."""
    return subprocess.Popen([sys.executable, "-m", "generator", *args], cwd=cwd, text=True, start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})


@pytest.fixture
def group() -> Iterator[list[subprocess.Popen[str]]]:
    """Collect started processes; whatever happens, kill their whole groups afterwards."""
    started: list[subprocess.Popen[str]] = []
    yield started
    for process in started:
        for pid in alive_in_group(process.pid):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.communicate(timeout=10)


def kill_main_and_expect_no_one_left(process: subprocess.Popen[str]) -> None:
    assert wait_until(lambda: len(alive_in_group(process.pid)) >= 2, 60), "the workers started"
    os.kill(process.pid, signal.SIGKILL)
    process.communicate(timeout=10)  # reap the main process
    assert wait_until(lambda: not alive_in_group(process.pid), 5), f"left running: {alive_in_group(process.pid)}"


@pytest.mark.slow
def test_a_killed_build_leaves_no_worker(tmp_path: Path, group: list[subprocess.Popen[str]]) -> None:
    shutil.copytree(DEFAULT_PACK, tmp_path / "briefs" / DEFAULT_PACK.name)
    process = start(["build", "--jobs", "2"], tmp_path)
    group.append(process)
    kill_main_and_expect_no_one_left(process)


@pytest.mark.slow
@pytest.mark.parametrize("command", [["watch"], ["serve", "--port", "0"]])
def test_a_killed_watch_or_serve_leaves_no_worker(command: list[str], tmp_path: Path,
                                                   group: list[subprocess.Popen[str]]) -> None:
    copy_pack(MINI, tmp_path)
    process = start(command, tmp_path)
    group.append(process)
    assert wait_until((tmp_path / "output" / "mini" / "mini-public-deck.pptx").exists, 120), "the first build ran"
    kill_main_and_expect_no_one_left(process)


@pytest.mark.slow
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
@pytest.mark.parametrize("command", [["watch"], ["serve", "--port", "0"]])
def test_sigterm_and_sighup_stop_watch_and_serve_like_ctrl_c(command: list[str], sig: int, tmp_path: Path,
                                                             group: list[subprocess.Popen[str]]) -> None:
    copy_pack(MINI, tmp_path)
    process = start(command, tmp_path)
    group.append(process)
    assert wait_until((tmp_path / "output" / "mini" / "mini-public-deck.pptx").exists, 120), "the first build ran"
    assert wait_until(lambda: len(alive_in_group(process.pid)) >= 2, 30), "the workers started"
    process.send_signal(sig)
    _, err = process.communicate(timeout=30)
    assert process.returncode == 130, err
    assert "Traceback" not in err and err.rstrip().endswith("interrupted; earlier outputs are unchanged")
    assert wait_until(lambda: not alive_in_group(process.pid), 5), f"left running: {alive_in_group(process.pid)}"
