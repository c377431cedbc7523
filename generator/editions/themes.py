"""Find and read themes: ``themes/<name>/theme.yaml`` in the template folders."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from generator.content.explain import describe_error
from generator.content.fieldpath import dotted
from generator.content.yamlsource import YamlProblem, read_yaml
from generator.errors import ContentError, Problem, display_path
from generator.theme import Theme


def load_theme(templates: Path, name: str = "default") -> Theme:
    """Return the validated theme ``name`` from ``templates/themes/``."""
    path = templates / "themes" / name / "theme.yaml"
    if not path.is_file():
        raise ContentError([Problem(display_path(path), 0, 0, "", f"theme '{name}' not found")])
    try:
        source = read_yaml(path)
    except YamlProblem as exc:
        raise ContentError([exc.problem]) from None
    try:
        return Theme.model_validate(source.data)
    except ValidationError as exc:
        problems = []
        for error in exc.errors(include_url=False):
            loc = tuple(error["loc"])
            message, on_key = describe_error(dict(error), Theme)
            line, col = source.position(loc, key=on_key)
            problems.append(Problem(source.name, line, col, dotted(loc), message))
        raise ContentError(problems) from None


def find_themes(templates: Path) -> list[str]:
    """Return the names of the themes in ``templates/themes/``, sorted."""
    return sorted(p.parent.name for p in (templates / "themes").glob("*/theme.yaml"))
