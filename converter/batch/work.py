"""One input's conversion, as a worker runs it: bytes in, the bytes of its outputs out.

`run(task)` never raises for a bad input: the error becomes part of the `Outcome`,
so one broken file among thousands costs one row of the errors table. It returns
bytes, not a `Filing`, so the work crosses a process or a network cheaply and the
parent only writes files.
"""

from __future__ import annotations

import hashlib
import posixpath
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pyarrow as pa

    from converter.model import Filing

DATASET = "parquet"  # the format that goes to the partitioned dataset, not to a file per input
SOURCE_PATH = "source_path"  # the column the dataset adds to the exporter's: the input's key
INTERNAL = "internal"  # the code of a failure that is a bug, not the input's fault


@dataclass(frozen=True, slots=True)
class Task:
    key: str
    data: bytes
    formats: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one input: its outputs, or why there are none."""

    key: str
    sha256: str
    facts: int = 0
    year: int | None = None  # of the document date, else of the fiscal year end
    part: bytes | None = None  # the dataset's part file, when parquet was asked for
    files: tuple[tuple[str, bytes], ...] = ()  # other formats: path in the output folder, bytes
    error: str | None = None  # the error's class name when the input failed
    code: str = ""
    line: int | None = None
    message: str = ""

    @property
    def failed(self) -> bool:
        return self.error is not None


def output_name(key: str, suffix: str) -> str:
    """Where an input's output goes in the output folder: its key with the format's suffix."""
    folder, name = posixpath.split(key)
    stem = name.rsplit(".", 1)[0] if "." in name.lstrip(".") else name
    return posixpath.join(folder, stem + suffix)


def part_table(filing: Filing, key: str) -> pa.Table:
    """The exporter's table with the input's key added, so rows say which file they are from."""
    import pyarrow as pa

    from exporters.parquet import table

    facts = table(filing)
    column = pa.DictionaryArray.from_arrays(
        pa.array([0] * facts.num_rows, pa.int32()), pa.array([key], pa.string())
    )
    return facts.append_column(pa.field(SOURCE_PATH, column.type, nullable=False), column)


def _part_bytes(filing: Filing, key: str) -> bytes:
    import pyarrow as pa
    import pyarrow.parquet as pq

    from exporters.parquet import COMPRESSION

    sink = pa.BufferOutputStream()
    pq.write_table(part_table(filing, key), sink, compression=COMPRESSION)
    return bytes(sink.getvalue().to_pybytes())


def _files(filing: Filing, key: str, formats: tuple[str, ...]) -> tuple[tuple[str, bytes], ...]:
    import io

    import exporters

    out: list[tuple[str, bytes]] = []
    for name in formats:
        if name == DATASET:
            continue
        exporter = exporters.get(name)
        stream = io.BytesIO()
        exporter.write(filing, stream)
        target = output_name(key, exporter.suffix)
        out.append((target, stream.getvalue()))
        # files an output refers to, such as an iXBRL page's extension schema, go beside it
        companions = getattr(exporter, "companions", None)
        folder = posixpath.dirname(target)
        for file_name, data in (companions(filing) if companions else {}).items():
            out.append((posixpath.join(folder, file_name), data))
    return tuple(out)


def run(task: Task) -> Outcome:
    """Convert one input and render its outputs; a failure is returned, not raised."""
    from converter.errors import ConversionError
    from converter.pipeline import convert

    sha = hashlib.sha256(task.data).hexdigest()
    try:
        filing = convert(task.data, posixpath.basename(task.key))
        year = filing.document_date or filing.fiscal_year_end
        part = _part_bytes(filing, task.key) if DATASET in task.formats and filing.facts else None
        return Outcome(
            task.key,
            sha,
            len(filing.facts),
            year.year if year else None,
            part,
            _files(filing, task.key, task.formats),
        )
    except ConversionError as err:
        message = f"{err.message} ({err.hint})" if err.hint else err.message
        return Outcome(
            task.key,
            sha,
            error=type(err).__name__,
            code=getattr(err, "code", "error"),
            line=err.line,
            message=message,
        )
    except Exception as err:  # a bug must cost one file of a batch, not the batch; it is listed
        return Outcome(
            task.key,
            sha,
            error=type(err).__name__,
            code=INTERNAL,
            message=str(err) or type(err).__name__,
        )
