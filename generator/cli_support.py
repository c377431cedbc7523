"""What every ``briefpack`` command shares: the --briefs option and one-line error reporting (part of the CLI)."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from generator.errors import BriefpackError, ContentError, UsageError

F = TypeVar("F", bound=Callable[..., Any])

briefs_option = click.option(
    "--briefs",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("briefs"),
    show_default=True,
    help="Folder holding the packs.",
)


def reports_errors(func: F) -> F:
    """Turn briefpack errors into one-line messages: exit 2 for usage errors, 1 for content and build errors."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        debug = click.get_current_context().find_root().params.get("debug", False)
        try:
            return func(*args, **kwargs)
        except ContentError as exc:
            for problem in exc.problems:
                click.echo(str(problem), err=True)
            noun = "problem" if len(exc.problems) == 1 else "problems"
            click.echo(f"{len(exc.problems)} {noun} found", err=True)
            if debug:
                raise
            sys.exit(1)
        except UsageError as exc:  # the command was wrong, not the content: exit 2, like a bad option
            click.echo(f"error: {exc}", err=True)
            if debug:
                raise
            sys.exit(2)
        except BriefpackError as exc:
            click.echo(f"error: {exc}", err=True)
            if debug:
                raise
            sys.exit(1)
        except KeyboardInterrupt:
            click.echo("interrupted; earlier outputs are unchanged", err=True)
            sys.exit(130)
        except BrokenPipeError:  # the reader went away (`briefpack templates | head`): stop quietly, as cat does
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(141)
        except Exception as exc:  # a bug in briefpack, not in the user's input
            if debug:
                raise
            click.echo(
                f"internal error: {type(exc).__name__}: {exc} (run with --debug for a traceback "
                "and please report it)",
                err=True,
            )
            sys.exit(1)

    return wrapper  # type: ignore[return-value]


