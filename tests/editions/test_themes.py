"""Themes are found, validated like content, and refuse colours people cannot read."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.editions.themes import find_themes, load_theme
from generator.errors import ContentError
from generator.templates import Templates
from generator.theme import contrast
from tests.helpers import TEMPLATES, own_templates


@pytest.fixture
def templates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Templates:
    monkeypatch.chdir(tmp_path)
    return own_templates(Path("templates"), "themes/default/theme.yaml")


def theme_problems(templates: Templates, name: str = "default") -> list[str]:
    with pytest.raises(ContentError) as info:
        load_theme(templates, name)
    return [str(p) for p in info.value.problems]


def test_the_built_in_themes_load() -> None:
    assert set(find_themes(TEMPLATES)) >= {"default", "print-economy"}
    for name in find_themes(TEMPLATES):
        assert load_theme(TEMPLATES, name).name == name


def test_unknown_theme_and_unknown_field(templates: Templates) -> None:
    assert theme_problems(templates, "defualt") == [
        "themes/defualt/theme.yaml: theme 'defualt' not found (did you mean 'default'?)"]
    assert theme_problems(templates, "neon") == [
        "themes/neon/theme.yaml: theme 'neon' not found (themes: default, large-print, print-economy)"]
    path = Path("templates/themes/default/theme.yaml")
    path.write_text(path.read_text().replace("margin_mm: 18", "margin_mn: 18"))
    assert theme_problems(templates) == [
        "templates/themes/default/theme.yaml:14:1: margin_mn: unknown field (did you mean 'margin_mm'?)"]


def test_poor_contrast_is_refused_naming_the_pair(templates: Templates) -> None:
    path = Path("templates/themes/default/theme.yaml")
    path.write_text(path.read_text().replace('muted: "#4D4D4D"', 'muted: "#AAAAAA"'))
    [problem] = theme_problems(templates)
    assert problem.startswith("templates/themes/default/theme.yaml:5:3: colours: muted #AAAAAA on the white page "
                              "has contrast 2.32:1")


def test_every_text_colour_is_checked_on_every_surface_it_can_land_on(templates: Templates) -> None:
    # A status word in a tinted box was not checked before: a pale "partly" on the lived-experience tint.
    path = Path("templates/themes/default/theme.yaml")
    text = path.read_text().replace('lived_experience_bg: "#FFF4DC"', 'lived_experience_bg: "#F2C14E"')
    path.write_text(text)
    [problem] = theme_problems(templates)
    assert "on lived_experience_bg #F2C14E has contrast" in problem
    pairs = load_theme(TEMPLATES).colours.text_pairs()
    assert len(pairs) == 9 * 6 + 2 and ("partly", "concerns_bg") in pairs and ("link", "table_stripe_bg") in pairs


def test_the_large_print_theme_follows_clear_print_guidance() -> None:
    theme = load_theme(TEMPLATES, "large-print")
    sizes = theme.handout
    assert min(sizes.body, sizes.small, sizes.quote) >= 16 and sizes.h3 > sizes.body and sizes.h1 > sizes.h2
    assert sizes.leading >= 1.5 and not sizes.italics and sizes.table_columns <= 2


def test_contrast_is_the_wcag_ratio() -> None:
    assert contrast("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast("#FFFFFF", "#FFFFFF") == pytest.approx(1.0)
    assert contrast("#767676", "#FFFFFF") == pytest.approx(4.54, abs=0.01)
