"""Predict overflow before building: lay out every deck and report slides that continue or fail."""

from __future__ import annotations

from pathlib import Path

from generator.content.loader import LoadedPack
from generator.errors import BriefpackError, Problem, display_path


def lint_layout(loaded: LoadedPack, templates: Path) -> list[Problem]:
    """Return a warning per slide whose content continues on more slides, an error where it cannot fit."""
    from generator.compose.compose import compose_deck
    from generator.layout.slides import layout_deck
    from generator.theme import load_theme
    from generator.variants import editions

    theme = load_theme(templates, loaded.pack.pack.theme)
    where = display_path(loaded.folder)
    problems = []
    for edition in editions(loaded.pack):
        label = f"{edition.variant} deck" if edition.variant else "deck"
        try:
            deck = compose_deck(edition.pack, templates, edition.deck_template).document
            slides = layout_deck(deck, theme)  # type: ignore[arg-type]
        except BriefpackError as exc:
            problems.append(Problem(where, 0, 0, label, str(exc)))
            continue
        continued: dict[str, int] = {}
        for slide in slides:
            if slide.continued:
                base = slide.title.rsplit(" (", 1)[0]
                continued[base] = continued.get(base, 0) + 1
        for title, extra in continued.items():
            problems.append(Problem(where, 0, 0, label, f"slide '{title}' does not fit at the smallest size; it "
                                                        f"continues on {extra} more slide{'s' if extra > 1 else ''}",
                                    "warning"))
    return problems
