"""The xlsx exporter, read back with openpyxl (and LibreOffice when it is installed)."""

from __future__ import annotations

import dataclasses
import io
import re
import shutil
import subprocess
import zipfile
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from converter.model import Column, Filing, Period, Statement
from exporters.dump import numeric_texts
from exporters.xlsx import (
    FACT_COLUMNS,
    XlsxExporter,
    clean_text,
    period_heading,
    sheet_name,
)

BS, IS = "1 Balance Sheet", "2 Income Statement"


def render(filing: Filing) -> bytes:
    out = io.BytesIO()
    XlsxExporter().write(filing, out)
    return out.getvalue()


@pytest.fixture
def data(filing: Filing) -> bytes:
    return render(filing)


@pytest.fixture
def wb(data: bytes) -> Any:
    return load_workbook(io.BytesIO(data))


def test_sheets(wb: Any) -> None:
    assert wb.sheetnames == [BS, IS, "Facts", "Checks", "About"]


def test_figures_are_exact_numbers_in_the_printed_scale(data: bytes, filing: Filing) -> None:
    numbers = numeric_texts(data)
    for position, statement in enumerate(filing.statements):
        sheet = numbers[sheet_name(statement, position)]
        for offset, row in enumerate(statement.rows, start=5):
            for col, cell in enumerate(row.cells, start=2):
                ref = f"{get_column_letter(col)}{offset}"
                if cell is None:
                    assert ref not in sheet
                else:
                    assert Decimal(sheet[ref]) == cell.value, ref


def test_layout(wb: Any) -> None:
    ws = wb[IS]
    assert ws["A1"].value == "Consolidated Statements of Operations"
    assert ws["A2"].value == "In thousands of USD"
    assert ws["A3"].value == "(In thousands, except per share data)"
    assert [ws.cell(4, c).value for c in (2, 3, 4)] == [
        "Three Months Ended Nov 30, 2002",
        "Twelve Months Ended Nov 30, 2002",
        "52 Weeks Ended Dec 1, 2001",
    ]
    assert ws.freeze_panes == "B5"
    assert ws["A5"].alignment.indent == 1
    assert ws.column_dimensions["A"].width >= 20
    assert ws.page_setup.fitToWidth in (None, 1)  # 1 page wide; 1 is the default, left out
    assert ws.page_setup.fitToHeight == 0  # as many pages tall as it takes
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.page_setup.orientation == "portrait"


def test_number_formats(wb: Any) -> None:
    bs, inc = wb[BS], wb[IS]
    assert bs["B6"].number_format == '#,##0;(#,##0);"–"'
    assert bs["B8"].value == 0  # a dash: zero, shown as "–"
    assert inc["B10"].number_format == "0.00;(0.00)"  # per share
    assert inc["D10"].number_format == '0.00;(0.00);"–"'  # a dash on a per-share row
    assert inc["B6"].value == -340  # printed sign kept


def test_totals_bold_with_rule(wb: Any) -> None:
    ws = wb[BS]
    assert ws["A9"].font.b and ws["B9"].font.b and ws["C9"].font.b
    assert ws["B9"].border.top.style == "thin"
    assert not ws["B6"].font.b and ws["B6"].border.top.style is None


def test_facts_table(wb: Any, data: bytes, filing: Filing) -> None:
    ws = wb["Facts"]
    (table,) = ws.tables.values()
    last = get_column_letter(len(FACT_COLUMNS))
    assert table.ref == f"A1:{last}{len(filing.facts) + 1}"
    assert [c.name for c in table.tableColumns] == list(FACT_COLUMNS)
    assert ws.freeze_panes == "A2"
    assert [ws.column_dimensions[c].width for c in "ABCE"] == [10, 55, 45, 16]  # characters
    numbers = numeric_texts(data)["Facts"]
    for at, fact in enumerate(filing.facts, start=2):
        assert ws[f"A{at}"].value == fact.id
        assert ws[f"F{at}"].value == datetime.combine(fact.period.end, datetime.min.time())
        assert ws[f"F{at}"].is_date
        assert Decimal(numbers[f"H{at}"]) == fact.value
        assert ws[f"J{at}"].value is fact.negated and ws[f"K{at}"].value is fact.custom


def test_checks_and_about(wb: Any) -> None:
    checks = wb["Checks"]
    assert [checks.cell(2, c).value for c in (1, 2, 5, 6)] == [
        "info",
        "calc.consistent",
        "calculation",
        "us-gaap:AssetsCurrent",
    ]
    assert checks["L2"].value is True
    about = {r[0].value: r[1].value for r in wb["About"].iter_rows()}
    assert about["SHA-256"] == "0" * 63 + "1"
    assert about["Entity"] == "Innovo Group Inc"
    assert about["Document date"] == datetime(2003, 2, 13)
    assert about["Converter version"] == "0.1.0"


@pytest.mark.parametrize("text", ["=SUM(A1)", "+1", "-2", "@x", "=1+1", "#N/A", "#REF!"])
def test_formula_like_text_stays_text(filing: Filing, text: str) -> None:
    statement = filing.statements[0]
    row = dataclasses.replace(statement.rows[1], label=text)
    changed = dataclasses.replace(
        statement, rows=(statement.rows[0], row, *statement.rows[2:]), title=text, scale_text=text
    )
    wb = load_workbook(
        io.BytesIO(render(dataclasses.replace(filing, statements=(changed, filing.statements[1]))))
    )
    ws = wb[BS]
    for ref in ("A1", "A3", "A6"):
        assert ws[ref].data_type == "s" and ws[ref].value == text


def test_control_characters_replaced(wb: Any) -> None:
    assert wb[IS]["A9"].value == "Bell\ufffdlabel"
    assert clean_text("a\x00b\x0cc\td\ne\ud800") == "a\ufffdb\ufffdc\td\ne\ufffd"


def test_sheet_names_unique_and_valid(filing: Filing) -> None:
    many = tuple(dataclasses.replace(filing.statements[i % 2], index=i) for i in range(12))
    wb = load_workbook(io.BytesIO(render(dataclasses.replace(filing, statements=many))))
    names = wb.sheetnames
    assert len(set(names)) == len(names) == 15
    for name in names:
        assert len(name) <= 31 and not re.search(r"[\[\]:*?/\\]", name)


def test_wide_table_prints_landscape(filing: Filing) -> None:
    statement = filing.statements[1]
    extra = tuple(dataclasses.replace(statement.columns[0], index=i) for i in range(3, 6))
    wide = dataclasses.replace(statement, columns=statement.columns + extra)
    wb = load_workbook(
        io.BytesIO(render(dataclasses.replace(filing, statements=(filing.statements[0], wide))))
    )
    assert wb[IS].page_setup.orientation == "landscape"


def test_more_digits_than_excel_holds_become_text(filing: Filing) -> None:
    fact = dataclasses.replace(filing.facts[0], value=Decimal("1234567890123456789"))
    data = render(dataclasses.replace(filing, facts=(fact,)))
    ws = load_workbook(io.BytesIO(data))["Facts"]
    assert ws["H2"].data_type == "s" and ws["H2"].value == "1234567890123456789"


# a float's ".16G" prints 8.62 as 8.619999999999999 and 70039.1 as 70039.10000000001
EXACT = ("0.1", "12345678901234.5", "8.62", "70039.1", "-0.12", "123456789012345", "1E+3", "2.50")


def test_numbers_are_the_decimals_exact_text(filing: Filing) -> None:
    facts = tuple(
        dataclasses.replace(filing.facts[0], value=Decimal(v), id=f"f{i}") for i, v in enumerate(EXACT)
    )
    numbers = numeric_texts(render(dataclasses.replace(filing, facts=facts)))["Facts"]
    assert [numbers[f"H{at}"] for at in range(2, 2 + len(EXACT))] == [
        "0.1", "12345678901234.5", "8.62", "70039.1", "-0.12", "123456789012345", "1000", "2.5"
    ]  # fmt: skip


def test_text_stays_as_written(filing: Filing) -> None:
    texts = ("_x0041_", "http://example.com/a", "123", "1E5", " padded ", "x" * 40000)
    rows = tuple(
        dataclasses.replace(filing.statements[0].rows[1], label=text, index=i) for i, text in enumerate(texts)
    )
    statement = dataclasses.replace(filing.statements[0], rows=rows)
    data = render(dataclasses.replace(filing, statements=(statement,)))
    ws = load_workbook(io.BytesIO(data))[BS]
    for at, text in enumerate(texts, start=5):
        assert ws[f"A{at}"].data_type == "s" and ws[f"A{at}"].value == text[:32767]
        assert ws[f"A{at}"].hyperlink is None
    with zipfile.ZipFile(io.BytesIO(data)) as z:  # Excel would read a bare _x0041_ as "A"
        assert b"<t>_x005F_x0041_</t>" in z.read("xl/sharedStrings.xml")


def test_repeated_runs_are_byte_identical(filing: Filing, data: bytes) -> None:
    assert render(filing) == data


@pytest.mark.parametrize(
    ("period", "header", "expected"),
    [
        (Period(date(2002, 11, 30)), "x", "Nov 30, 2002"),
        (
            Period(date(2002, 11, 30), date(2002, 9, 1), months=3),
            "x",
            "Three Months Ended Nov 30, 2002",
        ),
        (
            Period(date(2002, 11, 30), date(2002, 11, 1), months=1),
            "x",
            "One Month Ended Nov 30, 2002",
        ),
        (Period(date(2004, 7, 3), date(2004, 4, 4), weeks=13), "x", "13 Weeks Ended Jul 3, 2004"),
        (Period(date(2002, 11, 30), date(2002, 1, 15)), "x", "Jan 15, 2002 to Nov 30, 2002"),
        (None, "Fiscal 2002", "Fiscal 2002"),
    ],
)
def test_period_heading(period: Period | None, header: str, expected: str) -> None:
    assert period_heading(Column(0, header, period)) == expected


def test_zip_entries_have_fixed_times_and_system(data: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert {i.create_system for i in z.infolist()} == {0}  # the same on every platform


def test_document_properties_are_fixed(wb: Any) -> None:
    props = wb.properties
    assert props.creator == "release2xbrl"
    assert props.created == props.modified == datetime(2000, 1, 1)


def test_empty_statement(filing: Filing) -> None:
    bare = Statement(0, filing.statements[0].kind, "", 0, "", (), (), filing.statements[0].source, 1)
    wb = load_workbook(io.BytesIO(render(dataclasses.replace(filing, statements=(bare,)))))
    assert wb[BS]["A1"].value == "Balance Sheet"


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_libreoffice_opens_it(tmp_path: Path, data: bytes) -> None:
    source = tmp_path / "filing.xlsx"
    source.write_bytes(data)
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--headless",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    income = (tmp_path / "filing-2 Income Statement.csv").read_text(encoding="utf-8")
    assert "=SUM(A1)" in (tmp_path / "filing-1 Balance Sheet.csv").read_text(encoding="utf-8")
    assert "5,120" in income and "(340)" in income and "0.09" in income
