"""`briefpack serve`: a live preview of the outputs, rebuilt on save, pages reloading by themselves.

The rebuilding is ``watch``'s (the same incremental engine, in a thread); the
serving is a small Starlette app run by uvicorn. It serves the output folder
and nothing outside it, the preview pages of ``preview`` and a stream of
build generations that tells open pages to reload. While the last save has an
error, every page shows it above the last good output.
"""

from __future__ import annotations

import asyncio
import signal
import socket
import threading
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator.errors import BriefpackError
from generator.pipeline.results import PackBuild, failure_lines
from generator.preview import pages
from generator.preview.editor import Editing, Editor
from generator.preview.host_guard import LOOPBACK, NONCE_KEY, HostGuard, allowed_hosts
from generator.templates import Templates

if TYPE_CHECKING:
    from generator.editions.session import Session

MEDIA = {".html": "text/html; charset=utf-8", ".pdf": "application/pdf", ".svg": "image/svg+xml",
         ".png": "image/png", ".json": "application/json",
         ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation"}


@dataclass
class PreviewState:
    """What the rebuild thread tells the server: a generation per finished build, and the errors of the last."""

    generation: int = 0
    errors: list[str] = field(default_factory=list)
    stopping: bool = False
    lock: threading.Lock = field(default_factory=threading.Lock)

    def finished(self, errors: list[str]) -> None:
        with self.lock:
            self.errors = errors
            self.generation += 1


@dataclass(frozen=True)
class ServeOptions:
    """What `briefpack serve` was asked for."""

    briefs: Path
    templates: Templates
    out: Path
    packs: tuple[str, ...]
    theme: str | None


def safe_file(out: Path, relative: str) -> Path | None:
    """Return the file at ``relative`` under ``out``, or None when it is missing or outside ``out``.

    Each part is checked before the path is resolved, and the resolved path
    must still be inside the output folder (no '..', no symlink out of it).
    """
    parts = relative.replace("\\", "/").split("/")
    if any(part in ("", ".", "..") or part.startswith(".") for part in parts):
        return None
    root = out.resolve()
    path = root.joinpath(*parts).resolve()
    if root not in path.parents or not path.is_file():
        return None
    return path


Built = Callable[[list[PackBuild], float], None]
Failed = Callable[[BriefpackError], None]


def rebuild_thread(options: ServeOptions, state: PreviewState, built: Built, failed: Failed) -> threading.Thread:
    """Return the thread that builds once, then after every save: ``state`` learns each outcome, then the CLI."""
    from generator.pipeline.report import failure_lines as build_failure_lines
    from generator.pipeline.watch import rebuild_on_change

    def on_built(builds: list[PackBuild], seconds: float) -> None:
        state.finished(build_failure_lines(builds))
        built(builds, seconds)

    def on_failed(error: BriefpackError) -> None:
        state.finished(list(failure_lines(error)))
        failed(error)

    def run() -> None:
        rebuild_on_change(options.briefs, options.templates, options.out, options.packs, options.theme, on_built,
                          on_failed, stop=lambda: state.stopping)

    return threading.Thread(target=run, name="briefpack-rebuild", daemon=True)


def sessions(options: ServeOptions) -> Iterator[tuple[Path, Session | None]]:
    """Yield each previewed pack's folder and its session as the content is now (None: it does not load)."""
    from generator.editions.discover import find_packs
    from generator.editions.session import load_sessions

    return load_sessions(find_packs(options.briefs, options.packs), options.templates, options.theme)


def editions(options: ServeOptions) -> list[pages.EditionLinks]:
    """Return every edition the preview lists: for each output, what its registry entry says to show.

    A pack whose content does not load now is left out here; its error is in
    the banner above every page.
    """
    from generator.outputs import OUTPUTS

    found = []
    for _, session in sessions(options):
        if session is None:
            continue
        target = options.out / session.pack_id
        for edition in session.editions:
            variant = edition.variant or "-"
            links: list[tuple[str, str]] = []
            files: list[str] = []
            for output in OUTPUTS.values():
                names = [edition.filename(session.pack_id, a) for a in output.artifact_names(session.theme, edition)]
                built = [name for name in names if (target / name).is_file()]
                files += built
                if output.preview is None or not built:
                    continue
                if output.preview.show == "file":
                    links.append((output.preview.label, f"/{session.pack_id}/{built[0]}"))
                else:
                    links.append((output.preview.label,
                                  f"/_briefpack/output/{output.name}/{session.pack_id}/{variant}"))
            found.append(pages.EditionLinks(session.pack_id, edition.variant, tuple(links), tuple(files)))
    return found


def pack_folders(options: ServeOptions) -> dict[str, str]:
    """Return each pack's folder name by its id: the editor's addresses name the folder."""
    return {session.pack_id if session else folder.name: folder.name for folder, session in sessions(options)}


def output_page(options: ServeOptions, name: str, pack: str, variant: str | None) -> tuple[str, str]:
    """Return (title, body) of one output's preview page, from the content as it is now (or raise its error)."""
    from generator.outputs import OUTPUTS

    output = OUTPUTS.get(name)
    if output is None or output.preview is None:
        raise LookupError(f"no output '{name}' to preview")
    for _, session in sessions(options):  # another pack's error must not hide this one's outputs
        if session is None or session.pack_id != pack:
            continue
        edition = next((e for e in session.editions if e.variant == variant), None)
        if edition is None:
            break
        title = f"{pack}: {output.preview.label}"
        if output.preview.page is not None:
            return title, output.preview.page(session, edition, options.templates)
        names = [edition.filename(pack, a) for a in output.artifact_names(session.theme, edition)]
        built = [n for n in names if (options.out / pack / n).is_file()]
        return title, f"<h1>{escape(title)}</h1>" + pages.files(pack, built)
    raise LookupError(f"no pack '{pack}' with the edition '{variant or '-'}' builds now")


def web_edition(options: ServeOptions, folder_name: str) -> str | None:
    """Return the address of the web edition of the pack in ``folder_name`` (its first, own-language), if built."""
    for folder, session in sessions(options):
        if folder.name != folder_name or session is None:
            continue
        for edition in session.editions:
            name = edition.filename(session.pack_id, ".html")
            if not edition.language and (options.out / session.pack_id / name).is_file():
                return f"/{session.pack_id}/{name}"
    return None


def create_app(options: ServeOptions, state: PreviewState, editing: Editing | None = None) -> Any:
    """Return the Starlette app of the preview (``editing``: whether, and with which token, it edits)."""
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import FileResponse, HTMLResponse, JSONResponse, Response, StreamingResponse
    from starlette.routing import Route

    out = options.out
    editing = editing or Editing(False, "Start it with `briefpack serve` on this computer to edit.")
    editor = Editor(options.briefs, options.packs, editing, lambda name: web_edition(options, name))
    linked: dict[str, tuple[int, str]] = {}  # web edition → (generation, the page with edit links)

    def nonce(request: Request) -> str:
        return str(request.scope.get("state", {}).get(NONCE_KEY, ""))

    def wrap(request: Request, title: str, body: str) -> HTMLResponse:
        return HTMLResponse(pages.page(title, body, state.errors, state.generation, nonce(request)))

    async def index(request: Request) -> Response:
        listed = await asyncio.to_thread(editions, options)
        folders = await asyncio.to_thread(pack_folders, options) if editing.enabled else {}
        return wrap(request, "briefpack preview", pages.index(listed, out.name, folders))

    async def status(request: Request) -> Response:
        return JSONResponse({"generation": state.generation, "errors": state.errors})

    async def events(request: Request) -> Response:
        async def stream() -> AsyncIterator[str]:
            last = -1
            while not state.stopping and not await request.is_disconnected():
                if state.generation != last:
                    last = state.generation
                    yield f"data: {last}\n\n"
                await asyncio.sleep(0.2)

        return StreamingResponse(stream(), media_type="text/event-stream", headers={"Cache-Control": "no-store"})

    drawn: dict[tuple[str, str, str], tuple[str, str]] = {}  # the last page that could be drawn, shown under an error

    async def preview_page(request: Request) -> Response:
        name, pack, variant = (request.path_params[k] for k in ("name", "pack", "variant"))
        key = (name, pack, variant)
        try:
            drawn[key] = await asyncio.to_thread(output_page, options, name, pack, None if variant == "-" else variant)
        except (BriefpackError, LookupError) as exc:
            if key not in drawn:
                return wrap(request, f"{pack}: {name}", f"<h1>{escape(pack)}: {escape(name)}</h1><p>This cannot be "
                                                        f"shown now: {escape(str(exc))}</p>")
        return wrap(request, *drawn[key])

    async def output_file(request: Request) -> Response:
        path = safe_file(out, request.path_params["path"])
        if path is None:
            return HTMLResponse("<h1>Not found</h1><p>Only files in the output folder are served.</p>",
                                status_code=404)
        headers = {"Cache-Control": "no-store"}
        if path.suffix == ".html":
            html = path.read_text("utf-8")
            if editing.enabled:
                html = await asyncio.to_thread(with_edit_links, request.path_params["path"], html)
            html = pages.inject(html, state.errors, state.generation, nonce(request))
            return HTMLResponse(html, headers=headers)
        return FileResponse(path, media_type=MEDIA.get(path.suffix), headers=headers)

    def with_edit_links(relative: str, html: str) -> str:
        """Return the web edition at ``relative`` with its edit links (drawn once per build), or ``html``."""
        from generator.preview.edit_links import edition_page

        generation = state.generation
        if relative not in linked or linked[relative][0] != generation:
            try:
                page = edition_page(options.briefs, options.templates, options.theme, options.packs, relative)
            except BriefpackError:
                page = None
            linked[relative] = (generation, page or html)
        return linked[relative][1]

    return Starlette(routes=[
        Route("/", index),
        *editor.routes(),
        Route("/_briefpack/status", status),
        Route("/_briefpack/events", events),
        Route("/_briefpack/output/{name}/{pack}/{variant}", preview_page),
        Route("/{path:path}", output_file),
    ])


def listen(host: str, port: int) -> socket.socket:
    """Return a socket listening on ``host:port`` (port 0: one the system picks), so its real port is known."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        raise BriefpackError(f"cannot listen on {host}:{port} ({exc.strerror or exc})") from None
    sock.listen(128)
    return sock


def url_of(host: str, port: int) -> str:
    """Return the address a browser opens: a wildcard or IPv6 host written as a browser needs it."""
    shown = "127.0.0.1" if host in ("0.0.0.0", "") else ("[::1]" if host == "::" else host)
    if ":" in shown and not shown.startswith("["):
        shown = f"[{shown}]"
    return f"http://{shown}:{port}/"


def serve(options: ServeOptions, host: str, port: int, built: Built, failed: Failed,
          ready: Callable[[str], None], extra_hosts: tuple[str, ...] = (), allow_edit: bool = False) -> None:
    """Build, then serve the preview on ``host:port`` until Ctrl-C, rebuilding after every save.

    Only requests addressed to this server's names are answered (see ``host_guard``).
    Editing is on when the preview listens on this computer alone, or ``allow_edit``.
    """
    import uvicorn

    sock = listen(host, port)
    port = sock.getsockname()[1]
    state = PreviewState()
    thread = rebuild_thread(options, state, built, failed)
    thread.start()
    class Server(uvicorn.Server):
        def handle_exit(self, sig: int, frame: Any) -> None:
            state.stopping = True  # end the reload streams first, so shutting down waits for nothing
            super().handle_exit(sig, frame)

    editing = Editing(host in LOOPBACK or allow_edit, "It is shared on the network (--host); start it with "
                      "--allow-edit to edit from other computers too.")
    app = HostGuard(create_app(options, state, editing), allowed_hosts(host, extra_hosts), port)
    config = uvicorn.Config(app, log_level="warning", timeout_graceful_shutdown=3, lifespan="off")
    server = Server(config)
    hung_up = _on_hangup(lambda: server.handle_exit(signal.SIGINT, None))
    ready(url_of(host, port))
    try:
        server.run(sockets=[sock])
    finally:
        state.stopping = True
        thread.join(timeout=5)
    if hung_up():  # a closed terminal stops the preview as Ctrl-C does, and says so the same way
        raise KeyboardInterrupt


def _on_hangup(stop: Callable[[], None]) -> Callable[[], bool]:
    """Make SIGHUP (a closed terminal) stop the server gracefully; return whether it came.

    uvicorn itself handles SIGINT and SIGTERM; it leaves SIGHUP alone.
    """
    came = threading.Event()
    if hasattr(signal, "SIGHUP") and threading.current_thread() is threading.main_thread():
        def hang_up(signum: int, frame: Any) -> None:
            came.set()
            stop()

        signal.signal(signal.SIGHUP, hang_up)
    return came.is_set
