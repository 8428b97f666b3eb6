"""Figures inside balance-sheet labels become facts: allowances, shares, par, treasury shares."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest

from converter import convert_file
from converter.model import (
    Cell,
    Column,
    Entity,
    Filing,
    Period,
    Row,
    RowRole,
    Severity,
    SourceSpan,
    Statement,
    StatementKind,
    Unit,
)
from converter.parenthetical import parenthetical_facts
from converter.parenthetical.scale import Count, decide_powers

SEED = Path(__file__).resolve().parent.parent / "golden" / "innovo-fy2002" / "release.txt"
COLUMNS = (
    Column(0, "2002", Period(end=date(2002, 12, 31))),
    Column(1, "2001", Period(end=date(2001, 12, 31))),
)


@cache
def seed() -> Filing:
    return convert_file(SEED)


def sheet(
    rows: list[tuple[list[str], tuple[str, ...]]],
    scale: int = 3,
    share_scale: int = 3,
    kind: StatementKind = StatementKind.BALANCE_SHEET,
) -> Filing:
    """A one-statement filing: each row is its label lines and the cells printed on the last one."""
    lines: list[str] = []
    built: list[Row] = []
    for i, (label_lines, cells) in enumerate(rows):
        first = len(lines) + 1
        printed: list[Cell] = []
        for k, text in enumerate(label_lines):
            if k < len(label_lines) - 1 or not cells:
                lines.append(text)
                continue
            line = text
            for j, c in enumerate(cells):
                at = 80 + 15 * j
                line = line.ljust(at) + c
                dash = c in ("-", "--")
                value = "0" if dash else c.replace(",", "").replace("(", "-").replace(")", "")
                printed.append(
                    Cell(Decimal(value), c, SourceSpan(len(lines) + 1, at, c), dash=dash)
                )
            lines.append(line)
        label = " ".join(t.strip() for t in label_lines)
        built.append(Row(i, label, 0, RowRole.ITEM, tuple(printed), SourceSpan(first, 0, label)))
    st = Statement(
        0,
        kind,
        "Balance sheet",
        scale,
        "",
        COLUMNS,
        tuple(built),
        SourceSpan(1),
        len(lines),
        share_scale=share_scale,
    )
    return Filing("t.txt", "0" * 64, "ascii", Entity(), statements=(st,), lines=tuple(lines))


def values(filing: Filing) -> dict[tuple[str, int], Decimal]:
    out: dict[tuple[str, int], Decimal] = {}
    for f in filing.facts:
        assert f.parenthetical and f.value is not None
        out[(f.concept.removeprefix("us-gaap:"), f.period.end.year)] = f.value
    return out


def both(concept: str, value: str) -> dict[tuple[str, int], Decimal]:
    return {(concept, 2002): Decimal(value), (concept, 2001): Decimal(value)}


CASES = [
    pytest.param(
        [
            (
                [
                    "Common stock, $.10 par value; 400,000 shares authorized;",
                    "  297,987 and 147,411 shares issued",
                ],
                ("29,799", "14,741"),
            )
        ],
        3,
        3,
        {
            **both("CommonStockParOrStatedValuePerShare", "0.10"),
            **both("CommonStockSharesAuthorized", "400000000"),
            ("CommonStockSharesIssued", 2002): Decimal("297987000"),
            ("CommonStockSharesIssued", 2001): Decimal("147411000"),
        },
        id="numbers-before-role-words-in-thousands-checked-by-par",
    ),
    pytest.param(
        [
            (
                [
                    "Preferred stock, par value $.01 per share -",
                    "  shares authorized: 150,000,000",
                    "  shares issued: 2002 - 2,597,261; 2001 - 2,610,711",
                ],
                ("252", "253"),
            )
        ],
        6,
        6,
        {
            **both("PreferredStockParOrStatedValuePerShare", "0.01"),
            **both("PreferredStockSharesAuthorized", "150000000"),
            ("PreferredStockSharesIssued", 2002): Decimal("2597261"),
            ("PreferredStockSharesIssued", 2001): Decimal("2610711"),
        },
        id="years-before-numbers",
    ),
    pytest.param(
        [
            (
                [
                    "Common stock",
                    " Authorized - 2,700,000,000 shares",
                    " Issued - 1,483,463,327 shares - 2002",
                    "        - 1,483,167,594 shares - 2001",
                ],
                ("4,742.5", "4,667.8"),
            )
        ],
        6,
        6,
        {
            **both("CommonStockSharesAuthorized", "2700000000"),
            ("CommonStockSharesIssued", 2002): Decimal("1483463327"),
            ("CommonStockSharesIssued", 2001): Decimal("1483167594"),
        },
        id="years-after-numbers",
    ),
    pytest.param(
        [(["Preferred shares ($1 par value, 10,000,000 authorized: none issued)"], ("-", "-"))],
        6,
        6,
        {
            **both("PreferredStockParOrStatedValuePerShare", "1"),
            **both("PreferredStockSharesAuthorized", "10000000"),
            **both("PreferredStockSharesIssued", "0"),
        },
        id="none-issued",
    ),
    pytest.param(
        [
            (
                [
                    "Treasury shares (20,616,939 at December 31, 2002 and",
                    "  11,122,981 at December 31, 2001, at cost)",
                ],
                ("(984)", "(481)"),
            )
        ],
        6,
        6,
        {
            ("TreasuryStockShares", 2002): Decimal("20616939"),
            ("TreasuryStockShares", 2001): Decimal("11122981"),
        },
        id="dated-treasury-shares",
    ),
    pytest.param(
        [
            (
                ["Common stock held in treasury, at cost (571 million shares in 2002 and 2001)"],
                ("(16,977)", "(16,887)"),
            )
        ],
        6,
        6,
        both("TreasuryStockShares", "571000000"),
        id="one-value-two-years-with-a-scale-word",
    ),
    pytest.param(
        [
            (
                ["Accounts receivable, trade, less", "  allowances $170 (2001, $143)"],
                ("2,107", "1,855"),
            )
        ],
        6,
        6,
        {
            ("AllowanceForDoubtfulAccountsReceivableCurrent", 2002): Decimal("170000000"),
            ("AllowanceForDoubtfulAccountsReceivableCurrent", 2001): Decimal("143000000"),
        },
        id="allowance-with-a-leading-year",
    ),
    pytest.param(
        [(["Receivables, net of allowances of $64 and $45"], ("991", "768"))],
        6,
        6,
        {
            ("AllowanceForDoubtfulAccountsReceivableCurrent", 2002): Decimal("64000000"),
            ("AllowanceForDoubtfulAccountsReceivableCurrent", 2001): Decimal("45000000"),
        },
        id="allowance-in-column-order",
    ),
    pytest.param(
        [
            (
                [
                    "Common stock, $.01 par value - 150,000,000 shares authorized;",
                    "  issued 56,314,798 (2002) and 56,136,032 (2001) shares",
                ],
                ("563", "561"),
            ),
            (["Treasury stock, 378,130 (2002) and -0- (2001) shares, at cost"], ("(10,384)", "--")),
        ],
        3,
        3,
        {
            **both("CommonStockParOrStatedValuePerShare", "0.01"),
            **both("CommonStockSharesAuthorized", "150000000"),
            ("CommonStockSharesIssued", 2002): Decimal("56314798"),
            ("CommonStockSharesIssued", 2001): Decimal("56136032"),
            ("TreasuryStockShares", 2002): Decimal("378130"),
            ("TreasuryStockShares", 2001): Decimal("0"),
        },
        id="treasury-below-issued-so-in-units",
    ),
    pytest.param(
        [(["Common stock (145 and 106 shares issued)"], ("182", "132"))],
        6,
        6,
        {
            ("CommonStockSharesIssued", 2002): Decimal("145000000"),
            ("CommonStockSharesIssued", 2001): Decimal("106000000"),
        },
        id="no-carrying-value-of-a-million-dollars-a-share",
    ),
    pytest.param(
        [
            (["Class B Stock, par value $1.00 per share (35 million shares issued)"], ("35", "35")),
            (["Employee benefits trust, at cost (10,000,000 shares)"], ("(860)", "--")),
        ],
        6,
        6,
        {},
        id="second-class-and-non-stock-rows-give-nothing",
    ),
]


@pytest.mark.parametrize(("rows", "scale", "share_scale", "expected"), CASES)
def test_label_figures(
    rows: list[tuple[list[str], tuple[str, ...]]],
    scale: int,
    share_scale: int,
    expected: dict[tuple[str, int], Decimal],
) -> None:
    out = parenthetical_facts(sheet(rows, scale, share_scale))
    assert values(out) == expected
    assert not [f for f in out.findings if f.code == "parenthetical.scale_ambiguous"]


def test_sources_point_at_the_number_in_the_label() -> None:
    filing = parenthetical_facts(sheet(CASES[2].values[0], 6, 6))  # type: ignore[arg-type]
    assert filing.facts
    for f in filing.facts:
        line = filing.lines[f.source.line - 1]
        assert line[f.source.column : f.source.column + len(f.source.text)] == f.source.text
        assert (
            f.source.line < len(filing.lines) or f.source.column < 80
        )  # inside the label, not a cell


def test_an_undecidable_scale_is_a_finding() -> None:
    filing = parenthetical_facts(
        sheet([(["Treasury stock, 58,419 shares"], ("(2,537)", "(2,537)"))])
    )
    found = [f for f in filing.findings if f.code == "parenthetical.scale_ambiguous"]
    assert len(found) == 1 and found[0].severity == Severity.WARNING
    assert values(filing) == both("TreasuryStockShares", "58419000")  # the table's own share scale


def test_conflicting_figures_are_left_out() -> None:
    filing = parenthetical_facts(
        sheet(
            [
                (["Common stock, 40,000,000 shares authorized"], ("1,491", "1,491")),
                (["Common stock, 30,000,000 shares authorized"], ("1,200", "1,200")),
            ],
            3,
            0,
        )
    )
    assert values(filing) == both("CommonStockSharesAuthorized", "40000000")
    conflicts = [f for f in filing.findings if f.code == "parenthetical.conflict"]
    assert len(conflicts) == 2 and all(f.severity == Severity.WARNING for f in conflicts)


def test_fractional_par_and_other_statements() -> None:
    filing = parenthetical_facts(
        sheet([(["Common stock, $.16 2/3 par; authorized 300,000,000 shares"], ("27", "27"))], 6, 6)
    )
    assert values(filing) == both("CommonStockSharesAuthorized", "300000000")
    assert any("fraction" in f.message for f in filing.findings)
    income = sheet(
        [(["Common stock, $1 par value, 5,000 shares authorized"], ("5", "5"))],
        kind=StatementKind.INCOME_STATEMENT,
    )
    assert parenthetical_facts(income).facts == ()


def test_decide_powers() -> None:
    counts = [
        Count("authorized", Decimal(40000), None, 0),
        Count("issued+outstanding", Decimal(14901), None, 0),
    ]
    powers, notes = decide_powers(
        counts, 3, Decimal("0.10"), {0: Decimal(1491000)}, {}, Decimal(500)
    )
    assert powers == {"authorized": 3, "issued+outstanding": 3} and notes == []
    treasury = [Count("treasury", Decimal(58419), None, 0)]
    assert decide_powers(
        treasury, 3, None, {0: Decimal(2537000)}, {0: Decimal(14901000)}, Decimal(500)
    ) == ({"treasury": 0}, [])
    assert decide_powers(
        [Count("issued", Decimal(1875000000), None, 0)], 6, None, {}, {}, Decimal(5)
    ) == ({"issued": 0}, [])


# --- the seed release -----------------------------------------------------------

SEED_FACTS = {
    ("AllowanceForDoubtfulAccountsReceivableCurrent", date(2002, 11, 30)): (
        "383000",
        Unit.USD,
        238,
    ),
    ("AllowanceForDoubtfulAccountsReceivableCurrent", date(2001, 12, 1)): ("164000", Unit.USD, 239),
    ("CommonStockSharesAuthorized", date(2002, 11, 30)): ("40000000", Unit.SHARES, 274),
    ("CommonStockSharesAuthorized", date(2001, 12, 1)): ("40000000", Unit.SHARES, 274),
    ("CommonStockSharesIssued", date(2002, 11, 30)): ("14901000", Unit.SHARES, 275),
    ("CommonStockSharesIssued", date(2001, 12, 1)): ("14921000", Unit.SHARES, 276),
    ("CommonStockSharesOutstanding", date(2002, 11, 30)): ("14901000", Unit.SHARES, 275),
    ("CommonStockSharesOutstanding", date(2001, 12, 1)): ("14921000", Unit.SHARES, 276),
    ("CommonStockParOrStatedValuePerShare", date(2002, 11, 30)): ("0.10", Unit.USD_PER_SHARE, 273),
    ("CommonStockParOrStatedValuePerShare", date(2001, 12, 1)): ("0.10", Unit.USD_PER_SHARE, 273),
    ("TreasuryStockShares", date(2002, 11, 30)): ("58419", Unit.SHARES, 281),
    ("TreasuryStockShares", date(2001, 12, 1)): ("29410", Unit.SHARES, 282),
    ("PreferredStockSharesAuthorized", date(2002, 11, 30)): ("5000000", Unit.SHARES, 267),
    ("PreferredStockSharesAuthorized", date(2001, 12, 1)): ("5000000", Unit.SHARES, 267),
    ("PreferredStockSharesIssued", date(2002, 11, 30)): ("193976", Unit.SHARES, 268),
    ("PreferredStockSharesIssued", date(2001, 12, 1)): ("0", Unit.SHARES, 269),
    ("PreferredStockSharesOutstanding", date(2002, 11, 30)): ("193976", Unit.SHARES, 268),
    ("PreferredStockSharesOutstanding", date(2001, 12, 1)): ("0", Unit.SHARES, 269),
    ("PreferredStockParOrStatedValuePerShare", date(2002, 11, 30)): (
        "0.10",
        Unit.USD_PER_SHARE,
        266,
    ),
    ("PreferredStockParOrStatedValuePerShare", date(2001, 12, 1)): (
        "0.10",
        Unit.USD_PER_SHARE,
        266,
    ),
}


def test_seed_label_facts() -> None:
    facts = [f for f in seed().facts if f.parenthetical]
    got = {
        (f.concept.removeprefix("us-gaap:"), f.period.end): (f.value, f.unit, f.source.line)
        for f in facts
    }
    assert got == {k: (Decimal(v), u, n) for k, (v, u, n) in SEED_FACTS.items()}
    for f in facts:
        assert f.period.is_instant and f.statement == StatementKind.BALANCE_SHEET
        line = seed().lines[f.source.line - 1]
        assert line[f.source.column : f.source.column + len(f.source.text)] == f.source.text


def test_seed_has_no_conflicting_facts() -> None:
    seen: dict[tuple[str, object, str], Decimal | None] = {}
    for f in seed().facts:
        key = (f.concept, f.period.key(), str(f.unit))
        assert seen.setdefault(key, f.value) == f.value, key


def test_label_facts_do_not_enter_the_row_arithmetic() -> None:
    checks = [f.check for f in seed().findings if f.check is not None]
    current = [c for c in checks if c.total == "us-gaap:AssetsCurrent"]
    assert current and all(c.consistent for c in current)


def test_seed_label_facts_are_tagged_in_place() -> None:
    from exporters._ixbrl_layout import source_lines
    from exporters.ixbrl import placements

    filing = seed()
    lines, _ = source_lines(filing)
    tags, hidden = placements(filing, lines)
    spans = {(t.start, t.end, n): filing.facts[t.fact] for n, ts in tags.items() for t in ts}
    tagged = {f.id for f in spans.values()}
    for i, f in enumerate(filing.facts):
        if not f.parenthetical:
            continue
        if f.id in tagged:
            continue
        # hidden only because another fact already holds the same printed number
        assert i in hidden
        start = f.source.column
        assert any(n == f.source.line and s <= start < e for (s, e, n) in spans), f
    assert sum(1 for f in filing.facts if f.parenthetical and f.id in tagged) >= 10
