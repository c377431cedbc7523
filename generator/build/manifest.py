"""The build manifest: what each output was made from, so unchanged outputs are skipped.

It lives in the output folder as ``.briefpack-manifest.json`` and is versioned:
a missing, corrupt or older manifest is simply ignored (a full rebuild), never
an error.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from generator import __version__
from generator.errors import Problem

FORMAT = 2
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


def environment() -> dict[str, str]:
    """Return what besides the inputs decides the outputs: briefpack and its font and render libraries."""
    versions = {"briefpack": __version__}
    for package in ("fontpkg-atkinson-hyperlegible", "fontpkg-arimo", "reportlab", "python-pptx", "segno"):
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

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> PackEntry:
        """Return the entry read from JSON (raises KeyError or TypeError when malformed)."""
        jobs = {
            key: JobEntry(job["inputs"], {name: FileEntry(**info) for name, info in job["files"].items()},
                          job.get("document", ""), [Problem(**p) for p in job.get("problems", [])])
            for key, job in data["jobs"].items()
        }
        return cls(data["pack_id"], data["inputs"], data["options"], jobs,
                   [Problem(**p) for p in data.get("problems", [])])


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
            return cls({folder: PackEntry.from_json(entry) for folder, entry in data["packs"].items()})
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return cls()

    def save(self, out: Path) -> None:
        """Write the manifest atomically into ``out``."""
        from generator.build.write import write_atomic

        packs = {folder: asdict(entry) for folder, entry in self.packs.items()}
        text = json.dumps({"format": FORMAT, "packs": packs}, indent=1, sort_keys=True)
        write_atomic(out / NAME, text.encode("utf-8"))
