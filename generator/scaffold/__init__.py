"""Scaffold a new, valid pack that builds at once (``briefpack new NAME``)."""

from __future__ import annotations

import datetime as dt
import re
from importlib.resources import files
from pathlib import Path

from generator.content.fields import ID_PATTERN
from generator.errors import BriefpackError, display_path

FILES = ("pack.yaml", "content.yaml", "sources.yaml")


def new_pack(briefs: Path, name: str, today: dt.date | None = None) -> Path:
    """Create ``briefs/<name>/`` from the commented starter files; return the folder."""
    if not re.fullmatch(ID_PATTERN, name):
        raise BriefpackError(f"'{name}' is not a valid pack name (lower-case letters, digits and hyphens)")
    folder = briefs / name
    if folder.exists():
        raise BriefpackError(f"{display_path(folder)} already exists; choose another name")
    folder.mkdir(parents=True)
    date = (today or dt.date.today()).isoformat()
    for filename in FILES:
        text = files("generator.scaffold").joinpath(filename.replace(".yaml", ".yaml.txt")).read_text("utf-8")
        (folder / filename).write_text(text.replace("{{id}}", name).replace("{{date}}", date), encoding="utf-8")
    return folder
