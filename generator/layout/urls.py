"""Short, readable forms of URLs for printing beside a QR code or link."""

from __future__ import annotations

from urllib.parse import urlsplit


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
