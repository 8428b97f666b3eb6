"""Bad input gets a clear answer: one row per kind of input, through the CLI and the API.

Each row is bytes written to a file and what must come of them: a `ConversionError`
of a given class (with the line it applies to, where one does), or a conversion
whose facts are those of the clean release, plus the findings the damage explains.
"""

from __future__ import annotations

import codecs
import contextlib
import functools
import gzip
import json
import os
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

import schemas
from converter import cli, convert, convert_file, errors
from converter.model import Filing
from converter.pipeline import DEFAULT_MAX_BYTES

SMALL = """\
                         ACME WIDGET CORPORATION

                 CONSOLIDATED STATEMENTS OF OPERATIONS
                 (In thousands, except per share data)

                                            Year Ended December 31,
                                            -----------------------
                                              1998         1997
                                            --------     --------
Net sales                                   $ 12,345     $ 11,234
Cost of sales                                  8,123        7,456
                                            --------     --------
Gross profit                                   4,222        3,778
Selling, general and administrative            2,100        1,900
                                            --------     --------
Net income                                  $  2,122     $  1,878
                                            ========     ========
"""
LINES = SMALL.splitlines()
FIRST_ROW = LINES.index(next(s for s in LINES if s.startswith("Net sales"))) + 1


def facts_of(filing: Filing) -> set[tuple[str, Decimal | None, str]]:
    return {(f.concept, f.value, f.period.end.isoformat()) for f in filing.facts}


@functools.cache
def clean() -> frozenset[tuple[str, Decimal | None, str]]:
    """The facts of the undamaged release."""
    return frozenset(facts_of(convert(SMALL.encode())))


def _replace(old: str, new: str) -> bytes:
    assert old in SMALL
    return SMALL.replace(old, new).encode()


def _cut_mid_row() -> bytes:
    row = "Net income                                  $  2,122     $  1,8"
    return SMALL[:SMALL.index(row) + len(row)].encode()


def _unexpand(line: str) -> str:
    """`line` with runs of spaces turned into tabs at 8-column stops, as `unexpand -a` does."""
    out, col = [], 0
    for run in re.findall(r" {2,}|.", line):
        end = col + len(run)
        if run.startswith("  ") and (stop := (col // 8 + 1) * 8) <= end:
            tabs = 1 + (end - stop) // 8
            out.append("\t" * tabs + " " * ((end - stop) % 8))
        else:
            out.append(run)
        col = end
    return "".join(out)


def _tabs() -> bytes:
    """Every other line with tabs: the columns stay where they were at 8-column tab stops."""
    mixed = [_unexpand(s) if i % 2 else s for i, s in enumerate(LINES)]
    assert sum("\t" in s for s in mixed) > 5 and [s.expandtabs(8) for s in mixed] == LINES
    return "\n".join(mixed).encode() + b"\n"


def _submission(types: tuple[str, ...]) -> bytes:
    docs = "".join(f"<DOCUMENT>\n<TYPE>{t}\n<TEXT>\n{SMALL if t.startswith('EX-27') else 'x'}\n"
                   "</TEXT>\n</DOCUMENT>\n" for t in types)
    return ("<SEC-DOCUMENT>\n<SEC-HEADER>\nACCESSION NUMBER:\t\t0000950134-99-000001\n"
            "CONFORMED SUBMISSION TYPE:\t8-K\n</SEC-HEADER>\n" + docs).encode()


@dataclass(frozen=True)
class Case:
    data: bytes
    error: type[errors.ConversionError] | None = None  # None: converts
    line: int | None = None  # the line the error or finding points at
    words: str = ""  # in the error message
    same_facts: bool = True  # the facts are those of the undamaged release
    finding: str | None = None  # a finding code the conversion must report
    check: Callable[[Filing], bool] = lambda f: True


CASES: dict[str, Case] = {
    "empty": Case(b"", errors.EmptyInputError, words="empty"),
    "whitespace only": Case(b" \n\t\r\n\f  \n", errors.EmptyInputError, words="white space"),
    "pdf": Case(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", errors.BinaryInputError, 1, "PDF"),
    "png": Case(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", errors.BinaryInputError, 1, "PNG"),
    "gzip": Case(gzip.compress(SMALL.encode(), mtime=0), errors.BinaryInputError, 1, "gzip"),
    "no tables": Case(b"ACME WIDGET CORPORATION\n\nSales rose in 1998 on strong demand.\n",
                      errors.NoTablesError, words="no financial table"),
    "tables with no numbers": Case(
        b"Some text\n<TABLE>\n<S>         <C>\nName        Title\n"
        b"J. Smith    President\n</TABLE>\n",
        errors.NoNumbersError, 2, "no figures"),
    # the finding points at the table's first line: the scale note, below the <TABLE> tag
    "unterminated table": Case(("<TABLE>\n" + SMALL).encode(), line=5, finding="table.unterminated",
                               same_facts=False,
                               check=lambda f: facts_of(f) >= clean()),
    # the rows before the cut convert; the cut figure is dropped, never misread
    "cut mid-row": Case(_cut_mid_row(), same_facts=False,
                        check=lambda f: {("us-gaap:Revenues", Decimal("12345000"), "1998-12-31")}
                        <= facts_of(f) <= clean()),
    "ragged columns": Case(_replace("Cost of sales                                  8,123",
                                    "Cost of sales                                 8,123")),
    "header wider than body": Case(
        _replace("                                              1998         1997",
                 "                                              1998         1997         1996")),
    "tabs mixed with spaces": Case(_tabs()),
    "CRLF": Case(SMALL.replace("\n", "\r\n").encode()),
    "CR only": Case(SMALL.replace("\n", "\r").encode()),
    "form feeds": Case(SMALL.replace("\n\n", "\n\f\n", 1).encode(),
                       check=lambda f: f.facts[0].source.line == FIRST_ROW),
    "cp1252 smart quotes": Case(
        SMALL.replace("ACME WIDGET", "\u201cACME\u201d WIDGET\u2019S").encode("cp1252"),
        check=lambda f: f.encoding == "cp1252"
        and "\u201cACME\u201d WIDGET\u2019S" in "\n".join(f.lines)),
    "utf-16 with a BOM": Case(codecs.BOM_UTF16_LE + SMALL.encode("utf-16-le"),
                              check=lambda f: f.encoding == "utf-16"),
    "utf-16 big-endian with a BOM": Case(codecs.BOM_UTF16_BE + SMALL.encode("utf-16-be")),
    "nul bytes": Case(_replace("Net sales   ", "Net sales\x00\x00\x00"), line=FIRST_ROW,
                      finding="input.nul"),
    "utf-16 without a BOM": Case(SMALL.encode("utf-16-le"), errors.BinaryInputError, 1,
                                 "UTF-16 text without a byte-order mark"),
    "nul-dense binary": Case(b"\x00\x01\x02\x00" * 500, errors.BinaryInputError, 1, "binary"),
    "submission with no financial documents": Case(
        _submission(("EX-27", "GRAPHIC")), errors.NoDocumentError, words="no document"),
}


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    return Draft202012Validator(schemas.load("filing.schema.json"),
                                format_checker=Draft202012Validator.FORMAT_CHECKER)


# Known wrong answers, each to be fixed in the reader; strict xfail flags the fix.
KNOWN: dict[str, str] = {}  # cases the reader still answers wrongly, with the reason


@pytest.mark.parametrize("name", [pytest.param(n, marks=pytest.mark.xfail(reason=KNOWN[n],
                                                                         strict=True))
                                  if n in KNOWN else n for n in CASES])
def test_bad_input(name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                   validator: Draft202012Validator) -> None:
    case = CASES[name]
    path = tmp_path / "release.txt"
    path.write_bytes(case.data)
    out = tmp_path / "out"
    code = cli.main([str(path), "--to", "json", "-o", f"{out}/"])
    stderr = capsys.readouterr().err
    assert "Traceback" not in stderr
    if case.error is not None:
        with pytest.raises(case.error) as caught:
            convert_file(path)
        err = caught.value
        assert case.words in err.message
        assert err.line == case.line and err.source == str(path) and err.hint
        assert code == 1 and not out.exists()
        where = f"{path}:{case.line}" if case.line else f"{path}:"
        assert f"convert: error: {where}" in stderr and "convert: hint: " in stderr
        return
    assert code == 0, stderr
    document = json.loads((out / "release.json").read_bytes())
    validator.validate(document)
    filing = convert_file(path)
    if case.same_facts:
        assert facts_of(filing) == clean()
    if case.finding:
        found = [f for f in filing.findings if f.code == case.finding]
        assert found and found[0].source and found[0].source.line == case.line
    assert case.check(filing)


def test_path_that_does_not_exist(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nothere.txt"
    with pytest.raises(errors.NotFoundError):
        convert_file(missing)
    assert cli.main([str(missing)]) == 1
    err = capsys.readouterr().err
    assert f"convert: error: {missing}: no such file" in err and "hint: check the path" in err


def test_directory_where_a_file_is_expected(tmp_path: Path) -> None:
    with pytest.raises(errors.NotAFileError) as caught:
        convert_file(tmp_path)
    assert "directory" in caught.value.message and "batch" in (caught.value.hint or "")


def test_huge_file_refused_from_its_size_before_reading(tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str],
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as f:
        f.write(SMALL.encode())
        f.truncate(200 * 1024 * 1024)  # sparse: 200 MB on paper, a few bytes on disk
    assert huge.stat().st_size > DEFAULT_MAX_BYTES

    def no_read(*args: object) -> bytes:
        raise AssertionError("the file was read")

    monkeypatch.setattr(Path, "read_bytes", no_read)
    with pytest.raises(errors.TooLargeError) as caught:
        convert_file(huge)
    assert "209,715,200 bytes" in caught.value.message
    assert "--max-bytes" in (caught.value.hint or "")
    monkeypatch.undo()
    assert cli.main([str(huge), "-o", str(tmp_path / "out.json")]) == 1
    err = capsys.readouterr().err
    assert f"{huge}: the file is 209,715,200 bytes, over the limit" in err
    assert "--max-bytes" in err and not (tmp_path / "out.json").exists()


def test_max_bytes_can_be_raised_or_lowered(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "r.txt"
    path.write_text(SMALL)
    assert cli.main([str(path), "--max-bytes", "100", "-o", str(tmp_path / "a.json")]) == 1
    assert "over the limit of 100 (--max-bytes)" in capsys.readouterr().err
    assert cli.main([str(path), "--max-bytes", "1K", "-o", str(tmp_path / "a.json")]) == 0
    assert (tmp_path / "a.json").exists()


def test_a_pipe_is_not_a_file(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)

    def write() -> None:
        with contextlib.suppress(BrokenPipeError), fifo.open("wb") as f:
            f.write(SMALL.encode())

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    with pytest.raises(errors.NotAFileError):
        convert_file(fifo)
    writer.join(5)


def test_unwritable_output_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "r.txt"
    path.write_text(SMALL)
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    assert cli.main([str(path), "-o", f"{blocker}/out/"]) == 1
    err = capsys.readouterr().err
    assert "convert: error: " in err and "hint: " in err and "Traceback" not in err
    with pytest.raises(errors.OutputError):
        from converter.output import write_atomic

        write_atomic(blocker / "x.json", lambda s: s.write(b"{}"))


def test_partial_success_is_success_with_findings(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    unreadable = """
<TABLE>
<CAPTION>
                      EMPLOYEES BY PLANT
<S>                                 <C>         <C>         <C>
                                    Plant A     Plant B     Plant C
Widgets                              1,234       5,678         901
Gadgets                                 12          34          56
</TABLE>
"""
    path = tmp_path / "r.txt"
    path.write_text(SMALL + unreadable)
    first = len(LINES) + 2  # the line of <TABLE>
    last = len(LINES) + len(unreadable.splitlines())
    filing = convert_file(path)
    assert facts_of(filing) == clean()
    [found] = [f for f in filing.findings if f.code == "table.no_periods"]
    assert found.source is not None and first <= found.source.line <= last
    assert cli.main([str(path), "-o", str(tmp_path / "a.json")]) == 0
    assert f"{path}:{found.source.line}: warning: " in capsys.readouterr().err
    assert cli.main([str(path), "-o", str(tmp_path / "a.json"), "--strict"]) == 1
