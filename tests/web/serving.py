"""A `briefpack serve` process on a copy of the mini pack, for the preview's and the editor's browser tests."""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import MINI, ROOT, copy_pack
from tests.web.browser import PlaywrightError


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def get(port: int, path: str) -> tuple[int, bytes]:
    """Send ``path`` exactly as written (no client-side '..' clean-up) and return (status, body)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.putrequest("GET", path, skip_accept_encoding=True)
    connection.endheaders()
    response = connection.getresponse()
    return response.status, response.read()


def status(port: int) -> dict[str, Any]:
    return json.loads(get(port, "/_briefpack/status")[1])


def wait_for(condition: Any, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if condition():
                return
        except (OSError, PlaywrightError):  # a page mid-reload has no document to read for a moment
            pass
        time.sleep(0.2)
    raise AssertionError("timed out")


@contextlib.contextmanager
def serving(project: Path) -> Iterator[tuple[int, subprocess.Popen[str]]]:
    """Run `briefpack serve` in ``project`` until the block ends (killed with its workers however it ends)."""
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen([sys.executable, "-c", "from generator.cli import main; main()", "serve", "--port",
                                str(port)], cwd=project, env=env, text=True, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, start_new_session=True)
    try:
        wait_for(lambda: status(port)["generation"] >= 1, 120)
        yield port, process
    finally:
        if process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)  # the server and its workers
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.communicate(timeout=20)


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[int, Path, subprocess.Popen[str]]]:
    pack = copy_pack(MINI, tmp_path)
    with serving(tmp_path) as (port, process):
        yield port, pack, process
