"""Find the packs a command should work on."""

from __future__ import annotations

from pathlib import Path

from generator.errors import BriefpackError, UsageError, display_path
from generator.templates import Templates


def find_packs(briefs: Path, names: tuple[str, ...] = ()) -> list[Path]:
    """Return pack folders: the named ones (a name under ``briefs`` or a path), else all."""
    if names:
        folders = []
        for name in names:
            candidate = Path(name)
            if not candidate.is_dir():
                candidate = briefs / name
            if not candidate.is_dir():
                raise UsageError(f"{name}: no such pack in {display_path(briefs)}/{_known_packs(briefs, name)}")
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


def _known_packs(briefs: Path, name: str) -> str:
    """Return " (did you mean 'x'?)" or " (packs: a, b)" for an unknown pack name."""
    from generator.content.explain import did_you_mean

    known = sorted(p.name for p in briefs.iterdir() if p.is_dir() and any(p.glob("*.yaml"))) \
        if briefs.is_dir() else []
    if not known:
        return " (it has no packs; `briefpack new NAME` makes one)"
    return did_you_mean(name, known) or f" (packs: {', '.join(known)})"


def check_theme_option(templates: Templates, name: str | None) -> None:
    """Refuse a --theme that names no theme, listing the themes there are."""
    if name is None or templates.theme_folder(name) is not None:
        return
    from generator.content.explain import did_you_mean

    known = templates.theme_names()
    raise UsageError(f"--theme {name}: no such theme{did_you_mean(name, known)}; themes: {', '.join(known)}")


def template_search(briefs: Path, option: Path | None = None) -> Templates:
    """Return where templates are looked up: ``option`` or the ``templates/`` next to ``briefs``, then the built-ins."""
    return Templates.with_builtins(option if option is not None else briefs.parent / "templates")


def copy_builtin(names: tuple[str, ...], into: Path) -> list[Path]:
    """Copy the built-in template files ``names`` into ``into`` (a project's own templates); return the copies.

    Refuses a name that is not a built-in file or that ``into`` already has, before copying anything.
    """
    import shutil

    from generator.content.explain import did_you_mean
    from generator.templates import BUILTIN

    builtins = Templates((BUILTIN,)).files("**/*")
    problems = []
    for name in names:
        if name not in builtins:
            problems.append(f"{name}: not a built-in template file{did_you_mean(name, builtins)}")
        elif (into / name).exists():
            problems.append(f"{display_path(into / name)} already exists; edit it, or delete it to start again")
    if problems:
        raise BriefpackError("; ".join(problems))
    copies = []
    for name in names:
        target = into / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(builtins[name], target)
        copies.append(target)
    return copies
