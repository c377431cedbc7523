"""The preview's editor: a form for every item of a pack, saved into its YAML, from the browser.

Routes under ``/_briefpack/edit/<pack folder>``: the pack's items (``/``), an
item's form (``/item?path=models[2]``, ``&new=1`` for a new entry of a list),
saving it (POST ``/item``), moving or removing an entry (POST ``/list``) and
undoing the last save (POST ``/undo``). The work is ``edit.editing``'s; this
module only speaks HTTP and keeps the door:

- editing is on only where the preview listens on this computer alone, or
  where ``--allow-edit`` says otherwise;
- every change is a POST carrying the server's secret token (a page on another
  site cannot read it: the host guard and the browser's same-origin rule stop
  it), with an ``Origin`` (and ``Sec-Fetch-Site``) of this server when sent;
- writes go only to the YAML files of the pack named in the address.
"""

from __future__ import annotations

import asyncio
import functools
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from generator.edit import editing, items
from generator.edit.saves import Saved, SaveRefused, last_save, undo_last
from generator.edit.yaml_edit import EditError
from generator.errors import BriefpackError, display_path

LIMIT = 4 * 1024 * 1024  # bytes a form may send: far more than any pack file


@dataclass
class Editing:
    """Whether this preview edits, why not when it does not, and the token its forms carry."""

    enabled: bool
    reason: str = ""
    token: str = field(default_factory=lambda: secrets.token_urlsafe(32))


@dataclass
class Editor:
    """The editor's routes for the packs under ``briefs`` (``packs``: only these)."""

    briefs: Path
    packs: tuple[str, ...]
    editing: Editing
    web_of: Callable[[str], str | None]  # the address of a pack folder's web edition, if it is built
    last: dict[str, tuple[tuple[Any, ...], Saved, str]] = field(default_factory=dict)  # pack → its last save here
    read: dict[str, str] = field(default_factory=dict)  # fingerprint → text a form read (what changed since)

    @property
    def project(self) -> Path:
        return self.briefs.resolve().parent

    def folder(self, pack: str) -> Path | None:
        from generator.editions.discover import find_packs

        return next((f for f in find_packs(self.briefs, self.packs) if f.name == pack), None)

    def routes(self) -> list[Any]:
        from starlette.routing import Route

        base = "/_briefpack/edit/{pack}"
        return [Route(base, self.overview), Route(base + "/item", self.item, methods=["GET", "POST"]),
                Route(base + "/list", self.change, methods=["POST"]), Route(base + "/undo", self.undo,
                                                                          methods=["POST"]),
                Route(base + "/saved", self.saved)]

    # -- pages ---------------------------------------------------------------

    async def overview(self, request: Any) -> Any:
        folder, refusal = self._open(request, None)
        if folder is None:
            return refusal
        lists, singles, pack = await asyncio.to_thread(editing.overview, folder)
        return self._page(request, folder, "overview", f"Edit {folder.name}", lists=lists, singles=singles,
                          last=last_save(self.project), digest_of=lambda path: pack.digest(str(path[0])))

    async def item(self, request: Any) -> Any:
        posted = await _form(request) if request.method == "POST" else None
        folder, refusal = self._open(request, posted)
        if folder is None:
            return refusal
        if posted is not None:
            values = posted
            path, new = _one(values, "path"), _one(values, "new") == "1"
        else:
            values, path, new = {}, request.query_params.get("path", ""), request.query_params.get("new") == "1"
        try:
            item = items.parse(path)
            if request.method == "GET":
                opened = await asyncio.to_thread(editing.open_form, folder, item, new)
            else:
                digests = {k.removeprefix("digest/"): v[0] for k, v in values.items() if k.startswith("digest/")}
                result = await asyncio.to_thread(editing.submit, folder, self.project, item, new, values, digests,
                                                 self.read)
                if isinstance(result, Saved):
                    target, name = await asyncio.to_thread(editing.describe, folder, item, new)
                    self.last[folder.name] = (target, result, f"{'Added' if new else 'Saved'} {name}")
                    return _redirect(f"/_briefpack/edit/{quote(folder.name)}/saved")
                opened = result
        except (ValueError, EditError, BriefpackError) as exc:
            return self._message(request, folder, "Cannot edit that", str(exc), refused=True, status=404)
        self.read.update(opened.read)
        while len(self.read) > 64:
            self.read.pop(next(iter(self.read)))
        return self._page(request, folder, "form", opened.form.legend, opened=opened,
                          lists=list(opened.form.sublists()), file=display_path(folder / opened.file),
                          back=self._back(folder, item, new),
                          digest_of=lambda _: opened.digests[opened.file],  # the item's lists are in its file
                          focus=bool(opened.changed or opened.problems or any(b.error for b in opened.form.inputs())),
                          status=200 if request.method == "GET" else 422)

    async def change(self, request: Any) -> Any:
        values = await _form(request)
        folder, refusal = self._open(request, values)
        if folder is None:
            return refusal
        try:
            item = items.parse(_one(values, "path"))
            _, name = await asyncio.to_thread(editing.describe, folder, item)
            saved = await asyncio.to_thread(editing.change_list, folder, self.project, item, _one(values, "action"),
                                            _one(values, "digest"))
        except SaveRefused as refused:
            lines = [f"{p.field}: {p.message}" for p in refused.problems]
            return self._message(request, folder, "Not changed", " ".join([str(refused), *lines]), refused=True,
                                 diff=refused.changed, status=409 if refused.changed else 422)
        except (ValueError, EditError) as exc:
            return self._message(request, folder, "Not changed", str(exc), refused=True, status=400)
        action = _one(values, "action")
        done = {"remove": "Removed", "up": "Moved up", "down": "Moved down"}.get(action, action)
        self.last[folder.name] = ((), saved, f"{done} {name}")
        return _redirect(f"/_briefpack/edit/{quote(folder.name)}/saved")

    async def undo(self, request: Any) -> Any:
        folder, refusal = self._open(request, await _form(request))
        if folder is None:
            return refusal
        try:
            undone = await asyncio.to_thread(undo_last, self.project)
        except SaveRefused as refused:
            return self._message(request, folder, "Nothing undone", str(refused), refused=True, diff=refused.changed,
                                 status=409)
        self.last.pop(folder.name, None)
        files = ", ".join(display_path(f) for f in undone.files)
        have = "has its text" if len(undone.files) == 1 else "have their text"
        return self._message(request, folder, "Undone", f"The last save was undone: {files} {have} from before it "
                             "again. The outputs rebuild now.", diff=undone.diff)

    async def saved(self, request: Any) -> Any:
        folder, refusal = self._open(request, None)
        if folder is None:
            return refusal
        if folder.name not in self.last:
            return _redirect(f"/_briefpack/edit/{quote(folder.name)}")
        item, saved, done = self.last[folder.name]
        files = ", ".join(display_path(f) for f in saved.files)
        again = f"/_briefpack/edit/{quote(folder.name)}/item?path={quote(items.write(item))}" if item else ""
        return self._page(request, folder, "saved", "Saved", message=f"{done} ({files}).", diff=saved.diff,
                          again=again)

    # -- helpers ---------------------------------------------------------------

    def _open(self, request: Any, form: dict[str, list[str]] | None) -> tuple[Path | None, Any]:
        """Return the pack folder a request edits, or None and the response that refuses it."""
        from starlette.responses import PlainTextResponse

        if not self.editing.enabled:
            return None, PlainTextResponse(f"403 Forbidden: editing is off on this preview. {self.editing.reason}",
                                           status_code=403)
        if form is not None:
            problem = refuse_post(request.headers, self.editing.token, form)
            if problem:
                return None, PlainTextResponse(f"403 Forbidden: {problem}. Nothing was saved.", status_code=403)
        folder = self.folder(request.path_params["pack"])
        if folder is None:
            return None, PlainTextResponse("404 Not Found: no such pack in this preview.", status_code=404)
        return folder, None

    def _back(self, folder: Path, item: tuple[Any, ...], new: bool) -> str:
        base = f"/_briefpack/edit/{quote(folder.name)}"
        if new or len(item) > 2:
            parent = item if new else item[:-1]
            holder = items.item_of(parent[:-1]) if len(parent) > 1 else ()
            return f"{base}/item?path={quote(items.write(holder))}" if holder else base
        return base

    def _page(self, request: Any, folder: Path, view: str, title: str, status: int = 200, **values: Any) -> Any:
        from starlette.responses import HTMLResponse

        from generator.preview.host_guard import NONCE_KEY

        shown = {"lists": [], "singles": [], "last": None, "focus": False, **values}
        html = _template().render(view=view, title=f"{title} — {folder.name}", pack=folder.name,
                                  base=f"/_briefpack/edit/{quote(folder.name)}", token=self.editing.token,
                                  web=self.web_of(folder.name), write=items.write,
                                  nonce=str(request.scope.get("state", {}).get(NONCE_KEY, "")), **shown)
        return HTMLResponse(html, status_code=status, headers={"Cache-Control": "no-store"})

    def _message(self, request: Any, folder: Path, title: str, message: str, refused: bool = False, diff: str = "",
                 status: int = 200) -> Any:
        return self._page(request, folder, "message", title, status=status, message=message, refused=refused,
                          diff=diff)


def refuse_post(headers: Any, token: str, form: dict[str, list[str]]) -> str:
    """Return why a change request is refused ('' when it is not): another site's, or without this server's token."""
    host = headers.get("host", "")
    origin, site = headers.get("origin"), headers.get("sec-fetch-site")
    if site is not None and site not in ("same-origin", "none"):
        return "the request came from another site"
    if origin not in (None, "null") and origin != f"http://{host}":
        return "the request came from another site (its Origin is not this preview)"
    if origin == "null" and site != "same-origin":  # the pages' no-referrer policy makes a form's Origin 'null'
        return "the request came from another site (it names no origin)"
    if headers.get("content-type", "").split(";")[0].strip() != "application/x-www-form-urlencoded":
        return "a change must be sent by the editor's own form"
    sent = (form.get("token") or [""])[0]
    if not secrets.compare_digest(sent.encode(), token.encode()):
        return "the form's token is not this preview's (reload the form and try again)"
    return ""


async def _form(request: Any) -> dict[str, list[str]]:
    """Return an urlencoded request body's fields (nothing from a body over ``LIMIT`` bytes)."""
    if int(request.headers.get("content-length") or 0) > LIMIT:
        return {}
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > LIMIT:
            return {}
    return parse_qs(body.decode("utf-8", errors="replace"), keep_blank_values=True)


def _one(values: dict[str, list[str]], key: str) -> str:
    return (values.get(key) or [""])[0]


def _redirect(url: str) -> Any:
    from starlette.responses import RedirectResponse

    return RedirectResponse(url, status_code=303)


@functools.cache
def _template() -> Any:
    """Return the editor's page template, read once."""
    env = Environment(loader=FileSystemLoader(Path(__file__).parent), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True)
    return env.get_template("editor.html.j2")
