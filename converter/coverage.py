"""Figures inside a table that no statement carries: said so, never silently dropped.

A `<TABLE>` can hold lines the reader could not make rows of: a sub-table under a
caption of its own with no period headings, a line cut short by the filer's software
("Total cash and cash equivalents  $8,222  $6,686  $8,1"). Each such line, below the
table's first row of figures, gets a warning that names it, so that a user can find
the figures no fact reports.
"""

from __future__ import annotations

import re
from dataclasses import replace

from converter.model import Filing, Finding, Severity, SourceSpan
from converter.tables.lexer import clean, trailing_tokens

_OPEN = re.compile(r"<TABLE>", re.I)
_CLOSE = re.compile(r"</TABLE>", re.I)


def _spans(lines: tuple[str, ...]) -> list[tuple[int, int]]:
    """1-based (first, last) line numbers inside each <TABLE> ... </TABLE>."""
    out, start = [], None
    for no, text in enumerate(lines, start=1):
        if start is None and _OPEN.search(text):
            start = no
        elif start is not None and _CLOSE.search(text):
            out.append((start + 1, no - 1))
            start = None
    return out


# an amount: grouped thousands ("8,222", "$1,604.0") or a decimal ("0.46"); a cut-off
# "$8,1" counts as well, since a line the filer's software cut short is the case in point
_AMOUNT = re.compile(r"(?<![\w.,])\(?\$?\s?\d{1,3}(?:,\d{1,3})+(?:\.\d+)?\)?|(?<![\w.,])\$?\d*\.\d+\b")


def _figures(text: str) -> list[str]:
    """The amounts a line prints: numbers read at its right, or amounts anywhere in it."""
    line = clean(text)
    _label, _indent, tokens = trailing_tokens(line)
    read = [t.text for t in tokens if t.value is not None and not t.dash and not t.year_like]
    return read or [m.group(0).strip() for m in _AMOUNT.finditer(line)]


def unread_figures(filing: Filing) -> Filing:
    """Add a warning for each table line with figures that no statement row reads."""
    read: set[int] = set()
    for st in filing.statements:
        for row in st.rows:
            # a row reads every line from its label's first to its figures'
            last = max((c.source.line for c in row.cells if c is not None), default=row.source.line)
            read.update(range(row.source.line, last + 1))
    read.update(f.source.line for f in filing.facts)
    if not read:
        return filing
    labels = " | ".join(row.label for st in filing.statements for row in st.rows)
    findings = []
    for first, last in _spans(filing.lines):
        rows_here = sorted(n for n in read if first <= n <= last)
        if not rows_here:
            continue
        for no in range(rows_here[0] + 1, last + 1):
            label = trailing_tokens(clean(filing.lines[no - 1]))[0]
            if no in read or (label and label in labels):
                continue  # a row's figures, or a line of a row's label
            figures = _figures(filing.lines[no - 1])
            if figures:
                findings.append(
                    Finding(
                        Severity.WARNING,
                        "table.unread",
                        f"line {no} prints {', '.join(figures)} inside a table, but no statement row "
                        "reads it: no fact reports these figures",
                        SourceSpan(no, 0, filing.lines[no - 1].strip()[:80]),
                    )
                )
    if not findings:
        return filing
    return replace(filing, findings=(*filing.findings, *findings))
