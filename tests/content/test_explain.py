"""Validation errors explained in an editor's words, by error type."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from generator.content.explain import EXPLAINERS, describe_error, did_you_mean, model_at
from generator.content.schema import LegalModel, Pack, PackMeta


class Example(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(max_length=5)
    count: int = Field(ge=1)
    flag: bool = False


def explain(data: dict) -> list[tuple[str, bool]]:
    try:
        Example.model_validate(data)
    except ValidationError as exc:
        return [describe_error(dict(e), Example) for e in exc.errors(include_url=False)]
    return []


def test_did_you_mean_finds_close_words_only() -> None:
    assert did_you_mean("titel", ["title", "subtitle"]) == " (did you mean 'title'?)"
    assert did_you_mean("zzz", ["title"]) == ""


def test_each_error_type_reads_as_plain_words() -> None:
    assert explain({"name": "x", "count": 1, "nmae": 1}) == [("unknown field (did you mean 'name'?)", True)]
    assert explain({"count": 1}) == [("required field is missing", False)]
    assert explain({"name": 12, "count": 1}) == [('expected text, got a whole number 12; put it in quotes: "12"', False)]
    assert explain({"name": "toolong", "count": 1}) == [("too long (7 characters; at most 5)", False)]
    assert explain({"name": "x", "count": 0}) == [("0 is out of range (at least 1)", False)]
    assert explain({"name": "x", "count": "many"}) == [("expected a whole number, got text 'many'", False)]
    assert explain({"name": "x", "count": 1, "flag": "perhaps"}) == [("expected true or false, got text 'perhaps'", False)]
    assert explain({"name": None, "count": 1}) == [("expected text, got nothing", False)]


def test_unknown_keys_list_what_is_allowed_when_nothing_is_close() -> None:
    assert explain({"name": "x", "count": 1, "zzz": 1}) == [
        ("unknown field (expected one of: name, count, flag)", True)]


def test_model_at_follows_lists_and_aliases() -> None:
    assert model_at(("pack",), Pack) is PackMeta
    assert model_at(("models", 0), Pack) is LegalModel
    assert model_at(("models", 0, "nope"), Pack) is None


def test_every_explainer_returns_a_message() -> None:
    for kind, explainer in EXPLAINERS.items():
        message, _ = explainer({"type": kind, "loc": ("a",), "msg": "m", "input": "x", "ctx": {"error": "e"}}, Example)
        assert message, kind
