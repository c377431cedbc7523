"""The contents page, laid out in one pass: every entry, its right page number, a link to its heading."""

from __future__ import annotations

import re
from pathlib import Path

from pypdf import PdfReader


def entries(path: Path) -> list[tuple[str, int]]:
    """Return (title, page) for each contents entry: its text, then its dots and number, in stream order."""
    lines = [line.strip() for line in PdfReader(path).pages[1].extract_text().splitlines()]
    assert lines[0] == "Contents"
    found = []
    for title, leader in zip(lines[1::2], lines[2::2], strict=False):
        match = re.fullmatch(r"[ .]+(\d+)", leader)
        if not match:  # the footer
            break
        found.append((title, int(match.group(1))))
    return found


def test_contents_entries_carry_the_pages_their_headings_landed_on(mini_built: dict[str, Path]) -> None:
    path = mini_built["public-handout-a4.pdf"]
    reader = PdfReader(path)
    outline = {}
    pending = list(reader.outline)
    while pending:
        item = pending.pop()
        if isinstance(item, list):
            pending.extend(item)
        else:
            outline[item.title] = reader.get_destination_page_number(item) + 1
    listed = entries(path)
    assert [title for title, _ in listed][:3] == ["Key messages", "What the words mean", "The legal models"]
    assert all(outline[title] == page for title, page in listed), (listed, outline)


def test_each_contents_number_links_to_its_heading(mini_built: dict[str, Path]) -> None:
    reader = PdfReader(mini_built["public-handout-a4.pdf"])
    annots = [a.get_object() for a in reader.pages[1].get("/Annots", [])]
    links = [a for a in annots if "/Dest" in a]
    assert len(links) == 2 * len(entries(mini_built["public-handout-a4.pdf"])), "the text and the number link"
    pages = {p.indirect_reference.idnum: n for n, p in enumerate(reader.pages, 1)}
    assert all(pages[a.raw_get("/Dest")[0].idnum] >= 3 for a in links)


def test_bookmarks_and_citation_links_go_to_the_right_pages(mini_built: dict[str, Path]) -> None:
    reader = PdfReader(mini_built["public-handout-a4.pdf"])
    pages = {p.indirect_reference.idnum: n for n, p in enumerate(reader.pages, 1)}
    outline = [(item.title, reader.get_destination_page_number(item) + 1) for item in reader.outline
               if not isinstance(item, list)]
    assert outline[0] == ("Key messages", 3) and outline[-1][0] == "Sources"
    sources_page = outline[-1][1]
    assert sources_page > 3
    citations = [a.get_object() for a in reader.pages[2].get("/Annots", []) if "/Dest" in a.get_object()]
    assert citations, "citation markers on page 3 link somewhere"
    assert {pages[a.raw_get("/Dest")[0].idnum] for a in citations} == {sources_page}
