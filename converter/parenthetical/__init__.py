"""Figures printed inside balance-sheet labels, turned into facts of their own.

A balance sheet says more in its labels than in its columns: "Accounts receivable, net of
allowance for uncollectible accounts of $383 (2002) and $164 (2001)", "Common stock, $0.10
par value: Authorized shares-40,000 Issued and outstanding shares-14,901 (2002) and 14,921
(2001)", "Treasury stock, 58,419 (2002) and 29,410 (2001) shares". Each such number becomes
a fact marked `parenthetical`, sourced at its own line and column so that an Inline XBRL
page can tag it in place.

Three questions are answered for each number:

- What it is (converter.parenthetical.label, .reader): the role word it is printed against
  (par, authorized, issued, outstanding, treasury, allowance), read in the row's class of
  stock (common, preferred, treasury).
- Which date: a year or a date printed with it ("(2002)", "1997 -", "at December 31, 1996",
  "in 1995 and 1994"), matched to the statement's columns; else the columns in order.
- Which scale (converter.parenthetical.scale): share counts in a table "in thousands" may
  or may not be in thousands. Each
  reading is tested against what must hold: issued shares x par = the stock's carrying
  value, authorized >= issued, treasury <= issued, no carrying value above $100,000 a share.
  A test no reading passes says nothing and is dropped; when readings still differ, the
  table's own share scale is taken and a finding says so.

A number the rules cannot place is left out and said so in a finding; a fact that would
contradict one already reported (same concept and date, other value) is left out too.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from converter.model import (
    Column,
    Fact,
    Filing,
    Finding,
    Mapping,
    MappingMethod,
    Period,
    Row,
    Severity,
    SourceSpan,
    Statement,
    StatementKind,
    Unit,
)
from converter.parenthetical.label import Figure
from converter.parenthetical.reader import Placed, RowReader
from converter.parenthetical.scale import Count, decide_powers

__all__ = ["parenthetical_facts"]

_CONCEPTS = {
    ("common", "authorized"): "CommonStockSharesAuthorized",
    ("common", "issued"): "CommonStockSharesIssued",
    ("common", "outstanding"): "CommonStockSharesOutstanding",
    ("common", "par"): "CommonStockParOrStatedValuePerShare",
    ("preferred", "authorized"): "PreferredStockSharesAuthorized",
    ("preferred", "issued"): "PreferredStockSharesIssued",
    ("preferred", "outstanding"): "PreferredStockSharesOutstanding",
    ("preferred", "par"): "PreferredStockParOrStatedValuePerShare",
    ("treasury", "treasury"): "TreasuryStockShares",
    ("receivable", "allowance"): "AllowanceForDoubtfulAccountsReceivableCurrent",
}


def _locate(
    lines: tuple[str, ...], row: Row, last: int, figures: list[Figure]
) -> dict[int, SourceSpan]:
    """Line and column of each figure (by label offset), searching the row's lines in order."""
    spans: dict[int, SourceSpan] = {}
    line, col = row.source.line, row.source.column
    for f in sorted(figures, key=lambda x: x.start):
        at = None
        n, c = line, col
        while n <= last and n - 1 < len(lines):
            pattern = rf"(?<![\d.,]){re.escape(f.text)}(?![\d]|,\d)"
            m = re.compile(pattern, re.I).search(lines[n - 1], c)
            if m:
                at = (n, m.start())
                break
            n, c = n + 1, 0
        if at is None:
            continue
        spans[f.start] = SourceSpan(at[0], at[1], f.text)
        line, col = at[0], at[1] + len(f.text)
    return spans


def _last_line(st: Statement, row: Row) -> int:
    lines = [c.source.line for c in row.cells if c is not None]
    if lines:
        return max(lines)
    later = [r.source.line for r in st.rows if r.source.line > row.source.line]
    return min([*later, row.source.line + 4, st.end_line]) - (1 if later else 0)


def _row_values(st: Statement, row: Row) -> dict[int, Decimal]:
    """The row's printed carrying values in full units, by column index."""
    return {
        c.index: abs(cell.value).scaleb(st.scale)
        for c in st.columns
        if c.index < len(row.cells) and (cell := row.cells[c.index]) is not None and not cell.dash
    }


def parenthetical_facts(filing: Filing) -> Filing:
    """`filing` with the figures inside its balance-sheet labels added as facts."""
    facts = list(filing.facts)
    findings = list(filing.findings)
    seen = {(f.concept, f.period.key(), f.unit): f for f in facts}
    for st in filing.statements:
        if st.kind != StatementKind.BALANCE_SHEET or st.qualifier:
            continue
        issued: dict[
            int, Decimal
        ] = {}  # common shares issued by column: treasury shares stay below
        for row in st.rows:
            if not re.search(r"\d|none|-0-", row.label, re.I):
                continue
            reader = RowReader(st, row)
            cls, placed = reader.read()
            findings.extend(reader.findings)
            if not placed:
                continue
            new, found = _facts_for(filing, st, row, cls or "", placed, issued, len(facts))
            findings.extend(found)
            for f in new:
                key = (f.concept, f.period.key(), f.unit)
                other = seen.get(key)
                if other is not None:
                    if other.value != f.value:
                        findings.append(
                            Finding(
                                Severity.WARNING,
                                "parenthetical.conflict",
                                f"{f.concept} at {f.period.end} is {other.value} "
                                f"(line {other.source.line}); "
                                f"the label on line {f.source.line} gives {f.value}: left out",
                                f.source,
                            )
                        )
                    continue
                seen[key] = f
                facts.append(replace(f, id=f"f{len(facts) + 1}"))
    return replace(filing, facts=tuple(facts), findings=tuple(findings))


def _facts_for(
    filing: Filing,
    st: Statement,
    row: Row,
    cls: str,
    placed: list[Placed],
    issued: dict[int, Decimal],
    base: int,
) -> tuple[list[Fact], list[Finding]]:
    spans = _locate(filing.lines, row, _last_line(st, row), [p.figure for p in placed])
    counts = [
        Count(p.role, p.figure.value, p.figure.power, p.column.index)
        for p in placed
        if p.role not in ("par", "allowance")
    ]
    par = next((p.figure.value for p in placed if p.role == "par"), None)
    slack = Decimal(5).scaleb(st.scale - 1)
    powers, notes = decide_powers(counts, st.share_scale, par, _row_values(st, row), issued, slack)
    findings = [
        Finding(
            Severity.WARNING,
            "parenthetical.scale_ambiguous",
            f"'{row.label}': {n}",
            SourceSpan(row.source.line, row.source.column, row.label),
        )
        for n in notes
    ]
    out: list[Fact] = []
    for p in placed:
        span = spans.get(p.figure.start)
        if span is None or p.column.period is None:
            continue
        if p.role == "par":
            value, decimals, unit = p.figure.value, p.figure.places, Unit.USD_PER_SHARE
        elif p.role == "allowance":
            value = p.figure.value.scaleb(st.scale)
            decimals, unit = p.figure.places - st.scale, Unit.USD
        else:
            power = powers.get(p.role, 0) if p.figure.power is None else p.figure.power
            value, decimals, unit = (
                p.figure.value.scaleb(power),
                p.figure.places - power,
                Unit.SHARES,
            )
        roles = ("issued", "outstanding") if p.role == "issued+outstanding" else (p.role,)
        for role in roles:
            name = _CONCEPTS.get((cls, role))
            if name is None:
                continue
            if cls == "common" and role in ("issued", "outstanding"):
                issued.setdefault(p.column.index, value)
            out.append(
                Fact(
                    id=f"f{base + len(out) + 1}",
                    concept=f"us-gaap:{name}",
                    value=value,
                    decimals=decimals,
                    unit=unit,
                    period=_instant(p.column),
                    statement=st.kind,
                    statement_index=st.index,
                    row_index=row.index,
                    column_index=p.column.index,
                    label=row.label,
                    source=span,
                    parenthetical=True,
                    mapping=Mapping(
                        MappingMethod.CONTEXT, Decimal("0.8"), f"parenthetical {role} in the label"
                    ),
                )
            )
    return out, findings


def _instant(column: Column) -> Period:
    assert column.period is not None
    return Period(end=column.period.end)
