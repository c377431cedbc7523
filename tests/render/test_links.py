"""Links carry their words and say what they do: what a screen reader meets on every link of every PDF.

A Link element encloses the marked content of its visible text (a citation's
number, a contents entry and its page number, an address) and its
annotations; a citation names its source and says when that source is not
yet checked; a QR code is named after its resource and read after its title;
and, because structure content may not nest, no marked-content sequence of
the structure tree ever opens inside another (ISO 32000-2, 14.7.5.2).
"""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pikepdf
import pytest
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import SimpleDocTemplate

from generator.render.pdf.finish import DocumentInfo, finish_tagged_pdf
from generator.render.pdf.structure import Tagger, tagging_canvas
from generator.render.pdf.tagged import TaggedParagraph
from tests.helpers import reading_pdfs
from tests.render import structure

needs_poppler = pytest.mark.skipif(not shutil.which("pdfinfo"), reason="poppler-utils (pdfinfo) not installed")



def pdfs(built: dict[str, Path]) -> dict[str, Path]:
    return reading_pdfs(built)  # the imposed sheets are print-only files, untagged by design


class Element:
    """An element of ``pdfinfo -struct-text``'s tree: role, its own text pieces, kids, annotation count."""

    def __init__(self, role: str):
        self.role, self.texts, self.kids, self.objects = role, [], [], 0  # type: ignore[var-annotated]

    def text(self) -> str:
        """Return every word under this element, in order."""
        return "".join(self.texts)

    def walk(self):  # type: ignore[no-untyped-def]
        yield self
        for kid in self.kids:
            yield from kid.walk()


def poppler_tree(path: Path) -> Element:
    """Return the structure tree as poppler reads it, each element with the text it and its kids hold."""
    out = subprocess.run(["pdfinfo", "-struct-text", str(path)], capture_output=True, text=True, check=True,
                         timeout=60).stdout
    root = Element("root")
    stack: list[tuple[int, Element]] = [(-1, root)]
    for line in out.splitlines():
        depth = len(line) - len(line.lstrip(" "))
        content = line.strip()
        while stack[-1][0] >= depth:
            stack.pop()
        if content.startswith('"') and content.endswith('"'):
            for _, element in stack[1:]:
                element.texts.append(content[1:-1])
        elif content.startswith("Object "):
            stack[-1][1].objects += 1
        elif content and not content.startswith("/"):
            element = Element(content.split()[0].rstrip(":"))
            stack[-1][1].kids.append(element)
            stack.append((depth, element))
    return root


def test_no_structure_sequence_opens_inside_another(mini_built: dict[str, Path]) -> None:
    """Each MCID sequence stands alone: a link's words are not also its paragraph's (that reads them twice)."""
    for name, path in pdfs(mini_built).items():
        with pikepdf.open(path) as pdf:
            for number, page in enumerate(pdf.pages, start=1):
                open_ids: list[bool] = []  # for each open sequence: does it belong to the structure tree?
                for operands, operator in pikepdf.parse_content_stream(page):
                    op = str(operator)
                    if op in ("BDC", "BMC"):
                        structural = op == "BDC" and isinstance(operands[1], pikepdf.Dictionary) \
                            and "/MCID" in operands[1]
                        assert not (structural and any(open_ids)), f"{name} p. {number}: nested MCID"
                        open_ids.append(structural)
                    elif op == "EMC":
                        open_ids.pop()
                assert open_ids == [], f"{name} p. {number}: unbalanced marked content"


@needs_poppler
def test_every_link_has_words_or_a_name(mini_built: dict[str, Path]) -> None:
    """No Link element is empty (outloud's LNK-003): it holds its visible words, or a QR code's name."""
    seen = 0
    for name, path in pdfs(mini_built).items():
        named = [node.alt for node in structure.read(path).find("Link")]
        links = [element for element in poppler_tree(path).walk() if element.role == "Link"]
        assert len(named) == len(links), name
        empty = [index for index, link in enumerate(links) if not link.text().strip() and not named[index]]
        assert empty == [], name
        seen += len(links)
    assert seen > 100


def test_every_annotation_prints_and_belongs_to_a_link(mini_built: dict[str, Path]) -> None:
    seen = 0
    for name, path in pdfs(mini_built).items():
        with pikepdf.open(path) as pdf:
            annotations = [a for page in pdf.pages for a in page.obj.get("/Annots", ())]
        owned = [a for node in structure.read(path).walk() for a in node.annotations]
        assert all(int(a.get("/F", 0)) & 4 for a in annotations), name  # the Print flag
        held = [a for node in structure.read(path).find("Link") for a in node.annotations]
        assert len(held) == len(owned) == len(annotations), name
        seen += len(annotations)
    assert seen > 100


@needs_poppler
def test_a_citation_says_its_source_and_whether_it_is_checked(mini_built: dict[str, Path]) -> None:
    path = mini_built["public-handout-a4.pdf"]
    references = structure.read(path).find("Reference")
    names = {link.alt for reference in references for link in reference.find("Link")}
    assert "Source 1" in names
    assert "Source 5, not yet checked against the original" in names  # the survey, cited as 5*
    contents = {a["contents"] for reference in references for link in reference.find("Link")
                for a in link.annotations}
    assert "Go to source 5 in the sources list (not yet checked against the original)" in contents
    words = {link.text() for element in poppler_tree(path).walk() if element.role == "Reference"
             for link in element.kids}
    assert "1" in words  # the marker's number is the link's own text


@needs_poppler
def test_a_contents_entry_is_one_link_with_its_page_number(mini_built: dict[str, Path]) -> None:
    path = mini_built["public-handout-a4.pdf"]
    tree = poppler_tree(path)
    entries = [element for element in tree.walk() if element.role == "TOCI"]
    assert entries
    for entry in entries:
        links = [kid for kid in entry.kids if kid.role == "Link"]
        assert len(links) == 1 and links[0].objects == 2  # the entry's text and its number: one link
    first = next(kid for kid in entries[0].kids if kid.role == "Link")
    assert first.text() == "Key messages 3"
    nested = [kid for kid in entries[2].kids if kid.role == "TOC"]  # "The legal models" holds its sections
    assert nested and [kid.role for kid in nested[0].kids] == ["TOCI"] * 3


@needs_poppler
def test_a_qr_code_is_named_after_its_resource_and_read_after_its_title(mini_built: dict[str, Path]) -> None:
    path = mini_built["public-handout-a4.pdf"]
    items = [item for lists in structure.read(path).find("L") for item in lists.kids
             if item.find("Figure")]
    assert len(items) == 2
    for item, title in zip(items, ("The Examplia Scooter Atlas", "Hill County licence fees"), strict=True):
        order = [node.role for node in item.walk()]
        assert order.index("P") < order.index("Figure")  # the title first, then the code
        link = next(node for node in item.find("Link") if node.find("Figure"))
        assert link.alt == link.find("Figure")[0].alt == f"QR code for {title}"


@needs_poppler
def test_a_wrapped_address_is_one_link(tmp_path: Path) -> None:
    """An address broken over three lines is one Link element: all its words, all three annotations."""
    url = "https://examplia.test/reports/2026/a-very-long-report-name/chapter-three/annex.pdf"
    tagger = Tagger()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=(220, 400), leftMargin=20, rightMargin=20)
    style = ParagraphStyle("body", fontName="Helvetica", fontSize=10, leading=13)
    doc.build([TaggedParagraph(f'See <a href="{url}">{url}</a> for the annex.', style)],
              canvasmaker=tagging_canvas(tagger))
    path = tmp_path / "wrapped.pdf"
    path.write_bytes(finish_tagged_pdf(buffer.getvalue(), tagger, DocumentInfo("Wrapped", "en")))
    links = [element for element in poppler_tree(path).walk() if element.role == "Link"]
    assert len(links) == 1
    assert links[0].text().replace(" ", "") == url and links[0].objects >= 2
    paragraph = next(element for element in poppler_tree(path).walk() if element.role == "P")
    assert paragraph.text().startswith("See ") and paragraph.text().endswith("for the annex.")
