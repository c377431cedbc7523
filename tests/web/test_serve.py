"""`briefpack serve`: the preview in a real browser; reload on save, errors above the last good output."""

from __future__ import annotations

import re
import signal
import socket
from pathlib import Path
from typing import Any

import pytest

from generator.preview.serve import safe_file
from tests.helpers import edit
from tests.web.browser import axe_violations
from tests.web.serving import get, wait_for


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


@pytest.mark.browser
@pytest.mark.slow
def test_the_preview_reloads_after_a_save_shows_a_broken_one_and_stops_cleanly(browser: Any, server: Any) -> None:
    port, pack, process = server
    code, index = get(port, "/")
    assert code == 200 and b"/mini/mini-public.html" in index and b"/_briefpack/output/deck/mini/public" in index
    assert get(port, "/../briefs/mini/pack.yaml")[0] == 404
    assert get(port, "/mini/%2e%2e/%2e%2e/briefs/mini/pack.yaml")[0] == 404
    assert get(port, "/mini/mini-public-deck.pptx")[0] == 200

    page = browser.new_page()  # the page as a reader gets it: its Content-Security-Policy enforced
    page.goto(f"http://127.0.0.1:{port}/mini/mini-public.html")
    assert "Rules differ from town to town" in page.inner_text("main")
    checker = browser.new_page(bypass_csp=True)  # axe-core is injected as a script, which the policy refuses
    checker.goto(f"http://127.0.0.1:{port}/mini/mini-public.html")
    assert axe_violations(checker) == [], "the page as served (reload script added) still passes"
    slides = browser.new_page()
    slides.goto(f"http://127.0.0.1:{port}/_briefpack/output/deck/mini/public")
    assert slides.locator("figure.slide svg").count() > 10

    edit(pack / "content.yaml", "title: Rules differ from town to town", "title: Rules differ in every town")
    # No reload asked for: the page reloads itself. (Polled from here: the page's policy forbids eval.)
    wait_for(lambda: "Rules differ in every town" in page.inner_text("main"), 30)
    wait_for(lambda: "Rules differ in every town" in slides.inner_text("body"), 30)

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


def raw(port: int, host: str | None, path: str = "/") -> tuple[int, dict[str, str], bytes]:
    """Send a GET over a plain socket with exactly the ``Host`` given (None: no Host at all, as HTTP/1.0)."""
    request = f"GET {path} HTTP/1.1\r\n" if host is not None else f"GET {path} HTTP/1.0\r\n"
    request += (f"Host: {host}\r\n" if host is not None else "") + "Connection: close\r\n\r\n"
    stream = path.endswith("events")  # never ends: read until the first event, or the refusal
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(request.encode("latin-1"))
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
            if stream and (b"data:" in data or data.startswith(b"HTTP/1.1 421")) and b"\r\n\r\n" in data:
                break
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:])}
    return int(lines[0].split()[1]), headers, body


@pytest.mark.slow
def test_requests_addressed_to_another_name_are_refused(server: Any) -> None:
    port, _, _ = server
    for host in (f"evil.example:{port}", "evil.example", f"127.0.0.1.evil.example:{port}", f"127.0.0.1:{port + 1}",
                 f"localhost:{port}@evil.example", None):
        for path in ("/", "/_briefpack/events", "/mini/mini-public.html", "/_briefpack/status"):
            code, headers, body = raw(port, host, path)
            assert code == 421, (host, path)
            assert b"data:" not in body and b"<html" not in body.lower()
            assert headers["x-content-type-options"] == "nosniff"


@pytest.mark.slow
def test_loopback_names_are_served_with_the_safety_headers(server: Any) -> None:
    port, _, _ = server
    for host in (f"127.0.0.1:{port}", f"localhost:{port}", f"[::1]:{port}", f"LOCALHOST:{port}"):
        code, headers, body = raw(port, host)
        assert code == 200, host
        assert headers["x-content-type-options"] == "nosniff" and headers["referrer-policy"] == "no-referrer"
        policy = headers["content-security-policy"]
        assert "default-src 'none'" in policy and "frame-ancestors 'self'" in policy
        nonce = re.search(r"'nonce-([^']+)'", policy)
        assert nonce and f'<script nonce="{nonce.group(1)}">'.encode() in body, "the reload script is allowed"
        assert body.count(b"<script") == 1, "no other script could run"
    code, headers, body = raw(port, f"127.0.0.1:{port}", "/mini/mini-public.html")
    nonce = re.search(r"'nonce-([^']+)'", headers["content-security-policy"])
    assert code == 200 and nonce and f'<script nonce="{nonce.group(1)}">'.encode() in body
    code, headers, _ = raw(port, f"127.0.0.1:{port}", "/mini/mini-public-handout-a4.pdf")
    assert code == 200 and headers["content-type"] == "application/pdf"
    assert headers["content-security-policy"] == "frame-ancestors 'self'"
    assert headers["x-content-type-options"] == "nosniff"
    code, headers, body = raw(port, f"127.0.0.1:{port}", "/_briefpack/events")
    assert code == 200 and b"data:" in body and headers["x-content-type-options"] == "nosniff"


def test_host_headers_are_read_as_browsers_send_them() -> None:
    from generator.preview.host_guard import allowed_hosts, split_host

    assert split_host("localhost:8000") == ("localhost", 8000)
    assert split_host("[::1]:8000") == ("::1", 8000)
    assert split_host("Example.org") == ("example.org", None)
    assert split_host("::1") == ("::1", None)
    hosts = allowed_hosts("127.0.0.1", ("preview.lan",))
    assert {"127.0.0.1", "localhost", "::1", "preview.lan"} <= hosts and "evil.example" not in hosts
    assert "0.0.0.0" in allowed_hosts("0.0.0.0") and "localhost" in allowed_hosts("0.0.0.0")
