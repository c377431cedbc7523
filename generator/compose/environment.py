"""Render jinja2 templates into storyboard text without ever splicing content into it.

Every ``{{ expression }}`` a template prints passes through ``finalize``, which
stores the value in a per-render table and prints a short placeholder token
instead. The storyboard parser later swaps tokens back for the original values.
Content therefore can never change the storyboard's structure and is never
evaluated as a template: ``{{ 7*7 }}`` in a brief is just text.
"""

from __future__ import annotations

import re
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment, SecurityError
from markupsafe import Markup

from generator.compose.i18n import wording
from generator.errors import TemplateError, display_path
from generator.templates import BUILTIN, Templates

# Tokens are bracketed by rare punctuation (U+2E28, U+2E29) so Markdown treats
# them like punctuation next to emphasis: "**Title.**{{ cite(x) }}" still closes.
TOKEN_OPEN = "\u2e28"
TOKEN_CLOSE = "\u2e29"
TOKEN = re.compile(f"{TOKEN_OPEN}(\\d+){TOKEN_CLOSE}")

_values: ContextVar[list[Any]] = ContextVar("briefpack_template_values")


@dataclass(frozen=True)
class Cite:
    """A citation of source ids, printed by ``cite()`` in templates."""

    ids: tuple[str, ...]


@dataclass(frozen=True)
class Styled:
    """Text the template wants in a given status style (see ``status()``)."""

    text: str
    status: str


def _finalize(value: Any) -> Any:
    if isinstance(value, Markup):
        return value  # output of a macro or block: template text with its tokens already in
    if value is None or value == "":
        return ""
    if isinstance(value, jinja2.Undefined):  # e.g. an inline if without else: fail here, at the template's line
        value._fail_with_undefined_error()
    table = _values.get()
    table.append(value)
    return f"{TOKEN_OPEN}{len(table) - 1}{TOKEN_CLOSE}"


def make_environment(templates: Templates, globals_: dict[str, Any]) -> SandboxedEnvironment:
    """Return the sandboxed environment that renders templates from the ``templates`` search path.

    A name is looked up in each folder in turn (a project's own first); a
    project template may also name a built-in one as ``builtin/<name>``, to
    extend it rather than replace it. ``globals_`` (helpers such as ``cite``
    and the fixed wording ``t``) are visible in every template.
    """
    loader = jinja2.ChoiceLoader([
        jinja2.FileSystemLoader([str(folder) for folder in templates.folders]),
        jinja2.PrefixLoader({"builtin": jinja2.FileSystemLoader(str(BUILTIN))}),
    ])
    env = SandboxedEnvironment(
        loader=loader,
        undefined=jinja2.StrictUndefined,
        # Autoescape only serves to mark macro output as template text (Markup);
        # every printed value becomes a token, so nothing is ever HTML-escaped.
        autoescape=True,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        extensions=["jinja2.ext.i18n"],
    )
    env.globals.update(globals_)
    return env


def render_template(env: SandboxedEnvironment, name: str, context: dict[str, Any]) -> tuple[str, list[Any]]:
    """Return (storyboard text, values table) for template ``name``.

    Raises ``TemplateError`` naming the template file and line on any failure.
    """
    values: list[Any] = []
    token = _values.set(values)
    try:
        template = env.get_template(name)
        text = template.render(context)
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(f"{_where(env, exc.filename or exc.name or name, exc.lineno)}: {exc.message}") from None
    except jinja2.TemplateNotFound as exc:
        raise TemplateError(f"{_template_path(env, name)}: template '{exc.name}' not found") from None
    except SecurityError as exc:
        file, line = _traceback_location(exc, env, name)
        raise TemplateError(f"{_where(env, file, line)}: not allowed in a template: {exc}") from None
    except jinja2.UndefinedError as exc:
        file, line = _traceback_location(exc, env, name)
        raise TemplateError(f"{_where(env, file, line)}: {exc.message}") from None
    except Exception as exc:  # a template error of any other kind
        file, line = _traceback_location(exc, env, name)
        raise TemplateError(f"{_where(env, file, line)}: {type(exc).__name__}: {exc}") from None
    finally:
        _values.reset(token)
    return text, values


def _template_path(env: SandboxedEnvironment, name: str) -> str:
    """Return the file a template name resolves to, as the user sees it."""
    if name.startswith("builtin/"):
        return display_path(BUILTIN / name.removeprefix("builtin/"))
    for root in _roots(env):
        if (Path(root) / name).is_file():
            return display_path(Path(root) / name)
    return name


def _roots(env: SandboxedEnvironment) -> list[str]:
    """Return the folders ``env`` loads templates from, in order."""
    loader = env.loader
    if isinstance(loader, jinja2.ChoiceLoader):
        first = loader.loaders[0]
        if isinstance(first, jinja2.FileSystemLoader):
            return [str(Path(p)) for p in first.searchpath] + [str(BUILTIN)]
    return [str(BUILTIN)]


def _where(env: SandboxedEnvironment, file: str, line: int | None) -> str:
    path = file if "/" in file and Path(file).is_absolute() else None
    shown = display_path(Path(path)) if path else _template_path(env, file)
    return f"{shown}:{line}" if line else shown


def _traceback_location(exc: BaseException, env: SandboxedEnvironment, name: str) -> tuple[str, int | None]:
    """Return the template file and line where ``exc`` was raised, from jinja's traceback."""
    # jinja rewrites the traceback so that template frames carry the template's
    # file name and line; the innermost such frame is where the error is.
    roots = _roots(env)
    tb = exc.__traceback__
    found: tuple[str, int | None] = (name, None)
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if any(filename.startswith(root) for root in roots):
            found = (filename, tb.tb_lineno)
        tb = tb.tb_next
    return found


def _template_globals(labels: dict[str, str]) -> dict[str, Any]:
    def cite(*ids: Any) -> Cite:
        flat: list[str] = []
        for item in ids:
            flat.extend(item if isinstance(item, (list, tuple)) else [item])
        return Cite(tuple(str(i) for i in flat if i))

    return {"cite": cite}


@lru_cache(maxsize=16)
def long_date(language: str) -> Any:
    """Return a filter writing a date out in ``language`` (Babel's CLDR data, no network; one per language)."""
    from babel.core import Locale, UnknownLocaleError
    from babel.dates import format_date

    try:
        locale = Locale.parse(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        locale = Locale.parse("en_AU")
    return lambda value: format_date(value, format="long", locale=locale)


def template_environment(templates: Templates, language: str) -> tuple[Any, dict[str, str]]:
    """Return the template environment and labels for ``language``, reused while messages are unchanged.

    jinja keeps compiled templates in the environment and recompiles a template
    whose file changed, so reuse makes composing in ``watch`` cheap.
    """
    stamp = tuple((name, p.stat().st_mtime_ns) for name, p in templates.files("messages/*").items())
    return _cached_environment(templates, language, stamp)


@lru_cache(maxsize=16)
def _cached_environment(templates: Templates, language: str, stamp: tuple[Any, ...]) -> tuple[Any, dict[str, str]]:
    words = wording(templates, language)
    labels = words.labels
    env = make_environment(templates, {**_template_globals(labels), "t": labels})
    env.install_gettext_translations(words.translations, newstyle=True)  # type: ignore[attr-defined]
    env.filters["longdate"] = long_date(language)
    return env, labels
