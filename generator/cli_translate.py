"""``briefpack translate``: the translation commands (part of the CLI; see ``cli``).

``briefpack translate PACK`` makes or updates the pack's catalogues;
``translate export PACK LANG FILE.xlsx`` writes a language's catalogue as a
spreadsheet for volunteers; ``translate import PACK FILE.xlsx`` reads it back.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from generator.cli_support import briefs_option, reports_errors


class _PackOrCommand(click.Group):
    """A group whose first word is a subcommand (export, import) or, when it is none, a pack to update."""

    def resolve_command(self, ctx: click.Context, args: list[str]) -> Any:
        if args and args[0] not in self.commands:
            return "update", self.commands["update"], args
        return super().resolve_command(ctx, args)


@click.group(cls=_PackOrCommand, invoke_without_command=False,
            context_settings={"help_option_names": ["-h", "--help"]})
def translate() -> None:
    """Translate packs: PACK (update its catalogues), export, import.

    \b
    briefpack translate PACK                    make or update translations/<lang>.po
    briefpack translate export PACK LANG FILE   write a language's catalogue as XLSX
    briefpack translate import PACK FILE        read an edited XLSX back
    """


@translate.command(hidden=True)
@click.argument("packs", nargs=-1, required=True)
@briefs_option
@reports_errors
def update(packs: tuple[str, ...], briefs: Path) -> None:
    """Make or update each declared language's catalogue of the PACKS."""
    from generator.editions.discover import find_packs
    from generator.translate.workflow import update_pack

    for folder in find_packs(briefs, packs):
        for report in update_pack(folder):
            state = f"{report.total} strings: {report.added} new, {report.stale} now stale"
            if report.suggested:
                state += f", {report.suggested} suggested from the same words translated elsewhere (confirm them)"
            if report.retired:
                state += f", {report.retired} retired"
            click.echo(f"{report.path}: {state}")


@translate.command()
@click.argument("pack")
@click.argument("language")
@click.argument("sheet", type=click.Path(path_type=Path, dir_okay=False))
@briefs_option
@reports_errors
def export(pack: str, language: str, sheet: Path, briefs: Path) -> None:
    """Write a language's catalogue as a spreadsheet.

    Writes PACK's LANGUAGE catalogue to SHEET (.xlsx) for translators: only the
    translation and comment columns can be edited.
    """
    from generator.editions.discover import find_packs
    from generator.translate.workflow import export_language

    [folder] = find_packs(briefs, (pack,))
    rows = export_language(folder, language, sheet)
    click.echo(f"{sheet}: {rows} strings to translate in the 'translation' column; send it back for "
               f"`briefpack translate import {pack} {sheet}`")


@translate.command(name="import")
@click.argument("pack")
@click.argument("sheet", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--reviewed", is_flag=True, help="Mark every translation in the sheet reviewed (a reviewer's sheet).")
@briefs_option
@reports_errors
def import_(pack: str, sheet: Path, reviewed: bool, briefs: Path) -> None:
    """Read an edited spreadsheet back.

    Copies the translations in SHEET into PACK's catalogue of its language; a row
    whose English changed since the export is refused and named.
    """
    from generator.editions.discover import find_packs
    from generator.translate.workflow import import_language

    [folder] = find_packs(briefs, (pack,))
    done = import_language(folder, sheet, reviewed)
    for row in done.result.refused:
        click.echo(f"{sheet}: {row}", err=True)
    changed = len(done.result.changed)
    click.echo(f"{done.catalogue}: {changed} translation{'s' if changed != 1 else ''} changed"
               + (f", {len(done.result.refused)} rows refused (above)" if done.result.refused else "")
               + (f"; {len(done.result.still_stale)} still stale" if done.result.still_stale else ""))
