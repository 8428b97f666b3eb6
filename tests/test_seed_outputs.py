"""What the issues promise about the bundled sample, checked on the real conversion."""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

import duckdb
import openpyxl
import pytest

import exporters
from converter import convert_file
from converter.model import Filing

SEED = Path(__file__).resolve().parent.parent / "golden" / "innovo-fy2002" / "release.txt"


@pytest.fixture(scope="module")
def seed() -> Filing:
    return convert_file(SEED)


def write(name: str, filing: Filing) -> bytes:
    buf = io.BytesIO()
    exporters.get(name).write(filing, buf)
    return buf.getvalue()


def test_header_facts(seed: Filing) -> None:
    assert seed.entity.name == "Innovo Group, Inc."
    assert (seed.entity.ticker, seed.entity.exchange) == ("INNO", "NASDAQ")
    assert str(seed.document_date) == "2003-03-17"
    assert str(seed.fiscal_year_end) == "2002-11-30"
    assert str(seed.prior_fiscal_year_end) == "2001-12-01"


def test_every_table_cell_is_a_fact(seed: Filing) -> None:
    table_facts = [f for f in seed.facts if not f.parenthetical]
    assert len(table_facts) == 112
    assert not [f for f in table_facts if f.custom], "the seed maps every row to us-gaap"


def test_every_calculation_adds_up(seed: Filing) -> None:
    checks = [f for f in seed.findings if f.check is not None]
    assert checks, "the seed's totals are checked"
    assert all(f.check.consistent for f in checks if f.check), [f.message for f in checks]


def test_duckdb_sums_annual_revenue(seed: Filing, tmp_path: Path) -> None:
    path = tmp_path / "release.parquet"
    path.write_bytes(write("parquet", seed))
    (total,) = duckdb.sql(
        f"SELECT SUM(value) FROM '{path}' WHERE concept = 'us-gaap:Revenues' AND qtrs = 4"
    ).fetchall()
    assert Decimal(total[0]) == Decimal(29609000 + 9292000)


def test_readme_query_rebuilds_the_income_statement(seed: Filing, tmp_path: Path) -> None:
    """The three-line DuckDB query in the README, run as printed there."""
    path = tmp_path / "release.parquet"
    path.write_bytes(write("parquet", seed))
    readme = (SEED.parent.parent.parent / "README.md").read_text(encoding="utf-8")
    query = readme.split("```sql\n", 1)[1].split("```", 1)[0].replace("release.parquet", str(path))
    result = duckdb.sql(query)
    columns = result.columns
    rows = result.fetchall()
    labels = [r[1] for r in rows]
    assert labels[0] == "Net sales" and "Net Income (loss)" in labels
    by_period = dict(zip(columns[2:], rows[0][2:], strict=True))
    assert by_period == {
        "2002-11-30 1q": Decimal(9458000),
        "2001-12-01 1q": Decimal(3546000),
        "2002-11-30 4q": Decimal(29609000),
        "2001-12-01 4q": Decimal(9292000),
    }


def test_workbook_facts_sheet_holds_every_fact(seed: Filing) -> None:
    wb = openpyxl.load_workbook(io.BytesIO(write("xlsx", seed)))
    table = wb["Facts"].tables["FactsTable"]
    first, last = table.ref.split(":")
    rows = int("".join(ch for ch in last if ch.isdigit())) - int("".join(ch for ch in first if ch.isdigit()))
    assert rows == len(seed.facts)
