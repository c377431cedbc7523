"""Load a pack folder into a validated ``Pack``, reporting every problem in one pass.

Each YAML file in the folder contributes top-level sections; together they must
form one ``Pack``. Problems come back as ``file:line:col: field: message``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from generator.content.explain import describe_error, did_you_mean
from generator.content.fieldpath import FieldPath, dotted
from generator.content.references import (
    check_audiences,
    check_duplicate_ids,
    check_references,
    check_vocabulary,
)
from generator.content.schema import Pack
from generator.content.yamlsource import SourceFile, YamlProblem, read_yaml
from generator.errors import ContentError, Problem, display_path

# Section names as editors write them (the ``pack`` section is the model's ``meta``).
SECTIONS = tuple(field.alias or name for name, field in Pack.model_fields.items())


@dataclass(frozen=True)
class LoadedPack:
    """A validated pack and the files it was read from."""

    folder: Path
    content: Pack
    files: tuple[Path, ...]
    section_files: dict[str, Path]
    sources: dict[str, SourceFile] = field(default_factory=dict, repr=False, compare=False)


def pack_files(folder: Path) -> list[Path]:
    """Return the YAML files of the pack in ``folder``, in a stable order."""
    return sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())


def load_pack(folder: Path) -> LoadedPack:
    """Return the validated pack in ``folder`` or raise ``ContentError`` with all problems."""
    name = display_path(folder)
    if not folder.is_dir():
        raise ContentError([Problem(name, 0, 0, "", "pack folder not found")])
    files = pack_files(folder)
    if not files:
        raise ContentError([Problem(name, 0, 0, "", "no .yaml files in the pack folder")])

    problems: list[Problem] = []
    unreadable = False
    owners: dict[str, SourceFile] = {}
    merged: dict[str, Any] = {}
    for path in files:
        try:
            source = read_yaml(path)
        except YamlProblem as exc:
            problems.append(exc.problem)
            unreadable = True
            continue
        for section, value in source.data.items():
            line, col = source.position((section,), key=True)
            if section not in SECTIONS:
                hint = did_you_mean(section, SECTIONS)
                problems.append(Problem(source.name, line, col, section, f"unknown section{hint}"))
            elif section in owners:
                other = owners[section]
                first_line = other.position((section,), key=True)[0]
                problems.append(
                    Problem(source.name, line, col, section,
                            f"section already defined in {other.name}:{first_line}")
                )
            else:
                owners[section] = source
                merged[section] = value

    def locate(path: FieldPath, message: str, *, key: bool = False) -> Problem:
        source = owners.get(str(path[0])) if path else None
        if source is None:
            return Problem(name, 0, 0, dotted(path), message)
        line, col = source.position(path, key=key)
        return Problem(source.name, line, col, dotted(path), message)

    findings = check_duplicate_ids(merged)
    if "pack" in merged:  # variants are declared there; without it every tag would look unknown
        findings += check_audiences(merged)
    if "sources" in merged or not unreadable:
        findings += check_references(merged)
    findings += check_vocabulary(merged)
    for where, message in findings:
        problems.append(locate(where, message))

    pack: Pack | None = None
    try:
        pack = Pack.model_validate(merged)
    except ValidationError as exc:
        errors = _one_branch(exc.errors(include_url=False), merged)
        misspelt = _misspelt_fields(errors)
        for error in errors:
            loc: FieldPath = tuple(error["loc"])
            if error["type"] == "missing" and loc in misspelt:
                continue  # "shortname: unknown field (did you mean 'short_name'?)" says it once
            if loc and loc[0] not in merged and error["type"] == "missing":
                if unreadable:
                    continue  # the section may well be in the file we could not read
                message = f"required section is missing; add '{loc[0]}:' to a YAML file"
                problems.append(Problem(name, 0, 0, dotted(loc), message))
                continue
            owner = owners.get(str(loc[0])) if loc else None
            written = owner.written.get(loc) if owner else None
            message, on_key = describe_error({**error, "written": written} if written else dict(error), Pack)
            problems.append(locate(loc, message, key=on_key))
    if problems:
        raise ContentError(problems)
    assert pack is not None
    return LoadedPack(
        folder=folder,
        content=pack,
        files=tuple(files),
        section_files={section: src.path for section, src in owners.items()},
        sources=dict(owners),
    )


def _one_branch(errors: list[Any], data: Any) -> list[Any]:
    """Return errors of a field that takes a text or a mapping as the editor wrote it: one branch, its own path.

    pydantic tries each branch of a union and reports all of them, each under
    the branch's name ("penalty.DetailFact.x", "penalty.function-after[…]").
    The editor wrote one kind of value: keep the errors of the branch that
    takes that kind (a mapping's for a mapping), without the branch's name.
    """
    kept = []
    for error in errors:
        loc, node = list(error["loc"]), data
        for index, step in enumerate(loc):
            if isinstance(step, str) and not (isinstance(node, dict) and step in node) and (
                    "[" in step or step[:1].isupper()):  # a union branch's name, not a key the editor wrote
                if (error["type"] == "string_type" and isinstance(node, dict)) or (
                        error["type"] in ("model_type", "dict_type") and not isinstance(node, dict)):
                    break  # the other branch's errors: the one for the kind of value written says it
                del loc[index]
                kept.append({**error, "loc": tuple(loc)})
                break
            node = node.get(step) if isinstance(node, dict) else (
                node[step] if isinstance(node, list) and isinstance(step, int) and step < len(node) else None)
        else:
            kept.append(error)
    return kept


def _misspelt_fields(errors: list[Any]) -> set[FieldPath]:
    """Return the paths of missing fields that an unknown field beside them is a misspelling of.

    "shortname" for "short_name" gives pydantic two errors; the editor needs one.
    """
    import difflib

    missing = {tuple(e["loc"]) for e in errors if e["type"] == "missing"}
    found = set()
    for error in errors:
        if error["type"] != "extra_forbidden":
            continue
        loc = tuple(error["loc"])
        siblings = [str(m[-1]) for m in missing if m[:-1] == loc[:-1]]
        close = difflib.get_close_matches(str(loc[-1]), siblings, n=1, cutoff=0.6)
        if close:
            found.add(loc[:-1] + (close[0],))
    return found
