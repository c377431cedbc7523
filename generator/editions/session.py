"""Load what one command works on: a pack, its theme, its editions and logo, reused while unchanged.

``build``, ``check``, ``list`` and ``watch`` all load a pack through
``load_session``, so they agree on which theme and logo a pack uses. Sessions
are cached per process by the modification times of the pack's files, which
is what makes ``watch`` rebuilds cheap; ``clear_sessions`` forgets them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from types import MappingProxyType

from generator.content.fieldpath import FieldPath
from generator.content.loader import LoadedPack, load_pack
from generator.content.origins import Origins
from generator.editions.images import ImageField, ReadImage, pack_pictures, read_image
from generator.editions.languages import translated_editions, with_languages
from generator.editions.themes import load_theme
from generator.editions.variants import Edition, editions
from generator.errors import BriefpackError, ContentError, Problem, display_path
from generator.templates import Templates
from generator.theme import Theme
from generator.translate.apply import Translated
from generator.translate.catalogue import FOLDER


@dataclass(frozen=True)
class Session:
    """A loaded pack with the theme it is built with and its audience editions."""

    loaded: LoadedPack
    theme_name: str
    theme: Theme
    editions: tuple[Edition, ...]
    problems: tuple[Problem, ...] = ()  # what loading noticed besides the content: metadata left out of a logo
    translations: dict[str, Translated] = field(default_factory=dict)  # by language: what is stale, missing
    _translated_origins: dict[str, Origins] = field(default_factory=dict, repr=False, compare=False)

    @property
    def pack_id(self) -> str:
        return self.loaded.content.meta.id

    @cached_property
    def origins(self) -> Origins:
        """Where each piece of the pack's text was written, for messages about laid-out text (kept per session)."""
        return Origins(self.loaded.sources)

    def origins_for(self, language: str | None) -> Origins:
        """Return where an edition's text was written: for a translated one, its catalogue's lines first."""
        if language is None:
            return self.origins
        if language not in self._translated_origins:
            from generator.translate.catalogue import TranslatedOrigins, catalogue_path, read_catalogue

            path = catalogue_path(self.loaded.folder, language)
            self._translated_origins[language] = TranslatedOrigins(self.loaded.sources, path, read_catalogue(path))
        return self._translated_origins[language]

    def edition(self, variant: str | None, language: str | None = None) -> Edition:
        """Return the edition for ``variant`` (None: the pack's only one) in ``language`` (None: the pack's)."""
        return next(e for e in self.editions if e.variant == variant and e.language == language)


_SESSIONS: dict[tuple[str, Templates, str | None], tuple[tuple[str, ...], Session]] = {}


def _stamp(folder: Path) -> tuple[str, ...]:
    files = [p for p in folder.iterdir() if p.is_file()] + sorted((folder / FOLDER).glob("*.po"))
    return tuple(f"{p}:{p.stat().st_mtime_ns}:{p.stat().st_size}" for p in sorted(files))


def load_session(folder: Path, templates: Templates, theme_name: str | None = None) -> Session:
    """Return the pack in ``folder`` with its theme (``theme_name`` or the pack's own) and editions.

    Raises ``ContentError`` for an invalid pack, theme or logo.
    """
    key = (str(folder), templates, theme_name)
    stamp = _stamp(folder) if folder.is_dir() else ()
    cached = _SESSIONS.get(key)
    if cached and cached[0] == stamp:
        return cached[1]
    loaded = load_pack(folder)
    name = theme_name or loaded.content.meta.theme
    if theme_name is None and templates.theme_folder(name) is None:
        raise ContentError([_unknown_theme(loaded, templates, name)])
    missing = _missing_templates(loaded, templates)
    if missing:
        raise ContentError(missing)
    theme = load_theme(templates, name)
    image = _logo(loaded, templates, theme, name)
    logo = image.logo if image else None
    notes = (image.note,) if image and image.note else ()
    translated, translations = translated_editions(loaded, logo)
    every = with_languages([*editions(loaded.content, logo), *translated])
    pictures, picture_notes = pack_pictures(loaded)
    if pictures:
        every = [replace(edition, pictures=MappingProxyType(pictures)) for edition in every]
    session = Session(loaded, name, theme, tuple(every), notes + picture_notes, translations)
    _SESSIONS[key] = (stamp, session)
    return session


def load_sessions(folders: Iterable[Path], templates: Templates,
                  theme_name: str | None = None) -> Iterator[tuple[Path, Session | None]]:
    """Yield each pack folder with its session, or None where its content does not load now.

    For the preview: one pack's error (shown in its banner) must not hide the others.
    """
    for folder in folders:
        try:
            yield folder, load_session(folder, templates, theme_name)
        except BriefpackError:
            yield folder, None


def clear_sessions() -> None:
    """Forget every cached session (the next load reads the files again)."""
    _SESSIONS.clear()


def _logo(loaded: LoadedPack, templates: Templates, theme: Theme, theme_name: str) -> ReadImage | None:
    """Return the pack's logo, else the theme's, read safely from inside its own folder and cleaned."""
    meta = loaded.content.meta
    if meta.logo:
        source = loaded.sources.get("pack")
        line, column = source.position(("pack", "logo")) if source else (0, 0)
        where = display_path(loaded.section_files["pack"])
        image = read_image(ImageField(loaded.folder, where, "pack.logo", line, column), meta.logo)
        return replace(image, logo=replace(image.logo, alt=meta.logo_alt or ""))
    folder = templates.theme_folder(theme_name)
    if theme.logo and folder is not None:
        from generator.content.yamlsource import read_yaml

        theme_file = read_yaml(folder / "theme.yaml")
        return read_image(ImageField(folder, theme_file.name, "logo", *theme_file.position(("logo",))), theme.logo)
    return None


def _unknown_theme(loaded: LoadedPack, templates: Templates, name: str) -> Problem:
    """Return the problem of a pack naming a theme there is not, at its line in pack.yaml."""
    from generator.content.explain import did_you_mean

    known = templates.theme_names()
    source = loaded.sources.get("pack")
    line, column = source.position(("pack", "theme")) if source else (0, 0)
    where = source.name if source else display_path(loaded.folder)
    return Problem(where, line, column, "pack.theme", f"no theme '{name}'{did_you_mean(name, known)}; "
                                                       f"themes: {', '.join(known)}")


def _missing_templates(loaded: LoadedPack, templates: Templates) -> list[Problem]:
    """Return a problem for each template a variant names that no template folder has, at its line."""
    from generator.content.explain import did_you_mean

    source = loaded.sources.get("pack")
    known = list(templates.files("*.j2"))
    problems = []
    for index, variant in enumerate(loaded.content.meta.variants):
        named = {f"{kind}_template": getattr(variant, f"{kind}_template") for kind in ("handout", "deck", "summary")}
        named.update({f"templates.{fmt}": name for fmt, name in variant.templates.items()})
        for where, name in named.items():
            found = templates.find(name) if name else None
            if name and (found is None or not found.is_file()):
                path: FieldPath = ("pack", "variants", index, *where.split("."))
                line, column = source.position(path) if source else (0, 0)
                problems.append(Problem(source.name if source else display_path(loaded.folder), line, column,
                                        f"pack.variants[{index + 1}].{where}",
                                        f"no template '{name}'{did_you_mean(name, known)}; templates: "
                                        f"{', '.join(known)}"))
    return problems
