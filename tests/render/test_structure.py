"""What a screen reader meets in the PDFs, read from the structure tree: tables, links, lists, contents."""

from __future__ import annotations

import datetime as dt

from generator.document import Cell, Handout, Heading, Meta, Paragraph, Run, Table
from generator.render.pdf.handout import render_handout_pdf
from generator.theme import Theme
from tests.render.structure import read

META = Meta("Tables", "Over pages", "Examplia Civic Lab", "Tables", (), "en-AU", dt.date(2026, 1, 1), "1")


def test_a_table_over_several_pages_is_one_table_with_its_column_headers(tmp_path) -> None:  # type: ignore[no-untyped-def]
    header = (Cell((Run("Aspect"),)), Cell((Run("Ban"),)), Cell((Run("Free"),)))
    rows = tuple((Cell((Run(f"Row {n}"),)), Cell((Run(f"banned {n}"),)), Cell((Run(f"free {n}"),))) for n in range(90))
    handout = Handout(META, {}, (Heading(1, (Run("A long table"),)), Paragraph((Run("Before it."),)),
                                 Table(header, rows, kind="comparison")))
    data, pages = render_handout_pdf(handout, Theme(), "a4")
    assert pages >= 3
    path = tmp_path / "table.pdf"
    path.write_bytes(data)
    [table] = read(path).find("Table")
    assert len(table.find("THead")) == 1 and len(table.find("TBody")) == 1
    [head] = table.find("THead")
    assert [len(head.find("TH"))] == [3]
    assert len(table.find("TR")) == 1 + 90  # the repeated header rows are artifacts, heard once
    body_rows = table.find("TBody")[0].kids
    pages_of_rows = {mcid[0] for row in body_rows for cell in row.kids for node in cell.walk() for mcid in node.mcids}
    assert len(pages_of_rows) >= 3  # one TBody holds the rows of every page
