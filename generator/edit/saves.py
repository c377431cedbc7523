"""Save an edited pack file safely: checked first, never over someone else's change, atomically, undoable.

A save is refused, and nothing written, when the new text breaks a rule
``check`` applies (the problems come back at their fields) or when the file
changed on disk after the form read it (the save says what changed). Else
the file is replaced atomically (a temporary file renamed over it) and the
text it had is kept in the project's history, ``.briefpack/history/``, where
``undo_last`` finds it.
"""

from __future__ import annotations

import difflib
import json
import os
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from generator.content.lint import lint_pack
from generator.content.loader import load_pack
from generator.edit.yaml_edit import digest
from generator.errors import ContentError, Problem, display_path

HISTORY = Path(".briefpack") / "history"


class SaveRefused(Exception):  # noqa: N818  (a refusal, not a fault)
    """A save that was not made, and why: the problems at their fields, or the change made on disk meanwhile."""

    def __init__(self, message: str, problems: tuple[Problem, ...] = (), changed: str = ""):
        super().__init__(message)
        self.problems, self.changed = problems, changed


@dataclass(frozen=True)
class Saved:
    """A save that was made: the file, the lines it changed, and the history entry that can undo it."""

    file: Path
    diff: str
    entry: Path


def save(pack: Path, file: Path, new_text: str, read_digest: str, project: Path) -> Saved:
    """Write ``new_text`` to ``file`` of the pack in ``pack``, if it still has the text the form read.

    ``project`` is the folder holding ``briefs/`` (and ``.briefpack/``).
    """
    target = _inside(pack, file)
    current = target.read_text(encoding="utf-8")
    if digest(current) != read_digest:
        raise SaveRefused(f"{display_path(target)} changed on disk after the form was opened; nothing was saved",
                          changed=_diff(current, new_text, target))
    errors = problems_with(pack, target, new_text)
    if errors:
        raise SaveRefused(f"{len(errors)} problem{'s' if len(errors) != 1 else ''}; nothing was saved",
                          problems=tuple(errors))
    entry = _remember(project, target, current, new_text)
    write_atomically(target, new_text)
    return Saved(target, _diff(current, new_text, target), entry)


def problems_with(pack: Path, file: Path, new_text: str) -> list[Problem]:
    """Return the errors ``check`` would report for the pack with ``file`` holding ``new_text``, at their fields.

    The pack is copied to a temporary folder with the new text and loaded
    there: the same loader, schema and lints, nothing of the real pack touched.
    """
    with tempfile.TemporaryDirectory(prefix="briefpack-edit-") as scratch:
        copy = Path(scratch) / pack.name
        shutil.copytree(pack, copy, ignore=shutil.ignore_patterns(".*"))
        (copy / file.relative_to(pack)).write_text(new_text, encoding="utf-8")
        try:
            found = [p for p in lint_pack(load_pack(copy)) if p.severity == "error"]
        except ContentError as exc:
            found = list(exc.problems)
        shown, real = display_path(copy), display_path(pack)
        return [Problem(p.file.replace(shown, real, 1), p.line, p.column, p.field, p.message, p.severity)
                for p in found]


def write_atomically(target: Path, text: str) -> None:
    """Replace ``target``'s text: written beside it, flushed, then renamed over it (never half a file)."""
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        Path(temporary).replace(target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def undo_last(project: Path) -> Saved:
    """Put back the text the last save replaced, if its file still holds what that save wrote."""
    entries = sorted((project / HISTORY).glob("*.json"))
    if not entries:
        raise SaveRefused("there is no save to undo")
    entry = entries[-1]
    record = json.loads(entry.read_text(encoding="utf-8"))
    target = project / record["file"]
    current = target.read_text(encoding="utf-8") if target.is_file() else ""
    if digest(current) != record["after"]:
        raise SaveRefused(f"{record['file']} changed after that save; undo would lose the change, so nothing was "
                          "undone", changed=_diff(record["before_text"], current, target))
    write_atomically(target, record["before_text"])
    entry.rename(entry.with_suffix(".undone"))
    return Saved(target, _diff(current, record["before_text"], target), entry)


def _remember(project: Path, target: Path, before: str, after: str) -> Path:
    """Keep the text ``target`` had before this save, with what the save wrote, in the history."""
    folder = project / HISTORY
    folder.mkdir(parents=True, exist_ok=True)
    ignore = project / ".briefpack" / ".gitignore"
    if not ignore.exists():
        ignore.write_text("*\n", encoding="utf-8")  # the history is the editor's, not the repository's
    stamp = time.strftime("%Y%m%d-%H%M%S") + f"-{time.time_ns() % 1_000_000_000:09d}"
    entry = folder / f"{stamp}.json"
    record = {"file": target.resolve().relative_to(project.resolve()).as_posix(), "before_text": before,
              "after": digest(after), "saved": time.strftime("%Y-%m-%dT%H:%M:%S")}
    entry.write_text(json.dumps(record, ensure_ascii=False, indent=1), encoding="utf-8")
    return entry


def _inside(pack: Path, file: Path) -> Path:
    """Return ``file`` if it is a YAML file of the pack in ``pack`` (no other file is ever written)."""
    target = (pack / file).resolve() if not file.is_absolute() else file.resolve()
    if target.parent != pack.resolve() or target.suffix not in (".yaml", ".yml") or not target.is_file():
        raise SaveRefused(f"{display_path(file)} is not a file of the pack {display_path(pack)}")
    return target


def _diff(before: str, after: str, target: Path) -> str:
    name = display_path(target)
    return "".join(difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True),
                                        f"a/{name}", f"b/{name}"))
