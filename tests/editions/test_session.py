"""One way to load a pack: its theme (the pack's or the option's) and editions, reloaded when files change."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from generator.editions.discover import find_packs
from generator.editions.session import clear_sessions, load_session
from generator.errors import BriefpackError
from tests.helpers import TEMPLATES

Change = Callable[[str, str, str], None]


def test_the_theme_comes_from_the_pack_unless_an_option_names_one(mini: Path, change: Change) -> None:
    change("pack.yaml", "theme: default", "theme: print-economy")
    assert load_session(mini, TEMPLATES).theme.name == "print-economy"
    assert load_session(mini, TEMPLATES, "default").theme.name == "default"


def test_a_session_is_reused_until_a_file_changes(mini: Path, change: Change) -> None:
    clear_sessions()
    first = load_session(mini, TEMPLATES)
    assert load_session(mini, TEMPLATES) is first
    change("pack.yaml", "title: Hover-scooters and the law", "title: Hover-scooters and the rules")
    path = mini / "pack.yaml"
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 1_000_000))
    second = load_session(mini, TEMPLATES)
    assert second is not first and second.loaded.content.meta.title == "Hover-scooters and the rules"


def test_packs_are_found_by_name_or_path(mini: Path) -> None:
    assert find_packs(Path("briefs")) == [Path("briefs/mini")]
    assert find_packs(Path("briefs"), ("mini",)) == [Path("briefs/mini")]
    assert find_packs(Path("elsewhere"), (str(mini),)) == [mini]
    for names, message in [(("nope",), "nope: no such pack"), ((), "briefs folder not found")]:
        try:
            find_packs(Path("briefs") if names else Path("nowhere"), names)
        except BriefpackError as exc:
            assert message in str(exc)
        else:
            raise AssertionError("expected an error")
