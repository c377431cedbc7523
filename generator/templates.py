"""Where templates, messages and themes are found: a project's own folder first, then briefpack's built-ins.

briefpack ships its templates, message catalogues and themes inside the
package (``generator/builtin_templates/``), so it works in any folder. A
project overrides them file by file, as MkDocs' ``custom_dir`` does: a file in
its own ``templates/`` folder (next to ``briefs/``, or named with
``--templates``) is used instead of the built-in file with the same name, and
every other file still comes from the built-ins.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

BUILTIN = Path(__file__).resolve().parent / "builtin_templates"


@dataclass(frozen=True)
class Templates:
    """An ordered search path of template folders: the first folder holding a file wins."""

    folders: tuple[Path, ...]

    @classmethod
    def with_builtins(cls, *overrides: Path | None) -> Templates:
        """Return the search path: the existing ``overrides`` (in order), then the built-ins."""
        own = tuple(folder for folder in overrides if folder is not None and folder.is_dir())
        return cls(tuple(dict.fromkeys([*own, BUILTIN])))

    def find(self, relative: str | Path) -> Path | None:
        """Return the file at ``relative`` in the first folder that has it."""
        for folder in self.folders:
            path = folder / relative
            if path.exists():
                return path
        return None

    def files(self, pattern: str) -> dict[str, Path]:
        """Return the files matching ``pattern`` (e.g. ``"*.j2"``), by relative name, the first folder winning."""
        found: dict[str, Path] = {}
        for folder in self.folders:
            for path in sorted(folder.glob(pattern)):
                if path.is_file():
                    found.setdefault(path.relative_to(folder).as_posix(), path)
        return dict(sorted(found.items()))

    def stamp(self, pattern: str = "*.j2") -> tuple[tuple[str, int], ...]:
        """Return each template's name and modification time: a cache of what they make is stale when it changes."""
        return tuple((name, path.stat().st_mtime_ns) for name, path in self.files(pattern).items())

    def theme_folder(self, name: str) -> Path | None:
        """Return the folder of theme ``name``: the first that has a theme.yaml."""
        found = self.find(Path("themes") / name / "theme.yaml")
        return found.parent if found else None

    def theme_names(self) -> list[str]:
        """Return the names of every theme on the search path, sorted."""
        return sorted({path.split("/")[1] for path in self.files("themes/*/theme.yaml")})
