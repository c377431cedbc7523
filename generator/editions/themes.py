"""Find and read themes: ``themes/<name>/theme.yaml`` in the template folders."""

from __future__ import annotations

from pydantic import ValidationError

from generator.content.explain import describe_error, did_you_mean
from generator.content.fieldpath import dotted
from generator.content.yamlsource import YamlProblem, read_yaml
from generator.errors import ContentError, Problem
from generator.templates import Templates
from generator.theme import Theme


def load_theme(templates: Templates, name: str = "default") -> Theme:
    """Return the validated theme ``name`` from ``themes/<name>/theme.yaml`` on the template search path."""
    folder = templates.theme_folder(name)
    if folder is None:
        known = templates.theme_names()
        hint = did_you_mean(name, known) or f" (themes: {', '.join(known)})"
        raise ContentError([Problem(f"themes/{name}/theme.yaml", 0, 0, "", f"theme '{name}' not found{hint}")])
    path = folder / "theme.yaml"
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


def find_themes(templates: Templates) -> list[str]:
    """Return the names of the themes on the template search path, sorted."""
    return templates.theme_names()
