"""Explain validation errors in an editor's words: short messages and "did you mean" hints.

pydantic reports errors by type ("string_type", "missing", …); each type has a
small function here that says what is wrong and, where it can, how to fix it.
"""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Callable, Iterable
from typing import Any

from pydantic import BaseModel

_TYPE_NAMES = {
    str: "text",
    int: "a whole number",
    bool: "true or false",
    list: "a list",
    dict: "a mapping",
    float: "a number",
    type(None): "nothing",
}


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """Return " (did you mean 'x'?)" for the closest choice, or "" if none is close."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _got(value: Any) -> str:
    """Return what the editor wrote, for "expected X, got Y" messages."""
    if value is None:
        return "nothing"
    kind = _TYPE_NAMES.get(type(value), type(value).__name__)
    if isinstance(value, (dict, list)):
        return kind
    shown = repr(value) if isinstance(value, str) else str(value)
    if len(shown) > 40:
        shown = shown[:37] + "…"
    return f"{kind} {shown}"


def unwrap(annotation: Any) -> list[Any]:
    """Return the concrete types an annotation may hold (through Optional, list, Annotated)."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return unwrap(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        return [t for arg in typing.get_args(annotation) for t in unwrap(arg)]
    return [annotation]


def fields_by_key(model: type[BaseModel]) -> dict[str, Any]:
    """Return ``model``'s fields by the key an editor writes (its alias, if it has one)."""
    return {field.alias or name: field for name, field in model.model_fields.items()}


def model_at(path: tuple[Any, ...], root: type[BaseModel]) -> type[BaseModel] | None:
    """Return the schema class that describes the mapping at ``path`` under ``root``."""
    current: Any = root
    for part in path:
        candidates = unwrap(current)
        if isinstance(part, int):
            lists = [t for t in candidates if typing.get_origin(t) is list]
            if not lists:
                return None
            current = typing.get_args(lists[0])[0]
            continue
        models = [t for t in candidates if isinstance(t, type) and issubclass(t, BaseModel)]
        fields = fields_by_key(models[0]) if models else {}
        if part not in fields:
            return None
        current = fields[part].annotation
    found = [t for t in unwrap(current) if isinstance(t, type) and issubclass(t, BaseModel)]
    return found[0] if found else None


def _choices(error: dict[str, Any]) -> list[str]:
    ctx = error.get("ctx") or {}
    expected = str(ctx.get("expected", ""))
    return [part.strip(" '") for part in expected.replace(" or ", ",").split(",") if part.strip(" '")]


# Each explainer takes (error, root schema) and returns (message, whether the key is at fault).
Explainer = Callable[[dict[str, Any], type[BaseModel]], tuple[str, bool]]


def _unknown_field(error: dict[str, Any], root: type[BaseModel]) -> tuple[str, bool]:
    loc = tuple(error["loc"])
    parent = model_at(loc[:-1], root)
    allowed = list(fields_by_key(parent)) if parent else []
    key = str(loc[-1])
    if " " in key.strip():  # "{id: a, title: One, two}": the comma ended the title and began a "key"
        return (f"unknown field '{key}': inside {{…}} a ',' ends the text before it; put text that contains "
                "commas in quotes"), True
    hint = did_you_mean(key, allowed) or (f" (expected one of: {', '.join(allowed)})" if allowed else "")
    return f"unknown field{hint}", True


def _text(error: dict[str, Any], root: type[BaseModel]) -> tuple[str, bool]:
    value = error.get("input")
    if not isinstance(value, (int, float, bool)):
        return f"expected text, got {_got(value)}", False
    written = error.get("written") or str(value)  # as the editor wrote it: 1.10 stays "1.10", not 1.1
    shown = (f"{written}, which YAML reads as true or false" if isinstance(value, bool)
             else f"{_TYPE_NAMES.get(type(value), 'a number')} {written}")
    return f'expected text, got {shown}; put it in quotes: "{written}"', False


def _too_long(error: dict[str, Any], root: type[BaseModel]) -> tuple[str, bool]:
    value = error.get("input")
    limit = (error.get("ctx") or {}).get("max_length")
    return f"too long ({len(value or '')} characters; at most {limit})", False


def _pattern(error: dict[str, Any], root: type[BaseModel]) -> tuple[str, bool]:
    loc, value = tuple(error["loc"]), error.get("input")
    if loc and loc[-1] == "language":
        return f"'{value}' is not a BCP 47 language tag (expected e.g. 'en-AU')", False
    return f"'{value}' is not a valid id (use lower-case letters, digits and hyphens)", False


def _choice(error: dict[str, Any], root: type[BaseModel]) -> tuple[str, bool]:
    value, choices = error.get("input"), _choices(error)
    return f"'{value}' is not allowed{did_you_mean(str(value), choices)} (expected one of: {', '.join(choices)})", False


def _too_short(error: dict[str, Any], root: type[BaseModel]) -> tuple[str, bool]:
    n = (error.get("ctx") or {}).get("min_length", 1)
    return f"needs at least {n} item{'s' if n != 1 else ''}", False


def _out_of_range(error: dict[str, Any], root: type[BaseModel]) -> tuple[str, bool]:
    ctx = error.get("ctx") or {}
    bound = f"at least {ctx['ge']}" if "ge" in ctx else f"at most {ctx.get('le')}"
    return f"{error.get('input')} is out of range ({bound})", False


def _expected(what: str) -> Explainer:
    return lambda error, root: (f"expected {what}, got {_got(error.get('input'))}", False)


def _fixed(message: str) -> Explainer:
    return lambda error, root: (message, False)


EXPLAINERS: dict[str, Explainer] = {
    "extra_forbidden": _unknown_field,
    "missing": _fixed("required field is missing"),
    "string_type": _text,
    "string_too_short": _fixed("must not be empty"),
    "string_too_long": _too_long,
    "string_pattern_mismatch": _pattern,
    "int_type": _expected("a whole number"),
    "int_parsing": _expected("a whole number"),
    "int_from_float": _expected("a whole number"),
    "bool_type": _expected("true or false"),
    "bool_parsing": _expected("true or false"),
    "list_type": _expected("a list (lines starting with '- ')"),
    "model_type": _expected("a mapping (key: value lines)"),
    "model_attributes_type": _expected("a mapping (key: value lines)"),
    "dict_type": _expected("a mapping (key: value lines)"),
    "enum": _choice,
    "literal_error": _choice,
    "too_short": _too_short,
    "too_long": lambda error, root: (
        f"has too many items (at most {(error.get('ctx') or {}).get('max_length')})", False),
    "greater_than_equal": _out_of_range,
    "less_than_equal": _out_of_range,
    "value_error": lambda error, root: (str((error.get("ctx") or {}).get("error", error["msg"])), False),
}


def describe_error(error: dict[str, Any], root: type[BaseModel]) -> tuple[str, bool]:
    """Return (message, whether the key rather than the value is at fault) for a pydantic error."""
    kind: str = error["type"]
    if kind.startswith("date_"):
        return f"expected a date like 2026-11-28, got {_got(error.get('input'))}", False
    explain = EXPLAINERS.get(kind)
    return explain(error, root) if explain else (str(error["msg"]), False)
