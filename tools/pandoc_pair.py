"""The same briefing through pandoc, for a side-by-side speed measure (not part of the tests).

briefpack's composed documents (the default pack's public handout and deck)
are written out as Pandoc Markdown, then pandoc makes the PPTX and a PDF through
Typst: the "pptx + typst pair" a team without briefpack would use. Pages and
slides per second are compared with briefpack's own cold build of the same
pack, measured in the same run (tools/bench.py alternates them).

Needs `pip install pypandoc-binary typst` (pandoc 3 and Typst, both from PyPI).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def _inline(runs: Any) -> str:
    out = []
    for run in runs:
        text = run.text.replace("*", r"\*").replace("_", r"\_")
        if run.cite:
            out.append(f"^{run.text}^")
            continue
        if run.bold:
            text = f"**{text}**"
        if run.italic:
            text = f"*{text}*"
        if run.url:
            text = f"[{text}]({run.url})"
        out.append(text)
    return "".join(out)


def _block(block: Any, depth: int = 0) -> list[str]:
    from generator import document as d

    match block:
        case d.Heading():
            return ["#" * min(block.level + depth, 6) + " " + _inline(block.text), ""]
        case d.Paragraph():
            return [_inline(block.text), ""]
        case d.BulletList():
            return [f"{'1.' if block.ordered else '-'} {_inline(item)}" for item in block.items] + [""]
        case d.Quote():
            return [f"> {_inline(p)}" for p in block.paragraphs] + [f"> — {_inline(block.attribution)}", ""]
        case d.Callout():
            title = ["#" * min(block.level + depth, 6) + " " + _inline(block.title), ""] if block.title else []
            return title + [line for child in block.blocks for line in _block(child, depth + 1)]
        case d.Table():
            header = "| " + " | ".join(_inline(c.text) for c in block.header) + " |"
            rows = ["| " + " | ".join(_inline(c.text) for c in row) + " |" for row in block.rows]
            return [header, "|" + "---|" * len(block.header), *rows, ""]
        case d.ResourceList():
            return [f"- [{_inline(i.title)}]({i.url}): {_inline(i.description)}" for i in block.items] + [""]
        case d.SourceList():
            return [f"{e.number}. {_inline(e.text)} {e.url or ''}" for e in block.entries] + [""]
        case d.DefinitionList():
            return [line for term, text in block.items for line in (_inline(term), f":   {_inline(text)}", "")]
        case d.Cover():
            return [f"% {_inline(block.title)}", f"% {_inline(block.subtitle)}", ""]
        case d.StatusMatrix() | d.Spectrum() | d.Timeline():
            return [block.alt, ""]
        case d.PageBreak():
            return ["\\newpage", ""]
    return []


def markdown(pack: Path) -> tuple[str, str]:
    """Return the pack's public handout and deck as Pandoc Markdown."""
    sys.path.insert(0, str(ROOT))
    from generator.editions.session import load_session
    from generator.outputs import OUTPUTS
    from generator.templates import Templates

    templates = Templates.with_builtins(ROOT / "templates")
    session = load_session(pack, templates)
    edition = session.editions[0]
    handout = OUTPUTS["handout"].compose(edition, templates, OUTPUTS["handout"].template(edition)).document
    deck = OUTPUTS["deck"].compose(edition, templates, OUTPUTS["deck"].template(edition)).document
    handout_md = "\n".join(line for block in handout.blocks for line in _block(block))  # type: ignore[union-attr]
    slides = []
    for slide in deck.slides:  # type: ignore[union-attr]
        slides += [f"# {_inline(slide.title)}", ""] + [line for b in slide.blocks for line in _block(b, 1)]
        if slide.notes:
            slides += ["::: notes", *(_inline(n) for n in slide.notes), ":::", ""]
    return handout_md, "\n".join(slides)


def run_once(handout_md: str, deck_md: str) -> dict[str, Any]:
    """Make the PPTX and the Typst PDF once; return seconds, slides and pages."""
    import pypandoc
    import typst
    from pptx import Presentation
    from pypdf import PdfReader

    pandoc = pypandoc.get_pandoc_path()
    work = Path(tempfile.mkdtemp(prefix="pandoc-pair-"))
    (work / "handout.md").write_text(handout_md, "utf-8")
    (work / "deck.md").write_text(deck_md, "utf-8")
    started = time.perf_counter()
    subprocess.run([pandoc, "deck.md", "-o", "deck.pptx"], cwd=work, check=True, timeout=300)
    subprocess.run([pandoc, "handout.md", "-s", "-t", "typst", "-o", "handout.typ"], cwd=work, check=True,
                   timeout=300)
    typst.compile(str(work / "handout.typ"), output=str(work / "handout.pdf"))
    seconds = time.perf_counter() - started
    slides = len(Presentation(str(work / "deck.pptx")).slides)
    pages = len(PdfReader(work / "handout.pdf").pages)
    shutil.rmtree(work)
    return {"seconds": round(seconds, 3), "slides": slides, "pages": pages,
            "per_second": round((slides + pages) / seconds, 1)}
