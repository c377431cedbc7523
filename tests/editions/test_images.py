"""Logos are read only from inside their pack or theme folder, and only when they are real images."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image

from generator.editions.session import load_session
from generator.errors import ContentError
from tests.helpers import TEMPLATES, own_templates

Change = Callable[[str, str, str], None]


@pytest.mark.parametrize("logo,message", [
    ("../sources.yaml", "must be a path inside"),
    ("/etc/hostname", "must be a path inside"),
    ("missing.png", "not found"),
    ("broken.png", "corrupt or not an image"),
    ("escape.png", "leads outside"),
    ("picture.gif", "is GIF; use PNG or JPEG"),
    ("a-folder", "'a-folder' is not a file"),
])
def test_logo_paths_stay_inside_the_pack(mini: Path, change: Change, tmp_path: Path, logo: str, message: str) -> None:
    (mini / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\nnot really")
    Image.new("RGB", (30, 10)).save(tmp_path / "outside.png")
    (mini / "escape.png").symlink_to(tmp_path / "outside.png")
    Image.new("RGB", (30, 10)).save(mini / "picture.gif")
    (mini / "a-folder").mkdir()
    change("pack.yaml", "  theme: default\n", f"  theme: default\n  logo: {logo}\n")
    with pytest.raises(ContentError) as info:
        load_session(mini, TEMPLATES)
    [problem] = info.value.problems
    assert str(problem).startswith("briefs/mini/pack.yaml:14:9: pack.logo: ")  # where the path was written
    assert message in str(problem)


def test_a_theme_logo_cannot_leave_the_theme_folder(mini: Path, tmp_path: Path) -> None:
    templates = own_templates(tmp_path / "templates", "themes/default/theme.yaml")
    theme = tmp_path / "templates" / "themes" / "default" / "theme.yaml"
    theme.write_text(theme.read_text() + "logo: ../../../../etc/hostname\n")
    with pytest.raises(ContentError) as info:
        load_session(mini, templates)
    assert str(info.value).startswith("templates/themes/default/theme.yaml:")
    assert "logo: '../../../../etc/hostname' must be a path inside" in str(info.value)


def test_a_good_logo_is_read_with_its_size_and_alt_text(mini: Path, change: Change) -> None:
    Image.new("RGB", (300, 100)).save(mini / "logo.png")
    change("pack.yaml", "  theme: default\n", "  theme: default\n  logo: logo.png\n  logo_alt: The lab's kite\n")
    logo = load_session(mini, TEMPLATES).editions[0].logo
    assert logo is not None and (logo.width, logo.height, logo.alt) == (300, 100, "The lab's kite")
