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
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Any

from generator.build import preview
from generator.build.host_guard import NONCE_KEY, HostGuard, allowed_hosts
from generator.build.results import PackBuild, failure_lines
from generator.errors import BriefpackError
from generator.templates import Templates

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
    from generator.build.report import failure_lines as build_failure_lines
    from generator.build.watch import rebuild_on_change

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


def create_app(options: ServeOptions, state: PreviewState) -> Any:
    """Return the Starlette app of the preview."""
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import FileResponse, HTMLResponse, JSONResponse, Response, StreamingResponse
    from starlette.routing import Route

    out = options.out

    def editions() -> list[preview.EditionFiles]:
        found = []
        for folder in sorted(p for p in out.glob("*") if p.is_dir() and not p.name.startswith(".")):
            files = sorted(f.name for f in folder.iterdir() if f.is_file() and not f.name.startswith("."))
            for page in (f for f in files if f.endswith(".html")):
                stem = page.removesuffix(".html")
                variant = stem.removeprefix(folder.name + "-") if stem != folder.name else None
                prefix = f"{stem}-" if variant else f"{folder.name}-"
                found.append(preview.EditionFiles(folder.name, variant, tuple(
                    f for f in files if f.startswith(prefix) or f == page)))
        return found

    def nonce(request: Request) -> str:
        return str(request.scope.get("state", {}).get(NONCE_KEY, ""))

    def wrap(request: Request, title: str, body: str) -> HTMLResponse:
        return HTMLResponse(preview.page(title, body, state.errors, state.generation, nonce(request)))

    async def index(request: Request) -> Response:
        return wrap(request, "briefpack preview", preview.index(editions(), out.name))

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

    drawn: dict[tuple[str, str], str] = {}  # the last slides that could be drawn, shown under an error

    async def slides(request: Request) -> Response:
        pack, variant = request.path_params["pack"], request.path_params["variant"]
        try:
            laid, theme, title = await asyncio.to_thread(deck_of, options, pack, None if variant == "-" else variant)
            drawn[(pack, variant)] = f"<h1>{escape(title)}: slides</h1>{preview.slides(laid, theme)}"
        except (BriefpackError, LookupError) as exc:
            if (pack, variant) not in drawn:
                return wrap(request, f"{pack}: slides", f"<h1>{escape(pack)}: slides</h1><p>These slides cannot "
                                                        f"be drawn now: {escape(str(exc))}</p>")
        return wrap(request, f"{pack}: slides", drawn[(pack, variant)])

    async def handout(request: Request) -> Response:
        pack, variant = request.path_params["pack"], request.path_params["variant"]
        found = [e for e in editions() if e.pack == pack and (e.variant or "-") == variant]
        return wrap(request, f"{pack}: handout", f"<h1>{escape(pack)}: handout</h1>"
                    + preview.handout(pack, found[0].files if found else ()))

    async def output_file(request: Request) -> Response:
        path = safe_file(out, request.path_params["path"])
        if path is None:
            return HTMLResponse("<h1>Not found</h1><p>Only files in the output folder are served.</p>",
                                status_code=404)
        headers = {"Cache-Control": "no-store"}
        if path.suffix == ".html":
            html = preview.inject(path.read_text("utf-8"), state.errors, state.generation, nonce(request))
            return HTMLResponse(html, headers=headers)
        return FileResponse(path, media_type=MEDIA.get(path.suffix), headers=headers)

    return Starlette(routes=[
        Route("/", index),
        Route("/_briefpack/status", status),
        Route("/_briefpack/events", events),
        Route("/_briefpack/slides/{pack}/{variant}", slides),
        Route("/_briefpack/handout/{pack}/{variant}", handout),
        Route("/{path:path}", output_file),
    ])


def deck_of(options: ServeOptions, pack: str, variant: str | None) -> tuple[Any, Any, str]:
    """Return the laid-out slides of one edition from the content as it is now (or raise its error)."""
    from generator.build.formats import FORMATS
    from generator.editions.discover import find_packs
    from generator.editions.session import load_session
    from generator.layout.slides import layout_deck

    session = None
    for folder in find_packs(options.briefs, options.packs):
        try:
            candidate = load_session(folder, options.templates, options.theme)
        except BriefpackError:  # another pack's error must not hide this one's slides
            continue
        if candidate.pack_id == pack:
            session = candidate
            break
    editions = [e for e in session.editions if e.variant == variant] if session else []
    if session is None or not editions:
        raise LookupError(f"no pack '{pack}' with the edition '{variant or '-'}' builds now")
    edition = editions[0]
    fmt = FORMATS["deck"]
    deck = fmt.compose(edition, options.templates, fmt.template(edition)).document
    return layout_deck(deck, session.theme), session.theme, deck.meta.title  # type: ignore[arg-type]


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
          ready: Callable[[str], None], extra_hosts: tuple[str, ...] = ()) -> None:
    """Build, then serve the preview on ``host:port`` until Ctrl-C, rebuilding after every save.

    Only requests addressed to this server's names are answered (see ``host_guard``).
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

    app = HostGuard(create_app(options, state), allowed_hosts(host, extra_hosts), port)
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
