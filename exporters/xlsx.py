"""`--to xlsx`: a workbook laid out like the release, plus Facts, Checks and About sheets.

Each statement gets a sheet with its labels indented by depth, one column per
printed period and the figures as numbers in the printed scale, so the sheet
reads like the release and still adds up. `Facts` is an Excel Table with one
row per fact in full units, for filtering and pivoting. `Checks` lists the findings,
then each figure of the prose with its reconciliation (`claim.matched`,
`claim.contradicted`, `claim.unresolved`: the stated value in `actual`, the facts' in
`expected`).

The workbook is written with XlsxWriter. Three rules hold for every cell:
- Text from the release is always a string cell, never a formula, URL, number or
  error: it goes through `write_string`, and the workbook is opened with
  XlsxWriter's string conversions off besides.
- Numbers are written from their exact decimal text, never through a float.
  XlsxWriter (from 3.2.1; before, "%.16G" made a float of it) writes a number as
  `f"{number:.16G}"`, which for a float can print a 15-digit decimal wrongly (8.62
  as 8.619999999999999), so it is handed a `Decimal`, which that format prints
  exactly (in E notation only below 1e-6 or from 1e16 up). A value with more than
  15 significant digits, which Excel cannot hold, is written as text instead.
- The bytes depend on the filing only: fixed document properties, and XlsxWriter's
  in-memory zip with fixed entry times (1980-01-01) and, set here, a fixed
  "made by" system.
"""

from __future__ import annotations

import io
import itertools
import re
import struct
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any, BinaryIO

from converter.model import (
    Cell,
    ClaimStatus,
    Column,
    Fact,
    Filing,
    Row,
    RowRole,
    Statement,
    StatementKind,
    Unit,
)
from exporters.base import gc_paused
from exporters.json_doc import FORMAT_VERSION, decimal_text

if TYPE_CHECKING:
    from xlsxwriter.format import Format
    from xlsxwriter.workbook import Workbook
    from xlsxwriter.worksheet import Worksheet

FIXED_TIME = datetime(2000, 1, 1)
EXCEL_DIGITS = 15  # significant digits an Excel number holds exactly
MAX_TEXT = 32767  # characters of a cell's text, Excel's limit (XlsxWriter also cuts at 32,767 UTF-16 units)
HEADER_ROW = 4  # title, scale, printed scale text, then the column headers (1-based, as Excel)
AMOUNT_FORMAT = '#,##0{frac};(#,##0{frac});"–"'
PER_SHARE_FORMAT = "0.{zeros};(0.{zeros})"
DATE_FORMAT = "yyyy-mm-dd"
# Excel keeps a column's width in characters of the default font's digit, 7 pixels in
# Calibri 11: a width of n characters is 7n pixels, which XlsxWriter stores as exactly n.
DIGIT_PIXELS = 7
WORKBOOK_OPTIONS = {
    "in_memory": True,  # no temporary files, and fixed zip entry times
    "strings_to_formulas": False,
    "strings_to_urls": False,
    "strings_to_numbers": False,
}

# XML 1.0 forbids these (and Excel reads U+FFFE/U+FFFF as escapes). Replaced, not
# dropped, so a reader can see that something was there.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_FRACTION = re.compile(r"\.(\d+)")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# fmt: off
_COUNT = ("", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten",
          "Eleven", "Twelve")
# fmt: on
_SHEET_TITLES = {
    StatementKind.BALANCE_SHEET: "Balance Sheet",
    StatementKind.INCOME_STATEMENT: "Income Statement",
    StatementKind.CASH_FLOW: "Cash Flows",
    StatementKind.EQUITY: "Equity",
    StatementKind.OTHER: "Other",
}
_SCALE_WORDS = {0: "", 3: "thousands of ", 6: "millions of ", 9: "billions of "}
# fmt: off
FACT_COLUMNS = ("id", "concept", "label", "statement", "period_start", "period_end", "unit",
                "value", "decimals", "negated", "custom", "source_line")
CHECK_COLUMNS = ("severity", "code", "message", "line", "rule", "total", "components",
                 "period_start", "period_end", "expected", "actual", "consistent")
# fmt: on


# --- text helpers ---------------------------------------------------------------


def clean_text(text: str) -> str:
    """`text` with the characters XML (and so xlsx) cannot hold replaced by U+FFFD."""
    return _ILLEGAL.sub("\ufffd", text)


def _day(d: date) -> str:
    return f"{_MONTHS[d.month - 1]} {d.day}, {d.year}"


def period_heading(column: Column) -> str:
    """'Three Months Ended Nov 30, 2002', 'Nov 30, 2002', or the printed header."""
    p = column.period
    if p is None:
        return column.header
    if p.is_instant:
        return _day(p.end)
    if p.months is not None and 0 < p.months < len(_COUNT):
        noun = "Month" if p.months == 1 else "Months"
        return f"{_COUNT[p.months]} {noun} Ended {_day(p.end)}"
    if p.weeks is not None:
        return f"{p.weeks} Weeks Ended {_day(p.end)}"
    assert p.start is not None
    return f"{_day(p.start)} to {_day(p.end)}"


def scale_heading(statement: Statement, has_shares: bool) -> str:
    """'In thousands of USD', with the share scale when the table has shares at another."""
    words = _SCALE_WORDS.get(statement.scale, f"10^{statement.scale} ")
    text = f"In {words}USD"
    if has_shares and statement.share_scale != statement.scale:
        shares = _SCALE_WORDS.get(statement.share_scale, f"10^{statement.share_scale} ")
        text += f"; shares in {shares.removesuffix(' of ') or 'units'}"
    return text


def sheet_name(statement: Statement, position: int) -> str:
    """'1 Balance Sheet': from the kind and position, never from document text."""
    return f"{position + 1} {_SHEET_TITLES[statement.kind]}"[:31]


# --- cell writers ---------------------------------------------------------------
# Rows and columns are XlsxWriter's, counted from 0.


class Styles:
    """The workbook's cell formats, one XlsxWriter Format per distinct set of properties."""

    def __init__(self, wb: Workbook) -> None:
        self._wb = wb
        self._made: dict[tuple[tuple[str, Any], ...], Format] = {}
        self._numbers: dict[str, Format | None] = {}

    def __call__(self, **properties: Any) -> Format | None:
        """The format with `properties` (XlsxWriter's names), None for the default style."""
        key = tuple(sorted((k, v) for k, v in properties.items() if v))
        if not key:
            return None
        made = self._made.get(key)
        if made is None:
            made = self._made[key] = self._wb.add_format(dict(key))
        return made

    def number(self, number_format: str) -> Format | None:
        """`self(num_format=number_format)`, looked up faster: it is asked for every cell."""
        if number_format not in self._numbers:
            self._numbers[number_format] = self(num_format=number_format)
        return self._numbers[number_format]


def put_text(ws: Worksheet, row: int, col: int, text: str, fmt: Format | None = None) -> None:
    if not text:  # no cell, or a blank one with its format, rather than an empty string
        ws.write_blank(row, col, None, fmt)
        return
    # write_string: never a formula, URL, number or error, whatever the text says
    ws.write_string(row, col, clean_text(text)[:MAX_TEXT], fmt)


def excel_number(value: Decimal) -> Decimal | None:
    """`value` as the cell's number (its exact decimal text as a Decimal, which XlsxWriter
    prints exactly), or None when Excel would round it: more than 15 significant digits."""
    if not value.is_finite():
        return None
    text = decimal_text(value)
    if len(text.lstrip("-").replace(".", "").strip("0")) > EXCEL_DIGITS:  # significant digits
        return None
    return Decimal(text)


def put_number(
    ws: Worksheet,
    row: int,
    col: int,
    value: Decimal,
    fmt: Format | None = None,
    text_fmt: Format | None = None,
) -> bool:
    """A numeric cell holding exactly `value`, in `fmt`; text (in `text_fmt`) if Excel would
    round it. True when it is a number."""
    number = excel_number(value)
    if number is None:
        ws.write_string(row, col, decimal_text(value), text_fmt)
        return False
    ws.write_number(row, col, number, fmt)  # type: ignore[arg-type]  # a Decimal, on purpose
    return True


def put_value(
    ws: Worksheet, row: int, col: int, value: object, styles: Styles, number_format: str = ""
) -> None:
    """Dispatch on type for the list sheets (Facts, Checks, About)."""
    if value is None:
        return
    if isinstance(value, bool):
        ws.write_boolean(row, col, value)
    elif isinstance(value, Decimal):
        put_number(ws, row, col, value, styles.number(number_format))
    elif isinstance(value, int):
        put_number(ws, row, col, Decimal(value), styles.number(number_format))
    elif isinstance(value, date):
        ws.write_datetime(row, col, value, styles.number(DATE_FORMAT))
    else:
        put_text(ws, row, col, str(value))


def set_width(ws: Worksheet, col: int, characters: int) -> None:
    """Column `col` `characters` wide, as Excel counts them (see DIGIT_PIXELS)."""
    ws.set_column_pixels(col, col, DIGIT_PIXELS * characters)


def _places(cell: Cell) -> int:
    match = _FRACTION.search(cell.text)
    return len(match.group(1)) if match else 0


def is_per_share(row: Row, units: Iterable[Unit | None]) -> bool:
    """A per-share row: a fact on it is in USD/shares, or a figure is printed as "$.09"."""
    if Unit.USD_PER_SHARE in units:
        return True
    return any(c is not None and not c.percent and _places(c) == 2 for c in row.cells)


def cell_format(cell: Cell, per_share: bool) -> str:
    """The number format for one printed figure: amount, per-share or percent."""
    places = _places(cell)
    if per_share and not cell.percent:
        zeros = "0" * max(places, 2)
        fmt = PER_SHARE_FORMAT.format(zeros=zeros)
        return fmt + ';"–"' if cell.dash else fmt
    frac = "." + "0" * places if places else ""
    if cell.percent:
        return f'#,##0{frac}"%";(#,##0{frac}"%");"–"'
    return AMOUNT_FORMAT.format(frac=frac)


# --- statement sheets -----------------------------------------------------------


def _fact_units(filing: Filing) -> dict[tuple[int, int, int], Unit]:
    # a figure inside a label (parenthetical) is not the unit of the row's own amounts
    return {
        (f.statement_index, f.row_index, f.column_index): f.unit for f in filing.facts if not f.parenthetical
    }


def _write_row(
    ws: Worksheet,
    at: int,
    row: Row,
    statement: Statement,
    units: dict[tuple[int, int, int], Unit],
    styles: Styles,
) -> None:
    total = row.role is RowRole.TOTAL
    indent = min(max(row.depth, 0), 15)
    put_text(ws, at, 0, row.label, styles(indent=indent, bold=total, italic=row.generated_label))
    # facts name columns by Column.index; cells are positional, like statement.columns
    keys = [(statement.index, row.index, c.index) for c in statement.columns]
    per_share = is_per_share(row, (units.get(k) for k in keys))
    # the release printed a rule above the figures: a thin top border
    top = 1 if total or row.rule_above else 0
    for pos, printed in enumerate(row.cells):
        if printed is None:
            continue
        fmt = styles(num_format=cell_format(printed, per_share), bold=total, top=top)
        put_number(ws, at, pos + 1, printed.value, fmt, fmt)


def _layout(ws: Worksheet, statement: Statement, value_columns: int) -> None:
    widest = max((len(r.label) + 2 * r.depth for r in statement.rows), default=20)
    set_width(ws, 0, min(max(widest + 2, 20), 60))
    for pos in range(value_columns):
        printed = (r.cells[pos] for r in statement.rows if pos < len(r.cells))
        texts = [c.text for c in printed if c is not None]
        set_width(ws, pos + 1, max(14, max((len(t) + 3 for t in texts), default=0)))
    ws.set_row(HEADER_ROW - 1, 45)  # three wrapped lines of heading
    ws.freeze_panes(HEADER_ROW, 1)
    ws.repeat_rows(0, HEADER_ROW - 1)
    ws.repeat_columns(0, 0)
    ws.fit_to_pages(1, 0)
    if value_columns > 4:
        ws.set_landscape()
    else:
        ws.set_portrait()


def statement_sheet(
    wb: Workbook,
    styles: Styles,
    statement: Statement,
    position: int,
    units: dict[tuple[int, int, int], Unit],
) -> None:
    ws = wb.add_worksheet(sheet_name(statement, position))
    title = statement.title or _SHEET_TITLES[statement.kind]
    if statement.qualifier:
        title = f"{title} ({statement.qualifier})"
    put_text(ws, 0, 0, title, styles(bold=True, font_size=12))
    has_shares = any(u is Unit.SHARES for (s, _, _), u in units.items() if s == statement.index)
    put_text(ws, 1, 0, scale_heading(statement, has_shares))
    if statement.scale_text:
        put_text(ws, 2, 0, statement.scale_text, styles(italic=True))
    value_columns = max([len(statement.columns)] + [len(r.cells) for r in statement.rows])
    heading = styles(bold=True, align="center", valign="bottom", text_wrap=True)
    for pos in range(value_columns):
        text = period_heading(statement.columns[pos]) if pos < len(statement.columns) else ""
        put_text(ws, HEADER_ROW - 1, pos + 1, text, heading)
    for offset, row in enumerate(statement.rows):
        _write_row(ws, HEADER_ROW + offset, row, statement, units, styles)
    _layout(ws, statement, value_columns)


# --- list sheets ----------------------------------------------------------------


def fact_record(f: Fact) -> tuple[object, ...]:
    return (
        f.id,
        f.concept,
        f.label,
        str(f.statement),
        f.period.start,
        f.period.end,
        str(f.unit),
        f.value,
        f.decimals,
        f.negated,
        f.custom,
        f.source.line,
    )


def check_records(filing: Filing) -> Iterable[tuple[object, ...]]:
    for finding in filing.findings:
        line = finding.source.line if finding.source else None
        head = (str(finding.severity), finding.code, finding.message, line)
        c = finding.check
        if c is None:
            yield head + (None,) * 8
        else:
            yield head + (
                c.rule,
                c.total,
                " ".join(c.components),
                c.period.start,
                c.period.end,
                c.expected,
                c.actual,
                c.consistent,
            )


def claim_records(filing: Filing) -> Iterable[tuple[object, ...]]:
    """The prose's figures as Checks rows: stated value in `actual`, the facts' in `expected`."""
    for c in filing.claims:
        severity = "warning" if c.status is ClaimStatus.CONTRADICTED else "info"
        message = f"{c.metric or 'figure'} {c.source.text}: {c.status}"
        if c.reason:
            message += f"; {c.reason}"
        period = c.period
        yield (
            severity,
            f"claim.{c.status}",
            message,
            c.source.line,
            c.kind,
            c.concept,
            " ".join(f"line {n}" for n in c.fact_lines),
            period.start if period else None,
            period.end if period else None,
            c.expected,
            c.value,
            None if c.status is ClaimStatus.UNRESOLVED else c.status is ClaimStatus.MATCHED,
        )


def _value_format(f: Fact) -> str:
    if f.unit is Unit.USD_PER_SHARE:
        return "0.00;(0.00)"
    if f.value is not None and f.value == f.value.to_integral_value():
        return "#,##0;(#,##0)"
    return "General"


def list_sheet(
    wb: Workbook,
    styles: Styles,
    title: str,
    table: str,
    columns: Sequence[str],
    records: Iterable[tuple[object, ...]],
    number_formats: Iterable[Mapping[int, str]] = (),
    widths: Mapping[int, int] | None = None,
) -> Worksheet:
    """A sheet of records under a bold header, as an Excel Table when it has rows.

    `number_formats` gives, record by record, the format of the numbers in some columns;
    `widths` the width of some columns, in characters."""
    ws = wb.add_worksheet(title)
    bold = styles(bold=True)
    count = 0
    formats = itertools.chain(number_formats, itertools.repeat({}))
    for count, (record, by_column) in enumerate(zip(records, formats, strict=False), start=1):
        for col, value in enumerate(record):
            put_value(ws, count, col, value, styles, by_column.get(col, ""))
    if count:  # the Table writes the header row
        ws.add_table(
            0,
            0,
            count,
            len(columns) - 1,
            {
                "name": table,
                "style": "Table Style Light 9",  # banded rows only
                "columns": [{"header": name, "header_format": bold} for name in columns],
            },
        )
    else:
        for col, name in enumerate(columns):
            put_text(ws, 0, col, name, bold)
    ws.freeze_panes(1, 0)
    widths = widths or {}
    for col, name in enumerate(columns):
        set_width(ws, col, widths.get(col, max(12, len(name) + 4)))
    return ws


def facts_sheet(wb: Workbook, styles: Styles, filing: Filing) -> None:
    value_col = FACT_COLUMNS.index("value")
    list_sheet(
        wb,
        styles,
        "Facts",
        "FactsTable",
        FACT_COLUMNS,
        map(fact_record, filing.facts),
        ({value_col: _value_format(f)} for f in filing.facts),
        {0: 10, 1: 55, 2: 45},
    )


def about_sheet(wb: Workbook, styles: Styles, filing: Filing) -> None:
    e = filing.entity
    pairs: list[tuple[str, Any]] = [
        ("Source", filing.source_name),
        ("SHA-256", filing.sha256),
        ("Entity", e.name),
        ("Ticker", e.ticker),
        ("CIK", e.cik),
        ("Form", filing.form_type),
        ("Accession", filing.accession),
        ("Document date", filing.document_date),
        ("Taxonomy", filing.taxonomy),
        ("Converter", "release2xbrl"),
        ("Converter version", filing.converter_version),
        ("Format version", FORMAT_VERSION),
    ]
    ws = wb.add_worksheet("About")
    bold = styles(bold=True)
    for at, (key, value) in enumerate(pairs):
        put_text(ws, at, 0, key, bold)
        if isinstance(value, str):
            put_text(ws, at, 1, value)
        else:
            put_value(ws, at, 1, value, styles)
    set_width(ws, 0, 20)
    set_width(ws, 1, 80)


# --- workbook -------------------------------------------------------------------


def build(filing: Filing, target: BinaryIO) -> Workbook:
    """The workbook of `filing`, unsaved: its `close()` writes the xlsx to `target`."""
    from xlsxwriter import Workbook

    wb = Workbook(target, WORKBOOK_OPTIONS)
    styles = Styles(wb)
    units = _fact_units(filing)
    for position, statement in enumerate(filing.statements):
        statement_sheet(wb, styles, statement, position, units)
    facts_sheet(wb, styles, filing)
    checks = itertools.chain(check_records(filing), claim_records(filing))
    list_sheet(wb, styles, "Checks", "ChecksTable", CHECK_COLUMNS, checks)
    about_sheet(wb, styles, filing)
    # author is also lastModifiedBy; created is also modified
    wb.set_properties({"author": "release2xbrl", "created": FIXED_TIME})
    return wb


_END = struct.Struct("<4s4H2LH")  # zip end of central directory record, without comment
_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")  # zip central directory file header


def fixed_system(data: bytes) -> bytes:
    """The zip `data` with every entry "made by" MS-DOS (0), as on Windows.

    Python's zipfile records the host's system (3 on Unix) in each central directory
    header, and XlsxWriter gives no way to set it; the rest of its zip is fixed. A zip
    laid out otherwise (a comment, Zip64) is returned unchanged."""
    out = bytearray(data)
    if len(out) < _END.size:
        return data
    signature, _, _, _, count, _, at, _ = _END.unpack_from(out, len(out) - _END.size)
    if signature != b"PK\x05\x06":
        return data
    for _ in range(count):
        header = _CENTRAL.unpack_from(out, at)
        if header[0] != b"PK\x01\x02":
            return data
        out[at + 5] = 0  # the high byte of "version made by": the system
        name, extra, comment = header[12:15]
        at += _CENTRAL.size + name + extra + comment
    return bytes(out)


class XlsxExporter:
    name = "xlsx"
    suffix = ".xlsx"

    @gc_paused
    def write(self, filing: Filing, stream: BinaryIO) -> None:
        raw = io.BytesIO()
        build(filing, raw).close()
        stream.write(fixed_system(raw.getvalue()))
