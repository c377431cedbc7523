"""Fitting text: the largest size that fits, shrinking by steps to the floor, None below it."""

from __future__ import annotations

from generator.document import Run
from generator.layout.fit import STEP, Spec, fit_text, lay_paragraphs, sizes


def test_sizes_step_down_to_the_floor_exactly() -> None:
    assert list(sizes(28, 18)) == [28, 26, 24, 22, 20, 18]
    assert list(sizes(19, 18)) == [19, 18]
    assert STEP == 2


def test_fit_returns_the_largest_size_that_fits_or_none() -> None:
    specs = [Spec((Run("word " * 40),))]
    laid, size = fit_text(specs, 400, 1000, 28, 18, 1.0) or ([], 0)
    assert size == 28 and laid
    _, needed = lay_paragraphs(specs, 22, 400, 1.0, 18)
    fitted = fit_text(specs, 400, needed, 28, 18, 1.0)
    assert fitted is not None and fitted[1] <= 22
    assert fit_text(specs, 400, 10, 28, 18, 1.0) is None


def test_bullets_indent_and_scale_never_go_below_the_floor() -> None:
    laid, _ = lay_paragraphs([Spec((Run("a"),), bullet="•"), Spec((Run("b"),), scale=0.5)], 24, 400, 1.0, 18)
    assert laid[0].indent > 0 and laid[1].size == 18
    assert laid[0].space_before == 0 and laid[1].space_before > 0
