"""The one small exception tree of briefpack.

Library code raises these; only the CLI turns them into messages and exit codes.
Every message names the user's file, line and field, never Python internals.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the user's input, located as precisely as we can."""

    file: str
    line: int
    column: int
    field: str
    message: str
    severity: Severity = "error"

    def __str__(self) -> str:
        where = self.file
        if self.line:
            where += f":{self.line}:{self.column}"
        field = f" {self.field}:" if self.field else ""
        label = "" if self.severity == "error" else f" {self.severity}:"
        return f"{where}:{label}{field} {self.message}"


def display_path(path: Path) -> str:
    """Return ``path`` relative to the working directory when it lies inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


class BriefpackError(Exception):
    """Base of every error briefpack reports to the user."""


class UsageError(BriefpackError):
    """The command line names something that does not exist (a pack, a theme) or is not allowed (a name).

    The CLI exits with 2 for these, as for a bad option: the command was wrong, not the content.
    """


class ContentError(BriefpackError):
    """The content of a pack is invalid; carries every problem found in one pass."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class TemplateError(BriefpackError):
    """A template could not be loaded or rendered; the message names file and line."""


class BuildError(BriefpackError):
    """An output could not be produced or written.

    ``text`` is the content the layout refused, when there is one: the build
    stage finds the file, line and field it came from and puts them first
    (in ``section``, when given: a card's point may repeat a recommendation's title).
    """

    def __init__(self, message: str, *, text: str = "", section: str = ""):
        super().__init__(message)
        self.text = text
        self.section = section  # the pack section the text is in ('cards'), when the same words are elsewhere too
