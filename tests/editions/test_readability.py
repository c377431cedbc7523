"""Plain language: reading grade and sentence length per edition, and the words a pack avoids."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from generator.content.loader import load_pack
from generator.editions.readability import measure, readability_problems
from generator.pipeline.check import check_packs
from tests.helpers import TEMPLATES

Change = Callable[[str, str, str], None]
LONG = ("Municipal authorities across Examplia have progressively introduced comprehensive licensing "
        "requirements, administrative inspection regimes and considerable financial obligations for operators "
        "of personal levitation devices. Riders pay.")
PLAIN = "Riders pay a fee. The town checks the boards. Some riders stop."


def warnings(folder: Path) -> list[str]:
    return [str(p) for p in readability_problems(load_pack(folder))[0]]


def test_long_words_in_long_sentences_read_harder_than_short_plain_ones() -> None:
    hard, easy = measure(LONG, "en-AU"), measure(PLAIN, "en-AU")
    assert hard.grade > 14 > 4 > easy.grade
    assert hard.longest.startswith("Municipal authorities") and hard.longest_words == 23
    assert measure("*Riders* pay [a fee](https://examplia.test/fee).", "en").words == 4  # Markdown is not words


def test_a_text_above_the_editions_limits_is_named_at_its_line_with_its_longest_sentence(mini: Path,
                                                                                         change: Change) -> None:
    change("pack.yaml", "    - id: public\n      audience: public\n",
           "    - id: public\n      audience: public\n      readability: {max_grade: 12, max_sentence_words: 20}\n")
    change("content.yaml", "text: A licence in Hill County costs 40 crowns a year.", f"text: {LONG}")
    assert warnings(mini) == [
        "briefs/mini/content.yaml:8:11: warning: key_messages[2].text: public: reading grade "
        f"{measure(LONG, 'en-AU').grade:g} (at most 12) and a sentence of 23 words (at most 20); its longest sentence: "
        "'Municipal authorities across Examplia have progressively introduced comprehensive…' (23 "
        "words): split it or use shorter words"]


def test_quotations_keep_their_words_and_other_audiences_texts_are_theirs(mini: Path, change: Change) -> None:
    change("pack.yaml", "    - id: public\n      audience: public\n",
           "    - id: public\n      audience: public\n      readability: {max_grade: 12}\n")
    change("content.yaml", "text: A hover-scooter is any board that floats and carries one rider.", f"text: {LONG}")
    change("content.yaml", "text: Each ban needs inspectors to enforce it.", f"text: {LONG}")  # experts only
    assert warnings(mini) == []  # a definition is a verbatim quotation; the third key message is for experts


def test_check_prints_each_editions_median_grade(mini: Path) -> None:
    notes = check_packs([mini], TEMPLATES).notes
    assert [n.split(":")[0] for n in notes] == ["mini public", "mini experts"]
    assert all("median reading grade" in n and "(Flesch–Kincaid, en-AU)" in n for n in notes)


def test_a_word_the_pack_avoids_is_named_where_it_is_used_outside_quotations(mini: Path, change: Change) -> None:
    change("pack.yaml", "vocabulary:\n", "vocabulary:\n  avoid:\n    - {term: board, instead: hover-scooter}\n")
    change("content.yaml", "text: Publish the rules in every town hall.", "text: Publish the board rules in every "
           "town hall.")
    found = [w for w in warnings(mini) if "avoids" in w]
    assert found == [f"briefs/mini/content.yaml:{line}: warning: {field}: uses 'board', a term this pack avoids outside "
                     "quotations: write 'hover-scooter' (vocabulary.avoid)"
                     for line, field in [("119:11", "recommendations[1].text"), ("143:17", "glossary[1].definition")]]
    # "I sold more boards once licences began." is a quotation and the definition too: theirs, untouched


def test_a_name_that_contains_the_word_stays_as_it_is(mini: Path, change: Change) -> None:
    change("pack.yaml", "vocabulary:\n", "vocabulary:\n  avoid:\n    - {term: rider, instead: user, names: "
           "[\"Riders' Union\"]}\n")
    change("content.yaml", "text: Publish the rules in every town hall.", "text: Ask the Riders’ Union to publish "
           "the rules in every town hall.")
    assert not [w for w in warnings(mini) if "recommendations[1]" in w]  # its name, typed with a curly apostrophe
    assert [w for w in warnings(mini) if "uses 'Riders'" in w]  # "Riders pay fines." is the pack's own word


SHORT = ('{% extends "handout.md.j2" %}\n{% block body %}\n{{ self.key_messages() }}\n{{ self.sources() }}\n'
         "{% endblock %}\n")  # a shorter guide: key messages and sources only


def short_guide(mini: Path, change: Change, template: str) -> tuple[Path, Any]:
    """Give the public edition its own handout template (``template``), a grade limit and a hard effect text.

    Return the template's file and the templates to load with.
    """
    from generator.editions.session import clear_sessions
    from generator.templates import Templates

    change("pack.yaml", "    - id: public\n      audience: public\n",
           "    - id: public\n      audience: public\n      readability: {max_grade: 12}\n"
           "      handout_template: short.md.j2\n")
    change("content.yaml", "text: Riding fell after the ban.", f"text: '{LONG}'")  # an effect: the full handout's
    own = mini.parent.parent / "templates"
    own.mkdir()
    (own / "short.md.j2").write_text(template, "utf-8")
    clear_sessions()
    return own / "short.md.j2", Templates.with_builtins(own)


def test_an_edition_is_graded_on_what_its_handout_prints(mini: Path, change: Change) -> None:
    """A shorter guide (its own template) is not graded on the sections it leaves out."""
    from generator.editions.session import load_session
    from generator.pipeline.check import plain_language

    _, templates = short_guide(mini, change, SHORT)
    found, grades = plain_language(load_session(mini, templates), templates)
    assert not [p for p in found if "public:" in p.message]  # the effect is not in the short handout
    assert any("experts:" in p.message for p in found) is False  # the experts have no limits
    public = next(g for g in grades if g.variant == "public")
    experts = next(g for g in grades if g.variant == "experts")
    assert public.texts < experts.texts  # it printed fewer of the pack's texts
    assert warnings(mini)  # measured on everything its audience may see, without what it prints: the effect warns


def test_attributions_and_the_sources_list_keep_their_sources_words(mini: Path, change: Change) -> None:
    change("pack.yaml", "    - id: public\n      audience: public\n",
           "    - id: public\n      audience: public\n      readability: {max_grade: 8}\n")
    change("content.yaml", "attribution: The Lowtown mayor, 2020", f"attribution: {LONG}")
    assert not [w for w in warnings(mini) if "attribution" in w]


def test_a_changed_template_is_measured_again_while_the_pack_stays_loaded(mini: Path, change: Change) -> None:
    """`watch` and `serve` keep a session whose pack files did not change; a new template must still count."""
    import os

    from generator.editions.session import clear_sessions, load_session
    from generator.pipeline.check import plain_language

    handout, templates = short_guide(mini, change, '{% extends "handout.md.j2" %}\n')  # first the full handout
    session = load_session(mini, templates)
    assert [p for p in plain_language(session, templates)[0] if "public:" in p.message]
    handout.write_text(SHORT, "utf-8")
    stat = handout.stat()
    os.utime(handout, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))  # a later save, on any clock
    assert load_session(mini, templates) is session  # the pack's files did not change
    again = [p for p in plain_language(session, templates)[0] if "public:" in p.message]
    clear_sessions()
    fresh = load_session(mini, templates)
    assert again == [p for p in plain_language(fresh, templates)[0] if "public:" in p.message], "as a fresh load"
    assert not again
