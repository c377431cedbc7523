"""The editor's door: only this preview's own forms change files, and only where editing is on."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest

from generator.edit import editing
from generator.preview.editor import Editing
from generator.preview.host_guard import HostGuard
from generator.preview.serve import PreviewState, ServeOptions, create_app
from generator.templates import Templates
from tests.edit.test_editing import as_sent
from tests.helpers import MINI, copy_pack

HOST = "127.0.0.1:8000"


def call(app: Any, method: str, path: str, headers: dict[str, str] | None = None,
         body: bytes = b"") -> tuple[int, dict[str, str], str]:
    """Send one request straight to the ASGI app; return (status, headers, body)."""
    path, _, query = path.partition("?")
    sent = {"host": HOST, **(headers or {})}
    scope = {"type": "http", "method": method, "path": path, "raw_path": path.encode(), "query_string": query.encode(),
             "headers": [(k.lower().encode(), v.encode()) for k, v in sent.items()], "http_version": "1.1",
             "scheme": "http", "server": ("127.0.0.1", 8000), "client": ("127.0.0.1", 5000), "root_path": ""}
    messages = [{"type": "http.request", "body": body, "more_body": False}]
    out: dict[str, Any] = {"body": b""}

    async def receive() -> dict[str, Any]:
        return messages.pop(0) if messages else {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            out["status"] = message["status"]
            out["headers"] = {k.decode(): v.decode() for k, v in message["headers"]}
        else:
            out["body"] += message.get("body", b"")

    asyncio.run(app(scope, receive, send))
    return out["status"], out["headers"], out["body"].decode()


@pytest.fixture
def project(tmp_path: Path) -> Path:
    copy_pack(MINI, tmp_path)
    return tmp_path


def app_for(project: Path, enabled: bool = True) -> tuple[Any, Editing]:
    options = ServeOptions(project / "briefs", Templates(()), project / "output", (), None)
    edits = Editing(enabled, "It is shared on the network (--host).")
    return HostGuard(create_app(options, PreviewState(), edits), frozenset({"127.0.0.1"}), 8000), edits


def title_form(project: Path, token: str, title: str) -> bytes:
    opened = editing.open_form(project / "briefs" / "mini", ("key_messages", 0))
    fields = [("token", token), ("path", "key_messages[1]")] + [(f"digest/{n}", d) for n, d in opened.digests.items()]
    shown = {**as_sent(opened), "f/title": [title]}
    return urlencode(fields + [(name, value) for name, values in shown.items() for value in values]).encode()


FORM = {"content-type": "application/x-www-form-urlencoded"}


def test_a_form_from_this_preview_saves_and_answers_with_where_to_see_it(project: Path) -> None:
    app, edits = app_for(project)
    status, headers, page = call(app, "GET", "/_briefpack/edit/mini/item?path=key_messages%5B1%5D")
    assert status == 200 and f'name="token" value="{edits.token}"' in page
    assert "script-src 'nonce-" in headers["content-security-policy"] and headers["cache-control"] == "no-store"
    status, headers, _ = call(app, "POST", "/_briefpack/edit/mini/item", {**FORM, "origin": f"http://{HOST}",
                              "sec-fetch-site": "same-origin"}, title_form(project, edits.token, "Rules vary"))
    assert status == 303 and headers["location"] == "/_briefpack/edit/mini/saved"
    assert "title: Rules vary\n" in (project / "briefs/mini/content.yaml").read_text("utf-8")
    status, _, page = call(app, "GET", "/_briefpack/edit/mini/saved")
    assert "+    title: Rules vary" in page and "Undo this save" in page


@pytest.mark.parametrize(("headers", "why"), [
    ({**FORM}, "token is not this preview's"),
    ({**FORM, "origin": "http://evil.example"}, "another site"),
    ({**FORM, "sec-fetch-site": "cross-site"}, "another site"),
    ({"content-type": "text/plain"}, "editor's own form"),
], ids=["no token", "other origin", "cross-site fetch", "not a form"])
def test_a_change_from_anywhere_else_is_refused_and_nothing_is_written(project: Path, headers: dict[str, str],
                                                                       why: str) -> None:
    app, edits = app_for(project)
    before = (project / "briefs/mini/content.yaml").read_text("utf-8")
    token = "" if why.startswith("token") else edits.token
    for path in ("/_briefpack/edit/mini/item", "/_briefpack/edit/mini/undo", "/_briefpack/edit/mini/list"):
        status, _, body = call(app, "POST", path, headers, title_form(project, token, "Owned"))
        assert status == 403 and why in body and "Nothing was saved" in body
    assert (project / "briefs/mini/content.yaml").read_text("utf-8") == before


def test_a_preview_shared_on_the_network_does_not_edit(project: Path) -> None:
    app, edits = app_for(project, enabled=False)
    for method, path in (("GET", "/_briefpack/edit/mini"), ("GET", "/_briefpack/edit/mini/item?path=models%5B1%5D"),
                         ("POST", "/_briefpack/edit/mini/item")):
        status, _, body = call(app, method, path, FORM, title_form(project, edits.token, "Owned"))
        assert status == 403 and "editing is off" in body and "--host" in body
    assert "Edit mini" not in call(app, "GET", "/")[2]


def test_only_the_packs_being_previewed_and_real_items_open(project: Path) -> None:
    app, _ = app_for(project)
    assert call(app, "GET", "/_briefpack/edit/other")[0] == 404
    assert call(app, "GET", "/_briefpack/edit/..%2F..%2Fetc")[0] == 404
    for bad in ("nothing", "models%5B9%5D", "..%2Fx", "key_messages%5B1%5D.title"):
        status, _, body = call(app, "GET", f"/_briefpack/edit/mini/item?path={bad}")
        assert status == 404 and "Cannot edit that" in body


def test_content_is_shown_as_text_in_every_editor_page(project: Path) -> None:
    app, edits = app_for(project)
    hostile = '</textarea><script>alert(1)</script>{{ 7*7 }}'
    status, _, _ = call(app, "POST", "/_briefpack/edit/mini/item", FORM, title_form(project, edits.token, hostile))
    assert status == 303
    for path in ("/_briefpack/edit/mini", "/_briefpack/edit/mini/item?path=key_messages%5B1%5D",
                 "/_briefpack/edit/mini/saved"):
        page = call(app, "GET", path)[2]
        assert "<script>alert" not in page and "&lt;/textarea&gt;&lt;script&gt;" in page and "49" not in page
