"""Lines to grids: find the tables, their columns, header texts and rows.

`find_grids(lines)` returns one `Grid` per table. A grid knows nothing of
periods or concepts yet: it holds the header text over each column, the text
above the table (title, scale), and the rows with their tokens by column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from converter.periods import full_dates
from converter.scales import scale_of
from converter.tables.finder import Block, find_blocks, is_prose
from converter.tables.grid import (
    GridColumn,
    Line,
    assign,
    find_columns,
    is_header_numbers,
    reclaim_glued,
    split_label_tokens,
)
from converter.tables.lexer import rule_spans
from converter.tables.rows import RawRow, build_rows

TITLE = re.compile(
    r"\b(balance\s+sheets?|balanced\s+sheets?|statements?\s+of\s+(consolidated\s+)?"
    r"(income|operations|earnings|cash\s+flows?|financial\s+(position|condition)|"
    r"(changes\s+in\s+)?(stockholders'?|shareholders'?|share\s*owners'?)\s+equity|retained\s+earnings|"
    r"comprehensive\s+income|(consolidated\s+)?condition|(consolidated\s+)?results\s+of\s+operations)|"
    r"income\s+statements?|cash\s+flows?\s+statements?|"
    r"consolidated\s+(income|earnings|cash\s+flows?|operations|results\s+of\s+operations)|"
    r"financial\s+(position|condition))\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Grid:
    context: tuple[Line, ...]  # lines above the table: title, company, scale
    header: tuple[Line, ...]  # header lines over the columns
    columns: tuple[GridColumn, ...]
    column_text: tuple[tuple[str, str], ...]  # (words spanning several columns, words over this one)
    stub_text: str  # header words left of the columns
    rows: tuple[RawRow, ...]
    first_line: int
    last_line: int
    marked: bool
    unterminated: bool = False


def is_title(line: Line) -> bool:
    s = line.text.strip()
    return bool(s) and not line.numeric and len(s) < 90 and bool(TITLE.search(s)) and not is_prose(line)


def _date_heading(line: Line) -> bool:
    """A line of two or more dates over the columns ("12/31/93   03/31/94 ...")."""
    return len(full_dates(line.text)) >= 2


_YEAR = re.compile(r"(?<![\d,.$])(?:19|20)\d\d(?![\d,.%])")


def _year_heading(line: Line) -> bool:
    """A column header of years set among words ("REVENUES:  1994  1994 (4)  REVENUE  1994"):
    two years or more on the line, and no figure that is not a year."""
    return line.numeric and all(t.year_like for t in line.tokens) and len(_YEAR.findall(line.text)) >= 2


def _years_only(line: Line) -> bool:
    """Years over the columns, whatever stands left of them ("In thousands  1999  1998")."""
    return line.numeric and all(t.year_like for t in line.tokens)


def _heading_top(lines: list[Line], i: int, floor: int) -> int:
    """The first of the heading lines that stand over a repeated column header at `i`:
    up to four lines of words above it, back to the last figures or rule."""
    j = i
    while j - 1 > floor and not lines[j - 1].numeric and i - j < 5 and not lines[j - 1].rule:
        j -= 1
    return j


def _segments(block: Block) -> list[tuple[list[Line], list[Line]]]:
    """Split a block into (lines above the body, body) pairs, one per table."""
    lines = list(block.lines)
    starts = [0]
    seen_body = False
    for i, ln in enumerate(lines):
        if seen_body and _year_heading(ln) and not lines[i - 1].numeric:
            # a header printed again over the next part of a schedule, below its last total
            starts.append(_heading_top(lines, i, starts[-1]))
            seen_body = False
        elif ln.numeric and not is_header_numbers(ln):
            seen_body = True
        elif seen_body and ln.caption and not ln.numeric:
            starts.append(i)
            seen_body = False
        elif seen_body and _date_heading(ln) and not ln.numeric:
            starts.append(_heading_top(lines, i, starts[-1]))  # "12 MONTHS ENDED" above the dates
            seen_body = False
        elif seen_body and (is_title(ln) or is_header_numbers(ln)):
            starts.append(_heading_top(lines, i, starts[-1]) if is_header_numbers(ln) else i)
            seen_body = False

    out = []
    for a, b in zip(starts, starts[1:] + [len(lines)], strict=True):
        seg = lines[a:b]
        k = next((i for i, ln in enumerate(seg) if ln.numeric and not _years_only(ln)), None)
        if k is None:
            continue
        out.append((seg[:k], seg[k:]))
    return out


def _header_blocks(header: list[Line]) -> list[tuple[int, int, str, int]]:
    """Header words as blocks (start, end, text, top line index), stacked lines merged.

    Segments on consecutive lines whose centres nearly coincide are one block:
    "Three" over "Months Ended" is one spanning heading.
    """
    segs: list[list] = []
    for row, ln in enumerate(header):
        if ln.rule:
            continue
        for m in re.finditer(r"\S+(?: \S+)*", ln.text):
            segs.append([m.start(), m.end(), m.group(0), row, row])
    merged: list[list] = []
    for s in segs:
        for t in merged:
            if (
                t[4] == s[3] - 1
                and abs((t[0] + t[1]) / 2 - (s[0] + s[1]) / 2) <= 2.5
                and abs((t[1] - t[0]) - (s[1] - s[0])) > 0
                and min(t[1], s[1]) > max(t[0], s[0])
            ):
                # only merge when one is clearly wider (a stacked heading), not equal columns
                t[0], t[1] = min(t[0], s[0]), max(t[1], s[1])
                t[2] = f"{t[2]} {s[2]}"
                t[4] = s[3]
                break
        else:
            merged.append(list(s))
    return [(s[0], s[1], s[2], s[3]) for s in merged]


def _zoned_years(header: list[Line], cols: list[GridColumn]) -> dict[int, dict[int, str]]:
    """Years centred over groups of columns ("1993" over Automotive and Financial Services).

    On a line that prints only years, fewer than there are columns, each column takes
    the year whose zone (between the midpoints to its neighbours) holds the column's centre.
    """
    out: dict[int, dict[int, str]] = {}
    for row, ln in enumerate(header):
        years = [m for m in re.finditer(r"\S+", ln.text)]
        if not (2 <= len(years) < len(cols)) or not all(
            re.fullmatch(r"(19|20)\d\d\S{0,4}", m.group(0)) for m in years
        ):
            continue
        centres = [(m.start() + m.end()) / 2 for m in years]
        bounds = [(a + b) / 2 for a, b in zip(centres, centres[1:], strict=False)]
        by_col: dict[int, str] = {}
        for i, c in enumerate(cols):
            mid = (c.start + c.end) / 2
            zone = sum(mid > b for b in bounds)
            by_col[i] = years[zone].group(0)
        out[row] = by_col
    return out


def _column_text(header: list[Line], cols: list[GridColumn]) -> tuple[list[tuple[str, str]], str]:
    """(spanning words, own words) over each column, and the words left of all columns."""
    texts: list[list[tuple[int, str, bool]]] = [[] for _ in cols]
    stub: list[str] = []
    if not cols:
        return [], " ".join(ln.text.strip() for ln in header)  # pragma: no cover
    first_start = cols[0].start
    zoned = _zoned_years(header, cols)
    for row, by_col in zoned.items():
        for i, text in by_col.items():
            texts[i].append((row, text, False))
    rest = [ln if i not in zoned else Line(ln.no, "", "", 0, []) for i, ln in enumerate(header)]
    for start, end, text, row in _header_blocks(rest):
        if end <= first_start - 1 and (len(cols) > 1 or end < first_start - 3):
            stub.append(text)
            continue
        hits = [i for i, c in enumerate(cols) if min(end, c.end) - max(start, c.start) >= 2]
        if len(hits) > 1:
            # a heading over several columns must cover most of each
            hits = [
                i
                for i in hits
                if min(end, cols[i].end) - max(start, cols[i].start) >= min(3, cols[i].end - cols[i].start)
            ]
        if not hits:
            # a heading beside no column belongs to the nearest one only if it is close:
            # "1996" right of a two-column body heads nothing, and must not date the last column
            centre = (start + end) / 2
            near = min(range(len(cols)), key=lambda i: abs((cols[i].start + cols[i].end) / 2 - centre))
            reach = max(cols[near].end - cols[near].start, 4)
            if abs((cols[near].start + cols[near].end) / 2 - centre) > reach:
                continue
            hits = [near]
        for i in hits:
            texts[i].append((row, text, len(hits) > 1))
    out = []
    for x in texts:
        x.sort(key=lambda p: p[0])
        out.append((" ".join(t for _, t, span in x if span), " ".join(t for _, t, span in x if not span)))
    return out, " ".join(stub)


def _section_lines_from_header(
    header: list[Line], body: list[Line], cols: list[GridColumn]
) -> tuple[list[Line], list[Line]]:
    """Section headings just above the first figures ("Assets", "Current Assets:") are rows.

    They stand in the label column, below the last line that heads the columns.
    """
    left = min((t.start for ln in body for t in ln.tokens), default=0) - 1
    moved: list[Line] = []
    i = len(header)
    while i > 0:
        ln = header[i - 1]
        text = ln.text.rstrip()
        if not text.strip():
            i -= 1
            continue
        start = len(text) - len(text.lstrip())
        pieces = list(re.finditer(r"\S+(?: \S+)*", text))
        over_columns = len(pieces) >= 2 and bool(cols) and pieces[-1].end() >= cols[-1].edge - 6
        if (
            ln.rule
            or ln.tokens
            or over_columns  # "Pretax  Per Share    Pretax   Per Share" heads the columns
            or start >= left
            or scale_of(text)[0]
            or full_dates(text)
            or re.search(
                r"\b(ended|ending|months|weeks|unaudited|audited|in (thousands|millions))\b",
                text,
                re.I,
            )
        ):
            break
        moved.insert(0, ln)
        i -= 1
    if not moved:
        return header, body
    first = header.index(moved[0])
    return header[:first], [*header[first:], *body]


def _grid(context: tuple[Line, ...], header: list[Line], body: list[Line], block: Block) -> Grid | None:
    numeric = [ln for ln in body if ln.numeric]
    cols = find_columns(numeric)
    if not cols:
        return None
    header, body = _section_lines_from_header(header, body, cols)
    body = [reclaim_glued(split_label_tokens(ln, cols), cols) for ln in body]
    placed = [assign(ln.tokens, cols) for ln in body]
    for p in placed:
        for i, tok in p.items():
            cols[i].start = min(cols[i].start, tok.start)
            cols[i].end = max(cols[i].end, tok.end)
    # header years and dates widen the columns they sit over
    for ln in header:
        for tok in ln.tokens:
            for c in cols:
                if abs(c.edge - tok.digits_end) <= 3:
                    c.start, c.end = min(c.start, tok.start), max(c.end, tok.end)
    # a rule drawn under the headings, or between the figures, is as wide as its column: the
    # column reaches as far as the rule segment over its edge alone, "$" or no "$" beside it
    figures_from = min(c.start for c in cols) - 2  # a rule reaching into the labels spans the table
    for ln in [*header, *body]:
        if ln.rule:
            for a, b in rule_spans(ln.text):
                under = [c for c in cols if a <= c.edge <= b + 1]
                if len(under) == 1 and a >= figures_from:  # a rule over several columns is none's
                    c = under[0]
                    c.start, c.end = min(c.start, a), max(c.end, b)
    texts, stub = _column_text(header, cols)
    # the cells: now a line with a figure for every column may have them in order
    placed = [
        assign(ln.tokens, cols, realign=True) if len(p) < len(ln.tokens) == len(cols) else p
        for ln, p in zip(body, placed, strict=True)
    ]
    rows = build_rows(body, placed)
    if not any(r.tokens for r in rows):
        return None
    first = (header or body)[0].no
    return Grid(
        context,
        tuple(header),
        tuple(cols),
        tuple(texts),
        stub,
        tuple(rows),
        first,
        body[-1].no,
        block.marked,
        block.unterminated,
    )


def _headings_in_context(ctx: tuple[Line, ...]) -> tuple[tuple[Line, ...], list[Line]]:
    """Column headings set off from the figures by a blank line sit in the context: take them back.

    They are the lines after the title that print a year, a date or a period word.
    """
    title_at = max((i for i, ln in enumerate(ctx) if is_title(ln)), default=-1)
    rest = ctx[title_at + 1 :]
    first = next(
        (
            i
            for i, ln in enumerate(rest)
            if re.search(r"(19|20)\d\d|\b(ended|ending|months|weeks|year)\b", ln.text, re.I)
        ),
        None,
    )
    if first is None:
        return ctx, []
    cut = title_at + 1 + first
    return ctx[:cut], list(ctx[cut:])


def find_grids(lines: tuple[str, ...]) -> list[Grid]:
    """Every table of the text as a grid, in reading order."""
    grids = []
    for block in find_blocks(lines):
        context = block.context
        for above, body in _segments(block):
            # lines above the body that carry a title belong to the context, not the header
            title_at = max((i for i, ln in enumerate(above) if is_title(ln)), default=-1)
            ctx = context + tuple(above[: title_at + 1])
            header = [ln for ln in above[title_at + 1 :]]
            if not any(ln.text.strip() for ln in header):
                ctx, moved = _headings_in_context(ctx)
                header = [*moved, *header]
            g = _grid(ctx, header, body, block)
            if g is not None:
                grids.append(g)
            # later tables of the block keep its title and scale unless they print their own
            context = block.context
    return grids
