"""`--to xlsx`: a workbook laid out like the release, plus Facts, Checks and About sheets.

Each statement gets a sheet with its labels indented by depth, one column per
printed period and the figures as numbers in the printed scale, so the sheet
reads like the release and still adds up. `Facts` is an Excel Table with one
row per fact in full units, for filtering and pivoting. `Checks` lists the findings,
then each figure of the prose with its reconciliation (`claim.matched`,
`claim.contradicted`, `claim.unresolved`: the stated value in `actual`, the facts' in
`expected`).

Three rules hold for every cell:
- Text from the release is always a string cell, never a formula: openpyxl
  turns "=..." into a formula and "#N/A" into an error unless told otherwise.
- Numbers are written from their exact decimal text, never through a float
  (openpyxl formats Decimals with "%.16g"). A value with more than 15
  significant digits, which Excel cannot hold, is written as text instead.
- The bytes depend on the filing only: fixed document properties and fixed
  zip entry times.
"""

from __future__ import annotations

import io
import itertools
import re
import zipfile
from collections.abc import Iterable, Sequence
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
from exporters.json_doc import FORMAT_VERSION, decimal_text

if TYPE_CHECKING:
    from openpyxl.cell.cell import Cell as XlCell
    from openpyxl.workbook.workbook import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

FIXED_TIME = datetime(2000, 1, 1)
ZIP_TIME = (2000, 1, 1, 0, 0, 0)
EXCEL_DIGITS = 15  # significant digits an Excel number holds exactly
MAX_TEXT = 32767  # characters of a cell's text: openpyxl cuts what is longer
HEADER_ROW = 4  # title, scale, printed scale text, then the column headers
AMOUNT_FORMAT = '#,##0{frac};(#,##0{frac});"–"'
PER_SHARE_FORMAT = "0.{zeros};(0.{zeros})"
DATE_FORMAT = "yyyy-mm-dd"

# XML 1.0 forbids these; openpyxl raises on the C0 ones. Replaced, not dropped,
# so a reader can see that something was there.
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


def _store(cell: XlCell, text: str, data_type: str) -> XlCell:
    """Give the cell `text` as its value, of `data_type`: what openpyxl's value setter keeps
    of a string (cut to Excel's length), without its checks for what `clean_text` removed."""
    cell._value = text[:MAX_TEXT]
    cell.data_type = data_type
    return cell


def put_text(ws: Worksheet, row: int, col: int, text: str) -> XlCell:
    # never "f" (formula) or "e" (error), whatever the text says
    return _store(ws.cell(row=row, column=col), clean_text(text), "s")


def put_number(ws: Worksheet, row: int, col: int, value: Decimal) -> XlCell:
    """A numeric cell holding exactly `value`'s decimal text; text if Excel would round it."""
    cell = ws.cell(row=row, column=col)
    text = decimal_text(value)
    if len(text.lstrip("-").replace(".", "").strip("0")) > EXCEL_DIGITS:  # significant digits
        return _store(cell, text, "s")
    return _store(cell, text, "n")  # the writer emits a string _value verbatim as <v>


def put_value(ws: Worksheet, row: int, col: int, value: object) -> XlCell | None:
    """Dispatch on type for the list sheets (Facts, Checks, About)."""
    if value is None:
        return None
    if isinstance(value, bool):
        cell = ws.cell(row=row, column=col, value=value)
    elif isinstance(value, Decimal):
        cell = put_number(ws, row, col, value)
    elif isinstance(value, int):
        cell = put_number(ws, row, col, Decimal(value))
    elif isinstance(value, date):
        cell = ws.cell(row=row, column=col, value=value)
        cell.number_format = DATE_FORMAT
    else:
        cell = put_text(ws, row, col, str(value))
    return cell


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
    return {(f.statement_index, f.row_index, f.column_index): f.unit for f in filing.facts
            if not f.parenthetical}


def _write_row(
    ws: Worksheet, at: int, row: Row, statement: Statement, units: dict[tuple[int, int, int], Unit]
) -> None:
    from openpyxl.styles import Alignment, Border, Font, Side

    total = row.role is RowRole.TOTAL
    label = put_text(ws, at, 1, row.label)
    label.alignment = Alignment(indent=min(max(row.depth, 0), 15))
    if total or row.generated_label:
        label.font = Font(bold=total, italic=row.generated_label)
    # facts name columns by Column.index; cells are positional, like statement.columns
    keys = [(statement.index, row.index, c.index) for c in statement.columns]
    per_share = is_per_share(row, (units.get(k) for k in keys))
    for pos, printed in enumerate(row.cells):
        if printed is None:
            continue
        cell = put_number(ws, at, pos + 2, printed.value)
        cell.number_format = cell_format(printed, per_share)
        if total:
            cell.font = Font(bold=True)
        if total or row.rule_above:  # the release printed a rule above the figures
            cell.border = Border(top=Side(style="thin"))


def _layout(ws: Worksheet, statement: Statement, value_columns: int) -> None:
    from openpyxl.utils import get_column_letter

    widest = max((len(r.label) + 2 * r.depth for r in statement.rows), default=20)
    ws.column_dimensions["A"].width = min(max(widest + 2, 20), 60)
    for pos in range(value_columns):
        printed = (r.cells[pos] for r in statement.rows if pos < len(r.cells))
        texts = [c.text for c in printed if c is not None]
        ws.column_dimensions[get_column_letter(pos + 2)].width = max(
            14, max((len(t) + 3 for t in texts), default=0)
        )
    ws.row_dimensions[HEADER_ROW].height = 45  # three wrapped lines of heading
    ws.freeze_panes = ws.cell(row=HEADER_ROW + 1, column=2)
    ws.print_title_rows = f"1:{HEADER_ROW}"
    ws.print_title_cols = "A:A"
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.page_setup.orientation = "landscape" if value_columns > 4 else "portrait"


def statement_sheet(
    wb: Workbook, statement: Statement, position: int, units: dict[tuple[int, int, int], Unit]
) -> None:
    from openpyxl.styles import Alignment, Font

    ws = wb.create_sheet(sheet_name(statement, position))
    title = statement.title or _SHEET_TITLES[statement.kind]
    if statement.qualifier:
        title = f"{title} ({statement.qualifier})"
    put_text(ws, 1, 1, title).font = Font(bold=True, size=12)
    has_shares = any(u is Unit.SHARES for (s, _, _), u in units.items() if s == statement.index)
    put_text(ws, 2, 1, scale_heading(statement, has_shares))
    if statement.scale_text:
        put_text(ws, 3, 1, statement.scale_text).font = Font(italic=True)
    value_columns = max([len(statement.columns)] + [len(r.cells) for r in statement.rows])
    for pos in range(value_columns):
        heading = period_heading(statement.columns[pos]) if pos < len(statement.columns) else ""
        cell = put_text(ws, HEADER_ROW, pos + 2, heading)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="bottom", wrap_text=True)
    for offset, row in enumerate(statement.rows, start=1):
        _write_row(ws, HEADER_ROW + offset, row, statement, units)
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
    title: str,
    table: str,
    columns: Sequence[str],
    records: Iterable[tuple[object, ...]],
) -> Worksheet:
    """A sheet of records under a bold header, as an Excel Table when it has rows."""
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.table import Table, TableStyleInfo

    ws = wb.create_sheet(title)
    for col, name in enumerate(columns, start=1):
        put_text(ws, 1, col, name).font = Font(bold=True)
    count = 0
    for count, record in enumerate(records, start=1):
        for col, value in enumerate(record, start=1):
            put_value(ws, count + 1, col, value)
    last = get_column_letter(len(columns))
    if count:
        t = Table(displayName=table, ref=f"A1:{last}{count + 1}")
        t.tableStyleInfo = TableStyleInfo(name="TableStyleLight9", showRowStripes=True)
        ws.add_table(t)
    ws.freeze_panes = "A2"
    for col, name in enumerate(columns, start=1):
        ws.column_dimensions[get_column_letter(col)].width = max(12, len(name) + 4)
    return ws


def facts_sheet(wb: Workbook, filing: Filing) -> None:
    ws = list_sheet(wb, "Facts", "FactsTable", FACT_COLUMNS, map(fact_record, filing.facts))
    value_col = FACT_COLUMNS.index("value") + 1
    for at, fact in enumerate(filing.facts, start=2):
        cell = ws.cell(row=at, column=value_col)
        if cell.data_type == "n":
            cell.number_format = _value_format(fact)
    for letter, width in (("A", 10), ("B", 55), ("C", 45)):
        ws.column_dimensions[letter].width = width


def about_sheet(wb: Workbook, filing: Filing) -> None:
    from openpyxl.styles import Font

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
    ws = wb.create_sheet("About")
    for at, (key, value) in enumerate(pairs, start=1):
        put_text(ws, at, 1, key).font = Font(bold=True)
        if isinstance(value, str):
            put_text(ws, at, 2, value)
        else:
            put_value(ws, at, 2, value)
    ws.column_dimensions["A"].width = 20
    ws.column_dimensions["B"].width = 80


# --- workbook -------------------------------------------------------------------


def build(filing: Filing) -> Workbook:
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    units = _fact_units(filing)
    for position, statement in enumerate(filing.statements):
        statement_sheet(wb, statement, position, units)
    facts_sheet(wb, filing)
    checks = itertools.chain(check_records(filing), claim_records(filing))
    list_sheet(wb, "Checks", "ChecksTable", CHECK_COLUMNS, checks)
    about_sheet(wb, filing)
    wb.active = 0
    props = wb.properties
    props.creator = "release2xbrl"
    props.lastModifiedBy = "release2xbrl"
    props.created = FIXED_TIME
    props.modified = FIXED_TIME
    return wb


def _fixed_entry(name: str) -> zipfile.ZipInfo:
    """A zip entry with a fixed time and attributes, whenever and wherever it is written."""
    entry = zipfile.ZipInfo(name, date_time=ZIP_TIME)
    entry.compress_type = zipfile.ZIP_DEFLATED
    entry.create_system = 0
    entry.external_attr = 0
    return entry


class FixedZip(zipfile.ZipFile):
    """A zip whose entries all get `_fixed_entry`'s time and attributes as they are written
    (openpyxl writes some entries from temporary files, which carry the clock's time)."""

    def writestr(self, zinfo_or_arcname: str | zipfile.ZipInfo, data: Any,
                 compress_type: int | None = None, compresslevel: int | None = None) -> None:
        name = getattr(zinfo_or_arcname, "filename", zinfo_or_arcname)
        super().writestr(_fixed_entry(str(name)), data)

    def write(self, filename: Any, arcname: Any = None, compress_type: int | None = None,
              compresslevel: int | None = None) -> None:
        with open(filename, "rb") as f:
            data = f.read()
        self.writestr(str(arcname if arcname is not None else filename), data)


class XlsxExporter:
    name = "xlsx"
    suffix = ".xlsx"

    def write(self, filing: Filing, stream: BinaryIO) -> None:
        from openpyxl.writer.excel import ExcelWriter

        raw = io.BytesIO()
        # ExcelWriter rather than Workbook.save, which stamps `modified` with the clock.
        with FixedZip(raw, "w", zipfile.ZIP_DEFLATED) as archive:
            ExcelWriter(build(filing), archive).save()
        stream.write(raw.getvalue())
