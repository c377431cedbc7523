"""Check packs without writing anything: validate, lint, and predict what the deck layout will do."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from generator.errors import BriefpackError, ContentError, Problem, display_path
from generator.templates import Templates


@dataclass
class CheckReport:
    """What checking some packs found: problems (errors and warnings) and which packs were read."""

    packs: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]


def check_packs(folders: list[Path], templates: Templates, theme_name: str | None = None) -> CheckReport:
    """Return every problem found in the packs in ``folders``; nothing is written."""
    from generator.compose.i18n import missing_translations
    from generator.content.lint import lint_pack
    from generator.editions.session import load_session

    started = time.perf_counter()
    report = CheckReport()
    languages = set()
    for folder in folders:
        report.packs.append(folder.name)
        try:
            session = load_session(folder, templates, theme_name)
        except ContentError as exc:
            report.problems.extend(exc.problems)
            continue
        report.problems.extend(lint_pack(session.loaded))
        languages.add(session.loaded.content.meta.language)
        report.problems.extend(lint_layout(session, templates))
    for language in sorted(languages):
        report.problems.extend(missing_translations(templates, language))
    report.seconds = time.perf_counter() - started
    return report


def lint_layout(session: object, templates: Templates) -> list[Problem]:
    """Return a warning per slide whose content continues on more slides, an error where it cannot fit."""
    from generator.compose.compose import compose_deck
    from generator.editions.session import Session
    from generator.layout.slides import layout_deck

    assert isinstance(session, Session)
    where = display_path(session.loaded.folder)
    problems = []
    for edition in session.editions:
        label = f"{edition.variant} deck" if edition.variant else "deck"
        try:
            deck = compose_deck(edition.pack, templates, edition.template("deck", "deck.md.j2"), edition.logo).document
            slides = layout_deck(deck, session.theme)  # type: ignore[arg-type]
        except BriefpackError as exc:
            problems.append(Problem(where, 0, 0, label, str(exc)))
            continue
        continued: dict[str, int] = {}
        for slide in slides:
            if slide.continued:
                continued[slide.base_title] = continued.get(slide.base_title, 0) + 1
        for title, extra in continued.items():
            problems.append(Problem(where, 0, 0, label, f"slide '{title}' does not fit at the smallest size; it "
                                                        f"continues on {extra} more slide{'s' if extra > 1 else ''}",
                                    "warning"))
    return problems
