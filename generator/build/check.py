"""Check packs without writing anything: validate, lint, and predict what the deck layout will do."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from generator.errors import BriefpackError, ContentError, Problem, display_path
from generator.templates import Templates

if TYPE_CHECKING:  # loading packs imports the schema; importing check must not pay for it
    from generator.editions.session import Session


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
    from generator.editions.session import load_session

    started = time.perf_counter()
    report = CheckReport()
    for folder in folders:
        report.packs.append(folder.name)
        try:
            session = load_session(folder, templates, theme_name)
        except ContentError as exc:
            report.problems.extend(exc.problems)
            continue
        report.problems.extend(pack_problems(session, templates))
        report.problems.extend(lint_layout(session, templates))
    report.seconds = time.perf_counter() - started
    return report


def pack_problems(session: Session, templates: Templates) -> list[Problem]:
    """Return what ``check`` and ``build`` both say about a loaded pack before any output is made.

    Content lints, fixed wording missing from the pack's language, and what
    loading noticed (metadata left out of a logo).
    """
    from generator.compose.i18n import missing_translations
    from generator.content.lint import lint_pack

    return (lint_pack(session.loaded) + missing_translations(templates, session.loaded.content.meta.language)
            + list(session.problems))


def lint_layout(session: object, templates: Templates) -> list[Problem]:
    """Return what the layouts will warn about, as a build reports it: slides that continue, a long summary.

    The deck is laid out (not rendered) and the summary rendered in memory on
    each paper, so ``check`` predicts exactly the warnings ``build`` prints.
    """
    from generator.build.formats import FORMATS, Where, deck_warnings, output_label, summary_warnings
    from generator.document import Handout
    from generator.editions.session import Session
    from generator.layout.slides import layout_deck
    from generator.render.pdf.handout import render_handout_pdf

    assert isinstance(session, Session)
    where = display_path(session.loaded.folder)
    problems: list[Problem] = []
    for edition in session.editions:
        deck_where = Where(where, output_label(edition.variant, "deck"), session.origins)
        try:
            deck = FORMATS["deck"].compose(edition, templates, FORMATS["deck"].template(edition)).document
            problems.extend(deck_warnings(layout_deck(deck, session.theme), deck_where,  # type: ignore[arg-type]
                                          session.theme.deck.words))
            summary = FORMATS["summary"].compose(edition, templates, FORMATS["summary"].template(edition)).document
        except BriefpackError as exc:
            origin = deck_where.origin_of(exc)
            problems.append(Problem(origin.file, origin.line, origin.column, origin.field,
                                    f"{deck_where.output}: {exc}") if origin else
                            Problem(where, 0, 0, deck_where.output, str(exc)))
            continue
        assert isinstance(summary, Handout)
        for paper in session.theme.papers:
            _, pages = render_handout_pdf(summary, session.theme, paper, contents=False)
            problems.extend(summary_warnings(pages, paper, Where(where, output_label(edition.variant, "summary")),
                                             session.theme.handout.summary_pages))
    return problems
