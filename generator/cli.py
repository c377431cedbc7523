"""The ``briefpack`` command line: parse arguments, call the library, report.

Only this module prints or exits. Exit codes: 0 success, 1 content, template or
build errors, 2 usage errors (click's own convention).
"""

from __future__ import annotations

import os
import shlex
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import click

from generator import __version__
from generator.cli_support import briefs_option, reports_errors
from generator.errors import BriefpackError, ContentError, display_path

F = TypeVar("F", bound=Callable[..., Any])

@contextmanager
def stops_like_ctrl_c() -> Iterator[None]:
    """Treat SIGTERM and SIGHUP (a closed terminal) like Ctrl-C while a command runs.

    The command then leaves through its ``finally`` blocks (workers stopped,
    temporary files removed) and reports "interrupted" as for Ctrl-C; the
    previous handlers come back afterwards.
    """
    import signal

    def interrupt(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt

    wanted = [s for s in (signal.SIGTERM, getattr(signal, "SIGHUP", None)) if s is not None]
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {sig: signal.signal(sig, interrupt) for sig in wanted}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="briefpack")
@click.option("--debug", is_flag=True, help="Show a traceback when something fails.")
def main(debug: bool) -> None:
    """Turn briefing content in YAML into PDF handouts and PPTX slide decks."""


templates_option = click.option(
    "--templates",
    type=click.Path(path_type=Path, file_okay=False, exists=True),
    default=None,
    help="Folder of your own templates, messages and themes, each used instead of the built-in file of the same "
         "name (default: templates/ next to the briefs folder, if there is one).",
)


def _templates(briefs: Path, templates: Path | None) -> Any:
    """Return the template search path: the project's own folder, then the built-ins."""
    from generator.editions.discover import template_search

    return template_search(briefs, templates)


@main.command()
@click.argument("packs", nargs=-1)
@briefs_option
@templates_option
@click.option("--strict", is_flag=True, help="Treat warnings as errors (exit 1).")
@reports_errors
def check(packs: tuple[str, ...], briefs: Path, templates: Path | None, strict: bool) -> None:
    """Validate packs and predict layout warnings; write nothing.

    Checks the named packs, or every pack in --briefs. Exits 1 if any pack has an error
    (or, with --strict, a warning).
    """
    from generator.editions.discover import find_packs
    from generator.pipeline.check import check_packs

    folders = find_packs(briefs, packs)
    report = check_packs(folders, _templates(briefs, templates))
    if report.errors or (strict and report.warnings):
        raise ContentError(report.problems)
    for warning in sorted(report.warnings):
        click.echo(str(warning), err=True)
    for note in report.notes:
        click.echo(note)
    count = len(report.warnings)
    note = f", {count} warning{'s' if count != 1 else ''}" if count else ""
    click.echo(f"ok: {len(folders)} pack{'s' if len(folders) != 1 else ''} valid ({', '.join(report.packs)}){note} "
               f"in {report.seconds:.2f}s")


@main.command()
@reports_errors
def schema() -> None:
    """Print the JSON Schema for editors' YAML tools.

    Save it as briefpack.schema.json and name it on a YAML file's first line
    (# yaml-language-server: $schema=…) for completion and live checking.
    """
    from generator.content.jsonschema import schema_text

    click.echo(schema_text(), nl=False)


out_option = click.option("--out", type=click.Path(path_type=Path), default=Path("output"),
                          show_default=True, help="Folder receiving the generated packs.")
theme_option = click.option("--theme", default=None,
                            help="Theme in TEMPLATES/themes/ (default: the one the pack names).")


def build_options(func: F) -> F:
    """Add what every building command takes: PACKS, --briefs, --templates, --out and --theme."""
    for option in (theme_option, out_option, templates_option, briefs_option, click.argument("packs", nargs=-1)):
        func = option(func)
    return func


@main.command()
@build_options
@click.option("--force", is_flag=True, help="Rebuild every output, changed or not.")
@click.option("--jobs", "-j", type=click.IntRange(1, 64), default=None, help="Parallel workers (default: cores).")
@click.option("--quiet", "-q", is_flag=True, help="Print only the summary line.")
@click.option("--shard", metavar="K/N", default=None,
              help="Build only the K-th of N fixed shares of the jobs (CI machines building in parallel).")
@reports_errors
def build(packs: tuple[str, ...], briefs: Path, templates: Path | None, out: Path, theme: str | None, force: bool,
          jobs: int | None, quiet: bool, shard: str | None) -> None:
    """Build the handouts and decks that changed.

    Builds the named packs, or every pack in --briefs. A pack with errors is reported and
    skipped; the others build, and the exit code is 1.
    """
    from generator.editions.discover import check_theme_option, find_packs
    from generator.pipeline import build_packs
    from generator.pipeline.plan import Shard
    from generator.pipeline.report import changes, failure_lines, summary, table, warning_lines

    started = time.perf_counter()
    share = Shard.parse(shard) if shard else None
    folders = find_packs(briefs, packs)
    check_theme_option(_templates(briefs, templates), theme)
    with stops_like_ctrl_c():
        builds = build_packs(folders, _templates(briefs, templates), out, theme, force=force,
                             jobs=jobs or os.cpu_count() or 1, progress=_progress() if not quiet else None,
                             shard=share)
    if not quiet and any(r.rebuilt for b in builds for r in b.files):
        for line in table(builds) + changes(builds):
            click.echo(line)
    warnings = [] if quiet else warning_lines(builds)
    for line in warnings + failure_lines(builds):
        click.echo(line, err=True)
    click.echo(summary(builds, time.perf_counter() - started, str(out), warnings_shown=bool(warnings)))
    if any(b.failed for b in builds):
        sys.exit(1)


def _progress() -> Callable[[Any], None] | None:
    """Return a callback printing a progress line per finished job on a terminal (nothing otherwise)."""
    if not sys.stderr.isatty():
        return None
    count = 0

    def tick(job: Any) -> None:
        nonlocal count
        count += 1
        click.echo(f"\r  built {count} output{'s' if count != 1 else ''} ({job.output}"
                   f"{', ' + job.variant if job.variant else ''})   ", err=True, nl=False)

    return tick


@main.command()
@build_options
@reports_errors
def watch(packs: tuple[str, ...], briefs: Path, templates: Path | None, out: Path, theme: str | None) -> None:
    """Rebuild whenever a brief or template is saved (Ctrl-C to stop)."""
    from generator.editions.discover import check_theme_option
    from generator.pipeline.watch import rebuild_on_change

    search = _templates(briefs, templates)
    check_theme_option(search, theme)
    own = [f"{display_path(folder)}/" for folder in search.folders[:-1]]
    click.echo(f"watching {' and '.join([f'{briefs}/', *own])} (Ctrl-C to stop)")
    with stops_like_ctrl_c():
        rebuild_on_change(briefs, search, out, packs, theme, *_rebuild_reporters(out, "previous outputs kept. "
                                                                                       "Waiting for changes…"))


def _rebuild_reporters(out: Path, after_failure: str) -> tuple[Callable[[Any, float], None],
                                                                Callable[[BriefpackError], None]]:
    """Return how `watch` and `serve` report each rebuild: what changed, the summary, and any errors."""
    from generator.pipeline.report import changes, failure_lines, summary

    def built(builds: Any, seconds: float) -> None:
        for line in changes(builds):
            click.echo(line)
        for line in failure_lines(builds):
            click.echo(line, err=True)
        click.echo(f"[{time.strftime('%H:%M:%S')}] {summary(builds, seconds, str(out))}")
        if any(b.failed for b in builds):
            click.echo(f"[{time.strftime('%H:%M:%S')}] build failed; {after_failure}", err=True)

    def failed(error: BriefpackError) -> None:
        stamp = time.strftime("%H:%M:%S")
        if isinstance(error, ContentError):
            for problem in error.problems:
                click.echo(str(problem), err=True)
            click.echo(f"[{stamp}] build failed; {after_failure}", err=True)
        else:
            click.echo(f"[{stamp}] error: {error}; {after_failure}", err=True)

    return built, failed


@main.command()
@build_options
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port to listen on.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; anything but this computer (127.0.0.1) shares the preview.")
@click.option("--allow-host", "allow_hosts", multiple=True, metavar="NAME",
              help="Another name the preview may be reached by (e.g. a shared machine's DNS name); requests "
                   "addressed to any other name are refused.")
@click.option("--allow-edit", is_flag=True,
              help="Let the browser edit the pack even though --host shares the preview (editing is on by itself "
                   "only on this computer's loopback address).")
@reports_errors
def serve(packs: tuple[str, ...], briefs: Path, templates: Path | None, out: Path, theme: str | None, port: int,
          host: str, allow_hosts: tuple[str, ...], allow_edit: bool) -> None:
    """Preview the outputs in a browser; rebuilds and reloads on save.

    Serves an index of the packs, each web edition, the slides with their notes and the
    handouts; open pages reload by themselves after a save, and show the error of a save
    that does not build above the last good output. On this computer it also edits: every
    item of the web edition has an "Edit" link to a form that saves into the YAML.
    """
    from generator.editions.discover import check_theme_option, find_packs
    from generator.preview.serve import ServeOptions
    from generator.preview.serve import serve as run_server

    find_packs(briefs, packs)  # a pack that does not exist is a usage error now, not a page later
    search = _templates(briefs, templates)
    check_theme_option(search, theme)
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"warning: serving on {host}: anyone who can reach this computer can read the preview", err=True)
        if allow_edit:
            click.echo("warning: --allow-edit: anyone who can reach this computer can also change the pack's files",
                       err=True)
        else:
            click.echo("editing from the browser is off (it is on only on 127.0.0.1; --allow-edit turns it on)",
                       err=True)

    def ready(url: str) -> None:
        click.echo(f"serving {url} (Ctrl-C to stop)")

    built, failed = _rebuild_reporters(out, "the preview shows the error above the last good output")
    with stops_like_ctrl_c():
        run_server(ServeOptions(briefs, search, out, packs, theme), host, port, built, failed, ready, allow_hosts,
                   allow_edit)


@main.command()
@click.argument("name")
@briefs_option
@reports_errors
def new(name: str, briefs: Path) -> None:
    """Create a commented pack that builds at once.

    Writes --briefs/NAME/ showing every section, with a comment on each field, and the
    schema file editors use beside --briefs.
    """
    from generator.scaffold import new_pack

    folder = new_pack(briefs, name)
    option = "" if briefs == Path("briefs") else f" --briefs {shlex.quote(str(briefs))}"
    click.echo(f"created {display_path(folder)}/ ({len(list(folder.glob('*.yaml')))} files); "
               f"next: briefpack build{option} {name}")


@main.command()
@click.argument("names", nargs=-1)
@briefs_option
@templates_option
@reports_errors
def templates(names: tuple[str, ...], briefs: Path, templates: Path | None) -> None:
    """List built-in templates, or copy some to change them.

    With NAMES, copies those files into the project's templates/ folder (or --templates);
    briefpack then uses the copies instead of the built-ins.
    """
    from generator.editions.discover import copy_builtin
    from generator.templates import BUILTIN, Templates

    if not names:
        for name in Templates((BUILTIN,)).files("**/*"):
            click.echo(name)
        return
    into = templates or briefs.parent / "templates"
    for copy in copy_builtin(names, into):
        click.echo(f"copied {display_path(copy)}: edit it; briefpack now uses it instead of the built-in one")


@main.command()
@briefs_option
@templates_option
@reports_errors
def icons(briefs: Path, templates: Path | None) -> None:
    """List the icons Easy Read rows may name; the project's own marked."""
    from generator.outputs.easy_read import ICONS
    from generator.templates import BUILTIN

    found = _templates(briefs, templates).files(ICONS)
    for name, path in found.items():
        own = "" if path.is_relative_to(BUILTIN) else f"  (yours: {display_path(path)})"
        click.echo(name.removeprefix("icons/").removesuffix(".svg") + own)
    click.echo(f"{len(found)} icons; Tabler Icons (MIT) are built in. A row may also name a PNG or JPEG in the pack "
               "folder by its path, with `alt`.")


@main.command(name="list")
@briefs_option
@templates_option
@reports_errors
def list_(briefs: Path, templates: Path | None) -> None:
    """List packs with their variants, and the themes."""
    from generator.content.loader import load_pack
    from generator.editions.discover import find_packs
    from generator.editions.themes import find_themes

    for folder in find_packs(briefs):
        try:
            meta = load_pack(folder).content.meta
        except ContentError as exc:
            click.echo(f"{folder.name}  (invalid: {len(exc.problems)} problems; run briefpack check)")
            continue
        variants = ", ".join(v.id for v in meta.variants) or "one edition"
        click.echo(f"{meta.id}  {meta.title!r}  [{meta.language}]  theme: {meta.theme}  variants: {variants}")
    click.echo(f"themes: {', '.join(find_themes(_templates(briefs, templates))) or 'none'}")


from generator.cli_translate import translate  # noqa: E402  (its own module, to keep this one small)

main.add_command(translate)
