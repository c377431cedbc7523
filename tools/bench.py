"""Benchmarks (not part of the tests): ``python -m generator.bench [--quick] [--json FILE]``.

Measures, on copies of the default pack in a temporary folder:
- a cold build in a fresh process, and a no-op rebuild;
- one-edit rebuilds as ``briefpack watch`` does them (one warm process);
- a batch of synthetic packs made from the default one, with 1 and with 2 jobs;
- synthetic handouts of growing length up to about 300 pages (time should grow linearly);
- the default pack published in 1, 3 and 10 languages (seconds per edition).
Prints wall time, pages+slides per second and peak memory, and writes them as JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
COUNTS = re.compile(r"(\d+) pages, (\d+) slides")


def _cli(cwd: Path, *args: str) -> tuple[float, str, int]:
    """Run ``briefpack`` in a fresh process; return (seconds, stdout, peak RSS of the child in MB)."""
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    seconds = time.perf_counter() - started
    if proc.returncode:
        raise SystemExit(f"briefpack {' '.join(args)} failed:\n{proc.stderr}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
    return seconds, proc.stdout, peak


def _units(stdout: str) -> int:
    match = COUNTS.search(stdout)
    return int(match.group(1)) + int(match.group(2)) if match else 0


def _workspace(packs: int = 1) -> Path:
    work = Path(tempfile.mkdtemp(prefix="briefpack-bench-"))
    shutil.copytree(ROOT / "templates", work / "templates")  # the project's own templates, if any
    for index in range(packs):
        name = "sex-work-law" if packs == 1 else f"pack-{index:02d}"
        target = work / "briefs" / name
        shutil.copytree(ROOT / "briefs" / "sex-work-law", target)
        meta = target / "pack.yaml"
        meta.write_text(meta.read_text().replace("id: sex-work-law", f"id: {name}"))
    return work


def cold_and_noop() -> dict[str, Any]:
    work = _workspace()
    seconds, out, peak = _cli(work, "build", "-q", "--jobs", "1")
    units = _units(out)
    cold = {"seconds": round(seconds, 3), "pages_and_slides": units, "per_second": round(units / seconds, 1),
            "peak_mb_jobs1": peak}
    shutil.rmtree(work / "output")
    seconds2, out2, _ = _cli(work, "build", "-q")
    cold["seconds_jobs_default"] = round(seconds2, 3)
    cold["per_second_jobs_default"] = round(_units(out2) / seconds2, 1)
    noop = [round(_cli(work, "build", "-q")[0], 3) for _ in range(5)]
    shutil.rmtree(work)
    return {"cold_build": cold, "noop_rebuild_seconds": {"runs": noop, "best": min(noop)}}


def watch_edits() -> dict[str, Any]:
    """Time one-edit rebuilds in one warm process, as `briefpack watch` runs them."""
    sys.path.insert(0, str(ROOT))
    from generator.pipeline import Workers, build_packs

    work = _workspace()
    from generator.templates import Templates

    folder, out = work / "briefs" / "sex-work-law", work / "output"
    templates = Templates.with_builtins(work / "templates")
    workers = Workers(os.cpu_count() or 1)  # as `briefpack watch` keeps them
    build_packs([folder], templates, out, workers=workers)
    results = {}
    edits = {  # each edited twice: the first rebuild after starting, then a typical later one
        "glossary_term (reaches 2 outputs)": ("glossary.yaml", r"^  - term: .*$"),
        "key_message_title (reaches every output)": ("key-messages.yaml", r"^    title: .*$"),
        "speaker_note (reaches the decks)": ("pack.yaml", r"^  closing: >-\n.*$"),
    }
    for label, (name, line) in edits.items():
        path = folder / name
        runs = []
        for _ in range(2):  # the first line matching ``line`` gets an " x" at its end
            path.write_text(re.sub(line, lambda m: m.group(0) + " x", path.read_text(), count=1, flags=re.M))
            started = time.perf_counter()
            builds = build_packs([folder], templates, out, workers=workers)
            runs.append(round(time.perf_counter() - started, 3))
        rebuilt = [r for b in builds for r in b.files if r.rebuilt]
        results[label] = {"first_seconds": runs[0], "later_seconds": runs[1], "outputs_rebuilt": len(rebuilt)}
    workers.close()
    shutil.rmtree(work)
    return results


def batch(packs: int) -> dict[str, Any]:
    work = _workspace(packs)
    timings: dict[str, Any] = {}
    for jobs in (1, 2):
        if (work / "output").exists():
            shutil.rmtree(work / "output")
        seconds, out, _ = _cli(work, "build", "-q", "--jobs", str(jobs))
        timings[f"jobs_{jobs}"] = {"seconds": round(seconds, 2), "per_second": round(_units(out) / seconds, 1)}
    shutil.rmtree(work)
    timings["speedup"] = round(timings["jobs_1"]["seconds"] / timings["jobs_2"]["seconds"], 2)
    timings["packs"] = packs
    return timings


def long_handouts(sizes: tuple[int, ...]) -> dict[str, Any]:
    """Render handouts with N copies of the evidence section; report pages and seconds per page."""
    sys.path.insert(0, str(ROOT))
    from generator.compose.compose import compose_handout
    from generator.content.loader import load_pack
    from generator.editions.themes import load_theme
    from generator.render.pdf.handout import render_handout_pdf

    pack = load_pack(ROOT / "briefs" / "sex-work-law").content
    from generator.templates import Templates

    templates = Templates.with_builtins(ROOT / "templates")
    theme = load_theme(templates)
    rows = []
    for copies in sizes:
        evidence = [item.model_copy(update={"id": f"{item.id}-{n}"}) for n in range(copies) for item in pack.evidence]
        models = [m.model_copy(update={"id": f"{m.id}-{n}", "name": f"{m.name} ({n + 1})"})
                  for n in range(copies) for m in pack.models]
        big = pack.model_copy(update={"evidence": evidence, "models": models})
        started = time.perf_counter()
        handout = compose_handout(big, templates).document
        _, pages = render_handout_pdf(handout, theme, "a4")  # type: ignore[arg-type]
        seconds = time.perf_counter() - started
        rows.append({"copies": copies, "pages": pages, "seconds": round(seconds, 2),
                     "ms_per_page": round(1000 * seconds / pages, 1)})
    return {"runs": rows}


def side_by_side(rounds: int = 3) -> dict[str, Any]:
    """Cold builds of the default pack and pandoc's pptx + typst pair, alternating, in one run."""
    try:
        import pypandoc  # noqa: F401
        import typst  # noqa: F401
    except ImportError:
        return {"skipped": "pip install pypandoc-binary typst to compare with pandoc"}
    sys.path.insert(0, str(ROOT / "tools"))
    from pandoc_pair import markdown, run_once

    handout_md, deck_md = markdown(ROOT / "briefs" / "sex-work-law")
    ours, theirs = [], []
    for _ in range(rounds):
        work = _workspace()
        seconds, out, _ = _cli(work, "build", "-q")
        ours.append({"seconds": round(seconds, 3), "per_second": round(_units(out) / seconds, 1)})
        shutil.rmtree(work)
        theirs.append(run_once(handout_md, deck_md))
    best_ours = sorted(r["per_second"] for r in ours)[len(ours) // 2]
    best_theirs = sorted(r["per_second"] for r in theirs)[len(theirs) // 2]
    return {"briefpack": ours, "pandoc_pptx_typst": theirs, "median_ratio": round(best_ours / best_theirs, 2)}


LANGUAGE_SETS = {1: ["en-AU"], 3: ["en-AU", "es", "fr"],
                 10: ["en-AU", "es", "fr", "de", "pt", "it", "nl", "el", "ru", "uk"]}


def languages() -> dict[str, Any]:
    """Time a cold build of the default pack published in 1, 3 and 10 languages (every variant in each).

    Languages without a catalogue print the English (each edition says so):
    the work per edition is the same as a translated one's.
    """
    out: dict[str, Any] = {}
    for count, tags in LANGUAGE_SETS.items():
        work = _workspace()
        meta = work / "briefs" / "sex-work-law" / "pack.yaml"
        text = re.sub(r"  languages: \[[^\]]*\]\n", f"  languages: [{', '.join(tags)}]\n", meta.read_text())
        text = re.sub(r"  translations:\n(    .*\n)+", "", text)  # every variant in every language
        meta.write_text(text)
        seconds, stdout, peak = _cli(work, "build", "-q")
        editions = 2 * count  # two variants
        out[f"{count}_languages"] = {"seconds": round(seconds, 2), "editions": editions,
                                     "seconds_per_edition": round(seconds / editions, 2),
                                     "pages_and_slides": _units(stdout), "peak_mb": peak}
        shutil.rmtree(work)
    return out


def slide_fill() -> dict[str, Any]:
    """Return how much of each deck's content slides their content uses (median share of the body area)."""
    sys.path.insert(0, str(ROOT))
    from generator.compose.compose import compose_deck
    from generator.content.loader import load_pack
    from generator.editions.themes import load_theme
    from generator.layout.fill import NOT_CONTENT, content_fill, median_fill
    from generator.layout.slides import layout_deck
    from generator.templates import Templates

    templates = Templates.with_builtins(ROOT / "templates")
    theme = load_theme(templates)
    out = {}
    for folder in (ROOT / "briefs" / "sex-work-law", ROOT / "tests" / "fixtures" / "mini",
                   ROOT / "tests" / "fixtures" / "glowberries"):
        slides = layout_deck(compose_deck(load_pack(folder).content, templates).document, theme)  # type: ignore[arg-type]
        shares = [content_fill(s) for s in slides if s.kind not in NOT_CONTENT]
        out[folder.name] = {"content_slides": len(shares), "median_fill": round(median_fill(slides), 2),
                            "below_40_percent": sum(1 for share in shares if share < 0.4)}
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="10 packs in the batch and shorter handouts")
    parser.add_argument("--json", type=Path, default=Path("bench-results.json"), help="where to write results")
    parser.add_argument("--only", action="append", help="run only these steps (e.g. --only 'cold and no-op')")
    args = parser.parse_args()
    results: dict[str, Any] = {"machine": {"cores": os.cpu_count(), "python": sys.version.split()[0]}}
    steps = [
        ("cold and no-op", cold_and_noop),
        ("side by side with pandoc", side_by_side),
        ("languages", languages),
        ("watch edits", watch_edits),
        ("batch", lambda: batch(10 if args.quick else 50)),
        ("long handouts", lambda: long_handouts((5, 10) if args.quick else (5, 10, 20, 40, 50))),
        ("slide fill", slide_fill),
    ]
    for label, step in steps:
        if args.only and label not in args.only:
            continue
        started = time.perf_counter()
        results[label.replace(" ", "_")] = step()
        print(f"{label}: done in {time.perf_counter() - started:.1f}s", file=sys.stderr)
    print(json.dumps(results, indent=2, ensure_ascii=False))
    args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
