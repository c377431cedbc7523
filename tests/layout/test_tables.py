"""One column-width algorithm: every column gets its longest word; the rest is shared by amount of text."""

from __future__ import annotations

import pytest

from generator.document import Cell, Run, Table
from generator.layout.tables import column_groups, column_widths


def table(*columns: list[str]) -> Table:
    header = tuple(Cell((Run(c[0]),)) for c in columns)
    rows = tuple(tuple(Cell((Run(c[i]),)) for c in columns) for i in range(1, len(columns[0])))
    return Table(header, rows)


def length(cell: Cell, header: bool) -> float:
    return float(max((len(w) for r in cell.text for w in r.text.split()), default=0))


def amount(cell: Cell, header: bool) -> float:
    return float(sum(len(r.text) for r in cell.text))


def test_widths_fill_the_total_and_respect_the_longest_word() -> None:
    t = table(["A", "incomprehensibilities"], ["B", "a b c d e f g h i j k l m n o p q r s t u v w"])
    widths = column_widths(t, 100, length, amount, padding=2)
    assert sum(widths) == pytest.approx(100)
    assert widths[0] >= len("incomprehensibilities") + 2
    spare = (widths[0] - (21 + 2), widths[1] - (1 + 2))
    assert spare[1] > spare[0], "the column with more text gets more of the spare width"


def test_when_even_the_words_do_not_fit_width_is_shared_by_need() -> None:
    t = table(["aaaaaaaaaa"], ["bbbbbbbbbbbbbbbbbbbb"])
    widths = column_widths(t, 15, length, amount, padding=0)
    assert widths == pytest.approx((5.0, 10.0))


def test_column_groups_keep_the_first_column() -> None:
    t = table(*[[f"h{i}", f"v{i}"] for i in range(8)])
    groups = column_groups(t, most=3)
    assert [len(g.header) for g in groups] == [4, 4, 2]
    assert all(g.header[0] == t.header[0] for g in groups)
    assert column_groups(t, most=10) == [t]
