"""Plain language: how hard each edition's own words are to read, and the words a pack chooses not to use.

A community guide is read by people with little schooling, and an official
reads a briefing between meetings; a pack can ask for plain words per variant
(``readability: {max_grade: 8, max_sentence_words: 20}``). The measure is the
Flesch–Kincaid grade, ``0.39 × words/sentences + 11.8 × syllables/words − 15.59``,
with syllables counted by the edition language's hyphenation dictionary
(pyphen, the dictionaries LibreOffice uses). Flesch and Kincaid calibrated it on
English; for another language it ranks texts by the same sentence and word
lengths, so a limit still means "shorter sentences, shorter words", but its
grade is not a school year there.

Only the pack's own words are measured: quotations are verbatim (a witness's
words are not made plainer), attributions describe a person as the source
does, the sources list is for the reader who checks, and titles and names are
too short to measure. Given what each edition prints, an edition is measured
by the texts it prints (a shorter guide is not graded on what it leaves
out). ``check`` and ``build`` warn at each text above a limit, naming its
longest sentence; ``check`` prints each edition's median grade.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from generator.content.fieldpath import dotted, hidden_from, inside
from generator.content.loader import LoadedPack
from generator.content.schema import Readability
from generator.content.sentences import sentences, words
from generator.errors import Problem, display_path
from generator.translate.entries import Entry, pack_entries

SHORTEST = 12  # words: a title or a name is no text to grade


@dataclass(frozen=True)
class Measure:
    """How hard one text is: its grade, its sentences and words, and its longest sentence."""

    grade: float
    words: int
    longest: str
    longest_words: int


def measure(text: str, language: str) -> Measure:
    """Return the Flesch–Kincaid grade of ``text`` in ``language`` and its longest sentence."""
    found = sentences(text)
    counted = [w for s in found for w in words(s)]
    if not counted:
        return Measure(0.0, 0, "", 0)
    dictionary = _dictionary(language)
    syllables = sum(_syllables(word, dictionary) for word in counted)
    grade = 0.39 * len(counted) / len(found) + 11.8 * syllables / len(counted) - 15.59
    longest = max(found, key=lambda s: len(words(s)))
    return Measure(round(grade, 1), len(counted), longest, len(words(longest)))


@lru_cache(maxsize=8)
def _dictionary(language: str) -> Any:
    import pyphen

    found = pyphen.language_fallback(language.replace("-", "_")) or "en_GB"
    return pyphen.Pyphen(lang=found)


def _syllables(word: str, dictionary: Any) -> int:
    """Return the syllables of ``word``: its hyphenation points plus one (numbers count one per digit group)."""
    if word[0].isdigit():
        return 1
    return len(dictionary.positions(word.lower())) + 1


@dataclass(frozen=True)
class EditionGrade:
    """One edition's median grade over its measured texts, and how many are above its limit."""

    variant: str
    median: float
    texts: int
    above: int


PlainLanguage = tuple[list[Problem], list["EditionGrade"]]


def readability_problems(loaded: LoadedPack, printed: Mapping[str, str] | None = None) -> PlainLanguage:
    """Return warnings for texts above each edition's limits and words the pack avoids, and each edition's grade.

    ``printed`` holds, by variant id ('' for a pack's only edition), the text
    its handout prints (as ``origins.plain`` gives it): an edition is then
    measured by the texts it prints, so a shorter community guide is graded on
    its own words, not on the sections it leaves out. A `slide:` text is
    measured where its item's text is printed. Without it, every text the
    edition's audience may see is measured.
    """
    pack = loaded.content
    entries = [e for e in pack_entries(loaded) if not e.quoted and not _presenters(e)]
    problems = _avoided(loaded, entries)
    entries = [e for e in entries if not _as_the_source_gives_it(e)]
    language = pack.meta.language
    measured = [(e, measure(e.text, language)) for e in entries if len(words(e.text)) >= SHORTEST]
    grades = []
    for variant, audience, limits in _editions(pack):
        hidden = hidden_from(pack, audience)
        seen = [(e, m) for e, m in measured if not inside(e.path, hidden)]
        if printed is not None and (variant or "") in printed:
            shown = _printed_paths(entries, printed[variant or ""])
            seen = [(e, m) for e, m in seen if e.path in shown]
        for entry, found in seen:
            message = _over(found, limits) if limits else ""
            if message:
                problems.append(_at(loaded, entry, f"{variant or 'edition'}: {message}"))
        if seen:
            above = sum(1 for _, m in seen if limits and limits.max_grade and m.grade > limits.max_grade)
            grades.append(EditionGrade(variant, round(statistics.median(m.grade for _, m in seen), 1), len(seen),
                                       above))
    return problems, grades + _easy_read_grades(pack)


def _easy_read_grades(pack: Any) -> list[EditionGrade]:
    """Return the grade of each Easy Read edition: over its rows, however short (they are its whole text).

    Its sentences' length is a rule of the format (``content.easy_read``), so
    no row is above a limit here; the grade shows how plain its words are.
    """
    from generator.content.easy_read import easy_rows

    easy = pack.easy_read
    if easy is None:
        return []
    editions = {variant: audience for variant, audience, _ in _editions(pack)}
    grades = []
    for variant in easy.made_for(list(editions)):
        audience = editions.get(variant)
        hidden = hidden_from(pack, audience)
        rows = [row.text for path, row in easy_rows(pack) if not inside(path, hidden)]
        if rows:
            found = [measure(text, pack.meta.language).grade for text in rows]
            grades.append(EditionGrade(f"{variant} Easy Read".strip(), round(statistics.median(found), 1),
                                       len(rows), 0))
    return grades


def _printed_paths(entries: list[Entry], text: str) -> set[tuple[Any, ...]]:
    """Return the paths of the entries whose words ``text`` prints, and of the `slide:` texts of those items."""
    from generator.content.origins import plain

    shown = {e.path for e in entries if plain(e.text) in text}
    return shown | {e.path for e in entries if e.path[-1:] == ("slide",) and (*e.path[:-1], "text") in shown}


def _as_the_source_gives_it(entry: Entry) -> bool:
    """Return whether ``entry`` is worded by its source, not the pack: an attribution, or the sources list.

    An attribution describes a person exactly as the source describes them,
    and a source's note says what was and was not checked, for the reader who
    checks: neither may be reworded to be plainer. Avoided words are still
    looked for in them.
    """
    return entry.path[0] == "sources" or entry.path[-1] in ("attribution", "short_attribution")


def _presenters(entry: Entry) -> bool:
    """Return whether ``entry`` is words for the presenter (speaker notes), which no reader of the edition reads."""
    return entry.path[0] == "speaker_notes" or "notes" in entry.path


def _editions(pack: Any) -> list[tuple[str, str | None, Readability | None]]:
    """Return (variant id, audience, limits) of each edition in the pack's own language."""
    if not pack.meta.variants:
        return [("", None, pack.meta.readability)]
    return [(v.id, v.audience, v.readability or pack.meta.readability) for v in pack.meta.variants]


def _over(found: Measure, limits: Readability) -> str:
    """Return what in a text is above ``limits``, with its longest sentence, or ''."""
    reasons = []
    if limits.max_grade is not None and found.grade > limits.max_grade:
        reasons.append(f"reading grade {found.grade:g} (at most {limits.max_grade:g})")
    if limits.max_sentence_words is not None and found.longest_words > limits.max_sentence_words:
        reasons.append(f"a sentence of {found.longest_words} words (at most {limits.max_sentence_words})")
    if not reasons:
        return ""
    start = " ".join(found.longest.split()[:8])
    return (f"{' and '.join(reasons)}; its longest sentence: '{start}…' ({found.longest_words} words): split it "
            "or use shorter words")


def _avoided(loaded: LoadedPack, entries: list[Entry]) -> list[Problem]:
    """Return a warning at each use, in the pack's own words, of a term its vocabulary avoids."""
    problems = []
    for avoided in loaded.content.vocabulary.avoid:
        pattern = re.compile(rf"(?<![\w-]){re.escape(avoided.term)}(?:e?s)?(?![\w-])", re.IGNORECASE)
        instead = f": write '{avoided.instead}'" if avoided.instead else ""
        names = [re.compile(re.escape(_straight(name)), re.IGNORECASE) for name in avoided.names]
        for entry in entries:
            text = _straight(entry.text)
            for name in names:
                text = name.sub(" ", text)  # "Riders' Union" is a name, not the pack's word
            found = pattern.search(text)
            if found and entry.path[-1:] != ("term",):  # a glossary may define the word it avoids
                problems.append(_at(loaded, entry, f"uses '{found.group(0)}', a term this pack avoids outside "
                                           f"quotations{instead} (vocabulary.avoid)"))
    return problems


def _straight(text: str) -> str:
    return text.replace("’", "'").replace("‘", "'")


def _at(loaded: LoadedPack, entry: Entry, message: str) -> Problem:
    """Return a warning at the file, line and column where ``entry``'s text was written."""
    source = loaded.sources.get(str(entry.path[0]))
    line, column = source.position(entry.path) if source else (entry.line, 1)
    return Problem(display_path(entry.file), line, column, dotted(entry.path), message, "warning")
