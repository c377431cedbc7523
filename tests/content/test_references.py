"""Checks across a pack: every source reference resolves, ids are unique, audience tags are declared."""

from __future__ import annotations

from generator.content.fieldpath import dotted
from generator.content.references import check_audiences, check_duplicate_ids, check_references


def test_field_paths_read_as_editors_write_them() -> None:
    assert dotted(("models", 2, "quotes", 0, "source")) == "models[3].quotes[1].source"


def test_unknown_sources_are_found_anywhere() -> None:
    data = {"sources": [{"id": "a"}], "models": [{"sources": ["a", "b"], "quotes": [{"source": "aa"}]}]}
    assert check_references(data) == [
        (("models", 0, "sources", 1), "unknown source 'b'"),
        (("models", 0, "quotes", 0, "source"), "unknown source 'aa' (did you mean 'a'?)"),
    ]


def test_duplicate_ids_in_a_list_and_quote_ids_across_the_pack() -> None:
    data = {"glossary": [{"id": "x"}, {"id": "x"}],
            "definitions": [{"id": "q"}], "models": [{"quotes": [{"id": "q"}]}]}
    assert check_duplicate_ids(data) == [
        (("glossary", 1, "id"), "duplicate id 'x' (first used at glossary[1])"),
        (("models", 0, "quotes", 0, "id"), "duplicate quote id 'q' (first used at definitions[1])"),
    ]


def test_audience_tags_must_name_a_variant() -> None:
    data = {"pack": {"variants": [{"id": "p", "audience": "public"}]}, "glossary": [{"audiences": ["publik"]}]}
    assert check_audiences(data) == [(("glossary", 0, "audiences", 0),
                                      "no variant has the audience 'publik' (did you mean 'public'?)")]
    assert check_audiences({"pack": {}, "glossary": [{"audiences": ["x"]}]})[0][1].endswith(
        "(declare variants under pack.variants first)")
