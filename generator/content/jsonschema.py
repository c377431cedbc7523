"""Produce the JSON Schema editors' YAML tools use for autocompletion and checking."""

from __future__ import annotations

from typing import Any

from generator.content.schema import Pack


def pack_file_schema() -> dict[str, Any]:
    """Return a JSON Schema for one YAML file of a pack.

    A pack's sections may be split across files however the editor likes, so
    a single file requires no section; each section it has must be valid.
    """
    schema = Pack.model_json_schema()
    schema["required"] = []
    schema["title"] = "briefpack content file"
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["description"] = (
        "One YAML file of a briefpack pack. A pack is a folder of such files; together "
        "they must define every required section (pack, key_messages, models, comparison, sources)."
    )
    return schema


def schema_text() -> str:
    """Return the schema as the text of a ``briefpack.schema.json`` file."""
    import json

    return json.dumps(pack_file_schema(), indent=2, ensure_ascii=False) + "\n"
