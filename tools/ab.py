"""Compare cold builds of two commits side by side: ``python tools/ab.py BASE [HEAD] [--rounds N] [--jobs J]``.

Each commit is checked out into a temporary git worktree; the rounds alternate
A B A B …, each a fresh process building that commit's default pack into an
empty folder, so both see the same machine load. Prints pages+slides per second
per run, the medians, and the ratio HEAD / BASE.
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COUNTS = re.compile(r"(\d+) pages, (\d+) slides")


def worktree(commit: str, into: Path) -> Path:
    """Return a checkout of ``commit`` (the working tree itself for 'WORKTREE')."""
    if commit == "WORKTREE":
        return ROOT
    path = into / commit
    subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(path), commit],
                   check=True, capture_output=True)
    return path


def cold_build(tree: Path, jobs: int) -> tuple[float, int]:
    """Return (seconds, pages + slides) of one cold build of ``tree``'s default pack in a fresh process."""
    out = Path(tempfile.mkdtemp(prefix="ab-out-"))
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "generator", "build", "-q", "--force", "--jobs", str(jobs),
                           "--out", str(out)], cwd=tree, capture_output=True, text=True, check=False,
                          env={"PYTHONPATH": str(tree), "PATH": "/usr/bin:/bin", "HOME": str(Path.home())})
    seconds = time.perf_counter() - started
    shutil.rmtree(out)
    if proc.returncode:
        raise SystemExit(f"build failed in {tree}:\n{proc.stderr}")
    match = COUNTS.search(proc.stdout)
    assert match, proc.stdout
    return seconds, int(match.group(1)) + int(match.group(2))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base")
    parser.add_argument("head", nargs="?", default="WORKTREE")
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="ab-"))
    trees = {name: worktree(commit, scratch) for name, commit in (("A", args.base), ("B", args.head))}
    rates: dict[str, list[float]] = {"A": [], "B": []}
    try:
        for name in trees:  # warm the disk cache and the font instances once, untimed
            cold_build(trees[name], args.jobs)
        for round_ in range(1, args.rounds + 1):
            for name in ("A", "B"):
                seconds, units = cold_build(trees[name], args.jobs)
                rates[name].append(units / seconds)
                print(f"round {round_} {name} ({args.base if name == 'A' else args.head}): {seconds:.2f} s, "
                      f"{units} pages+slides, {units / seconds:.1f}/s")
    finally:
        for tree in trees.values():
            if tree != ROOT:
                subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)],
                               check=False, capture_output=True)
        shutil.rmtree(scratch, ignore_errors=True)
    a, b = statistics.median(rates["A"]), statistics.median(rates["B"])
    print(f"median A {a:.1f}/s, B {b:.1f}/s: B is {b / a:.2f}x A")
    a, b = max(rates["A"]), max(rates["B"])  # the least disturbed run of each, on a noisy machine
    print(f"best A {a:.1f}/s, B {b:.1f}/s: B is {b / a:.2f}x A")


if __name__ == "__main__":
    main()
