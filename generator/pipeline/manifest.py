"""The build manifest: what each output was made from, so unchanged outputs are skipped.

It lives in the output folder as ``.briefpack-manifest.json`` and is versioned:
a missing, corrupt or older manifest is simply ignored (a full rebuild), never
an error. On disk every path is relative to the output folder (built-in
templates as ``builtin/…``): an output folder shared or uploaded never says
where, or under whose login, the pack was built, and a project that moves
keeps its incremental builds.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict, dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from generator import __version__
from generator.errors import Problem
from generator.templates import BUILTIN

_BUILTIN_KEY = "builtin/"


def portable(path: str, out: Path) -> str:
    """Return an absolute path as the manifest stores it: relative to ``out``, or ``builtin/…``."""
    if path.startswith("library:") or not Path(path).is_absolute():
        return path
    if Path(path).is_relative_to(BUILTIN):
        return _BUILTIN_KEY + Path(path).relative_to(BUILTIN).as_posix()
    return Path(os.path.relpath(path, out.resolve())).as_posix()


def local(key: str, out: Path) -> str:
    """Return a stored path as an absolute path on this machine (the inverse of ``portable``)."""
    if key.startswith("library:"):
        return key
    if key.startswith(_BUILTIN_KEY):
        return str(BUILTIN / key.removeprefix(_BUILTIN_KEY))
    if Path(key).is_absolute():
        return key
    return os.path.normpath(out.resolve() / key)

FORMAT = 3
NAME = ".briefpack-manifest.json"


def file_hash(path: Path) -> str:
    """Return the SHA-256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def data_hash(data: bytes) -> str:
    """Return the SHA-256 of ``data``."""
    return hashlib.sha256(data).hexdigest()


def tree_hashes(*folders: Path) -> dict[str, str]:
    """Return {path: hash} for every file under ``folders`` (hidden files excluded)."""
    hashes = {}
    for folder in folders:
        if not folder.is_dir():
            continue
        folder = folder.resolve()  # the same file has the same key from any working folder
        for path in sorted(folder.rglob("*")):
            if path.is_file() and not any(part.startswith(".") for part in path.relative_to(folder).parts):
                hashes[str(path)] = file_hash(path)
    return hashes


# Libraries that change every output's bytes: they compose the documents. Each output lists its own
# render libraries (``Output.libraries``), so upgrading one rebuilds only what it draws.
COMPOSE_LIBRARIES = ("jinja2", "markdown-it-py", "babel", "num2words")


def environment() -> dict[str, str]:
    """Return what besides the inputs decides every output: briefpack and the libraries that compose documents."""
    versions = {"briefpack": __version__}
    for package in COMPOSE_LIBRARIES:
        try:
            versions[package] = version(package)
        except PackageNotFoundError:
            versions[package] = "missing"
    return versions


@dataclass
class FileEntry:
    """One output file as written: its hash, size, and a digest per slide for change reports."""

    sha256: str
    count: int
    unit: str
    parts: list[str] = field(default_factory=list)


@dataclass
class JobEntry:
    """One job's inputs (path → hash), the files it wrote and the digest of the document they show."""

    inputs: dict[str, str]
    files: dict[str, FileEntry]
    document: str = ""
    problems: list[Problem] = field(default_factory=list)


@dataclass
class PackEntry:
    """One pack folder: the inputs last seen, the build options, and its jobs by key."""

    pack_id: str
    inputs: dict[str, str]
    options: dict[str, Any]
    jobs: dict[str, JobEntry]
    problems: list[Problem] = field(default_factory=list)
    complete: bool = True  # False after a ``--shard`` build left other shards' jobs unbuilt here

    @classmethod
    def from_json(cls, data: dict[str, Any], out: Path) -> PackEntry:
        """Return the entry read from JSON (raises KeyError or TypeError when malformed)."""
        jobs = {
            key: JobEntry(_paths(job["inputs"], local, out),
                          {name: FileEntry(**info) for name, info in job["files"].items()},
                          job.get("document", ""), _problems(job.get("problems", []), out))
            for key, job in data["jobs"].items()
        }
        return cls(data["pack_id"], _paths(data["inputs"], local, out), data["options"], jobs,
                   _problems(data.get("problems", []), out), bool(data.get("complete", True)))

    def to_json(self, out: Path) -> dict[str, Any]:
        """Return the entry as JSON data, its paths relative to ``out``."""
        data = asdict(self)
        data["inputs"] = _paths(self.inputs, portable, out)
        data["problems"] = [_stored_problem(p, out) for p in self.problems]
        for key, job in self.jobs.items():
            data["jobs"][key]["inputs"] = _paths(job.inputs, portable, out)
            data["jobs"][key]["problems"] = [_stored_problem(p, out) for p in job.problems]
        return data


def _paths(table: dict[str, str], convert: Any, out: Path) -> dict[str, str]:
    return {convert(path, out): value for path, value in table.items()}


_OUT_RELATIVE = "@out/"  # marks a problem's file stored relative to the output folder (it was absolute)


def _stored_problem(problem: Problem, out: Path) -> dict[str, Any]:
    """Return a problem as stored: a file named by an absolute path (a pack outside the working folder) relative."""
    data = asdict(problem)
    if Path(problem.file).is_absolute():
        data["file"] = _OUT_RELATIVE + portable(problem.file, out)
    return data


def _problems(stored: list[dict[str, Any]], out: Path) -> list[Problem]:
    problems = []
    for data in stored:
        if str(data.get("file", "")).startswith(_OUT_RELATIVE):
            data = {**data, "file": local(data["file"].removeprefix(_OUT_RELATIVE), out)}
        problems.append(Problem(**data))
    return problems


@dataclass
class Manifest:
    """Every pack built into one output folder, by the resolved path of its folder."""

    packs: dict[str, PackEntry] = field(default_factory=dict)

    @classmethod
    def load(cls, out: Path) -> Manifest:
        """Return the manifest in ``out``, or an empty one if it is missing, corrupt or old."""
        try:
            data = json.loads((out / NAME).read_text("utf-8"))
            if not isinstance(data, dict) or data.get("format") != FORMAT:
                return cls()
            return cls({local(folder, out): PackEntry.from_json(entry, out) for folder, entry in data["packs"].items()})
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return cls()

    def save(self, out: Path) -> None:
        """Write the manifest atomically into ``out``."""
        from generator.pipeline.write import write_atomic

        packs = {portable(folder, out): entry.to_json(out) for folder, entry in self.packs.items()}
        text = json.dumps({"format": FORMAT, "packs": packs}, indent=1, sort_keys=True)
        write_atomic(out / NAME, text.encode("utf-8"))
