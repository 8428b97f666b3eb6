"""The exporter contract, checked over every registered exporter.

Each exporter has a name and a suffix, writes non-empty bytes to any binary
stream (even one that cannot seek), writes the same bytes every time and in
every process, and carries hostile labels through as plain text.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import fixtures
import pytest
from jsonschema import Draft202012Validator

import exporters
import schemas
from converter.model import Entity, Filing
from exporters.dump import canonical_text

NAMES = exporters.names()
TESTS = Path(__file__).resolve().parent


class WriteOnly(io.RawIOBase):
    """A stream like a pipe: write() and nothing else."""

    def __init__(self) -> None:
        self.chunks: list[bytes] = []

    def writable(self) -> bool:
        return True

    def write(self, data: bytes) -> int:  # type: ignore[override]
        self.chunks.append(bytes(data))
        return len(data)


def render(name: str, filing: Filing) -> bytes:
    out = io.BytesIO()
    exporters.get(name).write(filing, out)
    return out.getvalue()


@pytest.mark.parametrize("name", NAMES)
def test_has_name_and_suffix(name: str) -> None:
    exporter = exporters.get(name)
    assert exporter.name == name
    assert exporter.suffix.startswith(".") and exporter.suffix == exporter.suffix.lower()


@pytest.mark.parametrize("name", NAMES)
def test_writes_bytes(name: str, filing: Filing) -> None:
    assert len(render(name, filing)) > 0


@pytest.mark.parametrize("name", NAMES)
def test_writes_to_unseekable_stream(name: str, filing: Filing) -> None:
    stream = WriteOnly()
    exporters.get(name).write(filing, stream)  # type: ignore[arg-type]
    assert b"".join(stream.chunks) == render(name, filing)


@pytest.mark.parametrize("name", NAMES)
def test_deterministic(name: str, filing: Filing) -> None:
    assert render(name, filing) == render(name, fixtures.filing())


@pytest.mark.parametrize("name", NAMES)
def test_empty_filing(name: str) -> None:
    empty = Filing("empty.txt", "f" * 64, "ascii", Entity())
    data = render(name, empty)
    assert data
    canonical_text(name, data)


@pytest.mark.parametrize("name", NAMES)
def test_canonical_text_is_stable(name: str, filing: Filing) -> None:
    text = canonical_text(name, render(name, filing))
    assert text.endswith("\n")
    assert text == canonical_text(name, render(name, filing))


DIGESTS = """
import hashlib, io, sys
import exporters, fixtures
for name in exporters.names():
    out = io.BytesIO()
    exporters.get(name).write(fixtures.filing(), out)
    print(name, hashlib.sha256(out.getvalue()).hexdigest())
"""


def _digests_in_subprocess(seed: str) -> str:
    env = dict(os.environ, PYTHONHASHSEED=seed)
    env["PYTHONPATH"] = os.pathsep.join(
        [str(TESTS), str(TESTS.parent), *filter(None, [os.environ.get("PYTHONPATH")])]
    )
    done = subprocess.run(
        [sys.executable, "-c", DIGESTS],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        cwd=TESTS.parent,
    )
    return done.stdout


def test_deterministic_across_processes(filing: Filing) -> None:
    """Hash seeds change set and dict-of-set order; the bytes must not change."""
    first, second = _digests_in_subprocess("1"), _digests_in_subprocess("2")
    assert first == second
    here = "".join(f"{n} {hashlib.sha256(render(n, filing)).hexdigest()}\n" for n in NAMES)
    assert first == here


# --- hostile labels -------------------------------------------------------------


def _labels_json(data: bytes) -> None:
    doc = json.loads(data)
    validator = Draft202012Validator(
        schemas.load("filing.schema.json"), format_checker=Draft202012Validator.FORMAT_CHECKER
    )
    validator.validate(doc)
    labels = {r["label"] for s in doc["statements"] for r in s["rows"]}
    assert set(fixtures.NASTY_LABELS) <= labels


def _labels_xlsx(data: bytes) -> None:
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(data))
    texts = set()
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{ws.title}!{cell.coordinate} is a formula"
                if cell.data_type == "s":
                    texts.add(cell.value)
    expected = {label.replace("\x07", "\ufffd") for label in fixtures.NASTY_LABELS}
    assert expected <= texts


def _labels_parquet(data: bytes) -> None:
    import pyarrow.parquet as pq

    table = pq.read_table(io.BytesIO(data))
    assert table.column("label").to_pylist() == [f.label for f in fixtures.filing().facts]


def _valid_json(data: bytes) -> None:
    json.loads(data)


LABEL_CHECKS: dict[str, Callable[[bytes], None]] = {
    ".json": _valid_json,
    ".xlsx": _labels_xlsx,
    ".parquet": _labels_parquet,
}


@pytest.mark.parametrize("name", NAMES)
def test_hostile_labels_are_plain_text(name: str, filing: Filing) -> None:
    """Formulas stay text in xlsx, markup stays text in JSON and XML (which must parse)."""
    suffix = exporters.get(name).suffix
    data = render(name, filing)
    if name == "json":
        _labels_json(data)
    elif suffix in LABEL_CHECKS:
        LABEL_CHECKS[suffix](data)
    else:
        canonical_text(name, data)  # XML formats: must parse; unknown suffixes raise
