"""Fixed wording in the pack's language: gettext catalogues read with Babel, found along CLDR's parents.

Templates mark fixed wording with ``{{ _("Key messages") }}``; the renderers'
and ``words``' own phrases ("Page X of Y", status names, section titles) are
listed in ``messages/labels.yaml``. Both are English (en-AU) source strings,
translated by ``messages/<locale>.po``. A language without a catalogue of its
own takes its CLDR parent's (en-IE → en-001, es-MX → es-419 → es), so an
Irish pack reads British wording, not the source language. A string a
catalogue lacks falls back to the English source and ``briefpack check``
reports it.
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
from generator.templates import Templates

SOURCE_LANGUAGE = "en-AU"


@dataclass(frozen=True)
class Wording:
    """The translations for one language and the labels in it."""

    translations: NullTranslations
    labels: dict[str, str]


def locale_chain(language: str) -> list[str]:
    """Return ``language`` and its CLDR parents, most specific first: en-IE → [en-IE, en-001, en]."""
    from babel.core import get_global

    parents = get_global("parent_exceptions")
    tag = language.replace("-", "_")
    chain = [tag]
    while True:
        parent = parents.get(tag) or ("_".join(tag.split("_")[:-1]) if "_" in tag else None)
        if not parent or parent == "root" or parent in chain:
            break
        chain.append(parent)
        tag = parent
    return [t.replace("_", "-") for t in chain]


def catalogue_path(templates: Templates, language: str) -> Path | None:
    """Return the catalogue for ``language``: its own, else its nearest CLDR parent's (None: the source wording)."""
    for tag in locale_chain(language):
        if tag.replace("_", "-") == SOURCE_LANGUAGE:
            return None
        path = templates.find(Path("messages") / f"{tag}.po")
        if path:
            return path
    return None


@lru_cache(maxsize=32)
def _read_catalogue(path: Path, mtime: float) -> Catalog:
    try:
        with path.open("rb") as handle:
            return read_po(handle)
    except Exception as exc:  # Babel raises several kinds on a malformed file
        raise TemplateError(f"{display_path(path)}: cannot read message catalogue ({exc})") from None


def source_labels(templates: Templates) -> dict[str, str]:
    """Return the labels in the source language, from messages/labels.yaml."""
    path = templates.find("messages/labels.yaml")
    if path is None:
        raise TemplateError("messages/labels.yaml: not found in the template folders")
    try:
        data = read_yaml(path).data
    except YamlProblem as exc:
        raise TemplateError(str(exc.problem)) from None
    return {str(key): str(value) for key, value in data.items()}


def wording(templates: Templates, language: str) -> Wording:
    """Return the translations and translated labels for ``language``."""
    labels = source_labels(templates)
    path = catalogue_path(templates, language)
    if path is None:
        translations: NullTranslations = NullTranslations()
    else:
        buffer = io.BytesIO()
        write_mo(buffer, _read_catalogue(path, path.stat().st_mtime))
        buffer.seek(0)
        translations = Translations(buffer)
    translated = {key: translations.gettext(text) if text else text for key, text in labels.items()}
    return Wording(translations, translated)


def message_ids(templates: Templates) -> dict[str, str]:
    """Return every source string (template ``_()`` calls and labels) with where it is used."""
    from babel.messages.extract import extract
    from jinja2.ext import babel_extract

    found: dict[str, str] = {}
    for path in templates.files("*.j2").values():
        with path.open("rb") as handle:
            extracted = extract(babel_extract, handle, keywords={"_": None})  # type: ignore[arg-type]
            for line, message, _comments, _context in extracted:
                if isinstance(message, str):
                    found.setdefault(message, f"{display_path(path)}:{line}")
    labels = templates.find("messages/labels.yaml")
    for text in source_labels(templates).values():
        if text:
            found.setdefault(text, display_path(labels) if labels else "labels.yaml")
    return found


def missing_translations(templates: Templates, language: str) -> list[Problem]:
    """Return a warning for each source string the catalogue used for ``language`` does not translate."""
    if language == SOURCE_LANGUAGE:
        return []
    path = catalogue_path(templates, language)
    if path is None:
        if "en" in [tag.split("-")[0] for tag in locale_chain(language)]:
            return []  # English without a catalogue of its own: the source wording is English
        chain = ", ".join(f"{tag}.po" for tag in locale_chain(language))
        return [Problem("messages", 0, 0, "", f"no catalogue for '{language}' (looked for {chain}); "
                                              "fixed wording prints in English", "warning")]
    catalog = _read_catalogue(path, path.stat().st_mtime)
    problems = []
    for message, where in message_ids(templates).items():
        entry = catalog.get(message)
        if entry is None or not entry.string or entry.fuzzy:
            problems.append(Problem(display_path(path), 0, 0, "",
                                    f"no translation for '{message}' (used at {where}); English is printed",
                                    "warning"))
    return problems
