"""Break styled runs into lines that fit a width, measured with real font metrics."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from generator.document import Run
from generator.fonts.metrics import face
from generator.layout.urls import address_lines, break_points, is_address

# Words and the spaces between them; a no-break space (U+00A0, U+202F: "« Bonjour »", "10 %") is part of a word.
_PIECES = re.compile(r"(?:[^\s]|[\u00a0\u202f])+|[^\S\u00a0\u202f]+")


@dataclass(frozen=True)
class Line:
    """One laid-out line: the runs on it and its measured width."""

    runs: tuple[Run, ...]
    width: float


def run_width(run: Run, size: float) -> float:
    return face(run.bold, run.italic).width(run.text, size)


def _split_long(run: Run, size: float, width: float) -> list[Run]:
    """Split one unbreakable word into pieces no wider than ``width`` (a web address only at its joints)."""
    if is_address(run.text):
        metrics = face(run.bold, run.italic)
        widths = [metrics.width(char, size) for char in run.text]
        lines = address_lines(widths, width, [width], break_points(run.text))
        return [_with(run, run.text[a:b]) for a, b in lines]
    pieces: list[Run] = []
    current = ""
    metrics = face(run.bold, run.italic)
    for char in run.text:
        if current and metrics.width(current + char, size) > width:
            pieces.append(_with(run, current))
            current = char
        else:
            current += char
    if current:
        pieces.append(_with(run, current))
    return pieces


def _with(run: Run, text: str) -> Run:
    return replace(run, text=text)


@lru_cache(maxsize=4096)
def _words(runs: tuple[Run, ...]) -> tuple[tuple[Run, ...], ...]:
    """Split runs into words (styled pieces with no space between them) and spaces.

    Cached: layout wraps the same paragraph at every size it tries.
    """
    words: list[list[Run]] = []
    for run in runs:
        # A citation marker such as "[4, 5]" never breaks, even at its inner space.
        pieces = [run.text] if run.cite else _PIECES.findall(run.text)
        for piece in pieces:
            token = _with(run, piece)
            glued = words and not piece.isspace() and not words[-1][-1].text.isspace()
            if glued:
                words[-1].append(token)  # e.g. a citation marker right after its word
            else:
                words.append([token])
    return tuple(tuple(word) for word in words)


def longest_word(runs: tuple[Run, ...], size: float) -> float:
    """Return the width of the widest unbreakable word in ``runs``."""
    widths = [sum(run_width(piece, size) for piece in word) for word in _words(runs) if not word[0].text.isspace()]
    return max(widths, default=0.0)


def wrap(runs: tuple[Run, ...], size: float, width: float) -> list[Line]:
    """Return the lines of ``runs`` at ``size`` points within ``width`` points.

    Lines break only at spaces; a word wider than the line is split by characters.
    """
    lines: list[Line] = []
    current: list[Run] = []
    used = 0.0

    def finish() -> None:
        nonlocal current, used
        while current and current[-1].text.isspace():
            used -= run_width(current.pop(), size)
        lines.append(Line(tuple(current), used))
        current, used = [], 0.0

    for word in _words(runs):
        w = sum(run_width(piece, size) for piece in word)
        if word[0].text.isspace():
            if current:
                current.extend(word)
                used += w
            continue
        if used + w > width and current:
            finish()
        if w > width:
            for piece in word:
                for part in _split_long(piece, size, width) if run_width(piece, size) > width else [piece]:
                    pw = run_width(part, size)
                    if used + pw > width and current:
                        finish()
                    current.append(part)
                    used += pw
            continue
        current.extend(word)
        used += w
    if current or not lines:
        finish()
    return lines
