"""Which files each output depends on, so an edit rebuilds exactly what it affects."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import jinja2
from jinja2 import meta


def template_closure(templates: Path, name: str) -> list[Path]:
    """Return ``name`` and every template it extends, includes or imports, recursively."""
    stamp = tuple((p.name, p.stat().st_mtime_ns) for p in sorted(templates.glob("*.j2")))
    return list(_closure(templates, name, stamp))


@lru_cache(maxsize=64)
def _closure(templates: Path, name: str, stamp: tuple) -> tuple[Path, ...]:
    env = jinja2.Environment(extensions=["jinja2.ext.i18n"])
    seen: list[Path] = []
    pending = [name]
    while pending:
        current = pending.pop()
        path = templates / current
        if path in seen or not path.is_file():
            continue
        seen.append(path)
        try:
            ast = env.parse(path.read_text("utf-8"))
        except jinja2.TemplateSyntaxError:
            continue  # the build will report it with its line
        pending.extend(ref for ref in meta.find_referenced_templates(ast) if ref)
    return tuple(sorted(seen))


def job_inputs(pack_files: list[Path], templates: Path, template: str, theme_folder: Path) -> list[Path]:
    """Return the files one format of one edition is made from."""
    shared = sorted(p for p in (templates / "messages").glob("*") if p.is_file())
    theme = sorted(p for p in theme_folder.rglob("*") if p.is_file())
    return sorted(set(pack_files) | set(template_closure(templates, template)) | set(shared) | set(theme))
