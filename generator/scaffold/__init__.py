"""Scaffold a new, valid pack that builds at once (``briefpack new NAME``).

The starter files show every section with a comment on each field, and name
the JSON Schema on their first line, so an editor with a YAML extension
autocompletes and checks fields as they are typed. The schema file is written
beside the briefs folder (the project root) and kept current on each ``new``.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from importlib.resources import files
from pathlib import Path

from generator.content.fields import ID_PATTERN
from generator.errors import UsageError, display_path

FILES = ("pack.yaml", "content.yaml", "sources.yaml")
SCHEMA_FILE = "briefpack.schema.json"


def schema_comment(pack_folder: Path, schema: Path) -> str:
    """Return the first line that points YAML editors (the yaml-language-server) at ``schema``."""
    return f"# yaml-language-server: $schema={Path(os.path.relpath(schema, pack_folder)).as_posix()}"


def write_schema(project: Path) -> Path:
    """Write the content schema to ``project/briefpack.schema.json`` unless it is already current."""
    from generator.content.jsonschema import schema_text

    path = project / SCHEMA_FILE
    text = schema_text()
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
    return path


def new_pack(briefs: Path, name: str, today: dt.date | None = None) -> Path:
    """Create ``briefs/<name>/`` from the commented starter files; return the folder."""
    if not re.fullmatch(ID_PATTERN, name):
        raise UsageError(f"'{name}' is not a valid pack name: use lower-case letters, digits and hyphens, "
                         f"starting with a letter or digit (e.g. '{_suggest(name)}')")
    folder = briefs / name
    if folder.exists():
        raise UsageError(f"{display_path(folder)} already exists; choose another name")
    folder.mkdir(parents=True)
    schema = write_schema(briefs.resolve().parent)
    values = {"{{id}}": name, "{{date}}": (today or dt.date.today()).isoformat(),
              "{{schema}}": schema_comment(folder.resolve(), schema)}
    for filename in FILES:
        text = files("generator.scaffold").joinpath(filename.replace(".yaml", ".yaml.txt")).read_text("utf-8")
        for key, value in values.items():
            text = text.replace(key, value)
        (folder / filename).write_text(text, encoding="utf-8")
    return folder


def _suggest(name: str) -> str:
    """Return a valid pack name close to ``name``."""
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return slug or "my-pack"
