"""Load the fixed wording ("Page X of Y", "Sources", status names) for a language."""

from __future__ import annotations

from pathlib import Path

from generator.content.yamlsource import YamlProblem, read_yaml
from generator.errors import TemplateError


def load_labels(templates: Path, language: str) -> dict[str, str]:
    """Return the labels for ``language`` from ``templates/messages/``.

    The most specific catalogue wins: ``en-AU.yaml`` over ``en.yaml``; missing
    keys fall back to the base language.
    """
    folder = templates / "messages"
    labels: dict[str, str] = {}
    base = language.split("-")[0]
    for name in dict.fromkeys([base, language]):
        path = folder / f"{name}.yaml"
        if not path.is_file():
            continue
        try:
            data = read_yaml(path).data
        except YamlProblem as exc:
            raise TemplateError(str(exc.problem)) from None
        labels.update({str(k): str(v) for k, v in data.items()})
    if not labels:
        raise TemplateError(f"{folder}: no message catalogue for language '{language}' (expected {base}.yaml)")
    return labels
