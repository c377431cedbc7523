"""Turn pydantic's validation errors into short messages an editor understands."""

from __future__ import annotations

import types
import typing
from typing import Any

from pydantic import BaseModel

from generator.content.schema import Pack
from generator.content.suggest import did_you_mean

_TYPE_NAMES = {
    str: "text",
    int: "a whole number",
    bool: "true or false",
    list: "a list (lines starting with '- ')",
    dict: "a mapping (key: value lines)",
    float: "a number",
    type(None): "nothing",
}


def _got(value: Any) -> str:
    kind = _TYPE_NAMES.get(type(value), type(value).__name__)
    if isinstance(value, (dict, list)):
        return kind.split(" (")[0]
    shown = repr(value) if isinstance(value, str) else str(value)
    if len(shown) > 40:
        shown = shown[:37] + "…"
    return f"{kind.split(' (')[0]} {shown}"


def _unwrap(annotation: Any) -> list[Any]:
    """Return the concrete types an annotation may hold (through Optional, list, Annotated)."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        return [t for arg in typing.get_args(annotation) for t in _unwrap(arg)]
    return [annotation]


def model_at(path: tuple[Any, ...], root: type[BaseModel] = Pack) -> type[BaseModel] | None:
    """Return the schema class that describes the mapping at ``path`` under ``root``."""
    current: Any = root
    for part in path:
        candidates = _unwrap(current)
        if isinstance(part, int):
            lists = [t for t in candidates if typing.get_origin(t) is list]
            if not lists:
                return None
            current = typing.get_args(lists[0])[0]
            continue
        models = [t for t in candidates if isinstance(t, type) and issubclass(t, BaseModel)]
        if not models or part not in models[0].model_fields:
            return None
        current = models[0].model_fields[part].annotation
    found = [t for t in _unwrap(current) if isinstance(t, type) and issubclass(t, BaseModel)]
    return found[0] if found else None


def _choices(error: dict[str, Any]) -> list[str]:
    ctx = error.get("ctx") or {}
    expected = str(ctx.get("expected", ""))
    return [part.strip(" '") for part in expected.replace(" or ", ",").split(",") if part.strip(" '")]


def describe_error(error: dict[str, Any], root: type[BaseModel] = Pack) -> tuple[str, bool]:
    """Return (message, whether the key rather than the value is at fault)."""
    kind: str = error["type"]
    value = error.get("input")
    ctx = error.get("ctx") or {}
    loc = tuple(error["loc"])
    if kind == "extra_forbidden":
        parent = model_at(loc[:-1], root)
        allowed = list(parent.model_fields) if parent else []
        hint = did_you_mean(str(loc[-1]), allowed) or (
            f" (expected one of: {', '.join(allowed)})" if allowed else ""
        )
        return f"unknown field{hint}", True
    if kind == "missing":
        return "required field is missing", False
    if kind in ("string_type",):
        extra = f'; put it in quotes: "{value}"' if isinstance(value, (int, float, bool)) else ""
        return f"expected text, got {_got(value)}{extra}", False
    if kind == "string_too_short":
        return "must not be empty", False
    if kind == "string_too_long":
        return f"too long ({len(value)} characters; at most {ctx.get('max_length')})", False
    if kind == "string_pattern_mismatch":
        field = str(loc[-1]) if loc and isinstance(loc[-1], str) else ""
        if field == "language":
            return f"'{value}' is not a BCP 47 language tag (expected e.g. 'en-AU')", False
        return f"'{value}' is not a valid id (use lower-case letters, digits and hyphens)", False
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"expected a whole number, got {_got(value)}", False
    if kind in ("bool_type", "bool_parsing"):
        return f"expected true or false, got {_got(value)}", False
    if kind == "list_type":
        return f"expected a list (lines starting with '- '), got {_got(value)}", False
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return f"expected a mapping (key: value lines), got {_got(value)}", False
    if kind in ("enum", "literal_error"):
        choices = _choices(error)
        hint = did_you_mean(str(value), choices)
        return f"'{value}' is not allowed{hint} (expected one of: {', '.join(choices)})", False
    if kind.startswith("date_"):
        return f"expected a date like 2026-11-28, got {_got(value)}", False
    if kind == "too_short":
        n = ctx.get("min_length", 1)
        return f"needs at least {n} item{'s' if n != 1 else ''}", False
    if kind == "too_long":
        return f"has too many items (at most {ctx.get('max_length')})", False
    if kind in ("greater_than_equal", "less_than_equal"):
        return f"{value} is out of range ({_range(ctx)})", False
    if kind == "value_error":
        return str(ctx.get("error", error["msg"])), False
    return error["msg"], False


def _range(ctx: dict[str, Any]) -> str:
    if "ge" in ctx:
        return f"at least {ctx['ge']}"
    return f"at most {ctx.get('le')}"

