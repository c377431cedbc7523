"""Check packs without writing anything: validate, lint, and predict what each output will warn about."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from generator.errors import BriefpackError, ContentError, Problem, display_path
from generator.templates import Templates

if TYPE_CHECKING:  # loading packs imports the schema; importing check must not pay for it
    from generator.editions.readability import PlainLanguage
    from generator.editions.session import Session


@dataclass
class CheckReport:
    """What checking some packs found: problems (errors and warnings) and which packs were read."""

    packs: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what is measured, not wrong: each edition's reading grade
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
        found = pack_problems(session, templates)
        report.problems.extend(found)
        report.notes.extend(_grades(session, templates))
        if not any(problem.severity == "error" for problem in found):  # a pack that cannot be built: no outputs
            report.problems.extend(predicted(session, templates))
    report.seconds = time.perf_counter() - started
    return report


def pack_problems(session: Session, templates: Templates) -> list[Problem]:
    """Return what ``check`` and ``build`` both say about a loaded pack before any output is made.

    Content lints, fixed wording missing from the pack's language, and what
    loading noticed (metadata left out of a logo).
    """
    from generator.compose.i18n import missing_translations
    from generator.content.lint import lint_pack
    from generator.editions.languages import language_problems

    fonts = (session.theme.fonts.handout, session.theme.fonts.fallback)
    wording = [problem for language in session.loaded.content.meta.languages[1:]
               for problem in missing_translations(templates, language)]
    return (lint_pack(session.loaded) + missing_translations(templates, session.loaded.content.meta.language)
            + wording + language_problems(session.loaded, session.translations, fonts) + list(session.problems)
            + plain_language(session, templates)[0])


_PLAIN: dict[tuple[int, Templates, tuple[object, ...]], tuple[Session, PlainLanguage]] = {}


def plain_language(session: Session, templates: Templates) -> PlainLanguage:
    """Return what the plain-language checks found and each edition's grade, measured on what it prints.

    Measured once per session and templates while the templates are unchanged
    (``watch`` keeps a session whose pack files did not change): ``check`` and
    ``build`` warn with the first, ``check`` prints the second. Each edition in
    the pack's own language is composed as its handout to learn what it prints.
    """
    from generator.editions.readability import readability_problems

    key = (id(session), templates, templates.stamp())
    kept = _PLAIN.get(key)
    if kept is None or kept[0] is not session:
        if len(_PLAIN) > 16:
            _PLAIN.clear()
        kept = (session, readability_problems(session.loaded, printed_texts(session, templates)))
        _PLAIN[key] = kept
    return kept[1]


def printed_texts(session: Session, templates: Templates) -> dict[str, str]:
    """Return, by variant id, the text each edition in the pack's language prints in its handout, as compared."""
    from generator.content.origins import plain
    from generator.document import texts_of
    from generator.outputs.handout import compose, handout_template

    printed = {}
    for edition in session.editions:
        if edition.language is not None:
            continue
        try:
            composed = compose(edition, templates, handout_template(edition))
        except BriefpackError:  # a template that cannot compose is reported by the build; measure everything
            continue
        printed[edition.variant or ""] = plain(" ".join(texts_of(composed.document)))
    return printed


def _grades(session: Session, templates: Templates) -> list[str]:
    """Return one line per edition in the pack's language: its median reading grade (see editions.readability)."""
    pack = session.loaded.content
    lines = []
    for grade in plain_language(session, templates)[1]:
        name = f"{pack.meta.id} {grade.variant}".strip()
        above = f", {grade.above} above its limit" if grade.above else ""
        lines.append(f"{name}: median reading grade {grade.median:g} over {grade.texts} texts of its own "
                     f"words{above} (Flesch–Kincaid, {pack.meta.language})")
    return lines


def predicted(session: Session, templates: Templates) -> list[Problem]:
    """Return what each output will warn about when built, as ``build`` reports it (see ``Output.predict``).

    A layout error is reported at the content it refused, as the build would.
    """
    from generator.outputs import OUTPUTS, Where, output_label

    folder = display_path(session.loaded.folder)
    problems: list[Problem] = []
    for edition in session.editions:
        for output in OUTPUTS.values():
            where = Where(folder, output_label(edition.variant, output.name, edition.language),
                          session.origins_for(edition.language))
            try:
                problems.extend(output.predict(session, edition, templates, where))
            except ContentError:
                raise
            except BriefpackError as exc:
                problems.append(where.error(exc))
    return problems
