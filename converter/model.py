"""The canonical model: immutable, typed, and ignorant of every output format.

A release becomes one `Filing`. It holds the statements as the release printed
them (titles, columns with periods, rows with their printed cells) and the facts
drawn from them (a concept, a period, a unit and an exact `Decimal` in full units,
in XBRL's sign convention). Problems found on the way are `Finding`s.

Nothing here reads text or writes a format; exporters and the reader meet here.
Collections are tuples, so a `Filing` can be shared freely; use
`dataclasses.replace` to make a changed copy.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal


class StatementKind(enum.StrEnum):
    BALANCE_SHEET = "balance_sheet"
    INCOME_STATEMENT = "income_statement"
    CASH_FLOW = "cash_flow"
    EQUITY = "equity"
    OTHER = "other"


class Unit(enum.StrEnum):
    USD = "USD"
    SHARES = "shares"
    USD_PER_SHARE = "USD/shares"
    PURE = "pure"


class RowRole(enum.StrEnum):
    ITEM = "item"  # an ordinary line item
    TOTAL = "total"  # a total or subtotal: a rule above it, or "Total ..."
    HEADER = "header"  # a section header with no numbers ("Current assets:")


class Severity(enum.StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class MappingMethod(enum.StrEnum):
    EXACT = "exact"  # the label is a synonym of the concept
    CONTEXT = "context"  # a rule that looks at the section, the totals or the neighbours
    FUZZY = "fuzzy"  # a near match of the label
    EXTENSION = "extension"  # no us-gaap concept fits: a company extension concept


@dataclass(frozen=True, slots=True)
class SourceSpan:
    """Where something was printed: 1-based line, 0-based column, the text as printed."""

    line: int
    column: int = 0
    text: str = ""


@dataclass(frozen=True, slots=True)
class Period:
    """An instant (`start is None`) or a duration from `start` to `end`, both inclusive.

    `months` and `weeks` give the length as printed ("Three Months", "13 Weeks");
    `start_inferred` is true when the start was not printed but worked out from a
    neighbouring column or from the length.
    """

    end: date
    start: date | None = None
    months: int | None = None
    weeks: int | None = None
    start_inferred: bool = False

    @property
    def is_instant(self) -> bool:
        return self.start is None

    def key(self) -> tuple[date | None, date]:
        """Identity of the period, ignoring how it was printed."""
        return (self.start, self.end)


@dataclass(frozen=True, slots=True)
class Entity:
    name: str | None = None
    ticker: str | None = None
    exchange: str | None = None
    cik: str | None = None


@dataclass(frozen=True, slots=True)
class Cell:
    """One printed number, in the table's scale and with the sign as printed.

    A dash, "nil" or "-0-" is a zero with `dash` set. `footnote` holds a mark
    printed after the number, such as "(a)" or "*".
    """

    value: Decimal
    text: str
    source: SourceSpan
    dash: bool = False
    footnote: str | None = None
    percent: bool = False


@dataclass(frozen=True, slots=True)
class Column:
    index: int
    header: str
    period: Period | None
    unit_hint: str | None = None  # "percent" for a % column, "per_share" for a per-share one


@dataclass(frozen=True, slots=True)
class Row:
    index: int
    label: str
    depth: int
    role: RowRole
    cells: tuple[Cell | None, ...]
    source: SourceSpan
    section: str = ""  # the nearest section header above the row
    generated_label: bool = False  # the release printed no label; we named the row
    rule_above: bool = False  # a dash or underscore rule separates it from the rows above


@dataclass(frozen=True, slots=True)
class Statement:
    index: int
    kind: StatementKind
    title: str
    scale: int  # power of ten of the printed amounts: 0, 3 (thousands), 6 (millions)
    scale_text: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    source: SourceSpan  # the first line of the table
    end_line: int
    share_scale: int = 0  # power of ten of share counts, which often differs
    qualifier: str = ""  # "pro forma", "segment", "unaudited"...: why it is not a GAAP statement


@dataclass(frozen=True, slots=True)
class Concept:
    """A concept a fact is reported on: a us-gaap element or a company extension."""

    prefix: str
    name: str
    period_type: str  # "instant" or "duration"
    balance: str | None  # "debit", "credit" or None
    data_type: str  # "monetary", "shares", "perShare", "pure", "percent"
    label: str = ""

    @property
    def qname(self) -> str:
        return f"{self.prefix}:{self.name}"


@dataclass(frozen=True, slots=True)
class Mapping:
    method: MappingMethod
    confidence: Decimal
    rule: str = ""  # the synonym or rule that decided


@dataclass(frozen=True, slots=True)
class Fact:
    """One reported value, self-contained: concept, period, unit, value, source.

    `value` is in full units and in XBRL's sign convention; `negated` says the
    release printed it with the opposite sign (for iXBRL `sign="-"`).
    `value` is None only for a nil fact.
    """

    id: str
    concept: str  # "prefix:LocalName"
    value: Decimal | None
    decimals: int
    unit: Unit
    period: Period
    statement: StatementKind
    statement_index: int
    row_index: int
    column_index: int
    label: str
    source: SourceSpan
    negated: bool = False
    mapping: Mapping | None = None
    parenthetical: bool = False

    @property
    def custom(self) -> bool:
        return not self.concept.startswith("us-gaap:")


@dataclass(frozen=True, slots=True)
class CalcRelation:
    """A total and its components as the release's own arithmetic proves them.

    In XBRL terms: `total` = sum of weight x component, with facts in XBRL sign.
    `rows` are the statement's row indexes of the total and the components.
    """

    statement_index: int
    total: str
    components: tuple[tuple[str, int], ...]  # (concept, weight +1/-1)
    total_row: int
    component_rows: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class CalcCheck:
    """One total checked against its components, with Calc 1.1 rounding tolerance."""

    rule: str  # "calculation" or "balance"
    total: str  # concept of the total
    components: tuple[str, ...]
    period: Period
    expected: Decimal  # the sum of the components
    actual: Decimal  # the total as reported
    consistent: bool


@dataclass(frozen=True, slots=True)
class Finding:
    severity: Severity
    code: str  # a stable dotted name: "calc.inconsistent", "table.unreadable", ...
    message: str
    source: SourceSpan | None = None
    check: CalcCheck | None = None


class ClaimStatus(enum.StrEnum):
    MATCHED = "matched"  # the tables give the stated figure, within its rounding
    CONTRADICTED = "contradicted"  # the tables give another figure
    UNRESOLVED = "unresolved"  # no figure to compare: metric or period not tied, or unreadable


@dataclass(frozen=True, slots=True)
class Claim:
    """A figure the prose states about a metric and a period, reconciled with the facts.

    `kind` is "amount" (a level), "change" (an increase or decrease in amount),
    "percent_change" (a change in percent), "margin" (a percent of revenues) or "percent"
    (any other percent). `value` is as stated, in full units (a percent as printed: 219);
    `expected` is what the facts give, and `facts` and `fact_lines` name the facts compared.
    `reason` says why a claim is unresolved or how it is contradicted.
    """

    kind: str
    status: ClaimStatus
    source: SourceSpan  # the figure in the prose, as printed ("$29.6 million")
    metric: str = ""  # the words that name the metric, as printed
    concept: str | None = None
    period: Period | None = None
    prior_period: Period | None = None  # the period a change is measured from
    unit: Unit | None = None
    value: Decimal | None = None
    decimals: int | None = None
    expected: Decimal | None = None
    facts: tuple[str, ...] = ()
    fact_lines: tuple[int, ...] = ()
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Filing:
    """Everything read from one input file."""

    source_name: str
    sha256: str
    encoding: str
    entity: Entity
    document_date: date | None = None
    form_type: str | None = None
    filed_date: date | None = None
    period_of_report: date | None = None
    accession: str | None = None
    fiscal_year_end: date | None = None
    prior_fiscal_year_end: date | None = None
    statements: tuple[Statement, ...] = ()
    facts: tuple[Fact, ...] = ()
    extensions: tuple[Concept, ...] = ()  # company concepts the facts use
    calculations: tuple[CalcRelation, ...] = ()  # the release's own arithmetic
    findings: tuple[Finding, ...] = ()
    converter_version: str = ""
    taxonomy: str = ""  # entry point of the US-GAAP release the concepts come from
    extension_prefix: str = "ext"
    extension_namespace: str = field(default="")
    lines: tuple[str, ...] = ()  # the cleaned text, line N at index N - 1, for renderings of the release
    claims: tuple[Claim, ...] = ()  # figures in the prose, reconciled with the facts
