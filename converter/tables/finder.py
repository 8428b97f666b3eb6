"""Find the tables in a text: `<TABLE>` markup where there is any, aligned numbers elsewhere.

A `Block` is a run of lines that holds one or more tables, plus the lines just
above it where titles and scale notes live. Blocks are split into single tables
later, at titles and at repeated column headers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from converter.tables.grid import Line, is_header_numbers, lex
from converter.tables.lexer import clean

_OPEN = re.compile(r"^\s*<TABLE>", re.IGNORECASE)
_CLOSE = re.compile(r"</TABLE>", re.IGNORECASE)
_CAPTION = re.compile(r"<CAPTION>", re.IGNORECASE)
_MAX_CONTEXT = 14  # lines above a table searched for its title and scale


@dataclass(frozen=True, slots=True)
class Block:
    lines: tuple[Line, ...]  # the table's own lines, cleaned
    context: tuple[Line, ...]  # lines above it, nearest last
    marked: bool
    unterminated: bool = False


def is_prose(line: Line) -> bool:
    """A line of running text: long, many words, single-spaced, no numbers at its end."""
    s = line.text.strip()
    if line.numeric and not line.label:
        return False
    if len(s) < 58:
        return False
    words = s.split()
    gaps = len(re.findall(r"\S {3,}\S", s))
    return len(words) >= 9 and gaps <= 1 and not line.numeric


def _numeric_body(line: Line) -> bool:
    """A line of figures that can open a table: a lone unlabelled number is a page number."""
    return line.numeric and not is_header_numbers(line) and (bool(line.label) or len(line.tokens) > 1)


def _context(lines: list[Line], start: int, floor: int) -> tuple[Line, ...]:
    """Up to _MAX_CONTEXT lines above `start`, stopping at prose or at `floor`."""
    out: list[Line] = []
    blanks = 0
    i = start - 1
    while i >= floor and len(out) < _MAX_CONTEXT:
        ln = lines[i]
        if is_prose(ln) or _CLOSE.search(ln.text):
            break
        blanks = blanks + 1 if ln.blank else 0
        if blanks >= 4:
            break
        out.append(ln)
        i -= 1
    out.reverse()
    return tuple(out)


def _marked(raw: list[str]) -> list[tuple[int, int, bool]]:
    """(first, end, unterminated) index ranges of <TABLE> ... </TABLE>."""
    spans = []
    i = 0
    while i < len(raw):
        if _OPEN.match(raw[i]):
            j = i + 1
            while j < len(raw) and not _CLOSE.search(raw[j]) and not _OPEN.match(raw[j]):
                j += 1
            closed = j < len(raw) and bool(_CLOSE.search(raw[j]))
            spans.append((i, j + 1 if closed else j, not closed))
            i = j + 1 if closed else j
        else:
            i += 1
    return spans


def _unmarked(lines: list[Line], lo: int, hi: int) -> list[tuple[int, int]]:
    """Runs of aligned numeric lines between lo and hi that no markup announced."""
    spans = []
    i = lo
    while i < hi:
        if not _numeric_body(lines[i]):
            i += 1
            continue
        j = i
        last_numeric = i
        count = 0
        blanks = 0
        while j < hi:
            ln = lines[j]
            if _numeric_body(ln):
                count += 1
                last_numeric = j
                blanks = 0
            elif ln.blank:
                blanks += 1
                if blanks > 3:
                    break
            elif is_prose(ln):
                break
            else:
                blanks = 0
            j += 1
        if count >= 3:
            # start at the header lines just above the first number
            start = i
            while start - 1 >= lo and not lines[start - 1].blank and not is_prose(lines[start - 1]):
                start -= 1
            spans.append((start, last_numeric + 1))
        i = last_numeric + 1
    return spans


def find_blocks(raw_lines: tuple[str, ...]) -> list[Block]:
    """Every table-like block of the text, in order."""
    raw = list(raw_lines)
    lines = [lex(i + 1, clean(text)) for i, text in enumerate(raw)]
    for i, text in enumerate(raw):
        if _CAPTION.search(text):
            lines[i].caption = True
    marked = _marked(raw)
    blocks: list[Block] = []
    cursor = 0
    pieces: list[tuple[int, int, bool, bool]] = []
    for first, end, unterminated in marked:
        pieces.extend((a, b, False, False) for a, b in _unmarked(lines, cursor, first))
        pieces.append((first, end, True, unterminated))
        cursor = end
    pieces.extend((a, b, False, False) for a, b in _unmarked(lines, cursor, len(lines)))
    floor = 0
    for first, end, is_marked, unterminated in pieces:
        body = tuple(
            lines[first + 1 : end - 1]
            if is_marked and not unterminated
            else lines[first + 1 : end]
            if is_marked
            else lines[first:end]
        )
        blocks.append(Block(body, _context(lines, first, floor), is_marked, unterminated))
        floor = end
    return blocks
