"""Short, readable forms of URLs for printing beside a QR code or link."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

_ADDRESS = re.compile(r"^(https?://|www\.)|^[\w-]+(\.[\w-]+)+/")
BREAK_BEFORE = ".-_?&="


def short_url(url: str, limit: int | None = None) -> str:
    """Return ``url`` without its scheme, 'www.' and trailing slash; cut to ``limit`` characters with '…'."""
    parts = urlsplit(url)
    host = parts.netloc.removeprefix("www.")
    rest = url.split(parts.netloc, 1)[1] if parts.netloc else url
    short = (host + rest).rstrip("/")
    if limit and len(short) > limit:
        short = short[: limit - 1] + "…"
    return short


def host(url: str) -> str:
    """Return the site name of ``url``, e.g. 'amnesty.org'."""
    return urlsplit(url).netloc.removeprefix("www.")


def is_address(text: str) -> bool:
    """Return whether ``text`` is a web address (breaks only at its joints when too long for a line)."""
    return bool(_ADDRESS.search(text))


_LEAD = re.compile(r"^([a-z][a-z0-9+.-]*://)?(www\.)?", re.I)


def break_points(text: str) -> set[int]:
    """Return where an address may break: after '/', or before '.', '-', '_', '?', '&' or '=' (Chicago style).

    Never inside its scheme and 'www.' ("h|ttps", "https:/|/", "www|.example"):
    the first joint is after "https://".
    """
    lead = _LEAD.match(text)
    scheme, www = (lead.end(1) if lead and lead.group(1) else 0), (lead.end() if lead else 0)
    return {i for i in range(max(1, scheme), len(text))
            if (text[i - 1] == "/" or text[i] in BREAK_BEFORE) and not scheme < i < www}


def address_lines(widths: list[float], first: float, later: list[float], points: set[int]) -> list[tuple[int, int]]:
    """Return (start, end) character ranges of the lines an address fills, breaking only at ``points``.

    ``widths`` are the characters' widths, ``first`` the room on the first line,
    ``later`` the room on each following line (the last repeats). When no joint
    fits in the room left on the first line, the first line gets nothing (0, 0)
    and the address starts on the next; a stretch with no joint that does not
    fit even a whole line breaks at the edge.
    """
    lines = []
    start, room, line = 0, first, 0
    while start < len(widths):
        used, end = 0.0, start
        while end < len(widths) and used + widths[end] <= room:
            used += widths[end]
            end += 1
        if end == len(widths):
            lines.append((start, end))
            break
        joint = max((p for p in points if start < p <= end), default=None)
        if joint is None and start == 0 and line == 0 and later and room < later[0]:
            lines.append((0, 0))  # the rest of a line already begun is too short: start the address afresh
            room = later[0]
            line += 1
            continue
        cut = max(joint or end, start + 1)
        lines.append((start, cut))
        start = cut
        room = later[min(line, len(later) - 1)]
        line += 1
    return lines
