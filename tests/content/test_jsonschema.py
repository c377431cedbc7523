"""The JSON Schema editors autocomplete from accepts real pack files and rejects unknown keys."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import jsonschema
import pytest

from generator.content.jsonschema import pack_file_schema
from generator.content.yamlsource import read_yaml
from tests.helpers import DEFAULT_PACK, GLOW, MINI, ROOT, run


def validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(pack_file_schema(), format_checker=jsonschema.FormatChecker())


def as_yaml_tools_see_it(value: object) -> object:
    """Return ``value`` with dates as text: YAML tools read an unquoted date as a string."""
    if isinstance(value, dict):
        return {k: as_yaml_tools_see_it(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_yaml_tools_see_it(v) for v in value]
    return str(value) if isinstance(value, dt.date) else value


@pytest.mark.parametrize("path", [*sorted(MINI.glob("*.yaml")), *sorted(GLOW.glob("*.yaml")),
                                  *sorted(DEFAULT_PACK.glob("*.yaml"))],
                         ids=lambda p: f"{p.parent.name}/{p.name}")
def test_schema_accepts_every_file_of_real_packs(path: Path) -> None:
    data = as_yaml_tools_see_it(read_yaml(path).data)
    errors = list(validator().iter_errors(data))
    assert not errors, f"{path.name}: {errors[0].message}"


def test_schema_rejects_an_unknown_key_and_describes_fields() -> None:
    assert list(validator().iter_errors({"glossary": [{"term": "a", "definition": "b", "sorces": []}]}))
    schema = pack_file_schema()
    assert schema["required"] == [] and "pack" in schema["properties"]


def test_the_schema_command_prints_it() -> None:
    code, out, _ = run("schema")
    assert code == 0 and json.loads(out) == pack_file_schema()


def test_the_schema_file_the_default_pack_names_is_current() -> None:
    # Every file of the default pack points editors at it on its first line; `briefpack schema` rewrites it.
    from generator.content.jsonschema import schema_text

    assert (ROOT / "briefpack.schema.json").read_text(encoding="utf-8") == schema_text()
    for path in DEFAULT_PACK.glob("*.yaml"):
        assert path.read_text(encoding="utf-8").startswith(
            "# yaml-language-server: $schema=../../briefpack.schema.json\n"), path.name
