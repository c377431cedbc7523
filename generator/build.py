"""Build packs: load, compose, lay out, render every format, then write the files.

Every format of a pack is rendered in memory first; files are written only
when all of them succeeded, each atomically, so a failed build changes nothing.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from generator.content.lint import lint_pack
from generator.content.loader import LoadedPack, load_pack
from generator.document import Logo
from generator.images import read_logo
from generator.errors import BriefpackError, ContentError, display_path
from generator.formats import FORMATS, Artifact
from generator.outputs import write_atomic
from generator.theme import Theme, load_theme
from generator.variants import editions


@dataclass(frozen=True)
class WrittenFile:
    path: Path
    count: int
    unit: str
    size: int


@dataclass(frozen=True)
class PackBuild:
    """What building one pack produced."""

    pack_id: str
    files: tuple[WrittenFile, ...]
    warnings: tuple[str, ...]
    seconds: float


def _logo(loaded: LoadedPack, templates: Path, theme: Theme, theme_name: str) -> Logo | None:
    """Return the pack's logo, else the theme's, read safely from inside its own folder."""
    if loaded.pack.pack.logo:
        where = display_path(loaded.section_files["pack"])
        return read_logo(loaded.folder, loaded.pack.pack.logo, where, "pack.logo")
    if theme.logo:
        folder = templates / "themes" / theme_name
        return read_logo(folder, theme.logo, display_path(folder / "theme.yaml"), "logo")
    return None


def build_pack(folder: Path, templates: Path, out: Path, theme_name: str | None = None) -> PackBuild:
    """Build every format of every edition of the pack in ``folder`` into ``out/<pack id>/``.

    The theme is ``theme_name`` if given, else the one the pack names.
    """
    started = time.perf_counter()
    loaded = load_pack(folder)
    pack = loaded.pack
    theme_name = theme_name or pack.pack.theme
    theme = load_theme(templates, theme_name)
    outputs: list[tuple[str, Artifact]] = []
    warnings = [str(problem) for problem in lint_pack(loaded)]
    for edition in editions(pack, _logo(loaded, templates, theme, theme_name)):
        for name, make in FORMATS.items():
            where = f"{display_path(folder)}: {edition.variant + ': ' if edition.variant else ''}{name}"
            try:
                result = make(edition, templates, theme)
            except ContentError:
                raise
            except BriefpackError as exc:
                raise type(exc)(f"{where}: {exc}") from None
            outputs.extend((edition.filename(pack.pack.id, a.name), a) for a in result.artifacts)
            warnings.extend(result.warnings)
    target = out / pack.pack.id
    written = []
    for filename, artifact in outputs:
        path = target / filename
        write_atomic(path, artifact.data)
        written.append(WrittenFile(path, artifact.count, artifact.unit, len(artifact.data)))
    return PackBuild(pack.pack.id, tuple(written), tuple(warnings), time.perf_counter() - started)
