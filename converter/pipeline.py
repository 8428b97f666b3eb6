"""The pipeline, as one function: read -> tables -> statements -> mapping -> label figures
-> checks -> prose."""

from __future__ import annotations

import hashlib
import os
import re
import stat
from dataclasses import replace
from datetime import date
from pathlib import Path

from converter.errors import (
    DEFAULT_MAX_BYTES,
    BinaryInputError,
    ConversionError,
    EmptyInputError,
    InputError,
    NoDocumentError,
    NoNumbersError,
    NoTablesError,
    NotAFileError,
    NotFoundError,
    TooLargeError,
)
from converter.model import Filing, Finding, RowRole, Severity, SourceSpan, Statement, StatementKind
from converter.reading import read
from converter.reading.edgar import Text
from converter.release import describe
from converter.statements import build_statement, doc_dates, frame, learn_year_ends
from converter.tables import find_grids
from converter.tables.rows import names_section

_MAGIC = {
    b"%PDF": "a PDF",
    b"\x89PNG": "a PNG image",
    b"\x1f\x8b": "a gzip archive",
    b"PK\x03\x04": "a zip archive (or an Office file)",
    b"GIF8": "a GIF image",
    b"\xff\xd8\xff": "a JPEG image",
    b"BZh": "a bzip2 archive",
    b"\xfd7zXZ": "an xz archive",
    b"\xd0\xcf\x11\xe0": "an old Word or Excel file",
    b"MZ": "a Windows program",
    b"\x7fELF": "a program",
    b"II*\x00": "a TIFF image",
    b"MM\x00*": "a TIFF image",
}
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_TABLE_TAG = re.compile(r"^\s*<TABLE>", re.IGNORECASE)


def _check_bytes(data: bytes, source: str) -> None:
    """Refuse what is not text: empty, white space only, binary. A UTF-16 BOM is text."""
    if data.startswith(_UTF16_BOMS):
        blank = not data.decode("utf-16", "replace").strip()
    else:
        blank = not data.strip(b" \t\r\n\f\v\x00")
    if blank:
        what = "empty" if not data else "only white space"
        raise EmptyInputError(f"the file is {what}", source=source)
    if data.startswith(_UTF16_BOMS):
        return
    kind = next((k for magic, k in _MAGIC.items() if data.startswith(magic)), None)
    head = data[:8192]
    hint = None
    if kind is None and head.count(b"\x00") * 100 > len(head):  # NULs in over 1% of the bytes
        kind = "binary data"
        if max(head[0::2].count(0), head[1::2].count(0)) * 5 > len(head) * 2:  # 80% of a half
            kind, hint = "UTF-16 text without a byte-order mark", "save it as UTF-8, or with a BOM"
    if kind:
        raise BinaryInputError(f"the file is {kind}, not a text release", source=source, line=1, hint=hint)


def _check_text(text: Text, source: str) -> None:
    """Refuse a submission with nothing to read; say why no table was found."""
    if not any(line.strip() for line in text.lines):
        raise NoDocumentError("the submission holds no document with financial statements", source=source)


def _no_tables(text: Text, source: str) -> NoTablesError:
    tag = next((i + 1 for i, line in enumerate(text.lines) if _TABLE_TAG.match(line)), None)
    if tag is not None:
        return NoNumbersError(
            "the <TABLE> blocks hold no figures, so there is nothing to convert", source=source, line=tag
        )
    return NoTablesError("no financial table was found", source=source)


def _input_findings(data: bytes) -> list[Finding]:
    """What was odd in the bytes but did not stop the conversion."""
    at = data.find(b"\x00")
    if at < 0 or data.startswith(_UTF16_BOMS):
        return []
    end = b"\n" if b"\n" in data else b"\r"
    count = data.count(b"\x00")
    return [
        Finding(
            Severity.INFO,
            "input.nul",
            f"{count} NUL bytes were ignored",
            SourceSpan(data.count(end, 0, at) + 1),
        )
    ]


def _column_edges(st: Statement) -> list[int | None]:
    """Where each column's figures end, by the most common position.

    Figures are set flush right, so their ends line up where their starts do not: a "$"
    printed apart from its figure ("$        (.84)") starts the cell far to the left, and
    its text is kept without the gap, so its end is not known either. Cells led by a "$"
    are left out for that reason; a column of nothing else has no known edge (None)."""
    out: list[int | None] = []
    for i in range(len(st.columns)):
        cells = [c for r in st.rows if (c := r.cells[i]) is not None]
        ends = [c.source.column + len(c.source.text) for c in cells if not c.source.text.startswith("$")]
        out.append(max(set(ends), key=ends.count) if ends else None)
    return out


def _same_columns(a: Statement, b: Statement) -> bool:
    """Do two tables set their figures in the same character columns (a table going on)?"""
    return all(
        x is None or y is None or abs(x - y) <= 3
        for x, y in zip(_column_edges(a), _column_edges(b), strict=True)
    )


def _merge_continuations(statements: list[Statement], lines: tuple[str, ...]) -> list[Statement]:
    """A table that goes on after a page break joins the one before: one with no heading of
    its own, or one marked "(continued)" in its title or anywhere between the two tables."""
    out: list[Statement] = []
    for st in statements:
        prev = out[-1] if out else None
        headless = not any(c.period for c in st.columns) and (
            not st.title or st.title == prev.title if prev else True
        )
        between = lines[prev.end_line : st.source.line] if prev else ()
        continued = "continued" in st.title.lower() or (
            not st.title.strip() and any("continued" in ln.lower() for ln in between)
        )
        if (
            prev
            and len(prev.columns) == len(st.columns)
            and (headless or continued)
            and _same_columns(prev, st)
        ):
            # the rows it goes on with, up to its own first heading, sit in the section the
            # page broke off ("LIABILITIES" over "Benefit and loss reserves" / page / "Unearned
            # premium reserves")
            last = prev.rows[-1] if prev.rows else None
            if last is None or last.role == RowRole.TOTAL:
                carried = ""
            elif last.role == RowRole.HEADER:
                carried = " / ".join(p for p in (last.section, last.label.rstrip(":").strip()) if p)
            else:
                carried = last.section
            first_heading = next((i for i, r in enumerate(st.rows) if r.role == RowRole.HEADER), len(st.rows))
            carried_rows = []
            for i, r in enumerate(st.rows):
                section = r.section or (carried if i < first_heading else "")
                carried_rows.append(replace(r, index=len(prev.rows) + i, section=section))
                if (
                    i < first_heading
                    and carried
                    and r.role == RowRole.TOTAL
                    and names_section(r.label, carried.rpartition(" / ")[2])
                ):
                    carried = carried.rpartition(" / ")[0]  # "Total current liabilities" ends it
            rows = prev.rows + tuple(carried_rows)
            out[-1] = replace(prev, rows=rows, end_line=st.end_line)
        else:
            out.append(replace(st, index=len(out)))
    return out


def _inherited_scales(statements: list[Statement]) -> tuple[list[Statement], list[Finding]]:
    """A footnote table of a statement, or the statement's own next part right below it,
    takes the statement's scale when it prints none.

    Sears marks a column "2003*" and details it below in "* Domestic segment detail for the
    13 weeks ended June 28, 2003", a table with no "(millions)" of its own: its figures are
    in the statement's millions, not in dollars. UnitedHealthcare's Schedule C goes on from
    its quarter to its year under new headings, its "(000's)" printed once above both."""
    out: list[Statement] = []
    findings: list[Finding] = []
    for st in statements:
        prev = out[-1] if out else None
        if prev is None or st.scale_text or st.scale or not prev.scale_text:
            out.append(st)
            continue
        # a footnote's mark ("*", "(1)", "FOOTNOTES: (1)") printed in the table above
        mark = re.match(r"\s*(?:footnotes?:\s*)?(\*+|\(\d{1,2}\)|\([a-z]\))", st.title, re.I)
        footnote = mark is not None and any(
            mark.group(1) in text for text in [c.header for c in prev.columns] + [r.label for r in prev.rows]
        )
        adjoining = 0 <= st.source.line - prev.end_line <= 2  # nothing printed between
        if footnote or adjoining:
            st = replace(st, scale=prev.scale, share_scale=prev.share_scale, scale_text=prev.scale_text)
            findings.append(
                Finding(
                    Severity.INFO,
                    "scale.inherited",
                    f"the table at line {st.source.line} prints no scale; it "
                    f"{'footnotes' if footnote else 'goes on from'} the table above "
                    f"('{prev.title.strip()[:40]}'), whose '{prev.scale_text}' it takes",
                    SourceSpan(st.source.line, st.source.column, st.source.text),
                )
            )
        out.append(st)
    return out, findings


def _unscaled(statements: list[Statement]) -> list[Finding]:
    """A warning for each primary statement that prints no scale: its amounts are taken as
    printed, in dollars, and a missed "(In thousands)" would make every one of them wrong."""
    primary = (StatementKind.BALANCE_SHEET, StatementKind.INCOME_STATEMENT, StatementKind.CASH_FLOW)
    return [
        Finding(
            Severity.WARNING,
            "scale.none",
            f"the table at line {st.source.line} prints no scale ('In thousands', 'in millions'); "
            "its amounts are taken as printed, in dollars",
            SourceSpan(st.source.line, st.source.column, st.source.text),
        )
        for st in statements
        if st.kind in primary and not st.qualifier and not st.scale_text and st.scale == 0 and st.rows
    ]


def convert(data: bytes, source_name: str = "<input>") -> Filing:
    """Read one release or EDGAR submission into a `Filing`."""
    from converter import __version__
    from converter.checks import check
    from converter.coverage import unread_figures
    from converter.mapping import map_filing
    from converter.notes import note_figures
    from converter.parenthetical import parenthetical_facts
    from converter.prose import reconcile

    _check_bytes(data, source_name)
    text = read(data)
    _check_text(text, source_name)
    grids = find_grids(text.lines)
    if not grids:
        raise _no_tables(text, source_name)
    dd = doc_dates(text.lines, text.header.fiscal_year_end)
    framings = [frame(grid) for grid in grids]
    # a first pass learns which date ends each fiscal year where a heading prints it
    year_ends: dict[int, date] = {}
    for grid, framing in zip(grids, framings, strict=True):
        learn_year_ends(grid, framing, dd, year_ends)
    dd = replace(dd, year_ends=tuple(sorted(year_ends.items())))
    findings = _input_findings(data)
    statements = []
    for i, (grid, framing) in enumerate(zip(grids, framings, strict=True)):
        st, found = build_statement(i, grid, dd, {}, framing)
        statements.append(st)
        findings.extend(found)
        if grid.unterminated:
            findings.append(
                Finding(
                    Severity.WARNING,
                    "table.unterminated",
                    "<TABLE> has no </TABLE>; read to the end of the block",
                    SourceSpan(grid.first_line),
                )
            )
    statements = _merge_continuations(statements, text.lines)
    statements, found = _inherited_scales(statements)
    findings.extend(found)
    findings.extend(_unscaled(statements))
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
    filing = unread_figures(note_figures(parenthetical_facts(map_filing(filing))))
    return reconcile(check(filing))


def convert_file(path: str | Path, max_bytes: int | None = DEFAULT_MAX_BYTES) -> Filing:
    """Read the file at `path` and convert it; errors name the file.

    A file over `max_bytes` (None: no limit) is refused from its size, before it is read.
    """
    p = Path(path)
    try:
        with p.open("rb") as stream:
            info = os.fstat(stream.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise NotAFileError("is not a regular file", source=str(p))
            if max_bytes is not None and info.st_size > max_bytes:
                raise TooLargeError(
                    f"the file is {info.st_size:,} bytes, over the limit of {max_bytes:,} (--max-bytes)",
                    source=str(p),
                )
            # read once; a file that grows while it is read is still held to the limit
            data = stream.read() if max_bytes is None else stream.read(max_bytes + 1)
    except IsADirectoryError as err:
        raise NotAFileError("is a directory, not a file", source=str(p)) from err
    except FileNotFoundError as err:
        raise NotFoundError("no such file", source=str(p)) from err
    except OSError as err:
        raise InputError(
            f"cannot read: {err.strerror}", source=str(p), hint="check the file's permissions"
        ) from err
    if max_bytes is not None and len(data) > max_bytes:
        raise TooLargeError(f"the file is over the limit of {max_bytes:,} bytes (--max-bytes)", source=str(p))
    try:
        return convert(data, p.name)
    except ConversionError as err:
        err.source = str(p)  # the path as given, not just the name the filing records
        raise
