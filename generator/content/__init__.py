"""Stage 1, load: read a pack's YAML with line numbers, validate it into a typed ``Pack``, lint it.

Later stages use the schema (the ``Pack`` model), the loader and lints, and the
helpers that locate and explain problems in an editor's words.
"""

__all__ = [
    "easy_read", "explain", "fieldpath", "fields", "items", "jsonschema", "lint", "loader", "markdown", "models",
    "origins", "passages", "schema", "sentences", "vocabulary", "yamlsource",
]
