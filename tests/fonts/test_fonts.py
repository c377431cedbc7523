"""The shipped fonts: which characters each covers, text split between them, metrics, bold instances."""

from __future__ import annotations

from generator.fonts.coverage import glyph_set, split_by_coverage
from generator.fonts.faces import arimo_face
from generator.fonts.metrics import RENDERER_LINE_HEIGHT, SAFETY, face


def test_text_goes_to_the_fallback_only_where_the_primary_lacks_a_glyph() -> None:
    primary, fallback = glyph_set("atkinson-hyperlegible"), glyph_set("arimo")
    assert ord("a") in primary and ord("ō") not in primary and ord("ō") in fallback
    assert split_by_coverage("Māori ō!", primary, fallback) == [("Māori ", False), ("ō", True), ("!", False)]
    assert split_by_coverage("\U0001F91D", primary, fallback) == [("\U0001F91D", False)], "nobody has it: primary"


def test_metrics_measure_with_the_safety_margin_and_the_measured_line_height() -> None:
    regular, bold = face(), face(bold=True)
    assert regular.width("MMMM", 10) == regular.width("MM", 20)
    assert bold.width("Hello world", 20) > regular.width("Hello world", 20), "bold is really measured bold"
    assert regular.width("x", 10) == regular.widths[ord("x")] * 10 / regular.units_per_em * SAFETY
    assert regular.line_height(20) == RENDERER_LINE_HEIGHT * 20


def test_bold_faces_are_instanced_once_and_cached() -> None:
    assert arimo_face(True, False) is arimo_face(True, False)
    assert arimo_face(False, False) != arimo_face(True, False)


def test_web_subsets_keep_the_fonts_own_timestamp_so_pages_rebuild_identically() -> None:
    import io

    from fontTools.ttLib import TTFont

    from generator.fonts.web import subset, web_faces

    for data in web_faces("atkinson-hyperlegible").values():
        cut = subset(data, set("Hello, world"))
        assert len(cut) < len(data) / 2
        assert TTFont(io.BytesIO(cut))["head"].modified == TTFont(io.BytesIO(data))["head"].modified
