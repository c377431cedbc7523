"""The JSON Schema editors autocomplete from accepts real pack files and rejects unknown keys."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from generator.content.jsonschema import pack_file_schema
from generator.content.yamlsource import read_yaml
from tests.helpers import DEFAULT_PACK, MINI, run


def validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(pack_file_schema(), format_checker=jsonschema.FormatChecker())


@pytest.mark.parametrize("path", sorted(MINI.glob("*.yaml")) + sorted(DEFAULT_PACK.glob("*.yaml")),
                         ids=lambda p: f"{p.parent.name}/{p.name}")
def test_schema_accepts_every_file_of_real_packs(path: Path) -> None:
    data = read_yaml(path).data
    if "pack" in data:  # YAML tools see an unquoted date as text: match that.
        data["pack"]["date"] = str(data["pack"]["date"])
    errors = list(validator().iter_errors(data))
    assert not errors, f"{path.name}: {errors[0].message}"


def test_schema_rejects_an_unknown_key_and_describes_fields() -> None:
    assert list(validator().iter_errors({"glossary": [{"term": "a", "definition": "b", "sorces": []}]}))
    schema = pack_file_schema()
    assert schema["required"] == [] and "pack" in schema["properties"]


def test_the_schema_command_prints_it() -> None:
    code, out, _ = run("schema")
    assert code == 0 and json.loads(out) == pack_file_schema()
