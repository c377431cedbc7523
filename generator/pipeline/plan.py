"""Plan a pack's build: which jobs are stale, why, and what each output is made from.

A job is stale when a file it is made from changed (pack content, its
templates, messages, theme), when briefpack or its font and render libraries
changed, on ``force``, or when its files are missing or were edited since.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator.errors import ContentError, Problem, display_path
from generator.pipeline.jobs import Job
from generator.pipeline.manifest import JobEntry, PackEntry, environment, file_hash
from generator.templates import Templates
from generator.translate.catalogue import FOLDER

if TYPE_CHECKING:  # loading packs imports the schema; a no-op build must not pay for it
    from generator.editions.session import Session


@dataclass
class Plan:
    """What building one pack will do; a pack needing nothing is ``skip`` with its old entry."""

    folder: Path
    pack_id: str
    inputs: dict[str, str]
    session: Session | None = None
    old: PackEntry | None = None
    stale: list[Job] = field(default_factory=list)
    fresh: list[Job] = field(default_factory=list)
    deps: dict[str, dict[str, str]] = field(default_factory=dict)
    reasons: dict[str, list[str]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    skip: bool = False
    outside: list[str] = field(default_factory=list)  # jobs another shard builds (``--shard``): left as they are

    def old_job(self, key: str) -> JobEntry | None:
        """Return the manifest's record of job ``key`` from the last build of this pack."""
        return self.old.jobs.get(key) if self.old and self.old.pack_id == self.pack_id else None


def build_options(theme_name: str | None) -> dict[str, Any]:
    """Return the settings besides input files that decide the outputs."""
    return {"theme": theme_name, "environment": environment()}


def up_to_date(entry: PackEntry | None, inputs: dict[str, str], options: dict[str, Any], out: Path) -> bool:
    """Return whether a pack needs nothing at all: same inputs, options and intact outputs."""
    if not entry or not entry.complete or entry.inputs != inputs or entry.options != options or not entry.jobs:
        return False
    for job in entry.jobs.values():
        for name, info in job.files.items():
            path = out / entry.pack_id / name
            if not path.is_file() or file_hash(path) != info.sha256:
                return False
    return True


def reasons_to_rebuild(record: JobEntry | None, inputs: dict[str, str], out_dir: Path, force: bool) -> list[str]:
    """Return why a job must be rebuilt (empty: it is up to date)."""
    if force:
        return ["forced"]
    if not record:
        return ["not built before"]
    old = record.inputs
    reasons = [f"changed: {_shown(p)}" for p in sorted(inputs) if old.get(p) != inputs[p]]
    reasons += [f"removed: {_shown(p)}" for p in sorted(old) if p not in inputs]
    for name, info in record.files.items():
        path = out_dir / name
        if not path.is_file():
            reasons.append(f"missing output: {name}")
        elif file_hash(path) != info.sha256:
            reasons.append(f"output edited since: {name}")
    return reasons


def _shown(key: str) -> str:
    """Return a job input as a reason names it: a file as the user sees it, or 'reportlab (library)'."""
    return f"{key.removeprefix(LIBRARY_KEY)} (library)" if key.startswith(LIBRARY_KEY) else display_path(Path(key))


def plan_pack(folder: Path, templates: Templates, out: Path, theme_name: str | None, inputs: dict[str, str],
              entry: PackEntry | None, force: bool) -> Plan:
    """Load the pack and decide which of its jobs are stale, and why."""
    from generator.editions.session import load_session
    from generator.outputs import OUTPUTS
    from generator.outputs.handout import handout_template
    from generator.pipeline.check import pack_problems

    session = load_session(folder, templates, theme_name)
    plan = Plan(folder, session.pack_id, inputs, session, entry)
    pack_files = sorted(p.resolve() for p in folder.rglob("*") if p.is_file())
    theme_folder = templates.theme_folder(session.theme_name)
    for edition in session.editions:
        files = edition_files(pack_files, folder, edition.language)
        for output in OUTPUTS.values():
            for part in output.parts(session.theme, edition):
                key = Job(folder, templates, theme_name, edition.variant, output.name, part,
                          language=edition.language).key
                templates_used = [output.template(edition), *output.wrappers,
                                  handout_template(edition) if output.numbered_by_handout else None]
                deps = job_inputs(files, templates, templates_used, theme_folder, output.reads)
                hashes = {str(p): inputs.get(str(p)) or file_hash(p) for p in deps}
                hashes.update(library_versions(output.libraries))
                old = plan.old_job(key)
                why = reasons_to_rebuild(old, hashes, out / plan.pack_id, force)
                intact = why and all(w.startswith(("changed:", "removed:")) for w in why)
                last = old.document if old and intact else None
                job = Job(folder, templates, theme_name, edition.variant, output.name, part, last, edition.language)
                (plan.stale if why else plan.fresh).append(job)
                plan.deps[key] = hashes
                plan.reasons[key] = why
    plan.problems = pack_problems(session, templates)
    errors = [problem for problem in plan.problems if problem.severity == "error"]
    if errors:  # found by lint (a character no font has): the pack cannot be printed as written
        raise ContentError(errors)
    return plan


def edition_files(pack_files: list[Path], folder: Path, language: str | None) -> list[Path]:
    """Return the pack files an edition is made from: all but other languages' catalogues.

    Editing the Spanish catalogue then leaves the English and French
    editions' inputs as they were: only the Spanish outputs are looked at.
    """
    catalogues = (folder / FOLDER).resolve()
    return [path for path in pack_files
            if path.parent != catalogues or path.suffix != ".po" or path.stem == language]


def template_closure(templates: Templates, name: str) -> list[Path]:
    """Return the file of template ``name`` and of every template it extends, includes or imports."""
    stamp = tuple((n, p.stat().st_mtime_ns) for n, p in templates.files("*.j2").items())
    return list(_closure(templates, name, stamp))


# A template names the templates it builds on in string literals: {% extends "x" %}, {% include 'x' %},
# {% import "x" as m %}, {% from "x" import m %}. A name computed at run time cannot be known before
# rendering (jinja's own meta.find_referenced_templates skips those too).
_REFERENCE = re.compile(r"""{%-?\s*(?:extends|include|import|from)\s+["']([^"']+)["']""")


@lru_cache(maxsize=64)
def _closure(templates: Templates, name: str, stamp: tuple[Any, ...]) -> tuple[Path, ...]:
    from generator.templates import BUILTIN

    seen: list[Path] = []
    pending = [name]
    while pending:
        current = pending.pop()
        path = BUILTIN / current.removeprefix("builtin/") if current.startswith("builtin/") else templates.find(current)
        if path is None or path in seen or not path.is_file():
            continue
        seen.append(path)
        pending.extend(_REFERENCE.findall(path.read_text("utf-8")))
    return tuple(sorted(p.resolve() for p in seen))


def job_inputs(pack_files: list[Path], templates: Templates, names: list[str | None],
               theme_folder: Path | None, reads: tuple[str, ...] = ()) -> list[Path]:
    """Return the files one output of one edition is made from: the pack, its templates (``names``), messages, theme.

    ``names`` are the output's own template, the page it is wrapped in (the
    web edition's) and the handout's, which numbers the edition's sources;
    ``reads`` the patterns of other files it draws with (the Easy Read icons).
    """
    shared = [p.resolve() for pattern in ("messages/*", *reads) for p in templates.files(pattern).values()]
    theme = sorted(p.resolve() for p in theme_folder.rglob("*") if p.is_file()) if theme_folder else []
    used = {path for name in names if name for path in template_closure(templates, name)}
    return sorted(set(pack_files) | used | set(shared) | set(theme))


LIBRARY_KEY = "library:"  # job inputs that are library versions, not files


def library_versions(libraries: tuple[str, ...]) -> dict[str, str]:
    """Return the installed version of each library as job inputs: an upgrade rebuilds what it changes."""
    return {f"{LIBRARY_KEY}{name}": _version(name) for name in libraries}


@cache
def _version(name: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name)
    except PackageNotFoundError:
        return "missing"


@dataclass(frozen=True)
class Shard:
    """One of ``count`` parts of a build (``--shard index/count``): a fixed share of every pack's jobs."""

    index: int  # 1-based
    count: int

    @classmethod
    def parse(cls, text: str) -> Shard:
        """Return the shard ``text`` names ("2/5"), or raise ``UsageError`` saying what is wrong."""
        from generator.errors import UsageError

        match = re.fullmatch(r"\s*(\d+)\s*/\s*(\d+)\s*", text)
        if not match or not 1 <= int(match[1]) <= int(match[2]):
            raise UsageError(f"--shard {text}: give K/N with 1 <= K <= N, e.g. --shard 2/4")
        return cls(int(match[1]), int(match[2]))


def keep_shard(plans: list[Plan], shard: Shard) -> None:
    """Keep in each plan only the jobs of ``shard``; the others are ``outside`` it, left as they are.

    Every job of the planned packs, fresh or stale, is numbered in one fixed
    order (pack id, then job key), and job i belongs to shard i mod N: the N
    shards together hold every job once, whatever is up to date where.
    """
    every = sorted((plan.pack_id, job.key) for plan in plans if not plan.skip for job in (*plan.stale, *plan.fresh))
    mine = {item for number, item in enumerate(every) if number % shard.count == shard.index - 1}
    for plan in plans:
        if plan.skip:
            continue
        for jobs in (plan.stale, plan.fresh):
            plan.outside += [job.key for job in jobs if (plan.pack_id, job.key) not in mine]
            jobs[:] = [job for job in jobs if (plan.pack_id, job.key) in mine]
