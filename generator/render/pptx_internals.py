"""Every python-pptx internal the deck writer relies on, in one place, checked once per process.

python-pptx's public API covers shapes, tables and notes; for what it does not
expose (a shape's alternative text and "decorative" mark, a text frame's and a
run's XML, a connector's arrow head) the writer goes through the functions
below. Shapes are reached through their public ``.element``; the rest are
private attributes, named here only. ``check`` builds a one-slide deck and
confirms each exists, so a python-pptx upgrade that moves one fails here, by
name, instead of somewhere in a deck.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from generator.errors import BuildError

TITLE_ONLY = "Title Only"  # the default template's layout every slide starts from (the title placeholder)


def title_only_layout(prs: Any) -> Any:
    """Return the default template's "Title Only" layout, by name rather than by position."""
    layout = prs.slide_layouts.get_by_name(TITLE_ONLY)
    if layout is None:
        raise BuildError(f"python-pptx's default template has no '{TITLE_ONLY}' layout "
                         "(generator/render/pptx_internals.py)")
    return layout


def non_visual(shape: Any) -> Any:
    """Return a shape's ``p:cNvPr``: its name, alternative text (``descr``) and extensions."""
    return shape.element.xpath("./*[1]/p:cNvPr")[0]


def shape_tree(slide: Any) -> Any:
    """Return a slide's ``p:spTree``, whose child order is the reading order."""
    return slide.shapes.element


def text_body(text_frame: Any) -> Any:
    """Return a text frame's ``a:txBody`` (its body properties and paragraphs)."""
    return text_frame._txBody


def paragraph_element(paragraph: Any) -> Any:
    """Return a paragraph's ``a:p``, to append runs written directly."""
    return paragraph._p


def run_element(run: Any) -> Any:
    """Return a run's ``a:r``, to set its language."""
    return run._r


def line_element(line: Any) -> Any:
    """Return a line format's ``a:ln`` (made if missing), to give a connector an arrow head."""
    return line._get_or_add_ln()


@cache
def check() -> None:
    """Build a one-slide deck and confirm every internal above is where this module expects it."""
    from pptx import Presentation
    from pptx.enum.shapes import MSO_CONNECTOR
    from pptx.util import Pt

    prs = Presentation()
    try:
        slide = prs.slides.add_slide(title_only_layout(prs))
        box = slide.shapes.add_textbox(Pt(1), Pt(1), Pt(10), Pt(10))
        probes = {
            "shape.element (p:cNvPr)": lambda: non_visual(box),
            "slide.shapes.element": lambda: shape_tree(slide),
            "TextFrame._txBody": lambda: text_body(box.text_frame).bodyPr,
            "_Paragraph._p": lambda: paragraph_element(box.text_frame.paragraphs[0]).add_r(),
            "_Run._r": lambda: run_element(box.text_frame.paragraphs[0].add_run()).get_or_add_rPr(),
            "LineFormat._get_or_add_ln": lambda: line_element(
                slide.shapes.add_connector(MSO_CONNECTOR.STRAIGHT, 0, 0, Pt(5), Pt(5)).line),
        }
    except (AttributeError, IndexError, KeyError) as exc:
        raise BuildError(f"python-pptx has moved what the deck writer relies on ({exc}); "
                         "see generator/render/pptx_internals.py") from None
    for name, probe in probes.items():
        try:
            probe()
        except (AttributeError, IndexError, KeyError):
            raise BuildError(f"python-pptx no longer has {name}, which the deck writer relies on "
                             "(generator/render/pptx_internals.py)") from None
