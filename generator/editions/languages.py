"""Translated editions: the pack's variants in each other language it declares, from its catalogues.

``pack.languages`` lists the languages (its own first); each other language's
strings are in ``translations/<language>.po`` (``briefpack translate``
writes it). Its editions are the pack translated (``translate.apply``), then
cut to each variant as the source editions are, for the variants
``pack.translations.<language>.variants`` names (default: all of them).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from generator.content.loader import LoadedPack
from generator.document import Logo
from generator.editions.variants import Edition, editions
from generator.errors import Problem, display_path
from generator.translate.apply import Translated, note_of, translate_pack
from generator.translate.catalogue import catalogue_path, read_catalogue
from generator.translate.entries import entries_for, pack_entries

if TYPE_CHECKING:
    from babel.core import Locale


def translated_languages(loaded: LoadedPack) -> list[str]:
    """Return the languages the pack is translated into (its declared languages but its own)."""
    meta = loaded.content.meta
    return [language for language in meta.languages if language != meta.language]


def translated_editions(loaded: LoadedPack, logo: Logo | None) -> tuple[list[Edition], dict[str, Translated]]:
    """Return every translated edition of the pack, and each language's translation (for ``check``)."""
    languages = translated_languages(loaded)
    if not languages:
        return [], {}
    pack = loaded.content
    out: list[Edition] = []
    translations: dict[str, Translated] = {}
    every = pack_entries(loaded) if languages else []
    for language in languages:
        setting = pack.meta.translations.get(language)
        by = setting.by if setting else None
        path = catalogue_path(loaded.folder, language)
        wanted = setting.variants if setting and setting.variants else None
        entries = entries_for(loaded, wanted, every)
        translated = translate_pack(pack, entries, read_catalogue(path), display_path(path), language, by)
        translations[language] = translated
        for edition in editions(translated.pack, logo):
            if wanted is None or edition.variant in wanted:
                out.append(replace(edition, language=language, translation=note_of(edition.pack, pack, by)))
    return out, translations


def with_languages(editions: list[Edition]) -> list[Edition]:
    """Return the editions, each knowing its variant's editions in every language (for links between them)."""
    out = []
    for edition in editions:
        same = tuple((e.pack.meta.language, e.key) for e in editions if e.variant == edition.variant)
        out.append(replace(edition, languages=same) if len(same) > 1 else edition)
    return out


def language_problems(loaded: LoadedPack, translations: dict[str, Translated], fonts: tuple[str, str]) -> list[Problem]:
    """Return what ``check`` says about the pack's languages and their catalogues.

    Errors: a declared language that is not a language, is written right to
    left (not yet laid out correctly), or whose letters the shipped fonts
    (``fonts``: the handout's and its fallback) lack. Warnings: each stale
    translation (at its catalogue line, naming the content line it comes
    from), how many strings are untranslated, a translation refused.
    """
    meta = loaded.content.meta
    source = loaded.sources.get("pack")
    where = source.name if source else display_path(loaded.folder)
    problems: list[Problem] = []
    if meta.languages and meta.languages[0] != meta.language:
        line, column = source.position(("pack", "languages")) if source else (0, 0)
        problems.append(Problem(where, line, column, "pack.languages",
                                f"the first language must be the pack's own, '{meta.language}'"))
    known_variants = {variant.id for variant in meta.variants}
    for language, setting in meta.translations.items():
        line, column = source.position(("pack", "translations", language)) if source else (0, 0)
        if language not in meta.languages[1:]:
            problems.append(Problem(where, line, column, f"pack.translations.{language}",
                                    f"'{language}' is not one of `languages` ({', '.join(meta.languages)})"))
        unknown = [v for v in setting.variants if v not in known_variants]
        if unknown:
            problems.append(Problem(where, line, column, f"pack.translations.{language}.variants",
                                    f"no variant {', '.join(unknown)} (variants: {', '.join(sorted(known_variants))})"))
    for index, language in enumerate(meta.languages):
        line, column = source.position(("pack", "languages", index)) if source else (0, 0)
        message = unprintable(language, fonts)
        if message:
            problems.append(Problem(where, line, column, f"pack.languages[{index + 1}]", message))
    for language, translated in translations.items():
        path = catalogue_path(loaded.folder, language)
        name = display_path(path)
        if not path.is_file():
            problems.append(Problem(name, 0, 0, "", f"no catalogue for '{language}' yet; run `briefpack translate "
                                                    f"{display_path(loaded.folder)}`", "warning"))
            continue
        for entry, line in translated.stale:
            problems.append(Problem(name, line, 1, entry.id, f"stale: its source at {entry.reference} changed since "
                                    f"it was translated; the {language} editions print the source", "warning"))
        for entry, line in translated.suggested:
            problems.append(Problem(name, line, 1, entry.id, "a suggestion (the same words' translation elsewhere) to "
                                    "confirm: remove its fuzzy flag once it fits here; until then the "
                                    f"{language} editions print the source", "warning"))
        if translated.missing:
            count = len(translated.missing)
            problems.append(Problem(name, 0, 0, "", f"{count} string{'s' if count != 1 else ''} not yet translated; "
                                    f"the {language} editions print {'them' if count != 1 else 'it'} in "
                                    f"{meta.language}", "warning"))
        problems.extend(replace(problem, severity="warning") for problem in translated.problems)
    return problems


def unprintable(language: str, fonts: tuple[str, str]) -> str:
    """Return why ``language`` cannot be printed with ``fonts``, or "" when it can.

    Its letters are taken from CLDR (Babel's data: the language's names for
    languages, places, months and days), which use the whole alphabet.
    """
    from babel.core import Locale, UnknownLocaleError

    from generator.fonts.coverage import glyph_set

    try:
        locale = Locale.parse(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return f"'{language}' is not a language briefpack knows (CLDR); use a BCP 47 tag such as 'es' or 'pt-BR'"
    name = locale.get_display_name("en") or language
    if locale.character_order == "right-to-left":
        return (f"{name} ('{language}') is written right to left, which briefpack cannot lay out yet; "
                "publish this language from another tool for now")
    covered = glyph_set(fonts[0]) | glyph_set(fonts[1])
    missing = sorted({ch for ch in _letters(locale) if ord(ch) not in covered})
    if not missing:
        return ""
    shown = "".join(missing[:12]) + (f" and {len(missing) - 12} more" if len(missing) > 12 else "")
    return (f"{name} ('{language}') needs letters no font briefpack ships has: {shown}; its fonts cover Latin, "
            "Greek, Cyrillic and Hebrew letters, so this language cannot be printed yet")


def _letters(locale: Locale) -> set[str]:
    """Return the letters a language writes, from its CLDR names of languages, places, months and days."""
    texts: list[str] = [*locale.languages.values(), *locale.territories.values()]
    for table in (locale.months, locale.days):
        for context in table.values():
            for width in context.values():
                texts.extend(width.values())
    return {ch for text in texts for ch in text if ch.isalpha()}
