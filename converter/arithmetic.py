"""The table's own arithmetic: which rows add up to which total, and with what signs.

For each total row, the rows above it (back to the previous total, with or
without that total as a running balance) are tried as its components. The signs
are the fewest changes from "added as printed" under which every column adds
up, within rounding: a printed "(157)" that is added, or a printed "89" that is
subtracted. A relation that holds in no way is reported, not guessed.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from itertools import combinations

from converter.facts import places_of
from converter.model import Row, RowRole, Statement

_MAX_COMPONENTS = 12


@dataclass(frozen=True, slots=True)
class Relation:
    total: int  # row index of the total
    components: tuple[int, ...]  # row indexes
    signs: tuple[int, ...]  # +1 added as printed, -1 subtracted
    columns: int  # how many columns proved it


def _values(row: Row) -> list[Decimal | None]:
    return [c.value if c is not None and not c.percent else None for c in row.cells]


def _unit(row: Row) -> Decimal:
    """A unit of the last printed digit: each value is exact only to half of it."""
    places = max((places_of(c.value) for c in row.cells if c is not None), default=0)
    return Decimal(1).scaleb(-places)


def solve(total: Row, parts: list[Row], columns: list[int]) -> tuple[tuple[int, ...], int] | None:
    """The signs under which `parts` add up to `total` in every usable column, or None."""
    tv = _values(total)
    pv = [_values(p) for p in parts]
    usable = [c for c in columns if tv[c] is not None and any(v[c] is not None for v in pv)]
    if not usable or not parts or len(parts) > _MAX_COMPONENTS:
        return None
    if all(tv[c] == 0 and all((v[c] or 0) == 0 for v in pv) for c in usable):
        return None
    tol = _unit(total) * Decimal(len(parts) + 1) / 2
    n = len(parts)
    # all added, less twice each flipped part: O(flips) per column, not O(parts) (exact)
    # the parts' values, column by column
    by_column: list[list[Decimal]] = [[v[c] or Decimal(0) for v in pv] for c in usable]
    gaps: list[Decimal] = [
        sum(values, Decimal(0)) - (tv[c] or Decimal(0)) for c, values in zip(usable, by_column, strict=True)
    ]
    for flips in range(n + 1):
        found: list[tuple[int, ...]] = []
        for flip in combinations(range(n), flips):
            if all(
                abs(gap - 2 * sum((values[i] for i in flip), Decimal(0))) <= tol
                for gap, values in zip(gaps, by_column, strict=True)
            ):
                signs = tuple(-1 if i in flip else 1 for i in range(n))
                found.append(signs)
                if len(found) > 1:
                    break
        if len(found) == 1:
            return found[0], len(usable)
        if len(found) > 1:
            return None  # ambiguous: values coincide
        if flips >= 3:
            break
    return None


def relations(statement: Statement) -> tuple[list[Relation], list[int]]:
    """Relations proved by the table, and the total rows that none could prove."""
    rows = [r for r in statement.rows if r.role != RowRole.HEADER and any(c is not None for c in r.cells)]
    columns = [c.index for c in statement.columns if c.unit_hint != "percent"]
    by_index = {r.index: r for r in statement.rows}
    after_header = [r.index > 0 and by_index[r.index - 1].role == RowRole.HEADER for r in rows]
    out: list[Relation] = []
    unproved: list[int] = []
    prev_total: int | None = None  # position in `rows`
    for pos, row in enumerate(rows):
        if row.role != RowRole.TOTAL:
            continue
        start = prev_total + 1 if prev_total is not None else 0
        candidates = [list(range(start, pos))]
        if prev_total is not None:
            candidates.append([prev_total, *range(start, pos)])
        # a total right under another: what stands on its own so far ("Sales" less the
        # unlabelled total of the costs printed under it, whatever rules stand between)
        consumed = {i for rel in out for i in rel.components}
        # (a row with the total's own figures is never one of its parts: it is its twin)
        mine = _values(row)
        roots = [p for p in range(pos) if rows[p].index not in consumed and _values(rows[p]) != mine]
        if pos == start and len(roots) <= _MAX_COMPONENTS and roots not in candidates:
            candidates.append(roots)
        # a total with the figures of an earlier one closes the other half of the table
        # ("Total liabilities and equity" after "Total assets"): what stands after its twin
        twin = next((p for p in range(pos - 1, -1, -1) if _values(rows[p]) == mine and any(mine)), None)
        if twin is not None:
            after = [p for p in roots if p > twin]
            if after and after not in candidates:
                candidates.append(after)
        # or the rows since a section header, inside the block or reaching above it
        for p in range(max(start - 8, 0), pos):
            if after_header[p] and p != start:
                candidates.append(list(range(p, pos)))
        # or the last lines of the block alone, the longest that adds up: a subtotal under a
        # rule that sums only the lines right above it ("Loans" less "allowance" = "Net loans").
        # Having picked which lines to sum, it must not also pick their signs where one column
        # could make that a coincidence: in a single column it adds them as printed.
        block = candidates[0]
        tails = [block[k:] for k in range(1, len(block) - 1) if len(block) - k <= _MAX_COMPONENTS]
        solved = None
        for cand in candidates + tails:
            parts = [rows[p] for p in cand]
            result = solve(row, parts, columns)
            if result and cand in tails and result[1] < 2 and -1 in result[0]:
                continue
            if result:
                solved = Relation(row.index, tuple(rows[p].index for p in cand), result[0], result[1])
                break
        if solved is None and start > 0 and roots and roots not in candidates:
            # a line taken for a total (a rule drawn above it) can cut a block short:
            # the last try is everything not yet part of a sum
            result = solve(row, [rows[p] for p in roots], columns)
            if result:
                solved = Relation(row.index, tuple(rows[p].index for p in roots), result[0], result[1])
        if solved:
            out.append(solved)
        elif pos - start >= 1:
            unproved.append(row.index)
        prev_total = pos
    return out, unproved
