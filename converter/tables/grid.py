"""Lines of one table to a grid: columns from the numbers' right edges, then rows.

Columns are found where the digits of many rows end at nearly the same
character position; tokens that drift a few characters still land in their
column. Numbers left of the first column belong to the label
("Issued and outstanding shares-14,901 (2002)").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from converter.tables.lexer import Token, is_rule, parse_number, trailing_tokens

_TOLERANCE = 3  # characters a number may drift from its column's right edge
_DASH_TOLERANCE = 5  # dashes are often centred rather than right-aligned


@dataclass(slots=True)
class Line:
    no: int  # 1-based input line number
    text: str  # cleaned: tags and leaders blanked
    label: str
    indent: int
    tokens: list[Token]
    caption: bool = False  # the input line held a <CAPTION> tag: a heading starts here
    # read from the text once, when the line is made (the text is never changed)
    blank: bool = field(init=False, repr=False, compare=False)
    rule: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.blank = not self.text.strip()
        self.rule = not self.blank and is_rule(self.text)

    @property
    def numeric(self) -> bool:
        return bool(self.tokens) and not self.rule


def lex(no: int, text: str) -> Line:
    line = Line(no, text, "", 0, [])
    if not (line.rule or line.blank):
        line.label, line.indent, line.tokens = trailing_tokens(text)
    return line


def is_header_numbers(line: Line) -> bool:
    """Years standing alone over the columns ("2002   2001") are header, not data."""
    return (
        line.numeric
        and all(t.year_like for t in line.tokens)
        and (
            not line.label
            or bool(
                re.search(
                    r"\b(fiscal|years?|ended|ending|months|weeks|restated|unaudited|"
                    r"in\s+(millions|thousands)|dollars)\b",
                    line.label,
                    re.IGNORECASE,
                )
            )
        )
    )


@dataclass(slots=True)
class GridColumn:
    edge: float  # where the digits end, on average
    start: int  # leftmost character of any cell or header assigned to it
    end: int
    support: int = 0
    edges: list[int] = field(default_factory=list)


def find_columns(lines: list[Line]) -> list[GridColumn]:
    """Cluster the right edges of the numbers (not of dashes) into columns."""
    edges = sorted(t.digits_end for ln in lines for t in ln.tokens if not t.dash and t.value is not None)
    if not edges:
        edges = sorted(t.digits_end for ln in lines for t in ln.tokens)
    clusters: list[list[int]] = []
    for e in edges:
        if clusters and e - clusters[-1][-1] <= 2:
            clusters[-1].append(e)
        else:
            clusters.append([e])
    total = sum(len(c) for c in clusters)
    strong = max((len(c) for c in clusters), default=0)
    keep = [c for c in clusters if len(c) >= 2 or len(c) * 8 >= strong or total < 6]
    cols = []
    for c in keep:
        mean = sum(c) / len(c)
        cols.append(GridColumn(edge=mean, start=10**6, end=0, support=len(c), edges=c))
    return cols


def assign(tokens: list[Token], cols: list[GridColumn], realign: bool = False) -> dict[int, Token]:
    """Map tokens to column indexes by nearest right edge; unplaceable tokens are dropped.

    With `realign`, a line with a figure for every column, typed off the columns' edges,
    has them in order (see below); such a line never shapes the columns themselves."""
    placed: dict[int, Token] = {}
    for tok in tokens:
        tol = _DASH_TOLERANCE if tok.dash or tok.value is None else _TOLERANCE
        best = sorted(range(len(cols)), key=lambda i: abs(cols[i].edge - tok.digits_end))
        for i in best:
            if abs(cols[i].edge - tok.digits_end) > tol + 4:
                break
            if i not in placed and (
                abs(cols[i].edge - tok.digits_end) <= tol or not placed or i > max(placed)
            ):
                placed[i] = tok
                break
    if (
        realign
        and len(placed) < len(tokens) == len(cols)
        and all(
            abs(col.edge - tok.digits_end) <= 2 * _TOLERANCE + 6
            for col, tok in zip(cols, tokens, strict=True)
        )
    ):
        # a figure for every column, set off its edges ("-   (2,819)   -" typed a column to
        # the right): by edges one would be lost and the others shift; in order, none is
        return dict(enumerate(tokens))
    return placed


def leftmost_column_start(lines: list[Line], cols: list[GridColumn]) -> int:
    """The leftmost position any number of the first column starts at."""
    if not cols:
        return 10**6
    first = cols[0].edge
    starts = [t.start for ln in lines for t in ln.tokens if abs(t.digits_end - first) <= _TOLERANCE]
    return min(starts) if starts else int(first)


def reclaim_glued(line: Line, cols: list[GridColumn]) -> Line:
    """Take back a number set one space after its label that stands in the first column.

    "Cash and Cash Equivalents at Beginning of Year 1,604.0   829.4   575.1": the label
    runs up to the first figure, so the lexer left 1,604.0 in the label. It is the
    row's figure when it ends on the first column's edge and the line has no figure
    there; a year ("Act of 1934") or a number elsewhere stays in the label.
    """
    if not cols or not line.tokens or not line.label:
        return line
    m = re.search(r"(?<=\S) (\S+)$", line.text[: line.tokens[0].start].rstrip())
    if m is None:
        return line
    tok = parse_number(m.group(1))
    if tok is None or tok.year_like or tok.dash or tok.value is None:
        return line
    start = m.start(1)
    digits_end = start + tok.digits_end
    first = cols[0]
    if abs(first.edge - digits_end) > _TOLERANCE or assign(line.tokens, cols).get(0) is not None:
        return line
    glued = replace(tok, start=start, end=start + len(tok.text), digits_end=digits_end)
    label = line.text[:start].strip()
    return Line(line.no, line.text, label, line.indent, [glued, *line.tokens], line.caption)


def split_label_tokens(line: Line, cols: list[GridColumn]) -> Line:
    """Give back to the label any number that ends well left of the first column."""
    if not cols or not line.tokens:
        return line
    limit = cols[0].edge - _TOLERANCE - 4
    keep = [t for t in line.tokens if t.digits_end >= limit]
    if len(keep) == len(line.tokens):
        return line
    if not keep:
        return Line(line.no, line.text, line.text.strip(), len(line.text) - len(line.text.lstrip()), [])
    label = line.text[: keep[0].start].strip()
    return Line(line.no, line.text, label, len(line.text) - len(line.text.lstrip()), keep)
