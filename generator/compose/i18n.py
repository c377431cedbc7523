"""Fixed wording in the pack's language: gettext catalogues read with Babel.

Templates mark fixed wording with ``{{ _("Key messages") }}``; the renderers'
own words ("Page X of Y", status names) are listed in ``messages/labels.yaml``.
Both are English (en-AU) source strings, translated by
``templates/messages/<language>.po``. A string a catalogue lacks falls back to
the English source and ``briefpack check`` reports it.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

from generator.content.yamlsource import YamlProblem, read_yaml
from generator.errors import Problem, TemplateError, display_path

SOURCE_LANGUAGE = "en-AU"


@dataclass(frozen=True)
class Wording:
    """The translations for one language and the renderers' labels in it."""

    translations: NullTranslations
    labels: dict[str, str]


def catalogue_path(templates: Path, language: str) -> Path | None:
    """Return the most specific catalogue for ``language`` (es-ES.po, then es.po), if any."""
    folder = templates / "messages"
    for name in (language, language.split("-")[0]):
        path = folder / f"{name}.po"
        if path.is_file():
            return path
    return None


@lru_cache(maxsize=32)
def _read_catalogue(path: Path, mtime: float) -> Catalog:
    try:
        with path.open("rb") as handle:
            return read_po(handle)
    except Exception as exc:  # Babel raises several kinds on a malformed file
        raise TemplateError(f"{display_path(path)}: cannot read message catalogue ({exc})") from None


def source_labels(templates: Path) -> dict[str, str]:
    """Return the renderers' labels in the source language, from messages/labels.yaml."""
    path = templates / "messages" / "labels.yaml"
    try:
        data = read_yaml(path).data
    except YamlProblem as exc:
        raise TemplateError(str(exc.problem)) from None
    return {str(key): str(value) for key, value in data.items()}


def wording(templates: Path, language: str) -> Wording:
    """Return the translations and translated labels for ``language``."""
    labels = source_labels(templates)
    path = None if language == SOURCE_LANGUAGE else catalogue_path(templates, language)
    if path is None:
        translations: NullTranslations = NullTranslations()
    else:
        buffer = io.BytesIO()
        write_mo(buffer, _read_catalogue(path, path.stat().st_mtime))
        buffer.seek(0)
        translations = Translations(buffer)
    translated = {key: translations.gettext(text) if text else text for key, text in labels.items()}
    return Wording(translations, translated)


def message_ids(templates: Path) -> dict[str, str]:
    """Return every source string (template ``_()`` calls and labels) with where it is used."""
    from babel.messages.extract import extract
    from jinja2.ext import babel_extract

    found: dict[str, str] = {}
    for path in sorted(templates.glob("*.j2")):
        with path.open("rb") as handle:
            extracted = extract(babel_extract, handle, keywords={"_": None})  # type: ignore[arg-type]
            for line, message, _comments, _context in extracted:
                if isinstance(message, str):
                    found.setdefault(message, f"{display_path(path)}:{line}")
    labels_path = display_path(templates / "messages" / "labels.yaml")
    for text in source_labels(templates).values():
        if text:
            found.setdefault(text, labels_path)
    return found


def missing_translations(templates: Path, language: str) -> list[Problem]:
    """Return a warning for each source string the catalogue for ``language`` does not translate."""
    if language == SOURCE_LANGUAGE:
        return []
    path = catalogue_path(templates, language)
    if path is None:
        return [Problem(display_path(templates / "messages"), 0, 0, "",
                        f"no catalogue for '{language}' ({language}.po or {language.split('-')[0]}.po); "
                        f"fixed wording prints in English", "warning")]
    catalog = _read_catalogue(path, path.stat().st_mtime)
    problems = []
    for message, where in message_ids(templates).items():
        entry = catalog.get(message)
        if entry is None or not entry.string or entry.fuzzy:
            problems.append(Problem(display_path(path), 0, 0, "",
                                    f"no translation for '{message}' (used at {where}); English is printed",
                                    "warning"))
    return problems
