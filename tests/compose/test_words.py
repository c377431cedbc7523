"""The words templates print: counted phrases read as sentences, the pack's vocabulary wins over the defaults."""

from __future__ import annotations

from generator.compose.i18n import wording
from generator.compose.words import Words
from generator.content.loader import load_pack
from tests.helpers import MINI, TEMPLATES

PACK = load_pack(MINI).content


def words(language: str = "en-AU") -> Words:
    return Words(PACK, wording(TEMPLATES, language).labels)


def test_a_counted_number_that_starts_a_sentence_is_capitalised() -> None:
    # "… shows why care is needed. Three definitions …": the number opens the second sentence.
    text = words().count("definitions", 3)
    assert "Three definitions" in text and "three definitions" not in text
    assert words().count("definitions", 1).count("One definition") == 1


def test_small_numbers_are_words_and_large_ones_digits() -> None:
    assert words().count("models", 4).startswith("Four legal models")
    assert words().count("models", 12).startswith("12 legal models")


def test_a_court_ruling_is_a_step_in_a_places_law() -> None:
    from generator.content.models import Jurisdiction, LegalEvent

    place = Jurisdiction(name="Carter County", sources=["atlas-2024"], events=[
        LegalEvent(year=2015, kind="ruling", label=None, sources=["atlas-2024"]),
        LegalEvent(year=2016, kind="in-force", sources=["atlas-2024"])])
    assert words().when(place) == "court ruling 2015; in force 2016"
    assert Words(PACK, wording(TEMPLATES, "es").labels).when(place).startswith("sentencia judicial 2015")
