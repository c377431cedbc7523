"""Every PDF is tagged PDF/UA-1: the structure a screen reader follows is complete, in order, and well formed.

The gates: page-validation's PDF/UA-1 profile passes with no failed rule; every
line a text extractor finds outside page furniture is in the structure tree
(poppler's ``pdfinfo -struct-text``); no two words are glued together and no
URL has a space in it; headings, lists, tables, quotations, figures, links and
the contents have their standard structure.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pikepdf
import pytest

from tests.helpers import reading_pdfs

page_validation = pytest.importorskip("page")

POPPLER = shutil.which("pdftotext") and shutil.which("pdfinfo")
needs_poppler = pytest.mark.skipif(not POPPLER, reason="poppler-utils (pdftotext, pdfinfo) not installed")

# Lines of page furniture, which are artifacts by design: footers, slide numbers, contents leaders.
FURNITURE = [re.compile(p) for p in (r"Page \d+ of \d+", r"· Version .* · \d{4}-\d\d-\d\d", r"^\d+ / \d+$",
                                     r"^(\. )+\.?\s*\d*$", r"^\d+$")]


LEADER = re.compile(r"( \.)+\s*\d+$")  # a contents entry's dots and page number


def pdfs(built: dict[str, Path]) -> dict[str, Path]:
    return reading_pdfs(built)  # the imposed sheets are print-only files, untagged by design


@pytest.mark.parametrize("profile", ["ua1", "2a"])
def test_every_pdf_is_pdf_ua_1_and_pdf_a_2a(mini_built: dict[str, Path], glow_built: dict[str, Path],
                                            profile: str) -> None:
    checked = 0
    for built in (mini_built, glow_built):
        for name, path in pdfs(built).items():
            report = page_validation.validate_pdf(str(path), profile=profile)
            failures = [f"{f['rule_id']}: {f['message']}" for f in report.to_dict()["failures"]]
            assert report.rules.failed == 0, (name, failures[:5])
            assert report.rules.passed > 100, name  # the profile's rules were run, not skipped
            checked += 1
    assert checked == 32  # mini: 2 variants × (2 handouts, 2 summaries, 2 booklets, 2 leaflets, cards, slides, notes); glowberries: 10


def struct_text(path: Path) -> list[tuple[tuple[str, ...], str]]:
    """Return (the roles from the root, text) of every piece of text in the structure tree, in order."""
    out = subprocess.run(["pdfinfo", "-struct-text", str(path)], capture_output=True, text=True, check=True,
                         timeout=60).stdout
    stack: list[tuple[int, str]] = []
    found = []
    for line in out.splitlines():
        depth = len(line) - len(line.lstrip(" "))
        content = line.strip()
        while stack and stack[-1][0] >= depth:
            stack.pop()
        if content.startswith('"') and content.endswith('"'):
            found.append((tuple(role for _, role in stack), content[1:-1]))
        elif content and not content.startswith(("/", "Object")):
            stack.append((depth, content.split()[0].rstrip(":")))
    return found


INLINE = ("Link", "Reference", "Span")


def block_texts(path: Path) -> list[tuple[tuple[str, ...], str]]:
    """Return (roles, text) of each block element in reading order, its links' words run into its own."""
    out = subprocess.run(["pdfinfo", "-struct-text", str(path)], capture_output=True, text=True, check=True,
                         timeout=60).stdout
    stack: list[tuple[int, str, int]] = []  # (indent, role, line where the element starts)
    texts: dict[tuple[tuple[str, int], ...], str] = {}
    for number, line in enumerate(out.splitlines()):
        depth = len(line) - len(line.lstrip(" "))
        content = line.strip()
        while stack and stack[-1][0] >= depth:
            stack.pop()
        if content.startswith('"') and content.endswith('"'):
            block = tuple((role, start) for _, role, start in stack if role not in INLINE)
            texts[block] = texts.get(block, "") + content[1:-1]
        elif content and not content.startswith(("/", "Object")):
            stack.append((depth, content.split()[0].rstrip(":"), number))
    return [(tuple(role for role, _ in block), text) for block, text in texts.items()]


def extracted_lines(path: Path) -> list[str]:
    out = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True,
                         timeout=60).stdout
    return [line.strip() for line in out.splitlines() if line.strip()]


@needs_poppler
@pytest.mark.parametrize("name", ["public-handout-a4.pdf", "public-summary-letter.pdf", "public-slides.pdf",
                                  "public-speaker-notes.pdf", "experts-handout-letter.pdf"])
def test_every_word_on_the_page_is_in_the_structure(mini_built: dict[str, Path], name: str) -> None:
    path = mini_built[name]
    tagged = "".join(text for _, text in struct_text(path)).replace(" ", "")
    lines = [LEADER.sub("", line) for line in extracted_lines(path) if not any(p.search(line) for p in FURNITURE)]
    assert len(lines) > 10
    missing = [line for line in lines if line.replace(" ", "") not in tagged]
    assert missing == []


@needs_poppler
@pytest.mark.parametrize("name", ["public-handout-a4.pdf", "public-summary-a4.pdf", "public-slides.pdf",
                                  "public-speaker-notes.pdf"])
def test_no_words_glued_together_and_no_space_inside_a_url(mini_built: dict[str, Path], name: str) -> None:
    path = mini_built[name]
    words = set(" ".join(extracted_lines(path)).replace("[", " [").split())
    tagged = [(roles, text.replace("[", " [")) for roles, text in block_texts(path)
              if "Figure" not in roles]  # a figure is read by its alternative text
    # A raised citation marker is a line of its own to pdftotext, so "[1];" in the structure is "[1]" then ";".
    glued = [token for _, text in tagged for token in text.split()
             if token not in words and token.rstrip(";,:") not in words
             and not re.search(r"[/.@-]", token)]  # URLs may wrap across lines
    assert glued == []
    urls = [token for _, text in tagged for token in text.split() if token.startswith("https://")]
    assert "https://examplia.test/atlas" in urls or "handout" not in name


def structure(path: Path) -> list[tuple[int, str, dict[str, str]]]:
    """Return (depth, role, attributes) of every structure element, in order, read with pikepdf."""
    pdf = pikepdf.open(path)
    found: list[tuple[int, str, dict[str, str]]] = []

    def walk(node: pikepdf.Object, depth: int) -> None:
        kids = node.get("/K")
        if isinstance(node, pikepdf.Dictionary) and node.get("/Type") == "/StructElem":
            attrs = {k: str(v) for k, v in node.items() if k in ("/Alt", "/Lang")}
            if "/A" in node:
                attrs["/Scope"] = str(node.A.get("/Scope"))
            found.append((depth, str(node.S)[1:], attrs))
        if isinstance(kids, pikepdf.Array):
            for kid in kids:
                if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") in (None, "/StructElem"):
                    walk(kid, depth + 1)
        elif isinstance(kids, pikepdf.Dictionary):
            walk(kids, depth + 1)

    walk(pdf.Root.StructTreeRoot, 0)
    return found


def test_the_handout_has_its_standard_structure(mini_built: dict[str, Path]) -> None:
    path = mini_built["public-handout-a4.pdf"]
    elements = structure(path)
    roles = [role for _, role, _ in elements]
    assert roles[0] == "Document" and roles[1] == "H1"  # the cover title
    for role in ("H1", "H2", "H3", "P", "L", "LI", "Lbl", "LBody", "Table", "THead", "TBody", "TR", "TH", "TD",
                 "BlockQuote", "Figure", "Link", "Reference", "TOC", "TOCI", "Sect"):
        assert role in roles, role
    scopes = {attrs.get("/Scope") for _, role, attrs in elements if role == "TH"}
    assert scopes == {"/Column", "/Row"}
    figures = [attrs.get("/Alt", "") for _, role, attrs in elements if role == "Figure"]
    qr = [alt for alt in figures if alt.startswith("QR code for ")]
    drawn = [alt for alt in figures if alt not in qr]  # the diagrams, read by the alt text made from their data
    assert qr == ["QR code for The Examplia Scooter Atlas", "QR code for Hill County licence fees"]
    assert [alt.split(",")[0].split(".")[0] for alt in drawn] == ["The three models in order",
                                                                         "The models compared", "When the laws changed: 2019"]
    pdf = pikepdf.open(path)
    assert str(pdf.Root.Lang) == "en-AU" and bool(pdf.Root.MarkInfo.Marked)
    assert bool(pdf.Root.ViewerPreferences.DisplayDocTitle)
    xmp = pdf.Root.Metadata.read_bytes().decode()
    assert "<pdfuaid:part>1</pdfuaid:part>" in xmp and "Hover-scooters and the law</rdf:li>" in xmp
    annotations = [a for page in pdf.pages for a in page.get("/Annots", [])]
    assert annotations and all(str(a.get("/Contents", "")) for a in annotations)
    described = {str(a.Contents).split(" ")[0] for a in annotations}
    assert described == {"Link", "Go"}  # "Link to https://…", "Go to source 3 …", "Go to Key messages"
    assert all(str(page.get("/Tabs")) == "/S" for page in pdf.pages)


@needs_poppler
def test_a_page_reads_in_order(mini_built: dict[str, Path]) -> None:
    # The quotation's attribution comes right after its words, inside the quotation; the table reads by rows.
    texts = [(roles, text) for roles, text in struct_text(mini_built["public-handout-a4.pdf"])]
    order = [text for _, text in texts]
    quote = next(i for i, (_, text) in enumerate(texts) if text.startswith("“Nobody floats"))
    assert order[quote + 1].startswith("— The Lowtown mayor") and "BlockQuote" in texts[quote + 1][0]
    who = order.index("Who")
    assert order[who + 1: who + 3] == ["Under this model", "Selling"]


def test_the_speaker_notes_have_a_bookmark_per_slide(mini_built: dict[str, Path]) -> None:
    pdf = pikepdf.open(mini_built["public-speaker-notes.pdf"])
    with pdf.open_outline() as outline:
        titles = [item.title for item in outline.root]
    slides = len(pikepdf.open(mini_built["public-slides.pdf"]).pages)
    assert len(titles) == slides and titles[0].startswith("1. ") and titles[-1].startswith(f"{slides}. ")


@needs_poppler
def test_the_contents_leaders_and_numbers_are_on_the_page(mini_built: dict[str, Path]) -> None:
    # They are drawn last, into the entries' coordinates; once they were drawn off the page.
    out = subprocess.run(["pdftotext", "-f", "2", "-l", "2", "-layout", str(mini_built["public-handout-a4.pdf"]),
                          "-"], capture_output=True, text=True, check=True, timeout=60).stdout
    assert re.search(r"Key messages( \.)+ +3", out), out[:400]


def test_the_large_print_edition_passes_the_same_gates(large_print_built: dict[str, Path]) -> None:
    files = pdfs(large_print_built)
    assert len(files) == 12  # 2 variants × (2 handouts, 2 summaries, slides, notes); no small formats
    for name, path in files.items():
        assert page_validation.validate_pdf(str(path), profile="ua1").rules.failed == 0, name


def test_speaker_notes_read_each_heading_before_its_slides_picture(mini_built: dict[str, Path]) -> None:
    roles = [role for _, role, _ in structure(mini_built["public-speaker-notes.pdf"])]
    figures = [index for index, role in enumerate(roles) if role == "Figure"]
    assert figures and all(roles[index - 1] == "H2" for index in figures)


def test_a_paragraph_copied_to_be_split_stays_one_element() -> None:
    """reportlab splits a deep copy of text that flows beside a picture; both halves are one P."""
    import copy

    from reportlab.lib.styles import ParagraphStyle

    from generator.render.pdf.tagged import TaggedParagraph

    paragraph = TaggedParagraph("Two halves of one thought.", ParagraphStyle("p"))
    twin = copy.deepcopy(paragraph)
    assert twin is not paragraph and twin.tag is paragraph.tag and twin.text == paragraph.text
