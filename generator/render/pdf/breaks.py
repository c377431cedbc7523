"""Where reportlab may break a word too long for its line: a web address only at its natural joints.

reportlab splits a word wider than the line at whatever character reaches the
edge ("https://www.amnesty.org/en/lat" / "est/news"). A reader copying an
address from paper needs the break where it cannot be mistaken for part of it:
after a "/", or before ".", "-", "_", "?", "&" or "=" (Chicago style). These
wrappers redo reportlab's split of a web address with that rule; any other
long word is split as reportlab splits it.

This replaces two reportlab functions (``_splitWord``, ``_splitFragWord``);
``tests/render/test_pdf_handout.py`` fails loudly if an upgrade moves them.
"""

from __future__ import annotations

from typing import Any

import reportlab.platypus.paragraph as rl_paragraph
from reportlab.pdfbase.pdfmetrics import stringWidth

from generator.layout.urls import address_lines, break_points, is_address

_split_word = rl_paragraph._splitWord
_split_frag_word = rl_paragraph._splitFragWord


def _split_word_at_joints(w: Any, lineWidth: float, maxWidths: list[float], lineno: int,  # noqa: N803
                          fontName: str, fontSize: float, encoding: str = "utf8") -> list[Any]:  # noqa: N803
    text = w.decode(encoding) if isinstance(w, bytes) else str(w)
    if not is_address(text):
        return list(_split_word(w, lineWidth, maxWidths, lineno, fontName, fontSize, encoding))
    last = len(maxWidths) - 1
    widths = [stringWidth(c, fontName, fontSize, encoding) for c in text]
    later = [maxWidths[min(last, lineno + 1 + i)] for i in range(len(text))]
    lines = address_lines(widths, maxWidths[min(last, lineno)] - lineWidth, later, break_points(text))
    pieces = [rl_paragraph._SplitWord(text[a:b]) for a, b in lines[:-1]]
    return [*pieces, rl_paragraph._SplitWordEnd(text[lines[-1][0]:lines[-1][1]])]


def _split_frag_word_at_joints(w: Any, maxWidth: float, maxWidths: list[float], lineno: int) -> list[Any]:  # noqa: N803
    chars = list(rl_paragraph._fragWordIter(w))
    text = "".join(c for _, _, c in chars)
    if not is_address(text):
        return list(_split_frag_word(w, maxWidth, maxWidths, lineno))
    last = len(maxWidths) - 1
    later = [maxWidths[min(last, lineno + 1 + i)] for i in range(len(text))]
    lines = address_lines([cw for _, cw, _ in chars], maxWidth, later, break_points(text))
    out = []
    for index, (start, end) in enumerate(lines):
        groups: list[tuple[Any, str]] = []
        width = 0.0
        for frag, cw, c in chars[start:end]:
            width += cw
            if groups and groups[-1][0] is frag:
                groups[-1] = (frag, groups[-1][1] + c)
            else:
                groups.append((frag, c))
        pieces = []
        for frag, piece in groups:
            clone = frag.clone()
            if hasattr(clone, "text"):
                clone.text = piece
            pieces.append((clone, piece))
        if index < len(lines) - 1:
            out.append(rl_paragraph._SplitFrag([width, *pieces]))
        else:
            kind = rl_paragraph._SplitFragHS if isinstance(w, rl_paragraph._HSFrag) else rl_paragraph._SplitFragH
            out.append(kind([width, *pieces]))
    return out


rl_paragraph._splitWord = _split_word_at_joints
rl_paragraph._splitFragWord = _split_frag_word_at_joints
