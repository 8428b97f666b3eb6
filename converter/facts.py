"""Rows to raw facts: the unit, the scale multiplied out, the precision, the period.

A `Draft` is a fact before mapping: it has the printed value in full units but
no concept and no XBRL sign yet. Mapping (converter.mapping) decides both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from converter.model import Cell, Period, Row, RowRole, Statement, StatementKind, Unit
from converter.statements import instant_row

_PER_SHARE = re.compile(
    r"per\s+((common|ordinary|diluted|basic|primary|fully\s+diluted|class\s+\w)\s+){0,3}(share|sh\.)|\beps\b|earnings\s*/?\s*\(loss\)\s+per|"
    r"per\s+common\s+and\s+common\s+equivalent|dividends?\s+(declared|paid)?\s*per|\bper\s+ads\b",
    re.I,
)
_SHARES = re.compile(
    r"\bshares\b|number\s+of\s+(common\s+)?shares|weighted\s+average\s+(number|common)|"
    r"average\s+(number\s+of\s+)?(common\s+)?(equivalent\s+)?shares|shares\s+outstanding",
    re.I,
)
_NOT_SHARES = re.compile(
    r"\bstock\b(?!\s+outstanding)|capital|value|amount|paid[\s-]in|\$|purchase|repurchase|"
    r"proceeds|issuance|dividends?|cost|premium|earnings|income",
    re.I,
)
_HANGING = re.compile(r"[-\u2013\u2014]\s")  # a label hanging under the one above
_SHARE_ROW_SCALE = re.compile(r"\(\s*in\s+(thousands|millions)\s*\)|\(\s*(000)'?s?\s*\)", re.I)


@dataclass(frozen=True, slots=True)
class Draft:
    statement: Statement
    row: Row
    column_index: int
    cell: Cell
    unit: Unit
    printed: Decimal  # in full units, signed as printed
    decimals: int
    period: Period


# an amount per share that describes the line, not its unit: "par value $1.00 per share",
# "$.50* par value", "(liquidation preference $50 per share)", "cash dividends ($.40 per share)"
_DESCRIBED_PER_SHARE = re.compile(
    r"(?:par|stated|liquidation|redemption)\s+(?:value|preference|price)\s*(?:of\s+)?"
    r"[^;()]{0,20}?\bper\s+(?:common\s+|preferred\s+)?share|"
    r"\$\s*\d*\.?\d+\*?\s*(?:par\s+value\s+)?per\s+(?:common\s+|preferred\s+)?share",
    re.I,
)
_COUNT_IN_LABEL = re.compile(
    r"\d[\d,.]*\s*(?:\(\d{4}\)\s*)?(?:and\s+\d[\d,.]*\s*(?:\(\d{4}\)\s*)?)?(?:common\s+|preferred\s+)?shares?\b",
    re.I,
)


def places_of(value: Decimal) -> int:
    """Digits printed after the decimal point: 2 for "0.04", 0 for "1,234"."""
    exponent = value.as_tuple().exponent
    return max(-exponent, 0) if isinstance(exponent, int) else 0


# the shares a per-share amount is computed on: "Shares used in computing net income per
# share", "Average shares used in per share calculations", "Number of shares for EPS"
_SHARES_FOR_PER_SHARE = re.compile(
    r"\bshares\b(?:\s+outstanding)?\s+(?:used\s+)?(?:in|for)\s+(?:the\s+)?"
    r"(?:comput|calculat|determin|per\s+share|eps\b|earnings\s+per)",
    re.I,
)


def unit_of(row: Row) -> Unit:
    """USD, shares or USD per share, from the label (share counts printed inside it do not count)."""
    label = _COUNT_IN_LABEL.sub(" ", _DESCRIBED_PER_SHARE.sub(" ", row.label))
    section = row.section
    if _SHARES_FOR_PER_SHARE.search(label):
        return Unit.SHARES
    if _PER_SHARE.search(label) or (_PER_SHARE.search(section) and not _SHARES.search(label)):
        return Unit.USD_PER_SHARE
    if _SHARES.search(label) and not _NOT_SHARES.search(label):
        return Unit.SHARES
    if _SHARES.search(section) and not _NOT_SHARES.search(section) and not _NOT_SHARES.search(label):
        return Unit.SHARES
    return Unit.USD


# no company has issued a trillion shares: a count that would exceed it is printed in full
MOST_SHARES = Decimal(10) ** 12


def _share_scale(row: Row, statement: Statement) -> int:
    m = _SHARE_ROW_SCALE.search(row.label) or _SHARE_ROW_SCALE.search(row.section)
    if m:
        word = (m.group(1) or m.group(2)).lower()
        return 6 if word == "millions" else 3
    power = statement.share_scale
    if power and any(c is not None and abs(c.value).scaleb(power) >= MOST_SHARES for c in row.cells):
        return 0  # "Common Shares - issued 23,661,309" under "(In millions)"
    return power


def _period_at(where: str | None, column_period: Period) -> Period:
    """A duration column's period for a row that is a balance at its `where` ("beginning",
    "end"; see `instant_row`), else the column's own."""
    if where == "end":
        return Period(end=column_period.end)
    if where == "beginning" and column_period.start is not None:
        return Period(end=column_period.start - timedelta(days=1))
    return column_period


def drafts(statement: Statement, units: dict[int, Unit] | None = None) -> list[Draft]:
    """Draft facts of every cell with a period; `units` overrides a row's unit by index."""
    out = []
    lead_unit = Unit.USD
    for row in statement.rows:
        if row.role == RowRole.HEADER:
            continue
        row_unit = unit_of(row) if units is None or row.index not in units else units[row.index]
        if _HANGING.match(row.label) and lead_unit == Unit.USD_PER_SHARE:
            row_unit = lead_unit  # "- net income" hanging under "Per common share - ..."
        else:
            lead_unit = row_unit
        balance = statement.kind == StatementKind.BALANCE_SHEET
        where = None if balance else instant_row(row.label)  # read once for all columns
        for col in statement.columns:
            cell = row.cells[col.index]
            if cell is None or col.period is None or col.unit_hint == "percent" or cell.percent:
                continue
            places = places_of(cell.value)
            unit = row_unit
            if col.unit_hint == "per_share" and row_unit == Unit.USD:
                unit = Unit.USD_PER_SHARE  # the column's heading says what its figures are
            if unit == Unit.USD_PER_SHARE:
                power = 0
            elif unit == Unit.SHARES:
                power = _share_scale(row, statement)
            else:
                power = statement.scale
            if balance or col.period.is_instant:
                period = Period(end=col.period.end)
            else:
                period = _period_at(where, col.period)
            printed = cell.value.scaleb(power)
            decimals = places - power
            if cell.dash:
                decimals = -power if unit != Unit.USD_PER_SHARE else 2
            out.append(
                Draft(
                    statement,
                    row,
                    col.index,
                    cell,
                    unit,
                    printed,
                    decimals,
                    period,
                )
            )
    return out
