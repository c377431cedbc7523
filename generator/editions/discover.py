"""Find the packs a command should work on."""

from __future__ import annotations

from pathlib import Path

from generator.errors import BriefpackError, display_path


def find_packs(briefs: Path, names: tuple[str, ...] = ()) -> list[Path]:
    """Return pack folders: the named ones (a name under ``briefs`` or a path), else all."""
    if names:
        folders = []
        for name in names:
            candidate = Path(name)
            if not candidate.is_dir():
                candidate = briefs / name
            if not candidate.is_dir():
                raise BriefpackError(f"{name}: no such pack (looked in {display_path(briefs)}/)")
            folders.append(candidate)
        return folders
    if not briefs.is_dir():
        raise BriefpackError(f"{display_path(briefs)}: briefs folder not found")
    folders = sorted(
        p for p in briefs.iterdir() if p.is_dir() and any(p.glob("*.yaml")) and not p.name.startswith(".")
    )
    if not folders:
        raise BriefpackError(f"{display_path(briefs)}: no packs found (a pack is a folder of .yaml files)")
    return folders
