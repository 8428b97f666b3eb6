"""The Parquet exporter, read back with pyarrow, DuckDB and pandas: exact decimals."""

from __future__ import annotations

import dataclasses
import io
from datetime import date
from decimal import Decimal
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from converter.model import Filing, Period
from exporters.parquet import METADATA_PREFIX, ParquetExporter, ddate, exact_value, qtrs


def render(filing: Filing) -> bytes:
    out = io.BytesIO()
    ParquetExporter().write(filing, out)
    return out.getvalue()


@pytest.fixture
def path(tmp_path: Path, filing: Filing) -> Path:
    target = tmp_path / "facts.parquet"
    target.write_bytes(render(filing))
    return target


def test_pyarrow_round_trip(path: Path, filing: Filing) -> None:
    table = pq.read_table(path)
    assert table.num_rows == len(filing.facts)
    assert table.schema.field("value").type == pa.decimal128(38, 6)
    assert table.schema.field("period_end").type == pa.date32()
    assert table.column("value").to_pylist() == [f.value for f in filing.facts]
    assert table.column("concept").to_pylist() == [f.concept for f in filing.facts]
    rows = table.to_pylist()
    eps = rows[9]
    assert eps["unit"] == "USD/shares" and eps["value"] == Decimal("-0.12")
    assert eps["period_type"] == "duration" and eps["period_start"] == date(2001, 12, 2)
    assert eps["qtrs"] == 4 and eps["ddate"] == date(2002, 11, 30)
    cash_prior = rows[1]
    assert cash_prior["period_start"] is None and cash_prior["qtrs"] == 0
    assert cash_prior["ddate"] == date(2001, 11, 30)  # Dec 1 is a 52/53-week year end
    assert rows[6]["negated"] is True and rows[7]["custom"] is True
    assert rows[0]["depth"] == 1 and rows[0]["line"] == 1
    assert rows[0]["source_line"] == 11 and rows[0]["source_column"] == 50
    assert rows[0]["accession"] == "0000950134-03-002063" and rows[0]["cik"] == "844143"


def test_dictionary_encoding(path: Path) -> None:
    schema = pq.read_schema(path)
    for name in ("concept", "unit", "statement", "period_type", "source_sha256", "taxonomy"):
        assert pa.types.is_dictionary(schema.field(name).type), name
    meta = pq.read_metadata(path)
    names = [meta.schema.column(i).name for i in range(meta.num_columns)]
    concept = meta.row_group(0).column(names.index("concept"))
    assert concept.has_dictionary_page
    assert "RLE_DICTIONARY" in concept.encodings


def test_metadata(path: Path) -> None:
    metadata = pq.read_metadata(path).metadata
    assert metadata[f"{METADATA_PREFIX}format_version".encode()] == b"1.0"
    assert metadata[f"{METADATA_PREFIX}converter_version".encode()] == b"0.1.0"
    assert metadata[f"{METADATA_PREFIX}taxonomy".encode()].startswith(b"https://xbrl.fasb.org/")
    text = b"".join(k + v for k, v in metadata.items() if k != b"ARROW:schema")
    assert b"2000-" not in text and b"T00:" not in text  # no timestamps


def test_duckdb(path: Path, filing: Filing) -> None:
    duckdb = pytest.importorskip("duckdb")
    con = duckdb.connect()
    try:
        kind = con.execute(f"SELECT typeof(value) FROM '{path}' LIMIT 1").fetchone()
        assert kind == ("DECIMAL(38,6)",)
        rows = con.execute(
            f"SELECT fact_id, value, period_end FROM '{path}' ORDER BY fact_id"
        ).fetchall()
        assert rows == [(f.id, f.value, f.period.end) for f in filing.facts]
        (total,) = con.execute(
            f"SELECT sum(value) FROM '{path}' WHERE unit = 'USD/shares'"
        ).fetchone()
        assert total == Decimal("-0.03")
    finally:
        con.close()


def test_pandas(path: Path, filing: Filing) -> None:
    pd = pytest.importorskip("pandas")
    frame = pd.read_parquet(path)
    assert list(frame["value"]) == [f.value for f in filing.facts]
    assert all(isinstance(v, Decimal) for v in frame["value"])
    assert isinstance(frame["concept"].dtype, pd.CategoricalDtype)
    assert list(frame["label"]) == [f.label for f in filing.facts]


def test_nil_fact_is_null(filing: Filing) -> None:
    fact = dataclasses.replace(filing.facts[0], value=None)
    table = pq.read_table(io.BytesIO(render(dataclasses.replace(filing, facts=(fact,)))))
    assert table.column("value").to_pylist() == [None]


@pytest.mark.parametrize("value", ["0.0000001", "1" + "0" * 32, "NaN"])
def test_value_that_does_not_fit_raises(filing: Filing, value: str) -> None:
    fact = dataclasses.replace(filing.facts[0], value=Decimal(value))
    with pytest.raises(ValueError, match="f001"):
        render(dataclasses.replace(filing, facts=(fact,)))


def test_largest_values_fit() -> None:
    for value in ("99999999999999999999999999999999.999999", "-0.000001"):
        assert exact_value(Decimal(value), "x") == Decimal(value)
    assert str(exact_value(Decimal("0E+40"), "x")) == "0.000000"


D = date
DDATES = [
    (D(2002, 11, 30), D(2002, 11, 30)),
    (D(2001, 12, 1), D(2001, 11, 30)),
    (D(2004, 7, 3), D(2004, 6, 30)),
    (D(2005, 1, 1), D(2004, 12, 31)),
    (D(2004, 7, 7), D(2004, 6, 30)),
    (D(2004, 7, 8), D(2004, 7, 31)),
    (D(2004, 2, 28), D(2004, 2, 29)),
    (D(2003, 12, 27), D(2003, 12, 31)),
]


@pytest.mark.parametrize(("end", "expected"), DDATES)
def test_ddate(end: date, expected: date) -> None:
    assert ddate(Period(end)) == expected


QTRS = [
    (Period(D(2002, 11, 30)), 0),
    (Period(D(2002, 11, 30), D(2002, 9, 1), months=3), 1),
    (Period(D(2002, 11, 30), D(2002, 6, 1), months=6), 2),
    (Period(D(2002, 11, 30), D(2002, 3, 1), months=9), 3),
    (Period(D(2002, 11, 30), D(2001, 12, 1), months=12), 4),
    (Period(D(2002, 11, 30), D(2002, 11, 1), months=1), 0),
    (Period(D(2002, 11, 30), D(2002, 10, 1), months=2), 1),
    (Period(D(2004, 7, 3), D(2004, 4, 4), weeks=13), 1),
    (Period(D(2004, 7, 3), D(2004, 1, 4), weeks=26), 2),
    (Period(D(2004, 1, 3), D(2003, 1, 5), weeks=52), 4),
    (Period(D(2004, 1, 3), D(2002, 12, 29), weeks=53), 4),
    (Period(D(2002, 12, 31), D(2002, 10, 1)), 1),
    (Period(D(2002, 12, 31), D(2002, 1, 1)), 4),
    (Period(D(2002, 12, 31), D(2002, 7, 1)), 2),
]


@pytest.mark.parametrize(("period", "expected"), QTRS)
def test_qtrs(period: Period, expected: int) -> None:
    assert qtrs(period) == expected
