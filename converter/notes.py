"""Figures a statement prints in a note right below its table, year by year.

IBM closes its income statement with

    Average number of common shares outstanding:
    1997 - 983,286,361; 1996 - 1,056,704,188*; 1995 - 1,138,768,058*

Each "year - figure" pair is the statement's own figure for the column of that
fiscal year. It becomes a fact when the note's words name a us-gaap concept the
taxonomy knows for the statement, the year matches exactly one column, and no
fact already reports that concept and period; a disagreeing fact is a finding.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from converter.facts import MOST_SHARES, places_of
from converter.model import (
    Fact,
    Filing,
    Finding,
    Mapping,
    MappingMethod,
    Period,
    Severity,
    SourceSpan,
    Statement,
    StatementKind,
    Unit,
)
from taxonomy import Taxonomy, load

_CLOSE = re.compile(r"</TABLE>", re.I)
_LABEL = re.compile(r"^\s*([A-Za-z][A-Za-z ,'()-]{8,90}?)\s*:\s*(.*)$")
_PAIR = re.compile(
    r"\b((?:19|20)\d\d)\s*[-\u2013:]\s*\$?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\*?(?=\s*(?:[;,.]|$))"
)
_UNITS = {"shares": Unit.SHARES, "monetary": Unit.USD, "perShare": Unit.USD_PER_SHARE}


def _note_after(lines: tuple[str, ...], end_line: int) -> tuple[int, str, int, str] | None:
    """(label line, label, figures line, figures) of a note within a few lines of the table
    (after its `</TABLE>`, where it has one)."""
    # the table's closing tag, where it has markup; without, its last line
    close = next(
        (n for n in range(end_line, min(end_line + 3, len(lines)) + 1) if _CLOSE.search(lines[n - 1])),
        end_line,
    )
    near = [n for n in range(close + 1, min(close + 5, len(lines)) + 1) if lines[n - 1].strip()]
    for i, n in enumerate(near[:2]):
        m = _LABEL.match(lines[n - 1])
        if m is None:
            continue
        if _PAIR.search(m.group(2)):
            return n, m.group(1), n, lines[n - 1]
        if i + 1 < len(near) and _PAIR.search(lines[near[i + 1] - 1]):
            return n, m.group(1), near[i + 1], lines[near[i + 1] - 1]
    return None


def _column_for(st: Statement, year: int) -> int | None:
    """The one column whose period is a fiscal year (or a date) that ends in `year`."""
    hits = [
        c.index
        for c in st.columns
        if c.period is not None
        and c.period.end.year == year
        and (st.kind == StatementKind.BALANCE_SHEET or c.period.months == 12 or c.period.weeks in (52, 53))
    ]
    return hits[0] if len(hits) == 1 else None


def note_figures(filing: Filing, tax: Taxonomy | None = None) -> Filing:
    """Add the facts of the year-by-year notes below the filing's statements."""
    tax = tax or load()
    have = {(f.concept, f.period.key(), str(f.unit)): f for f in filing.facts if f.value is not None}
    facts, findings = list(filing.facts), list(filing.findings)
    for st in filing.statements:
        if st.kind == StatementKind.OTHER or st.qualifier or not st.rows:
            continue
        note = _note_after(filing.lines, st.end_line)
        if note is None:
            continue
        _label_line, label, line_no, text = note
        names = [n for n in tax.lookup(label, str(st.kind), other_statements=False) if tax.element(n)]
        if not names:
            continue
        el = tax.element(names[0])
        unit = _UNITS.get(el.data_type) if el else None
        if el is None or unit is None:
            continue
        for m in _PAIR.finditer(text):
            column = _column_for(st, int(m.group(1)))
            if column is None:
                continue
            printed = Decimal((m.group(2) + (m.group(3) or "")).replace(",", ""))
            power = 0 if unit == Unit.USD_PER_SHARE else (st.share_scale if unit == Unit.SHARES else st.scale)
            if unit == Unit.SHARES and printed.scaleb(power) >= MOST_SHARES:
                power = 0  # a count printed in full under "(In millions)"
            value = printed.scaleb(power)
            period = st.columns[column].period
            assert period is not None
            if st.kind == StatementKind.BALANCE_SHEET or el.period_type == "instant":
                period = Period(end=period.end)
            span = SourceSpan(line_no, m.start(2), m.group(2) + (m.group(3) or ""))
            known = have.get((f"us-gaap:{el.name}", period.key(), str(unit)))
            if known is not None:
                if known.value != value:
                    findings.append(
                        Finding(
                            Severity.WARNING,
                            "note.contradiction",
                            f"the note '{label}' gives {m.group(2)} for {m.group(1)}; "
                            f"line {known.source.line} reports {known.value}",
                            span,
                        )
                    )
                continue
            fact = Fact(
                id=f"f{len(facts) + 1}",
                concept=f"us-gaap:{el.name}",
                value=value,
                decimals=places_of(printed) - power,
                unit=unit,
                period=period,
                statement=st.kind,
                statement_index=st.index,
                row_index=st.rows[-1].index,
                column_index=column,
                label=label,
                source=span,
                parenthetical=True,
                mapping=Mapping(MappingMethod.CONTEXT, Decimal("0.8"), f"note below the table: {label}"),
            )
            facts.append(fact)
            have[(fact.concept, period.key(), str(unit))] = fact
    if len(facts) == len(filing.facts) and len(findings) == len(filing.findings):
        return filing
    return replace(filing, facts=tuple(facts), findings=tuple(findings))
