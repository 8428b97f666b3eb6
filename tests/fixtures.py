"""A small hand-built `Filing` for exporter tests that do not depend on the reader.

Two statements (a balance sheet and an income statement), facts that cover a
negative, a dash, a per-share figure, a share count and an extension concept,
a finding with a `CalcCheck`, and labels built to break naive writers: a
formula, CSV-injection prefixes, XML metacharacters and a control character.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from converter.model import (
    CalcCheck,
    Cell,
    Column,
    Concept,
    Entity,
    Fact,
    Filing,
    Finding,
    Mapping,
    MappingMethod,
    Period,
    Row,
    RowRole,
    Severity,
    SourceSpan,
    Statement,
    StatementKind,
    Unit,
)

NASTY_LABELS = ("=SUM(A1)", "+1", "-2", "@x", '<b>&"]]>--', "Bell\x07label")

NOV_2002 = Period(end=date(2002, 11, 30))
DEC_2001 = Period(end=date(2001, 12, 1))
Q4_2002 = Period(end=date(2002, 11, 30), start=date(2002, 9, 1), months=3)
FY_2002 = Period(end=date(2002, 11, 30), start=date(2001, 12, 2), months=12)
FY_2001 = Period(end=date(2001, 12, 1), start=date(2000, 12, 3), weeks=52, start_inferred=True)


def _cell(value: str, text: str, line: int, column: int, dash: bool = False) -> Cell:
    return Cell(Decimal(value), text, SourceSpan(line, column, text), dash=dash)


def _row(
    index: int,
    label: str,
    line: int,
    cells: tuple[Cell | None, ...],
    depth: int = 1,
    role: RowRole = RowRole.ITEM,
    section: str = "",
) -> Row:
    return Row(index, label, depth, role, cells, SourceSpan(line, 0, label), section=section)


def balance_sheet() -> Statement:
    columns = (
        Column(0, "November 30, 2002", NOV_2002),
        Column(1, "December 1, 2001", DEC_2001),
    )
    rows = (
        _row(0, "Current assets:", 10, (None, None), depth=0, role=RowRole.HEADER),
        _row(
            1,
            "Cash and cash equivalents",
            11,
            (_cell("222", "$ 222", 11, 50), _cell("292", "$ 292", 11, 62)),
            section="Current assets:",
        ),
        _row(
            2,
            NASTY_LABELS[0],
            12,
            (_cell("2737", "2,737", 12, 50), _cell("1466", "1,466", 12, 62)),
            section="Current assets:",
        ),
        _row(
            3,
            NASTY_LABELS[1],
            13,
            (_cell("0", "-", 13, 50, dash=True), _cell("15", "15", 13, 62)),
            section="Current assets:",
        ),
        _row(
            4,
            "Total current assets",
            14,
            (_cell("2959", "2,959", 14, 50), _cell("1773", "1,773", 14, 62)),
            depth=2,
            role=RowRole.TOTAL,
            section="Current assets:",
        ),
    )
    return Statement(
        0,
        StatementKind.BALANCE_SHEET,
        "Consolidated Balance Sheets",
        3,
        "(In thousands)",
        columns,
        rows,
        SourceSpan(8, 0, "BALANCE SHEETS"),
        15,
    )


def income_statement() -> Statement:
    columns = (
        Column(0, "Three Months Ended Nov. 30, 2002", Q4_2002),
        Column(1, "Year Ended Nov. 30, 2002", FY_2002),
        Column(2, "Fiscal 2001", FY_2001),
    )
    rows = (
        _row(
            0,
            "Net sales",
            30,
            (
                _cell("5120", "$5,120", 30, 40),
                _cell("18427", "$18,427", 30, 55),
                _cell("10893", "$10,893", 30, 70),
            ),
        ),
        _row(
            1,
            NASTY_LABELS[2],
            31,
            (_cell("-340", "(340)", 31, 40), _cell("-1207", "(1,207)", 31, 55), None),
        ),
        _row(
            2,
            NASTY_LABELS[3],
            32,
            (_cell("12", "12", 32, 40), _cell("48", "48", 32, 55), _cell("31", "31", 32, 70)),
        ),
        _row(3, NASTY_LABELS[4], 33, (_cell("7", "7", 33, 40), None, None)),
        _row(4, NASTY_LABELS[5], 34, (_cell("1", "1", 34, 40), None, None)),
        _row(
            5,
            "Net income (loss) per share",
            35,
            (
                _cell("0.09", "$.09", 35, 40),
                _cell("-0.12", "$(.12)", 35, 55),
                _cell("0", "--", 35, 70, dash=True),
            ),
            depth=0,
            role=RowRole.TOTAL,
        ),
        _row(
            6,
            "Weighted average shares outstanding",
            36,
            (_cell("14952", "14,952", 36, 40), None, None),
        ),
    )
    return Statement(
        1,
        StatementKind.INCOME_STATEMENT,
        "Consolidated Statements of Operations",
        3,
        "(In thousands, except per share data)",
        columns,
        rows,
        SourceSpan(26, 0, "STATEMENTS OF OPERATIONS"),
        37,
        share_scale=3,
    )


def _fact(
    n: int,
    concept: str,
    value: str | None,
    decimals: int,
    unit: Unit,
    period: Period,
    statement: Statement,
    row: int,
    column: int,
    **extra: object,
) -> Fact:
    r = statement.rows[row]
    cell = r.cells[column]
    assert cell is not None
    return Fact(
        id=f"f{n:03d}",
        concept=concept,
        value=None if value is None else Decimal(value),
        decimals=decimals,
        unit=unit,
        period=period,
        statement=statement.kind,
        statement_index=statement.index,
        row_index=r.index,
        column_index=column,
        label=r.label,
        source=cell.source,
        **extra,  # type: ignore[arg-type]
    )


def facts(bs: Statement, inc: Statement) -> tuple[Fact, ...]:
    exact = Mapping(MappingMethod.EXACT, Decimal("1"), "cash and cash equivalents")
    usd, eps = Unit.USD, Unit.USD_PER_SHARE
    return (
        _fact(
            1,
            "us-gaap:CashAndCashEquivalentsAtCarryingValue",
            "222000",
            -3,
            usd,
            NOV_2002,
            bs,
            1,
            0,
            mapping=exact,
        ),
        _fact(
            2,
            "us-gaap:CashAndCashEquivalentsAtCarryingValue",
            "292000",
            -3,
            usd,
            DEC_2001,
            bs,
            1,
            1,
            mapping=exact,
        ),
        _fact(3, "us-gaap:AccountsReceivableNetCurrent", "2737000", -3, usd, NOV_2002, bs, 2, 0),
        _fact(4, "us-gaap:OtherAssetsCurrent", "0", -3, usd, NOV_2002, bs, 3, 0),
        _fact(5, "us-gaap:AssetsCurrent", "2959000", -3, usd, NOV_2002, bs, 4, 0),
        _fact(6, "us-gaap:SalesRevenueNet", "5120000", -3, usd, Q4_2002, inc, 0, 0),
        _fact(7, "us-gaap:CostOfRevenue", "340000", -3, usd, Q4_2002, inc, 1, 0, negated=True),
        _fact(
            8,
            "inno:RoyaltyIncome",
            "12000",
            -3,
            usd,
            Q4_2002,
            inc,
            2,
            0,
            mapping=Mapping(MappingMethod.EXTENSION, Decimal("0.5"), ""),
        ),
        _fact(9, "us-gaap:EarningsPerShareBasic", "0.09", 2, eps, Q4_2002, inc, 5, 0),
        _fact(10, "us-gaap:EarningsPerShareBasic", "-0.12", 2, eps, FY_2002, inc, 5, 1),
        _fact(
            11,
            "us-gaap:WeightedAverageNumberOfSharesOutstandingBasic",
            "14952000",
            -3,
            Unit.SHARES,
            Q4_2002,
            inc,
            6,
            0,
        ),
        _fact(12, "us-gaap:OtherNonoperatingIncomeExpense", "1000", -3, usd, Q4_2002, inc, 4, 0),
    )


def filing() -> Filing:
    bs, inc = balance_sheet(), income_statement()
    check = CalcCheck(
        "calculation",
        "us-gaap:AssetsCurrent",
        (
            "us-gaap:CashAndCashEquivalentsAtCarryingValue",
            "us-gaap:AccountsReceivableNetCurrent",
            "us-gaap:OtherAssetsCurrent",
        ),
        NOV_2002,
        Decimal("2959000"),
        Decimal("2959000"),
        True,
    )
    findings = (
        Finding(
            Severity.INFO,
            "calc.consistent",
            "Total current assets adds up",
            SourceSpan(14, 0, "Total current assets"),
            check,
        ),
        Finding(Severity.WARNING, "label.unmapped", 'No concept for "=SUM(A1)"', None, None),
    )
    return Filing(
        source_name="innovo-fixture.txt",
        sha256="0" * 63 + "1",
        encoding="ascii",
        entity=Entity(name="Innovo Group Inc", ticker="INNO", exchange="NASDAQ", cik="844143"),
        document_date=date(2003, 2, 13),
        form_type="10-K",
        accession="0000950134-03-002063",
        statements=(bs, inc),
        facts=facts(bs, inc),
        extensions=(
            Concept("inno", "RoyaltyIncome", "duration", "credit", "monetary", "Royalty income"),
        ),
        findings=findings,
        converter_version="0.1.0",
        taxonomy="https://xbrl.fasb.org/us-gaap/2024/entire/us-gaap-entryPoint-std-2024.xsd",
        extension_prefix="inno",
        extension_namespace="http://release2xbrl.github.io/ext/844143",
    )
