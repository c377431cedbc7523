"""Every reportlab internal briefpack relies on, in one place, checked where it is installed.

reportlab has no API for tagged PDF, for where a long web address may break,
or for drawing a page's furniture after the page is laid out. briefpack does
these through a handful of reportlab internals: private canvas attributes read
through the accessors below, and five paragraph functions replaced process-wide
(``install``). A reportlab upgrade that renames one fails at import here, by
name; one that keeps a replaced function but stops calling it is caught by
``verify``, which draws a tiny tagged document and checks that every hook was
reached (the PDF renderers call it once per process).

Besides these, briefpack's flowables implement three of reportlab's own
protocols: ``_ZEROSIZE`` and ``_SPACETRANSFER`` (tag markers take no room and
pass the space around them on) and ``_restrictSize`` (a slide picture keeps its
size beside the speaker notes); the tests that read tagged PDFs back fail if
reportlab stops honouring them.

The pin in pyproject.toml (``reportlab<5.2``) names this module.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

import reportlab.platypus.paragraph as rl_paragraph
from reportlab.pdfbase.pdfmetrics import stringWidth

from generator.errors import BuildError
from generator.layout.urls import address_lines, break_points, is_address

BULLET_HOOK = "_briefpack_bullet"  # canvas attribute: (before, after) callbacks around a list bullet
SOFT_BREAKS = "_briefpack_soft_breaks"  # canvas attribute: ids of the lines being drawn that end inside a word
LINK_HOOK = "_briefpack_links"  # canvas attribute: what tags a paragraph's links as they are drawn (see ``tagged``)
# Words in another language ride on reportlab's links: '<a href="briefpack-lang:es">' starts and ends where they
# do, so they are tagged as a Span with that Lang (``links``), and no annotation is ever made for them.
LANG_SCHEME = "briefpack-lang:"
LINE_PAINTERS = ("_leftDrawParaLine", "_centerDrawParaLine", "_rightDrawParaLine", "_justifyDrawParaLine")
REPLACED = ("_drawBullet", *LINE_PAINTERS, "_putFragLine", "_splitWord", "_splitFragWord", "_doLink")
USED = ("_SplitWord", "_SplitWordEnd", "_SplitFrag", "_SplitFragH", "_SplitFragHS", "_HSFrag", "_fragWordIter")

reached: dict[str, int] = {}  # hook → times called, for ``verify``


def _count(name: str) -> None:
    reached[name] = reached.get(name, 0) + 1


# -- canvas and frame internals, read only here ----------------------------------------------------------

def page_code(canvas: Any) -> list[str]:
    """Return the current page's content operators: tagging wraps them, the contents page inserts into them."""
    code: list[str] = canvas._code
    return code


def text_code(tx: Any) -> list[str]:
    """Return a text object's operators so far (a link's marked content is inserted among them)."""
    code: list[str] = tx._code
    return code


def text_canvas(tx: Any) -> Any:
    """Return the canvas a text object draws on."""
    return tx._canvas


def annotation_count(canvas: Any) -> int:
    """Return how many annotations (links) the current page has so far."""
    return len(canvas._annotationrefs)


def text_cursor(canvas: Any) -> tuple[float, float]:
    """Return where the text being drawn has reached (inside a paragraph's onDraw callback)."""
    info = canvas._curr_tx_info
    return float(info["cur_x"]), float(info["cur_y"])


def current_matrix(canvas: Any) -> tuple[float, float, float, float, float, float]:
    """Return the canvas's current transformation matrix."""
    a, b, c, d, e, f = canvas._currentMatrix
    return float(a), float(b), float(c), float(d), float(e), float(f)


def page_height(canvas: Any) -> float:
    """Return the height of the page the canvas draws."""
    return float(canvas._pagesize[1])


def frame_top(frame: Any) -> float:
    """Return how far down a frame has been filled (its current y, from the page bottom)."""
    return float(frame._y)


def frame_of(flowable: Any) -> Any:
    """Return the frame a flowable is being laid out in (set by reportlab while it wraps), or None."""
    return getattr(flowable, "_frame", None)


def frame_height(frame: Any) -> float:
    """Return a frame's whole height (a page's body), however much of it is filled."""
    return float(frame._height)


def group_parts(keep_together: Any) -> list[Any]:
    """Return the flowables a KeepTogether holds, and the height they wrapped to (its ``wrap`` measures them)."""
    return list(keep_together._content)


def group_height(keep_together: Any) -> float:
    """Return the height a KeepTogether's flowables took in its last wrap."""
    return float(keep_together._H)


def table_rows(table: Any) -> int:
    """Return how many rows a reportlab Table (or one part of a split table) holds, header rows included."""
    return len(table._cellvalues)


def table_row_heights(table: Any) -> list[float]:
    """Return a wrapped Table's row heights, in order."""
    return [float(h) for h in table._rowHeights]


def shrink_scale(keep_in_frame: Any) -> float:
    """Return how much a KeepInFrame in shrink mode divided its content's size by in its last wrap (1: not at all)."""
    return float(getattr(keep_in_frame, "_scale", 1.0))


def reset_shrink_scale(keep_in_frame: Any) -> None:
    """Forget a KeepInFrame's last scale: it sets one only when it shrinks, and keeps it across wraps."""
    keep_in_frame._scale = 1.0


def keep_page(canvas: Any) -> dict[str, Any]:
    """Return the canvas's state for the page just drawn, to replay it when the page count is known."""
    state = dict(canvas.__dict__)
    canvas._doc.pageCounter += 1  # bookmarks on later pages must name the pages that come before them
    canvas._startPage()
    return state


def replay_pages(canvas: Any) -> None:
    """Rewind the document's page counter before the kept pages are replayed."""
    canvas._doc.pageCounter = 1


def restore_page(canvas: Any, state: dict[str, Any]) -> None:
    """Make a kept page the canvas's current page again."""
    canvas.__dict__.update(state)


# -- paragraph functions replaced process-wide -------------------------------------------------------------

_original: dict[str, Any] = {}


def _tagged_bullet(canvas: Any, offset: Any, cur_y: Any, bullet_text: Any, style: Any, rtl: Any) -> Any:
    """Draw a list bullet as reportlab does, marked as the list item's Lbl when tagging (see ``tagged``)."""
    _count("_drawBullet")
    hook = getattr(canvas, BULLET_HOOK, None)
    if hook:
        hook[0]()
    result = _original["_drawBullet"](canvas, offset, cur_y, bullet_text, style, rtl)
    if hook:
        hook[1]()
        setattr(canvas, BULLET_HOOK, None)
    return result


def _spaced(name: str) -> Callable[..., Any]:
    """Wrap one of reportlab's simple line painters so that a wrapped line ends with its space.

    reportlab drops the space where it wraps a line; a reader of the structure
    tree (a screen reader, ``pdfinfo -struct-text``) then gets "humanrights"
    from "human / rights". The space is drawn after the line's last word,
    where it is invisible whatever the alignment.
    """

    def draw(tx: Any, offset: float, extraspace: float, words: list[str], last: int = 0) -> Any:
        _count(name)
        if not last and words and id(words) not in getattr(tx._canvas, SOFT_BREAKS, ()):
            words = [*words[:-1], words[-1] + " "]
        return _original[name](tx, offset, extraspace, words, last)

    return draw


def _spaced_frag_line(cur_x: float, tx: Any, line: Any, last: int, p_kind: str) -> Any:
    """Paint a line of styled text as reportlab does, ending a wrapped line with its space (see ``_spaced``).

    When a tagged paragraph is being drawn, its link recorder sees the line
    start and end and, through reportlab's ``_linkRecord`` hook on the text
    object, each link's start and end, so every link's words are marked as
    its own content (see ``tagged.LinkTags``).
    """
    _count("_putFragLine")
    links = getattr(tx._canvas, LINK_HOOK, None)
    if links is None:
        return _put_line(cur_x, tx, line, last, p_kind)
    tx._linkRecord = lambda link, event: links.record(tx, link, event)
    words = getattr(line, "words", None) or []
    links.line_starts(tx, bool(words and getattr(words[0], "link", None)))
    try:
        return _put_line(cur_x, tx, line, last, p_kind)
    finally:
        links.line_ends(tx)
        del tx._linkRecord


def _put_line(cur_x: float, tx: Any, line: Any, last: int, p_kind: str) -> Any:
    put = _original["_putFragLine"]
    words: list[Any] = getattr(line, "words", None) or []
    final = words[-1] if words else None
    if (last or final is None or getattr(final, "cbDefn", None) or not isinstance(getattr(final, "text", None), str)
            or id(line) in getattr(tx._canvas, SOFT_BREAKS, ())):
        return put(cur_x, tx, line, last, p_kind)
    line.words = [*words[:-1], final.clone(text=final.text + " ")]  # drawn after the last glyph: unseen
    try:
        return put(cur_x, tx, line, last, p_kind)
    finally:
        line.words = words


def _tagged_link(tx: Any, link: Any, rect: Any) -> Any:
    """Make a link's annotation as reportlab does, giving it to the Link element that holds the link's words."""
    _count("_doLink")
    if str(link).startswith(LANG_SCHEME):
        return None  # not a link: words in another language, tagged by their Span
    links = getattr(tx._canvas, LINK_HOOK, None)
    if links is None or not link:
        return _original["_doLink"](tx, link, rect)
    return links.annotate(tx._canvas, link, lambda: _original["_doLink"](tx, link, rect))


def _split_word_at_joints(w: Any, lineWidth: float, maxWidths: list[float], lineno: int,  # noqa: N803
                          fontName: str, fontSize: float, encoding: str = "utf8") -> list[Any]:  # noqa: N803
    """Split a word too long for its line as reportlab does, but a web address only at its joints.

    A reader copying an address from paper needs the break where it cannot be
    mistaken for part of it: after a "/", or before ".", "-", "_", "?", "&" or
    "=" (Chicago style), never inside "https".
    """
    _count("_splitWord")
    text = w.decode(encoding) if isinstance(w, bytes) else str(w)
    if not is_address(text):
        return list(_original["_splitWord"](w, lineWidth, maxWidths, lineno, fontName, fontSize, encoding))
    last = len(maxWidths) - 1
    widths = [stringWidth(c, fontName, fontSize, encoding) for c in text]
    later = [maxWidths[min(last, lineno + 1 + i)] for i in range(len(text))]
    lines = address_lines(widths, maxWidths[min(last, lineno)] - lineWidth, later, break_points(text))
    pieces = [rl_paragraph._SplitWord(text[a:b]) for a, b in lines[:-1]]
    return [*pieces, rl_paragraph._SplitWordEnd(text[lines[-1][0]:lines[-1][1]])]


def _split_frag_word_at_joints(w: Any, maxWidth: float, maxWidths: list[float], lineno: int) -> list[Any]:  # noqa: N803
    """Split a styled word too long for its line: a web address only at its joints (see above)."""
    _count("_splitFragWord")
    chars = list(rl_paragraph._fragWordIter(w))
    text = "".join(c for _, _, c in chars)
    if not is_address(text):
        return list(_original["_splitFragWord"](w, maxWidth, maxWidths, lineno))
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
        if not groups:  # the address starts on the next line: an empty piece of its first style ends this one
            groups.append((chars[0][0], ""))
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


def install() -> None:
    """Replace reportlab's paragraph functions with briefpack's, once per process.

    Raises ``BuildError`` naming what is missing when reportlab no longer has
    one of the internals this module relies on.
    """
    if _original:
        return
    missing = [name for name in (*REPLACED, *USED) if not hasattr(rl_paragraph, name)]
    if missing:
        raise BuildError(f"this reportlab ({_version()}) lacks {', '.join(missing)}, which briefpack's tagged "
                         "PDFs and address breaking rely on (generator/render/pdf/reportlab_hooks.py)")
    _original.update({name: getattr(rl_paragraph, name) for name in REPLACED})
    replacements: dict[str, Any] = {"_drawBullet": _tagged_bullet, "_putFragLine": _spaced_frag_line,
                                    "_splitWord": _split_word_at_joints,
                                    "_splitFragWord": _split_frag_word_at_joints, "_doLink": _tagged_link}
    replacements.update({name: _spaced(name) for name in LINE_PAINTERS})
    for name, function in replacements.items():
        setattr(rl_paragraph, name, function)


@cache
def verify() -> None:
    """Draw a tiny tagged document and check that reportlab reached every hook; raise ``BuildError`` if not.

    A reportlab that keeps a replaced function but no longer calls it would
    otherwise fail silently: list labels untagged, words run together for
    screen readers, addresses broken inside "https".
    """
    import io

    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import SimpleDocTemplate

    from generator.render.pdf.structure import Tagger, tagging_canvas
    from generator.render.pdf.tagged import TaggedParagraph

    install()
    reached.clear()
    plain = ParagraphStyle("probe", fontName="Helvetica", fontSize=10, leading=12)
    justified = ParagraphStyle("probe-j", parent=plain, alignment=4)
    address = "https://www.example.org/a/long/path/that/cannot/fit/on/one/narrow/line/at/all"
    story = [
        TaggedParagraph("first second third fourth fifth sixth seventh", plain, bulletText="•", role="LI"),
        TaggedParagraph("<b>styled</b> words that wrap over a line or two " * 2, plain),
        TaggedParagraph("justified words that wrap over a line " * 3, justified),
        TaggedParagraph(address, plain),
        TaggedParagraph(f'see <a href="{address}" color="blue"><u>{address}</u></a>', plain),
        *(TaggedParagraph("words to the " * 6, ParagraphStyle(f"probe-{a}", parent=plain, alignment=a))
          for a in (1, 2)),
    ]
    doc = SimpleDocTemplate(io.BytesIO(), pagesize=(120, 400), leftMargin=10, rightMargin=10, topMargin=10,
                            bottomMargin=10)
    doc.build(story, canvasmaker=tagging_canvas(Tagger()))
    missed = [name for name in REPLACED if not reached.get(name)]
    if missed:
        raise BuildError(f"this reportlab ({_version()}) no longer calls {', '.join(missed)}, which briefpack "
                         "replaces for tagged PDFs and address breaking (generator/render/pdf/reportlab_hooks.py); "
                         "install the reportlab version pyproject.toml names")


def _version() -> str:
    import reportlab

    return str(getattr(reportlab, "Version", "?"))
