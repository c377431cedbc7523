"""QR codes for resource URLs: vector drawings for PDF, PNG bytes for PPTX."""

from __future__ import annotations

import io
from functools import lru_cache

import segno

QUIET_ZONE = 4  # modules of white border the QR standard asks for


@lru_cache(maxsize=256)
def qr_matrix(url: str) -> tuple[tuple[bool, ...], ...]:
    """Return the dark/light modules encoding exactly ``url`` (error correction M)."""
    code = segno.make_qr(url, error="m", boost_error=False)
    return tuple(tuple(bool(m) for m in row) for row in code.matrix)


@lru_cache(maxsize=256)
def qr_runs(url: str) -> tuple[int, tuple[tuple[int, int, int], ...]]:
    """Return (modules per side incl. quiet zone, dark runs as (row, first column, length))."""
    matrix = qr_matrix(url)
    runs = []
    for r, row in enumerate(matrix):
        c = 0
        while c < len(row):  # merge horizontal runs of dark modules into one rectangle
            if row[c]:
                start = c
                while c < len(row) and row[c]:
                    c += 1
                runs.append((r + QUIET_ZONE, start + QUIET_ZONE, c - start))
            else:
                c += 1
    return len(matrix) + 2 * QUIET_ZONE, tuple(runs)


def qr_rects(url: str, size: float) -> list[tuple[float, float, float, float]]:
    """Return the dark rectangles (x, y from the top, width, height) of the QR code, ``size`` points square."""
    modules, runs = qr_runs(url)
    unit = size / modules
    return [(column * unit, row * unit, length * unit, unit) for row, column, length in runs]


@lru_cache(maxsize=64)
def qr_png(url: str, scale: int = 10) -> bytes:
    """Return PNG bytes of the QR code for ``url`` with its quiet zone."""
    buffer = io.BytesIO()
    segno.make_qr(url, error="m", boost_error=False).save(buffer, kind="png", scale=scale, border=QUIET_ZONE)
    return buffer.getvalue()
