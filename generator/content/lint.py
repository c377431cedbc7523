"""Warnings about content that is valid but worth an editor's attention."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from generator.content.fieldpath import FieldPath, dotted, model_fields
from generator.content.loader import LoadedPack
from generator.content.yamlsource import read_yaml
from generator.errors import Problem, display_path


def _references(pack: Any) -> Iterator[tuple[FieldPath, str]]:
    """Yield (path, source id) for every source reference in the validated pack."""
    for path, _, key, value in model_fields(pack):
        if key == "source" and isinstance(value, str) and path and path[0] != "sources":
            yield path + (key,), value
        elif key == "sources" and isinstance(value, list) and path:
            for index, item in enumerate(value):
                yield path + (key, index), item


OPTIONAL_SECTIONS = ("definitions", "evidence", "lived_experience", "recommendations", "resources", "glossary")


def lint_pack(loaded: LoadedPack) -> list[Problem]:
    """Return every warning about the pack's content."""
    from generator.content.currency import lint_currency
    from generator.content.placeholders import lint_placeholders
    from generator.content.swallowed import lint_swallowed_keys
    from generator.content.truth import lint_excerpts, lint_experience, lint_quotations, lint_resources

    warn = locator(loaded)
    return (lint_sources(loaded) + lint_glyphs(loaded) + lint_urls(loaded) + lint_empty_sections(loaded)
            + lint_alt_text(loaded) + lint_resources(loaded, warn) + lint_quotations(loaded, warn)
            + lint_experience(loaded, warn) + lint_excerpts(loaded, warn) + lint_currency(loaded, warn)
            + lint_placeholders(loaded, warn) + lint_swallowed_keys(loaded, warn) + lint_built_in_words(loaded, warn)
            + lint_unsourced_details(loaded, warn))


def lint_built_in_words(loaded: LoadedPack, warn: Any) -> list[Problem]:
    """Return one warning when the pack's models describe parties it never named: the outputs use built-in words.

    briefpack's default parties ("Selling", "Buying", "Third parties") suit some
    topics and not others; a pack on assisted dying that declares none prints
    them on every model. Said once, at the vocabulary (or the pack), with the fix.
    """
    vocabulary = loaded.content.vocabulary
    if not loaded.content.models or (vocabulary.parties and all(p.label for p in vocabulary.parties)):
        return []
    effects = "" if all(e.label for e in vocabulary.effects) and vocabulary.effects else (
        " and effects ('Safety', 'Health', 'Rights')")
    where = ("vocabulary",) if "vocabulary" in loaded.section_files else ("pack",)
    return [warn(where, "the pack does not name its parties, so every model is described with briefpack's "
                        f"built-in parties ('Selling', 'Buying', 'Third parties'){effects}: give each party of "
                        "`vocabulary: parties:` (and `effects:`) a label in your topic's words, even the same ones")]


def lint_unsourced_details(loaded: LoadedPack, warn: Any) -> list[Problem]:
    """Return a warning for each model detail that prints without a source: every printed fact carries one."""
    return [warn(("models", index, "details", field), f"'{field}' prints as a fact with no source: write it as "
                                                      f"{{text: …, sources: [id]}}")
            for index, model in enumerate(loaded.content.models)
            for field, value in model.details.items() if isinstance(value, str)]


def locator(loaded: LoadedPack) -> Any:
    """Return ``warn(path, message)``: a warning at the file, line and column where ``path`` was written."""
    files = loaded.sources or {section: read_yaml(path) for section, path in loaded.section_files.items()}

    def warn(path: FieldPath, message: str) -> Problem:
        source = files.get(str(path[0])) if path else None
        line, col = source.position(path) if source else (0, 0)
        name = source.name if source else display_path(loaded.folder)
        return Problem(name, line, col, dotted(path), message, "warning")

    return warn


def lint_urls(loaded: LoadedPack) -> list[Problem]:
    """Return a warning for each resource (printed with a QR code) whose URL is not https."""
    warn = locator(loaded)
    return [warn(("resources", index, "url"), f"'{item.url}' is not https; readers scanning the QR code "
                                              "deserve the https address if the site has one")
            for index, item in enumerate(loaded.content.resources) if not item.url.startswith("https://")]


def lint_empty_sections(loaded: LoadedPack) -> list[Problem]:
    """Return a warning for each optional section written but left empty (its part of the outputs is left out).

    A section a pack simply does not have is a choice, not a mistake; a
    section key with no items under it is usually items commented out or lost.
    """
    warn = locator(loaded)
    return [warn((section,), f"section '{section}' is empty; its part of the handout and deck is left out")
            for section in OPTIONAL_SECTIONS
            if section in loaded.section_files and not getattr(loaded.content, section)]


def lint_alt_text(loaded: LoadedPack) -> list[Problem]:
    """Return a warning when the logo has no alt text of its own."""
    meta = loaded.content.meta
    if meta.logo and not meta.logo_alt:
        message = f"no logo_alt: screen readers will hear 'Logo of {meta.organisation}'"
        return [locator(loaded)(("pack", "logo"), message)]
    return []


def lint_sources(loaded: LoadedPack) -> list[Problem]:
    """Return warnings: unchecked citations (once per source) and sources never cited."""
    pack = loaded.content
    warn = locator(loaded)

    warnings: list[Problem] = []
    cited: set[str] = set()
    unchecked = {s.id for s in pack.sources if not s.checked}
    for path, source_id in _references(pack):
        if source_id in unchecked and source_id not in cited and path[0] != "resources":  # see truth.py
            warnings.append(warn(path, f"cites '{source_id}', which is not checked against the original"))
        cited.add(source_id)
    for index, source in enumerate(pack.sources):
        if source.id not in cited:
            warnings.append(warn(("sources", index, "id"), f"source '{source.id}' is never cited"))
    return warnings


def _strings(pack: Any) -> Iterator[tuple[FieldPath, str]]:
    """Yield (path, text) for every string in the validated pack: fields, list items and keyed values."""
    for path, _, key, value in model_fields(pack):
        here = path + (key,)
        if isinstance(value, str):
            yield here, value
        elif isinstance(value, (list, tuple, dict)):
            items = value.items() if isinstance(value, dict) else enumerate(value)
            yield from ((here + (index,), item) for index, item in items if isinstance(item, str))


def lint_glyphs(loaded: LoadedPack, fonts: tuple[str, ...] = ("atkinson-hyperlegible", "arimo")) -> list[Problem]:
    """Return an error for each character that none of ``fonts`` can draw.

    It would print as a blank box and copy as nothing (U+0000), silently
    losing words: the build stops instead, naming the field.
    """
    from generator.fonts.coverage import glyph_set

    covered = frozenset().union(*(glyph_set(f) for f in fonts))
    warn = locator(loaded)
    errors: list[Problem] = []
    for path, text in _strings(loaded.content):
        missing = sorted({ch for ch in text if ord(ch) not in covered and not ch.isspace()})
        if missing:
            shown = ", ".join(f"'{ch}' (U+{ord(ch):04X})" for ch in missing[:5])
            more = f" and {len(missing) - 5} more" if len(missing) > 5 else ""
            found = warn(path, f"no font briefpack ships can show {shown}{more}; remove or replace "
                               f"{'it' if len(missing) == 1 else 'them'}")
            errors.append(replace(found, severity="error"))
    return errors
