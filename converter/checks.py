"""Facts to findings: every proved total re-checked in XBRL terms, and the balance sheet balanced.

Tolerance follows XBRL Calculations 1.1: a value printed to `decimals` stands
for the interval of half a unit either side; a total is consistent when its
interval meets the interval of the weighted sum of its components.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from converter.model import (
    CalcCheck,
    CalcRelation,
    Fact,
    Filing,
    Finding,
    Period,
    Severity,
    SourceSpan,
)


def _half(f: Fact) -> Decimal:
    return Decimal(5).scaleb(-f.decimals - 1)


def _consistent(total: Fact, parts: list[tuple[Fact, int]]) -> tuple[bool, Decimal]:
    assert total.value is not None
    expected = sum((Decimal(w) * (p.value or 0) for p, w in parts), Decimal(0))
    slack = _half(total) + sum((_half(p) for p, _ in parts), Decimal(0))
    return abs(expected - total.value) <= slack, expected


def _check(rule: str, total: Fact, parts: list[tuple[Fact, int]], period: Period) -> Finding:
    ok, expected = _consistent(total, parts)
    assert total.value is not None
    check = CalcCheck(
        rule, total.concept, tuple(p.concept for p, _ in parts), period, expected, total.value, ok
    )
    what = "balances" if rule == "balance" else "adds up"
    message = (
        f"{total.concept} {what} for {period.end}"
        if ok
        else f"{total.concept} is {total.value} for {period.end} but its components give {expected}"
    )
    return Finding(
        Severity.INFO if ok else Severity.WARNING,
        f"{rule}.{'consistent' if ok else 'inconsistent'}",
        message,
        SourceSpan(total.source.line, total.source.column, total.source.text),
        check,
    )


_Key = tuple[str, object, str]  # concept, period, unit


def _index(facts: tuple[Fact, ...]) -> tuple[dict[_Key, Fact], dict[str, list[_Key]]]:
    """The first fact with a value per concept, period and unit; and each concept's keys.

    Built once per filing, not once per relation, which was quadratic in the facts."""
    values: dict[_Key, Fact] = {}
    for f in facts:
        if f.value is not None:
            values.setdefault((f.concept, f.period.key(), str(f.unit)), f)
    keys: dict[str, list[_Key]] = {}
    for key in values:
        keys.setdefault(key[0], []).append(key)
    return values, keys


def _holds_everywhere(
    rel: CalcRelation,
    index: tuple[dict[_Key, Fact], dict[str, list[_Key]]],
    findings: list[Finding],
    filing: Filing,
) -> bool:
    """Does the relation hold, concept by concept, in every period the total is reported in?

    An XBRL processor adds up facts by concept and context, across all statements: a
    total reported again in another schedule, whose lines there are other concepts,
    would not add up. Such a relation is left out of the linkbase, and said so.
    """
    values, keys = index
    for _, period, unit in keys.get(rel.total, []):
        total = values[(rel.total, period, unit)]
        parts = [(values[(c, period, unit)], w) for c, w in rel.components if (c, period, unit) in values]
        if parts and not _consistent(total, parts)[0]:
            findings.append(
                Finding(
                    Severity.INFO,
                    "calculation.left_out",
                    f"{rel.total} for {total.period.end} is also reported where its components are other "
                    "concepts; the relation is left out of the XBRL calculation linkbase",
                    SourceSpan(filing.statements[rel.statement_index].rows[rel.total_row].source.line),
                )
            )
            return False
    return True


def check(filing: Filing) -> Filing:
    by_cell: dict[tuple[int, int], list[Fact]] = {}
    for f in filing.facts:
        if not f.parenthetical:  # a figure inside a label is not the row's amount
            by_cell.setdefault((f.statement_index, f.row_index), []).append(f)
    findings = list(filing.findings)
    kept = []
    for rel in filing.calculations:
        consistent = True
        for total in by_cell.get((rel.statement_index, rel.total_row), []):
            if total.value is None:
                continue
            parts: list[tuple[Fact, int]] = []
            for (_concept, weight), row in zip(rel.components, rel.component_rows, strict=True):
                parts.extend(
                    (f, weight)
                    for f in by_cell.get((rel.statement_index, row), [])
                    if f.column_index == total.column_index
                    and f.value is not None
                    and f.period == total.period
                )
            if parts:
                finding = _check("calculation", total, parts, total.period)
                findings.append(finding)
                consistent = consistent and finding.check is not None and finding.check.consistent
        if consistent:
            kept.append(rel)
        else:
            # the release's own figures disagree: say so here, and claim no such arithmetic in XBRL
            findings.append(
                Finding(
                    Severity.WARNING,
                    "calculation.left_out",
                    f"the total {rel.total} does not equal its components in every period, so the "
                    "relation is left out of the XBRL calculation linkbase",
                    SourceSpan(filing.statements[rel.statement_index].rows[rel.total_row].source.line),
                )
            )
    index = _index(filing.facts)
    kept = [rel for rel in kept if _holds_everywhere(rel, index, findings, filing)]
    # assets = liabilities + equity, per balance-sheet date
    assets = {f.period: f for f in filing.facts if f.concept == "us-gaap:Assets"}
    for f in filing.facts:
        if f.concept == "us-gaap:LiabilitiesAndStockholdersEquity" and f.period in assets:
            a = assets.pop(f.period)
            findings.append(_check("balance", a, [(f, 1)], f.period))
    return replace(filing, findings=tuple(findings), calculations=tuple(kept))
