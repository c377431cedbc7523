"""Break styled runs into lines that fit a width, measured with real font metrics."""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.inline import Run
from generator.layout.metrics import face

_PIECES = re.compile(r"\S+|\s+")


@dataclass(frozen=True)
class Line:
    """One laid-out line: the runs on it and its measured width."""

    runs: tuple[Run, ...]
    width: float


def run_width(run: Run, size: float) -> float:
    return face(run.bold, run.italic).width(run.text, size)


def _split_long(run: Run, size: float, width: float) -> list[Run]:
    """Split one unbreakable word into pieces no wider than ``width``."""
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
    return Run(text, run.bold, run.italic, run.url, run.cite, run.status)


def wrap(runs: tuple[Run, ...], size: float, width: float) -> list[Line]:
    """Return the lines of ``runs`` at ``size`` points within ``width`` points."""
    # Break runs into words and spaces that keep their style.
    tokens: list[Run] = []
    for run in runs:
        for piece in _PIECES.findall(run.text):
            tokens.append(_with(run, piece))
    lines: list[Line] = []
    current: list[Run] = []
    used = 0.0
    for token in tokens:
        is_space = token.text.isspace()
        w = run_width(token, size)
        if is_space:
            if current:
                current.append(token)
                used += w
            continue
        if used + w > width and current:
            while current and current[-1].text.isspace():
                used -= run_width(current.pop(), size)
            lines.append(Line(tuple(current), used))
            current, used = [], 0.0
        if w > width:
            parts = _split_long(token, size, width)
            for part in parts[:-1]:
                lines.append(Line((part,), run_width(part, size)))
            token = parts[-1]
            w = run_width(token, size)
        current.append(token)
        used += w
    while current and current[-1].text.isspace():
        used -= run_width(current.pop(), size)
    if current or not lines:
        lines.append(Line(tuple(current), used))
    return lines
