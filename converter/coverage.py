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
from converter.tables.finder import marked_spans
from converter.tables.lexer import clean, trailing_tokens


def _spans(lines: tuple[str, ...]) -> list[tuple[int, int]]:
    """1-based (first, last) line numbers inside each <TABLE> ... </TABLE>, as the reader
    finds them (`marked_spans` gives 0-based [<TABLE> line, one past </TABLE>))."""
    return [(first + 2, end if open_ else end - 1) for first, end, open_ in marked_spans(list(lines))]


# an amount: grouped thousands ("8,222", "$1,604.0") or a decimal ("0.46"); a cut-off
# "$8,1" counts as well, since a line the filer's software cut short is the case in point
_AMOUNT = re.compile(r"(?<![\w.,])\(?\$?\s?\d{1,3}(?:,\d{1,3})+(?:\.\d+)?\)?|(?<![\w.,])\$?\d*\.\d+\b")


def _label_and_figures(text: str) -> tuple[str, list[str]]:
    """A line's label, and the amounts it prints: numbers read at its right, or else amounts
    anywhere in it."""
    line = clean(text)
    label, _indent, tokens = trailing_tokens(line)
    read = [t.text for t in tokens if t.value is not None and not t.dash and not t.year_like]
    return label, read or [m.group(0).strip() for m in _AMOUNT.finditer(line)]


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
            if no in read:
                continue  # a row's figures
            label, figures = _label_and_figures(filing.lines[no - 1])
            if figures and not (label and label in labels):  # nor a line of a row's label
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
