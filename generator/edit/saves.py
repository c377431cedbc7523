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
    """A save that was made: the files, the lines it changed, and the history entry that can undo it."""

    files: tuple[Path, ...]
    diff: str
    entry: Path

    @property
    def file(self) -> Path:
        return self.files[0]


@dataclass(frozen=True)
class Change:
    """One file's part of a save: the new text, and the fingerprint of the text the form read."""

    file: Path
    new_text: str
    read_digest: str


def save(pack: Path, file: Path, new_text: str, read_digest: str, project: Path) -> Saved:
    """Write ``new_text`` to ``file`` of the pack in ``pack``, if it still has the text the form read.

    ``project`` is the folder holding ``briefs/`` (and ``.briefpack/``).
    """
    return save_all(pack, [Change(file, new_text, read_digest)], project)


def save_all(pack: Path, changes: list[Change], project: Path) -> Saved:
    """Save several files of one pack as one save (a jurisdiction and the new source it cites): all or none.

    Every file is checked before any is written; one undo takes back all.
    """
    targets = [_inside(pack, change.file) for change in changes]
    current = {target: target.read_text(encoding="utf-8") for target in targets}
    for target, change in zip(targets, changes, strict=True):
        if digest(current[target]) != change.read_digest:
            raise SaveRefused(f"{display_path(target)} changed on disk after the form was opened; nothing was "
                              "saved", changed=_diff(current[target], change.new_text, target))
    new_texts = {target: change.new_text for target, change in zip(targets, changes, strict=True)}
    errors = new_problems(pack, current, new_texts)
    if errors:
        raise SaveRefused(f"{len(errors)} problem{'s' if len(errors) != 1 else ''}; nothing was saved",
                          problems=tuple(errors))
    entry = _remember(project, current, new_texts)
    for target, text in new_texts.items():
        write_atomically(target, text)
    return Saved(tuple(targets), "".join(_diff(current[t], new_texts[t], t) for t in targets), entry)


def new_problems(pack: Path, before: dict[Path, str], after: dict[Path, str]) -> list[Problem]:
    """Return the errors the new texts bring that the pack did not have already, at their fields.

    A pack with an error elsewhere (a source an editor is still writing) can
    still be edited: only what this save breaks refuses it.
    """
    found = problems_with(pack, after)
    if not found:
        return []
    known = {(p.field, p.message) for p in problems_with(pack, before)}
    return [p for p in found if (p.field, p.message) not in known]


def problems_with(pack: Path, texts: dict[Path, str]) -> list[Problem]:
    """Return the errors ``check`` would report for the pack with each file holding its text, at their fields.

    The pack is copied to a temporary folder with the new texts and loaded
    there: the same loader, schema and lints, nothing of the real pack touched.
    """
    with tempfile.TemporaryDirectory(prefix="briefpack-edit-") as scratch:
        copy = Path(scratch) / pack.name
        shutil.copytree(pack, copy, ignore=shutil.ignore_patterns(".*"))
        for file, text in texts.items():
            (copy / file.resolve().relative_to(pack.resolve())).write_text(text, encoding="utf-8")
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
    """Put back the texts the last save replaced, if its files still hold what that save wrote."""
    entries = sorted((project / HISTORY).glob("*.json"))
    if not entries:
        raise SaveRefused("there is no save to undo")
    entry = entries[-1]
    record = json.loads(entry.read_text(encoding="utf-8"))
    files = [(project / f["file"], f) for f in record["files"]]
    current = {target: target.read_text(encoding="utf-8") if target.is_file() else "" for target, _ in files}
    for target, saved in files:
        if digest(current[target]) != saved["after"]:
            raise SaveRefused(f"{saved['file']} changed after that save; undo would lose the change, so nothing "
                              "was undone", changed=_diff(saved["before_text"], current[target], target))
    for target, saved in files:
        write_atomically(target, saved["before_text"])
    entry.rename(entry.with_suffix(".undone"))
    return Saved(tuple(t for t, _ in files), "".join(_diff(current[t], f["before_text"], t) for t, f in files), entry)


def last_save(project: Path) -> dict[str, object] | None:
    """Return the record of the last save that can be undone (its files and time), or None."""
    entries = sorted((project / HISTORY).glob("*.json"))
    if not entries:
        return None
    record = json.loads(entries[-1].read_text(encoding="utf-8"))
    return {"files": [f["file"] for f in record["files"]], "saved": record["saved"]}


def _remember(project: Path, before: dict[Path, str], after: dict[Path, str]) -> Path:
    """Keep the texts the files had before this save, with what the save wrote, in the history."""
    folder = project / HISTORY
    folder.mkdir(parents=True, exist_ok=True)
    ignore = project / ".briefpack" / ".gitignore"
    if not ignore.exists():
        ignore.write_text("*\n", encoding="utf-8")  # the history is the editor's, not the repository's
    stamp = time.strftime("%Y%m%d-%H%M%S") + f"-{time.time_ns() % 1_000_000_000:09d}"
    entry = folder / f"{stamp}.json"
    files = [{"file": target.resolve().relative_to(project.resolve()).as_posix(), "before_text": before[target],
              "after": digest(text)} for target, text in after.items()]
    record = {"files": files, "saved": time.strftime("%Y-%m-%dT%H:%M:%S")}
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
    return unified_diff(before, after, f"a/{name}", f"b/{name}")


def unified_diff(before: str, after: str, before_name: str, after_name: str) -> str:
    """Return the lines that differ between two texts, as `git diff` shows them."""
    return "".join(difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True),
                                        before_name, after_name))
