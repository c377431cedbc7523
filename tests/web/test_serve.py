"""`briefpack serve`: the preview in a real browser; reload on save, errors above the last good output."""

from __future__ import annotations

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

from generator.build.serve import safe_file
from tests.helpers import MINI, ROOT, copy_pack, edit
from tests.web.browser import axe_violations


def test_only_files_inside_the_output_folder_are_served(tmp_path: Path) -> None:
    out = tmp_path / "output"
    (out / "pack").mkdir(parents=True)
    (out / "pack" / "page.html").write_text("ok")
    (tmp_path / "secret.yaml").write_text("no")
    (out / "pack" / "link.yaml").symlink_to(tmp_path / "secret.yaml")
    assert safe_file(out, "pack/page.html") == (out / "pack" / "page.html").resolve()
    for bad in ("../secret.yaml", "pack/../../secret.yaml", "pack/link.yaml", "pack/.hidden", "/etc/passwd",
                "pack//page.html", "pack\\..\\..\\secret.yaml", "pack/missing.html"):
        assert safe_file(out, bad) is None, bad


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
        except OSError:
            pass
        time.sleep(0.2)
    raise AssertionError("timed out")


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[int, Path, subprocess.Popen[str]]]:
    pack = copy_pack(MINI, tmp_path)
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen([sys.executable, "-c", "from generator.cli import main; main()", "serve", "--port",
                                str(port)], cwd=tmp_path, env=env, text=True, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE)
    try:
        wait_for(lambda: status(port)["generation"] >= 1, 120)
        yield port, pack, process
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()


@pytest.mark.browser
@pytest.mark.slow
def test_the_preview_reloads_after_a_save_shows_a_broken_one_and_stops_cleanly(browser: Any, server: Any) -> None:
    port, pack, process = server
    code, index = get(port, "/")
    assert code == 200 and b"/mini/mini-public.html" in index and b"/_briefpack/slides/mini/public" in index
    assert get(port, "/../briefs/mini/pack.yaml")[0] == 404
    assert get(port, "/mini/%2e%2e/%2e%2e/briefs/mini/pack.yaml")[0] == 404
    assert get(port, "/mini/mini-public-deck.pptx")[0] == 200

    page = browser.new_page()
    page.goto(f"http://127.0.0.1:{port}/mini/mini-public.html")
    assert "Rules differ from town to town" in page.inner_text("main")
    assert axe_violations(page) == [], "the page as served (reload script added) still passes"
    slides = browser.new_page()
    slides.goto(f"http://127.0.0.1:{port}/_briefpack/slides/mini/public")
    assert slides.locator("figure.slide svg").count() > 10

    edit(pack / "content.yaml", "title: Rules differ from town to town", "title: Rules differ in every town")
    page.wait_for_function("document.querySelector('main').innerText.includes('Rules differ in every town')",
                           timeout=30000)  # no reload asked for: the page reloaded itself
    slides.wait_for_function("document.body.innerText.includes('Rules differ in every town')", timeout=30000)

    edit(pack / "content.yaml", "  - id: rules-differ\n", "  - id: rules-differ\n\tbroken: tab\n")
    page.wait_for_selector(".briefpack-errors", timeout=30000)
    shown = page.inner_text(".briefpack-errors")
    assert "briefs/mini/content.yaml:" in shown and "replace the tab with spaces" in shown
    assert "Rules differ in every town" in page.inner_text("main"), "the last good output stays below"
    slides.wait_for_selector(".briefpack-errors", timeout=30000)
    assert slides.locator("figure.slide svg").count() > 10, "the last good slides stay below the error"

    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=20)
    assert process.returncode == 130, err  # the shell's code for Ctrl-C, as `watch` and `build` exit
    assert "Traceback" not in err and err.rstrip().endswith("interrupted; earlier outputs are unchanged")
