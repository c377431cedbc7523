"""Table geometry shared by handout and slides: column widths from content, column groups.

One algorithm sizes columns in every output: each column gets at least its
longest unbreakable word (so no word breaks mid-way), and the width left over
is shared in proportion to the square root of how much text each column holds.
The caller measures, in its own fonts and units.
"""

from __future__ import annotations

from collections.abc import Callable

from generator.document import Cell, Table

MAX_TABLE_COLUMNS = 5  # data columns per table; more continue in a further table (or slide)

# (cell, whether it is a header cell) → a length
CellMeasure = Callable[[Cell, bool], float]


def column_widths(table: Table, total: float, longest: CellMeasure, amount: CellMeasure,
                  padding: float) -> tuple[float, ...]:
    """Return widths for ``table``'s columns filling ``total``.

    ``longest`` gives a cell's widest unbreakable word (with anything drawn
    beside it), ``amount`` the width of all its text; ``padding`` is a cell's
    left plus right padding.
    """
    minimums, amounts = [], []
    for index in range(len(table.header)):
        cells = [(table.header[index], True)] + [(row[index], False) for row in table.rows]
        minimums.append(max([0.0] + [longest(cell, header) for cell, header in cells]) + padding)
        amounts.append(sum(amount(cell, header) for cell, header in cells))
    spare = total - sum(minimums)
    if spare <= 0:  # not even the longest words fit: share out the width by need
        return tuple(total * m / sum(minimums) for m in minimums)
    weights = [a ** 0.5 for a in amounts]
    return tuple(m + spare * w / sum(weights) for m, w in zip(minimums, weights, strict=True))


def column_groups(table: Table, most: int = MAX_TABLE_COLUMNS) -> list[Table]:
    """Return ``table`` split into tables of at most ``most`` data columns, each keeping the first column."""
    columns = len(table.header) - 1
    if columns <= most:
        return [table]
    groups = []
    for start in range(1, columns + 1, most):
        picks = [0] + list(range(start, min(start + most, columns + 1)))
        groups.append(Table(tuple(table.header[i] for i in picks),
                            tuple(tuple(row[i] for i in picks) for row in table.rows), table.kind))
    return groups
