"""The pipeline: read -> tables -> statements -> mapping -> checks, as one function."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import date
from pathlib import Path

from converter.errors import BinaryInputError, EmptyInputError, InputError, NoTablesError
from converter.model import Filing, Finding, Severity, SourceSpan, Statement
from converter.reading import read
from converter.release import describe
from converter.statements import build_statement, doc_dates
from converter.tables import find_grids

_BINARY_MAGIC = (b"%PDF", b"\x89PNG", b"\x1f\x8b", b"PK\x03\x04", b"GIF8", b"\xff\xd8\xff", b"BZh")


def _check_bytes(data: bytes, source: str) -> None:
    if not data.strip():
        raise EmptyInputError("the file is empty or holds only white space", source=source,
                              hint="give a release or an EDGAR submission")
    if data.startswith(_BINARY_MAGIC) or data[:4096].count(b"\x00") > 8:
        raise BinaryInputError("the file is binary, not a text release", source=source, line=1,
                               hint="convert takes plain-text EDGAR filings")


def _merge_continuations(statements: list[Statement]) -> list[Statement]:
    """A table that goes on after a page break, with no heading of its own, joins the one before."""
    out: list[Statement] = []
    for st in statements:
        prev = out[-1] if out else None
        headless = not any(c.period for c in st.columns) and not st.title
        continued = "continued" in st.title.lower()
        if prev and len(prev.columns) == len(st.columns) and (headless or continued):
            rows = prev.rows + tuple(replace(r, index=len(prev.rows) + i) for i, r in enumerate(st.rows))
            out[-1] = replace(prev, rows=rows, end_line=st.end_line)
        else:
            out.append(replace(st, index=len(out)))
    return out


def convert(data: bytes, source_name: str = "<input>") -> Filing:
    """Read one release or EDGAR submission into a `Filing`."""
    from converter import __version__
    from converter.checks import check
    from converter.mapping import map_filing

    _check_bytes(data, source_name)
    text = read(data)
    if not any(line.strip() for line in text.lines):
        raise InputError("the submission holds no document with financial statements",
                         source=source_name, hint="for an 8-K the statements are in the EX-99 exhibits")
    grids = find_grids(text.lines)
    if not grids:
        raise NoTablesError("no financial table was found", source=source_name,
                            hint="tables are <TABLE> blocks or columns of aligned numbers")
    dd = doc_dates(text.lines, text.header.fiscal_year_end)
    # a first pass learns which date ends each fiscal year where a heading prints it
    year_ends: dict[int, date] = {}
    for i, grid in enumerate(grids):
        build_statement(i, grid, dd, year_ends)
    dd = replace(dd, year_ends=tuple(sorted(year_ends.items())))
    findings: list[Finding] = []
    statements = []
    for i, grid in enumerate(grids):
        st, found = build_statement(i, grid, dd, {})
        statements.append(st)
        findings.extend(found)
        if grid.unterminated:
            findings.append(Finding(Severity.WARNING, "table.unterminated",
                                    "<TABLE> has no </TABLE>; read to the end of the block",
                                    SourceSpan(grid.first_line)))
    statements = _merge_continuations(statements)
    about = describe(text, statements)
    filing = Filing(
        source_name=source_name,
        sha256=hashlib.sha256(data).hexdigest(),
        encoding=text.encoding,
        entity=about.entity,
        document_date=about.document_date,
        form_type=text.header.form_type,
        filed_date=text.header.filed,
        period_of_report=text.header.period,
        accession=text.header.accession,
        fiscal_year_end=about.fiscal_year_end,
        prior_fiscal_year_end=about.prior_fiscal_year_end,
        statements=tuple(statements),
        findings=tuple(findings),
        converter_version=__version__,
        lines=text.lines,
    )
    filing = map_filing(filing)
    return check(filing)


def convert_file(path: str | Path) -> Filing:
    """Read the file at `path` and convert it; errors name the file."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except IsADirectoryError as err:
        raise InputError("is a directory, not a file", source=str(p),
                         hint="give one release file") from err
    except FileNotFoundError as err:
        raise InputError("no such file", source=str(p)) from err
    except OSError as err:
        raise InputError(f"cannot read: {err.strerror}", source=str(p)) from err
    return convert(data, p.name)
