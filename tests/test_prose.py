"""Figures in the prose reconciled with the facts: matched, contradicted or unresolved."""

from __future__ import annotations

import io
import json
import re
from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest

from converter import convert_file
from converter.model import (
    Claim,
    ClaimStatus,
    Entity,
    Fact,
    Filing,
    Period,
    Severity,
    SourceSpan,
    StatementKind,
    Unit,
)
from converter.prose import reconcile
from converter.prose.periods import Calendar, phrases
from converter.prose.text import figures, prose_lines

SEED = Path(__file__).resolve().parent.parent / "golden" / "innovo-fy2002" / "release.txt"


@cache
def seed() -> Filing:
    return convert_file(SEED)


def claims_at(line: int, text: str) -> list[Claim]:
    return [c for c in seed().claims if c.source.line == line and c.source.text.startswith(text)]


# --- figures and period phrases ---------------------------------------------------

FIGURES = [
    ("$29,609,000", "usd", "29609000", 0, ""),
    ("$29.6 million", "usd", "29600000", -5, ""),
    ("$1.19 million", "usd", "1190000", -4, ""),
    ("$.04 per share", "per_share", "0.04", 2, ""),
    ("$0.24 per diluted share", "per_share", "0.24", 2, ""),
    ("a 219% increase", "percent", "219", 0, ""),
    ("an increase of 53.3%", "percent", "53.3", 1, ""),
    ("up 16 percent", "percent", "16", 0, ""),
    ("16,109,000 shares", "count", "16109000", 0, ""),
    ("216.5 million common equivalent shares", "count", "216500000", -5, ""),
    ("approximately $500 million", "usd", "500000000", -8, ""),
    ("$8 billion", "usd", "8000000000", -9, ""),
]


@pytest.mark.parametrize(("text", "kind", "value", "decimals", "bound"), FIGURES)
def test_figures(text: str, kind: str, value: str, decimals: int, bound: str) -> None:
    (fig,) = figures(text)
    assert (fig.kind, fig.value, fig.decimals, fig.malformed) == (
        kind,
        Decimal(value),
        decimals,
        bound,
    )


@pytest.mark.parametrize("text", ["$399,0000", "$1,23,456", "$12,34"])
def test_malformed_numbers(text: str) -> None:
    (fig,) = figures(text)
    assert fig.value is None and "not three digits" in fig.malformed


def test_bounds_and_plain_numbers() -> None:
    assert [f.bound for f in figures("more than $1 billion, less than $2 billion, about 5%")] == [
        "min",
        "max",
        "approx",
    ]
    assert figures("in 2002 it opened 12 stores on March 17, 2003") == []


PHRASES = [
    (
        "the twelve-months ended November 30, 2002",
        {"length": "year", "end_date": date(2002, 11, 30)},
    ),
    ("the fiscal year ended December 1, 2001", {"length": "year", "end_date": date(2001, 12, 1)}),
    (
        "the fourth quarter ended November 30, 2002",
        {"length": "quarter", "end_date": date(2002, 11, 30)},
    ),
    (
        "the 16-week first quarter ended May 20, 2000",
        {"length": "quarter", "end_date": date(2000, 5, 20)},
    ),
    ("fiscal 2002", {"length": "year", "year": 2002}),
    ("the fourth quarter of fiscal 2001", {"length": "quarter", "quarter": 4, "year": 2001}),
    ("the second quarter of 2004", {"length": "quarter", "quarter": 2, "year": 2004}),
    ("the same period last year", {"relative": True}),
    ("the year earlier period", {"relative": True}),
    ("the prior comparative period", {"relative": True}),
    ("a year ago", {"relative": True}),
    ("at December 31, 1993", {"instant": True, "end_date": date(1993, 12, 31)}),
    ("in 2001", {"length": "year", "year": 2001}),
]


@pytest.mark.parametrize(("text", "want"), PHRASES)
def test_period_phrases(text: str, want: dict[str, object]) -> None:
    (ph,) = [p for p in phrases(text) if not p.dateline]
    assert {k: getattr(ph, k) for k in want} == want


def test_calendar_names_fiscal_years_and_quarters() -> None:
    q1 = Period(end=date(2000, 5, 20), start=date(2000, 1, 30), weeks=16)
    q1_prior = Period(end=date(1999, 5, 22), start=date(1999, 1, 31), weeks=16)
    cal = Calendar([q1, q1_prior])
    (first,) = phrases("the first quarter of 2000")
    assert cal.resolve(first, None) == q1  # a year ending in January is named by the year before
    (same,) = phrases("the same quarter last year")
    assert cal.resolve(same, q1) == q1_prior
    fy = Period(end=date(2002, 11, 30), start=date(2001, 12, 2), months=12)
    q4 = Period(end=date(2002, 11, 30), start=date(2002, 9, 1), months=3)
    cal = Calendar([fy, q4])
    assert cal.resolve(phrases("the fourth quarter")[0], None) == q4
    assert cal.resolve(phrases("fiscal 2002")[0], None) == fy
    assert cal.resolve(phrases("fiscal 2003")[0], None) is None


# --- the seed release ---------------------------------------------------------------


def test_every_dollar_amount_in_the_prose_has_a_claim() -> None:
    filing = seed()
    keep = prose_lines(filing)
    inside = {n for s in filing.statements for n in range(s.source.line, s.end_line + 1)}
    assert keep.isdisjoint(inside)
    claimed = {(c.source.line, c.source.column) for c in filing.claims}
    amounts = [
        (n, m.start())
        for n in sorted(keep)
        for m in re.finditer(r"\$\s?[\d.]", filing.lines[n - 1])
    ]
    assert len(amounts) >= 30
    assert [a for a in amounts if a not in claimed] == []
    assert all(c.status in ClaimStatus for c in filing.claims)
    assert all(c.reason for c in filing.claims if c.status == ClaimStatus.UNRESOLVED)


def test_the_contradiction_in_fiscal_2001_net_sales() -> None:
    (c,) = claims_at(67, "$9,302,000")
    assert c.status == ClaimStatus.CONTRADICTED
    assert (c.concept, c.value, c.expected, c.fact_lines) == (
        "us-gaap:Revenues",
        Decimal(9302000),
        Decimal(9292000),
        (306,),
    )
    # fiscal 2001 ended Saturday, December 1: 52 weeks from Sunday, December 3, 2000
    assert c.period == Period(
        end=date(2001, 12, 1), start=date(2000, 12, 3), months=12, start_inferred=True
    )
    (finding,) = [f for f in seed().findings if f.code == "prose.contradiction"]
    assert finding.severity == Severity.WARNING and finding.source == c.source
    assert (
        "9,302,000" in finding.message
        and "9,292,000" in finding.message
        and "306" in finding.message
    )
    assert [x.status for x in claims_at(19, "$9,292,000")] == [ClaimStatus.MATCHED]


def test_a_malformed_number_is_unresolved_and_says_why() -> None:
    (c,) = claims_at(160, "$399,0000")
    assert c.status == ClaimStatus.UNRESOLVED and c.value is None
    assert "malformed" in c.reason and "0000" in c.reason
    assert any(f.code == "prose.malformed" and f.source == c.source for f in seed().findings)


@pytest.mark.parametrize(
    ("line", "text", "expected"),
    [
        (7, "219%", "218.65"),
        (16, "219%", "218.65"),
        (67, "219%", "218.65"),
        (52, "167%", "166.72"),
        (143, "161%", "160.89"),
        (135, "230%", "230.18"),
        (153, "53.3%", "53.29"),
    ],
)
def test_percent_changes_match(line: int, text: str, expected: str) -> None:
    (c,) = claims_at(line, text)
    assert (c.kind, c.status, c.expected) == (
        "percent_change",
        ClaimStatus.MATCHED,
        Decimal(expected),
    )
    assert c.prior_period is not None and c.period is not None and c.prior_period.end < c.period.end


@pytest.mark.parametrize(
    ("line", "text", "concept", "expected"),
    [
        (7, "$29.6 million", "us-gaap:Revenues", "29609000"),
        (8, "$1.19 million", "us-gaap:OperatingIncomeLoss", "1189000"),
        (24, "$399,000", "us-gaap:OperatingIncomeLoss", "-399000"),
        (25, "$.04", "us-gaap:EarningsPerShareDiluted", "0.04"),
        (26, "$618,000", "us-gaap:NetIncomeLoss", "-618000"),
        (28, "16,109,000", "us-gaap:WeightedAverageNumberOfDilutedSharesOutstanding", "16109000"),
        (54, "$763,000", "us-gaap:GrossProfit", "763000"),
        (134, "$6,811,000", "us-gaap:GrossProfit", "6811000"),
        (143, "$3,191,000", "us-gaap:SellingGeneralAndAdministrativeExpense", "3191000"),
    ],
)
def test_amounts_match(line: int, text: str, concept: str, expected: str) -> None:
    (c,) = claims_at(line, text)
    assert (c.status, c.concept, c.expected) == (ClaimStatus.MATCHED, concept, Decimal(expected))


def test_segment_figures_are_not_compared_with_the_total() -> None:
    for line, text in ((73, "114%"), (87, "504%"), (110, "292%"), (68, "41%")):
        (c,) = claims_at(line, text)
        assert c.status == ClaimStatus.UNRESOLVED, c


def test_claims_in_json_xlsx_and_findings() -> None:
    from jsonschema import Draft202012Validator

    import schemas
    from exporters.json_doc import JsonExporter
    from exporters.xlsx import claim_records

    out = io.BytesIO()
    JsonExporter().write(seed(), out)
    doc = json.loads(out.getvalue())
    Draft202012Validator(schemas.load("filing.schema.json")).validate(doc)
    assert len(doc["claims"]) == len(seed().claims)
    rows = list(claim_records(seed()))
    assert ("warning", "claim.contradicted") in {(r[0], r[1]) for r in rows}
    (summary,) = [f for f in seed().findings if f.code == "prose.claims"]
    assert "1 contradict" in summary.message


# --- small releases -------------------------------------------------------------------

FY2 = Period(end=date(2002, 12, 31), start=date(2002, 1, 1), months=12)
FY1 = Period(end=date(2001, 12, 31), start=date(2001, 1, 1), months=12)


def release(prose: str, facts: dict[tuple[str, Period], str]) -> Filing:
    lines = tuple(prose.splitlines())
    made = tuple(
        Fact(
            f"f{i}",
            f"us-gaap:{c}",
            Decimal(v),
            -3,
            Unit.USD,
            p,
            StatementKind.INCOME_STATEMENT,
            0,
            i,
            0,
            c,
            SourceSpan(100 + i, 40, v),
        )
        for i, ((c, p), v) in enumerate(facts.items(), start=1)
    )
    return reconcile(
        Filing("t.txt", "0" * 64, "ascii", Entity("Acme Corp"), facts=made, lines=lines)
    )


FACTS = {
    ("Revenues", FY2): "120000000",
    ("Revenues", FY1): "100000000",
    ("NetIncomeLoss", FY2): "-5000000",
    ("NetIncomeLoss", FY1): "3000000",
}


@pytest.mark.parametrize(
    ("prose", "statuses"),
    [
        (
            "Revenues for 2002 were $120.0 million, up 20% from $100.0 million in 2001.",
            ["matched", "matched", "matched"],
        ),
        (
            "Acme reported a net loss of $5.0 million in 2002, "
            "compared with net income of $3.0 million in 2001.",
            ["matched", "matched"],
        ),
        ("Net income for 2002 was $5.0 million.", ["contradicted"]),
        ("Revenues for 2002 increased 25% to $120 million.", ["contradicted", "matched"]),
        ("Widget revenues for 2002 were $70 million.", ["unresolved"]),
        ("The Widget division reported revenues of $70 million for 2002.", ["unresolved"]),
        ("Adjusted net income for 2002 was $2.0 million.", ["unresolved"]),
        ("Revenues were $90 million.", ["unresolved"]),
        (
            "Revenues for 2002 were $120 million, of which $70 million was generated from widgets.",
            ["matched", "unresolved"],
        ),
        ("WIDGETS\n\nRevenues for 2002 were $70 million.", ["unresolved"]),
        (
            "Revenues\n\nRevenues for 2002 were $120 million, compared with $100 million.",
            ["matched", "matched"],
        ),
    ],
)
def test_small_releases(prose: str, statuses: list[str]) -> None:
    assert [str(c.status) for c in release(prose, FACTS).claims] == statuses


def test_only_contradictions_are_warnings() -> None:
    filing = release("Net income for 2002 was $5.0 million.\n\nRevenues were $90 million.", FACTS)
    assert [f.severity for f in filing.findings if f.code.startswith("prose.")] == [
        Severity.WARNING,
        Severity.INFO,
    ]
