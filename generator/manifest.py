"""The build manifest: what each output was made from, so unchanged outputs are skipped.

It lives in the output folder as ``.briefpack-manifest.json`` and is versioned:
a missing, corrupt or older manifest is simply ignored (a full rebuild), never
an error.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from generator import __version__

FORMAT = 1
NAME = ".briefpack-manifest.json"


def file_hash(path: Path) -> str:
    """Return the SHA-256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


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
class Manifest:
    """Per pack folder: the inputs last seen, and per job the inputs and files it produced."""

    packs: dict[str, dict[str, Any]] = field(default_factory=dict)

    @classmethod
    def load(cls, out: Path) -> Manifest:
        """Return the manifest in ``out``, or an empty one if it is missing, corrupt or old."""
        try:
            data = json.loads((out / NAME).read_text("utf-8"))
        except (OSError, ValueError):
            return cls()
        if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("packs"), dict):
            return cls()
        return cls(data["packs"])

    def save(self, out: Path) -> None:
        from generator.outputs import write_atomic

        text = json.dumps({"format": FORMAT, "packs": self.packs}, indent=1, sort_keys=True)
        write_atomic(out / NAME, text.encode("utf-8"))
