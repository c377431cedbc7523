"""Words for the end of a build: a table of outputs, what changed, and one summary line."""

from __future__ import annotations

from generator.errors import display_path
from generator.pipeline.results import PackBuild

EDIT_REASONS = ("changed:", "removed:", "settings changed")


def table(builds: list[PackBuild]) -> list[str]:
    """Return a table: pack, output, pages or slides, time, rebuilt or up to date (and why)."""
    rows = [("pack", "output", "size", "time", "status")]
    for build in builds:
        for record in build.files:
            name = record.path.name.removeprefix(f"{build.pack_id}-")
            status = "up to date" + (" (edit did not reach it)" if record.reasons == ("same document",) else "")
            if record.rebuilt:
                status = "rebuilt"
                if not record.changed and record.reasons and record.reasons[0].startswith(EDIT_REASONS):
                    status += ", identical"  # an edit that did not change this output: nothing to reprint
                if record.reasons:
                    extra = f" (+{len(record.reasons) - 1})" if len(record.reasons) > 1 else ""
                    status += f" ({record.reasons[0]}{extra})"
            unit = record.unit[:-1] if record.count == 1 else record.unit
            rows.append((build.pack_id, name, f"{record.count} {unit}",
                         f"{record.seconds:.2f}s" if record.rebuilt else "-", status))
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    return ["  ".join(cell.ljust(widths[i]) if i < 4 else cell for i, cell in enumerate(row)).rstrip()
            for row in rows]


def changes(builds: list[PackBuild]) -> list[str]:
    """Return what to reprint or re-upload: changed files, and for decks the slides whose text changed."""
    lines: list[str] = []
    for build in builds:
        for record in build.files:
            if not (record.rebuilt and record.changed):
                continue
            line = f"changed: {display_path(record.path)}"
            if record.slides_changed:
                numbers = ", ".join(str(n) for n in record.slides_changed)
                line += f" (slide{'s' if len(record.slides_changed) > 1 else ''} {numbers})"
            lines.append(line)
    return lines


def warning_lines(builds: list[PackBuild]) -> list[str]:
    """Return every warning of the build, as ``check`` prints it, grouped by file in line order."""
    problems = [p for b in builds for p in b.warnings]
    return [str(p) for p in sorted(problems)]  # the order check prints them in


def failure_lines(builds: list[PackBuild]) -> list[str]:
    """Return the error lines of the packs that failed, and a line saying their old outputs stand."""
    lines: list[str] = []
    for build in builds:
        if build.failed:
            lines.extend(build.failure)
            lines.append(f"{build.pack_id}: not built; its previous outputs are unchanged")
    return lines


def summary(builds: list[PackBuild], seconds: float, out: str, *, warnings_shown: bool = False) -> str:
    """Return the one summary line: files written, pages, slides, time, warnings, failed packs."""
    done = [b for b in builds if not b.failed]
    failed = [b.pack_id for b in builds if b.failed]
    records = [r for b in done for r in b.files]
    rebuilt = [r for r in records if r.rebuilt]
    pages = sum(r.count for r in rebuilt if r.unit == "pages")
    slides = sum(r.count for r in rebuilt if r.unit == "slides")
    warnings = sum(len(b.warnings) for b in done)
    names = ", ".join(b.pack_id for b in done)
    note = ""
    if warnings:
        where = "above" if warnings_shown else "briefpack check lists them"
        note = f"; {warnings} warning{'s' if warnings != 1 else ''} ({where})"
    if failed:
        note += f"; FAILED: {', '.join(failed)}"
    if not done:
        return f"nothing built{note}"
    if not rebuilt:
        return f"up to date: {names} ({len(records)} files) in {seconds:.2f}s{note}"
    return (f"built {names}: {len(rebuilt)} files, {pages} pages, {slides} slides in {seconds:.1f}s -> {out}/"
            f" ({len(records) - len(rebuilt)} up to date){note}")
