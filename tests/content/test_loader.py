"""The loader: a valid pack loads; each kind of mistake is one located line, all found in one pass."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from generator.content.loader import load_pack
from tests.helpers import MINI, problems

Change = Callable[[str, str, str], None]


def test_a_valid_pack_loads_with_the_files_it_came_from() -> None:
    loaded = load_pack(MINI)
    assert loaded.content.meta.id == "mini"
    assert [m.id for m in loaded.content.models] == ["ban", "licence", "free"]
    assert loaded.section_files["models"].name == "content.yaml"
    assert loaded.section_files["pack"].name == "pack.yaml"


def test_misspelt_key_suggests_the_right_one(mini: Path, change: Change) -> None:
    change("pack.yaml", "  title: Hover", "  titel: Hover")
    # One line, not two: the missing 'title' is the misspelt 'titel'.
    assert problems(mini) == ["briefs/mini/pack.yaml:5:3: pack.titel: unknown field (did you mean 'title'?)"]


def test_unknown_source_reference(mini: Path, change: Change) -> None:
    change("content.yaml", "source: glossary-2023", "source: glossary-2032")
    assert problems(mini) == [
        "briefs/mini/content.yaml:20:13: definitions[1].source: "
        "unknown source 'glossary-2032' (did you mean 'glossary-2023'?)"
    ]


def test_unknown_source_in_a_list(mini: Path, change: Change) -> None:
    change("content.yaml", "Selling is an offence, sources: [atlas-2024]", "Selling is an offence, sources: [atlas-2042]")
    assert problems(mini) == [
        "briefs/mini/content.yaml:30:83: models[1].criminalised.sellers.sources[1]: "
        "unknown source 'atlas-2042' (did you mean 'atlas-2024'?)"
    ]


def test_wrong_choice_suggests(mini: Path, change: Change) -> None:
    change("content.yaml", "sellers: {status: criminalised,", "sellers: {status: criminalized,")
    [message] = problems(mini)
    assert message.startswith("briefs/mini/content.yaml:30:25: models[1].criminalised.sellers.status: "
                              "'criminalized' is not a status (did you mean 'criminalised'?)")


def test_duplicate_id(mini: Path, change: Change) -> None:
    change("content.yaml", "- id: licences-cost", "- id: rules-differ")
    assert problems(mini) == [
        "briefs/mini/content.yaml:6:9: key_messages[2].id: duplicate id 'rules-differ' (first used at key_messages[1])"
    ]


def test_empty_required_text(mini: Path, change: Change) -> None:
    change("pack.yaml", "  subtitle: A test briefing on three ways", '  subtitle: "  "\n  x: A test briefing on three ways')
    assert "briefs/mini/pack.yaml:6:13: pack.subtitle: must not be empty" in problems(mini)


def test_malformed_date(mini: Path, change: Change) -> None:
    change("pack.yaml", "date: 2026-03-01", "date: 2026-13-45")
    assert problems(mini) == [
        "briefs/mini/pack.yaml:9:9: pack.date: expected a date like 2026-11-28, got text '2026-13-45'"]


def test_wrong_type_explains_quoting(mini: Path, change: Change) -> None:
    change("pack.yaml", 'version: "2.0"', "version: 2.0")
    assert problems(mini) == [
        'briefs/mini/pack.yaml:8:12: pack.version: expected text, got a number 2.0; put it in quotes: "2.0"']


def test_missing_and_unreadable_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert problems(tmp_path / "nowhere") == ["nowhere: pack folder not found"]
    (tmp_path / "empty").mkdir()
    assert problems(tmp_path / "empty") == ["empty: no .yaml files in the pack folder"]


def test_missing_section(mini: Path) -> None:
    (mini / "sources.yaml").unlink()
    assert "briefs/mini: sources: required section is missing; add 'sources:' to a YAML file" in problems(mini)


def test_a_section_defined_twice_or_unknown(mini: Path) -> None:
    (mini / "more.yaml").write_text("glossary:\n  - term: X\n    definition: Y\nglosary: []\n")
    assert problems(mini) == [
        "briefs/mini/more.yaml:1:1: glossary: section already defined in briefs/mini/content.yaml:141",
        "briefs/mini/more.yaml:4:1: glosary: unknown section (did you mean 'glossary'?)",
    ]


def test_all_problems_in_one_pass(mini: Path, change: Change) -> None:
    change("content.yaml", "source: glossary-2023", "source: glossary-2032")
    change("pack.yaml", "language: en-AU", "language: english!")
    change("content.yaml", "year: 2019", "year: twenty")
    found = problems(mini)
    assert len(found) == 3
    assert "briefs/mini/pack.yaml:10:13: pack.language: 'english!' is not a BCP 47 language tag (expected e.g. 'en-AU')" \
        in found
    assert "briefs/mini/content.yaml:34:31: models[1].jurisdictions[1].year: expected a whole number, got text 'twenty'" \
        in found


def test_unknown_audience_tag(mini: Path, change: Change) -> None:
    change("content.yaml", "audiences: [experts]", "audiences: [expert]")
    assert problems(mini) == ["briefs/mini/content.yaml:11:17: key_messages[3].audiences[1]: "
                              "no variant has the audience 'expert' (did you mean 'experts'?)"]


@pytest.mark.parametrize(("written", "read_as"), [("1.10", "a number 1.10"), ("2", "a whole number 2"),
                                                  ("1.0", "a number 1.0"),
                                                  ("true", "true, which YAML reads as true or false")])
def test_a_number_where_text_belongs_is_quoted_as_written(mini: Path, change: Change, written: str,
                                                          read_as: str) -> None:
    change("pack.yaml", '  version: "2.0"\n', f"  version: {written}\n")
    assert problems(mini) == [f'briefs/mini/pack.yaml:8:12: pack.version: expected text, got {read_as}; put it in '
                              f'quotes: "{written}"']  # 1.10 is not 1.1: the fix keeps what the editor wrote
    change("pack.yaml", f"  version: {written}\n", f'  version: "{written}"\n')
    assert load_pack(mini).content.meta.version == written  # and the fix it suggests loads


def test_a_value_that_may_be_text_or_a_mapping_is_explained_for_the_kind_written(tmp_path: Path) -> None:
    from tests.helpers import FIXTURES, copy_pack, edit

    pack = copy_pack(FIXTURES / "glowberries", tmp_path)
    edit(pack / "content.yaml", "penalty: {text: Up to a year in jail, sources: [lowtown-budget]}", "penalty: 12")
    edit(pack / "content.yaml", 'penalty: {text: "A fine, or a month in jail", sources: [riverton-news]}',
         "penalty: {text: A fine, or a month in jail, sources: [riverton-news]}")
    found = problems(pack)
    assert found[0].endswith('models[1].details.penalty: expected text, got a whole number 12; put it in quotes: "12"')
    assert found[1].endswith("models[4].details.penalty.or a month in jail: unknown field 'or a month in jail': inside "
                             "{…} a ',' ends the text before it; put text that contains commas in quotes")
    assert len(found) == 2  # one explanation each, in the branch for what was written; no pydantic branch names
