"""Helpers the tests share: where things are, running the CLI, collecting problems, reading outputs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from generator.templates import Templates

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
MINI = FIXTURES / "mini"  # a small fictional pack that uses every section
SMALL = FIXTURES / "small-pack"  # the smallest valid pack
GLOW = FIXTURES / "glowberries"  # a fictional pack on another topic, with its own vocabulary
EASY = FIXTURES / "easy"  # the mini pack with an Easy Read edition: icons, a picture of its own, items left out
DEFAULT_PACK = ROOT / "briefs" / "sex-work-law"
BUILTIN = ROOT / "generator" / "builtin_templates"  # briefpack's own templates, messages and themes


def own_templates(folder: Path, *names: str) -> Templates:
    """Copy the built-in files ``names`` into ``folder`` (a project's own templates); return the search path.

    As an editor does: copy only the files to change; everything else still comes from the built-ins.
    """
    for name in names:
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(BUILTIN / name, target)
    return Templates.with_builtins(folder)


TEMPLATES = Templates.with_builtins()  # the built-ins alone


def file_count(pack: Path, theme: str | None = None) -> int:
    """Return how many files a build of ``pack`` makes: every registered output's files, for each edition.

    Counted from the output registry, so adding an output changes no test.
    """
    from generator.editions.session import load_session
    from generator.outputs import OUTPUTS

    session = load_session(pack, TEMPLATES, theme)
    return sum(len(output.artifact_names(session.theme, edition)) for edition in session.editions
               for output in OUTPUTS.values())


def run(*args: str) -> tuple[int, str, str]:
    """Run ``briefpack ARGS`` in this process; return (exit code, stdout, stderr)."""
    from generator.cli import main

    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def problems(folder: Path) -> list[str]:
    """Return the problems loading the pack in ``folder`` reports, as printed."""
    from generator.content.loader import load_pack
    from generator.errors import ContentError

    with pytest.raises(ContentError) as info:
        load_pack(folder)
    return [str(p) for p in info.value.problems]


def edit(path: Path, old: str, new: str) -> None:
    """Replace exactly one occurrence of ``old`` in the file at ``path``."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} must occur once in {path.name}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def copy_pack(source: Path, into: Path) -> Path:
    """Copy the pack folder ``source`` to ``into/briefs/<name>``; return the copy."""
    target = into / "briefs" / source.name
    shutil.copytree(source, target)
    return target


def pdf_text(path: Path) -> str:
    """Return the text of every page of a PDF, whitespace squashed."""
    return " ".join(" ".join((page.extract_text() or "").split()) for page in PdfReader(path).pages)


def pptx_text(path: Path) -> str:
    """Return every word of a deck: slide text, table cells and speaker notes, whitespace squashed."""
    from pptx import Presentation

    words: list[str] = []
    for slide in Presentation(str(path)).slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                words.append(shape.text_frame.text)
            if shape.has_table:
                words += [cell.text for row in shape.table.rows for cell in row.cells]
        if slide.has_notes_slide:
            words.append(slide.notes_slide.notes_text_frame.text)
    return squash(" ".join(words))


def html_text(path: Path) -> str:
    """Return the words a web page shows (its text, not its markup, styles or embedded fonts), squashed."""
    from html.parser import HTMLParser

    class Text(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.words: list[str] = []
            self.hidden = 0

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self.hidden += tag in ("style", "script")

        def handle_endtag(self, tag: str) -> None:
            self.hidden -= tag in ("style", "script")

        def handle_data(self, data: str) -> None:
            if not self.hidden:
                self.words.append(data)

    parser = Text()
    parser.feed(path.read_text("utf-8"))
    return squash(" ".join(parser.words))


def squash(text: str) -> str:
    """Return ``text`` with runs of whitespace as single spaces."""
    return " ".join(text.split())


def link_targets(path: Path) -> set[str]:
    """Return every URI a PDF's link annotations open."""
    uris = set()
    for page in PdfReader(path).pages:
        for annot in page.get("/Annots", []) or []:
            action = annot.get_object().get("/A")
            if action and "/URI" in action:
                uris.add(str(action["/URI"]))
    return uris


def reading_pdfs(built: dict[str, Path]) -> dict[str, Path]:
    """Return the PDFs of a build that people read (tagged), not the imposed sheets named print-only."""
    return {name: path for name, path in built.items() if name.endswith(".pdf") and "print-only" not in name}


PRINT_SHOP = ("booklet", "leaflet", "cards")  # outputs whose single-page file goes to a print shop: bleed and marks


def for_print_shop(name: str) -> bool:
    """Return whether the file ``name`` is a print shop's: cut at its TrimBox, inside a 3 mm bleed."""
    return any(f"-{kind}" in name or name.startswith(kind) for kind in PRINT_SHOP) and "print-only" not in name


def qr_codes(path: Path, folder: Path, dpi: int = 150, pages: tuple[int, ...] = ()) -> set[str]:
    """Return what zbar reads in a greyscale render of ``path`` at ``dpi`` (all pages, or ``pages``)."""
    import subprocess

    span = ["-f", str(pages[0]), "-l", str(pages[-1])] if pages else []
    prefix = folder / f"{path.stem}-{dpi}"
    subprocess.run(["pdftoppm", "-gray", "-png", "-r", str(dpi), *span, str(path), str(prefix)],
                   check=True, timeout=120)
    found: set[str] = set()
    for image in sorted(folder.glob(f"{prefix.name}*.png")):
        out = subprocess.run(["zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", str(image)],
                             capture_output=True, text=True, timeout=60)
        found.update(line for line in out.stdout.splitlines() if line)
    return found
