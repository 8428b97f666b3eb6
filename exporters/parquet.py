"""`--to parquet`: one row per fact, shaped after the SEC Financial Statement Data Sets.

The columns follow FSDS's `num`/`pre` tables where they have a counterpart
(`ddate`, `qtrs`, `line`, `label`, `custom`), plus what FSDS leaves out for a
release: the period bounds, the printed source position and the sign flip.

- `value` is `decimal128(38, 6)`: 32 integer digits, 6 fractional digits. A value
  that does not fit raises `ValueError`; digits are never dropped.
- `ddate` is the month end the period ends at, FSDS-style: the last day of the
  end's month, unless the end falls on the 1st to 7th of a month, when it is the
  last day of the month before. 52/53-week fiscal periods end within a week of
  a month end ("December 1, 2001" -> 2001-11-30, "July 3, 2004" -> 2004-06-30).
- `qtrs` is 0 for an instant, else the length in quarters rounded half up:
  months / 3 when the months were printed, weeks / 13 when the weeks were, else
  days / 91.3125.
- Repeating strings are dictionary-encoded; the file's key-value metadata holds
  the format version, taxonomy and converter version. Nothing depends on the
  clock, so the same filing gives the same bytes.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any, BinaryIO

from converter.model import Fact, Filing, Period, Row
from exporters.base import gc_paused
from exporters.json_doc import FORMAT_VERSION

if TYPE_CHECKING:
    import pyarrow as pa

PRECISION, SCALE = 38, 6
COMPRESSION = "zstd"
METADATA_PREFIX = "release2xbrl."


def month_end(d: date) -> date:
    return d.replace(day=calendar.monthrange(d.year, d.month)[1])


def ddate(p: Period) -> date:
    """The month end a period ends at (see the module docstring)."""
    if p.end.day <= 7:
        return p.end.replace(day=1) - timedelta(days=1)
    return month_end(p.end)


def qtrs(p: Period) -> int:
    """0 for an instant, else the length in quarters, rounded half up."""
    if p.start is None:
        return 0
    if p.months is not None:
        return (2 * p.months + 3) // 6
    if p.weeks is not None:
        return (2 * p.weeks + 13) // 26
    days = (p.end - p.start).days + 1
    return (32 * days + 1461) // 2922  # round(days / (365.25 / 4))


def exact_value(value: Decimal | None, fact_id: str) -> Decimal | None:
    """`value` with exactly 6 decimal places if decimal128(38, 6) holds it, else ValueError.

    Works on the digit tuple, so the answer does not depend on the decimal context.
    """
    if value is None:
        return None
    if not value.is_finite():
        raise ValueError(f"fact {fact_id}: {value} is not a finite number")
    sign, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int)
    dropped = -SCALE - exponent  # digits below the 6th decimal place
    if dropped > 0:
        if any(digits[-dropped:]):
            raise ValueError(f"fact {fact_id}: {value} has more than {SCALE} decimal places")
        digits, exponent = digits[:-dropped], -SCALE
    digits = digits[next((i for i, d in enumerate(digits) if d), len(digits)) :]
    if digits and len(digits) + exponent > PRECISION - SCALE:
        raise ValueError(
            f"fact {fact_id}: {value} has more than {PRECISION - SCALE} integer digits"
        )
    # the same number with exactly SCALE decimal places, which Arrow takes as is
    return Decimal((sign, digits + (0,) * (exponent + SCALE) or (0,), -SCALE))


def schema(filing: Filing) -> pa.Schema:
    import pyarrow as pa

    text = pa.dictionary(pa.int32(), pa.string())
    fields = [
        ("fact_id", pa.string()),
        ("source_sha256", text),
        ("accession", text),
        ("cik", text),
        ("form", text),
        ("entity_name", text),
        ("ticker", text),
        ("document_date", pa.date32()),
        ("statement", text),
        ("statement_index", pa.int32()),
        ("line", pa.int32()),
        ("depth", pa.int32()),
        ("label", pa.string()),
        ("concept", text),
        ("taxonomy", text),
        ("custom", pa.bool_()),
        ("period_type", text),
        ("period_start", pa.date32()),
        ("period_end", pa.date32()),
        ("ddate", pa.date32()),
        ("qtrs", pa.int32()),
        ("unit", text),
        ("value", pa.decimal128(PRECISION, SCALE)),
        ("decimals", pa.int32()),
        ("negated", pa.bool_()),
        ("parenthetical", pa.bool_()),
        ("source_line", pa.int32()),
        ("source_column", pa.int32()),
    ]
    not_null = {
        "fact_id",
        "source_sha256",
        "statement",
        "statement_index",
        "line",
        "label",
        "concept",
        "custom",
        "period_type",
        "period_end",
        "ddate",
        "qtrs",
        "unit",
        "decimals",
        "negated",
        "parenthetical",
        "source_line",
        "source_column",
    }
    metadata = {
        f"{METADATA_PREFIX}format_version": FORMAT_VERSION,
        f"{METADATA_PREFIX}taxonomy": filing.taxonomy,
        f"{METADATA_PREFIX}converter_version": filing.converter_version,
    }
    return pa.schema(
        [pa.field(n, t, nullable=n not in not_null) for n, t in fields], metadata=metadata
    )


def record(filing: Filing, fact: Fact, rows: dict[tuple[int, int], Row]) -> dict[str, Any]:
    row = rows.get((fact.statement_index, fact.row_index))
    p = fact.period
    return {
        "fact_id": fact.id,
        "source_sha256": filing.sha256,
        "accession": filing.accession,
        "cik": filing.entity.cik,
        "form": filing.form_type,
        "entity_name": filing.entity.name,
        "ticker": filing.entity.ticker,
        "document_date": filing.document_date,
        "statement": str(fact.statement),
        "statement_index": fact.statement_index,
        "line": fact.row_index,
        "depth": row.depth if row is not None else None,
        "label": fact.label,
        "concept": fact.concept,
        "taxonomy": filing.taxonomy,
        "custom": fact.custom,
        "period_type": "instant" if p.is_instant else "duration",
        "period_start": p.start,
        "period_end": p.end,
        "ddate": ddate(p),
        "qtrs": qtrs(p),
        "unit": str(fact.unit),
        "value": exact_value(fact.value, fact.id),
        "decimals": fact.decimals,
        "negated": fact.negated,
        "parenthetical": fact.parenthetical,
        "source_line": fact.source.line,
        "source_column": fact.source.column,
    }


def table(filing: Filing) -> pa.Table:
    import pyarrow as pa

    rows = {(s.index, r.index): r for s in filing.statements for r in s.rows}
    records = [record(filing, f, rows) for f in filing.facts]
    return pa.Table.from_pylist(records, schema=schema(filing))


class ParquetExporter:
    name = "parquet"
    suffix = ".parquet"

    @gc_paused
    def write(self, filing: Filing, stream: BinaryIO) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        sink = pa.BufferOutputStream()
        pq.write_table(table(filing), sink, compression=COMPRESSION)
        stream.write(sink.getvalue().to_pybytes())
