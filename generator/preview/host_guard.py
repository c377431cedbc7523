"""Refuse requests that were not addressed to this preview, and tell browsers what pages may do.

A page on another site can reach ``http://127.0.0.1:8000`` through DNS
rebinding: its own name is made to resolve to 127.0.0.1, and the browser then
sends the request with that name in ``Host``. Checking ``Host`` against the
names this server was started on shuts that door (421 Misdirected Request),
for every route, the reload stream included. Every response also carries
``nosniff``, ``no-referrer`` and, for pages, a Content-Security-Policy that
allows only what the preview's pages use: their own inline styles, images
and fonts as data, one script (the reloader, by nonce), requests back to
this server, and the handout's PDF in a frame.
"""

from __future__ import annotations

import contextlib
import secrets
import socket
from collections.abc import Awaitable, Callable, Iterable, MutableMapping
from dataclasses import dataclass
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
App = Callable[[Scope, Receive, Send], Awaitable[None]]

LOOPBACK = ("127.0.0.1", "localhost", "::1")
WILDCARDS = ("0.0.0.0", "::", "")
NONCE_KEY = "briefpack.nonce"  # where a request's script nonce waits for the page that needs it


def page_policy(nonce: str) -> str:
    """Return the Content-Security-Policy of an HTML page whose one script carries ``nonce``."""
    return ("default-src 'none'; "
            f"script-src 'nonce-{nonce}'; "
            "style-src 'unsafe-inline'; "  # the pages' own <style> and SVG presentation attributes
            "img-src 'self' data:; font-src data:; "
            "connect-src 'self'; frame-src 'self'; "
            "frame-ancestors 'self'; base-uri 'none'; form-action 'self'")


# Files (the PDFs the handout page frames, the deck): only where they may be framed. A stricter policy
# stops Chromium's PDF viewer from showing the handout.
FILE_POLICY = "frame-ancestors 'self'"


def allowed_hosts(host: str, extra: Iterable[str] = ()) -> frozenset[str]:
    """Return the host names requests may be addressed to: the loopback names, ``host`` and ``extra``.

    A wildcard address (0.0.0.0, ::) shares the preview with the network; it
    is then reached by this machine's name or one of its addresses, which
    are allowed too.
    """
    names = {*LOOPBACK, host.strip("[]").lower(), *(name.lower() for name in extra)}
    if host in WILDCARDS:
        machine = socket.gethostname()
        names.add(machine.lower())
        with contextlib.suppress(OSError):
            names.update(str(info[4][0]) for info in socket.getaddrinfo(machine, None))
    names.discard("")
    return frozenset(names)


def split_host(header: str) -> tuple[str, int | None]:
    """Return the name and port of a ``Host`` header: 'localhost:8000', '[::1]:8000', 'example.org'."""
    header = header.strip().lower()
    if header.startswith("["):
        name, _, rest = header[1:].partition("]")
        port = rest.removeprefix(":")
    else:
        name, _, port = header.rpartition(":") if header.count(":") == 1 else (header, "", "")
    return name, int(port) if port.isdigit() else None


@dataclass
class HostGuard:
    """ASGI middleware: answer only requests addressed to ``hosts`` on ``port``; add the safety headers."""

    app: App
    hosts: frozenset[str]
    port: int

    def allows(self, header: str | None) -> bool:
        if not header:
            return False
        name, port = split_host(header)
        return name in self.hosts and (port or 80) == self.port

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        host = headers.get(b"host", b"").decode("latin-1")
        if not self.allows(host):
            await _refuse(send)
            return
        nonce = secrets.token_urlsafe(16)
        scope.setdefault("state", {})[NONCE_KEY] = nonce

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                raw = list(message.get("headers") or [])
                html = any(k.lower() == b"content-type" and v.startswith(b"text/html") for k, v in raw)
                raw += [(b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"no-referrer"),
                        (b"content-security-policy", (page_policy(nonce) if html else FILE_POLICY).encode())]
                message["headers"] = raw
            await send(message)

        await self.app(scope, receive, with_headers)


async def _refuse(send: Send) -> None:
    body = (b"421 Misdirected Request: this preview answers only requests addressed to the name it was started "
            b"on (a page on another site cannot read it).\n")
    await send({"type": "http.response.start", "status": 421,
                "headers": [(b"content-type", b"text/plain; charset=utf-8"),
                            (b"content-length", str(len(body)).encode()),
                            (b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"no-referrer")]})
    await send({"type": "http.response.body", "body": body})
