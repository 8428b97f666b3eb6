"""Find the tables in a text: `<TABLE>` markup where there is any, aligned numbers elsewhere.

A `Block` is a run of lines that holds one or more tables, plus the lines just
above it where titles and scale notes live. Blocks are split into single tables
later, at titles and at repeated column headers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from converter.scales import scale_of
from converter.tables.grid import Line, is_header_numbers, lex
from converter.tables.lexer import clean

_OPEN = re.compile(r"^\s*<TABLE>", re.IGNORECASE)
_CLOSE = re.compile(r"</TABLE>", re.IGNORECASE)
_CAPTION = re.compile(r"<CAPTION>", re.IGNORECASE)
_MAX_CONTEXT = 14  # lines above a table searched for its title and scale
_MAX_BLANKS = 6  # blank lines in a row that end that search (markup stripped leaves several)


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


def _ends_sentence(line: Line) -> bool:
    """Does a long line end a sentence? The last line of a paragraph does; a caption such as
    "Dollars in millions, increase (decrease) in cash and cash equivalents" does not."""
    text = line.text.strip()
    return text.endswith((".", ":", ";", '."', ".)")) or ". " in text


def _wrapped_label(lines: list[Line], j: int, hi: int) -> bool:
    """Is the long line at `j` the first part of a label, or a heading, whose figures follow?
    It ends no sentence, or is set in capitals, and figures stand on one of the next two
    lines ("Adjustments to reconcile net earnings to cash provided from operating" /
    "activities:" / "Depreciation  4,018")."""
    text = lines[j].text
    # a caption in capitals is a heading whatever ends it: "EARNINGS PER SHARE - ASSUMING
    # DILUTION:" over its lines; running text is not set in capitals
    if _ends_sentence(lines[j]) and not (text.upper() == text and re.search(r"[A-Z]{3}", text)):
        return False
    return any(_numeric_body(lines[k]) for k in (j + 1, j + 2) if k < hi)


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
        if (is_prose(ln) and _ends_sentence(ln)) or _CLOSE.search(ln.text):
            break
        blanks = blanks + 1 if ln.blank else 0
        if blanks >= _MAX_BLANKS:
            break
        out.append(ln)
        i -= 1
    out.reverse()
    return tuple(out)


def marked_spans(raw: list[str]) -> list[tuple[int, int, bool]]:
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


_HEADING_WORDS = re.compile(
    r"\b(?:19|20)\d\d\b|\(?(?:un)?audited\)?|\b(?:months?|weeks?|quarters?|year|years|ended|ending|fiscal|"
    r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b",
    re.I,
)


def _heading_like(line: Line) -> bool:
    """A column-heading line: years over the columns, a rule, or a short line of period words."""
    if line.blank or is_prose(line):
        return False
    if line.rule or is_header_numbers(line):
        return True
    text = line.text.strip()
    if line.numeric:
        return False
    if len(text.split()) <= 8 and (_HEADING_WORDS.search(text) or scale_of(text)[0]):
        return True  # period words, or a scale note under the years: "(millions of dollars)"
    # column captions side by side ("Retail &     Credit &"): short pieces set 3+ spaces apart
    pieces = re.split(r"\s{3,}", text)
    return len(pieces) >= 2 and all(len(p) <= 24 for p in pieces)


def _short_text(line: Line) -> bool:
    """A section heading such as "ASSETS" or "Current Assets:": a few words, no figures."""
    return not line.blank and not line.numeric and not is_prose(line) and len(line.text.split()) <= 6


def _header_start(lines: list[Line], first: int, lo: int) -> int:
    """Where an unmarked table starts: the header lines above its first figures, across a
    blank line or two when the lines beyond are column headings ("FIRST QUARTER", "2000
    1999", a rule), as a table without markup often leaves a blank line under them, and
    across section headings ("ASSETS", "Current Assets") between those and the figures."""
    start = first
    while True:
        while start - 1 >= lo and not lines[start - 1].blank and not is_prose(lines[start - 1]):
            start -= 1
        # look up past blank lines and short section headings for the column headings
        probe, groups = start - 1, 0
        while probe >= lo and groups < 3:
            skipped = 0
            while probe >= lo and skipped < 2 and lines[probe].blank:
                probe, skipped = probe - 1, skipped + 1
            if probe < lo or lines[probe].blank:
                return start
            if _heading_like(lines[probe]):
                break
            if not _short_text(lines[probe]):
                return start
            while probe - 1 >= lo and _short_text(lines[probe - 1]):
                probe -= 1
            probe, groups = probe - 1, groups + 1
        else:
            return start
        start = probe + 1  # the heading's own lines are taken on the next pass


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
            elif is_prose(ln) and not _wrapped_label(lines, j, hi):
                break  # running text
            else:
                blanks = 0
            j += 1
        if count >= 3:
            spans.append((_header_start(lines, i, lo), last_numeric + 1))
        i = last_numeric + 1
    return spans


def find_blocks(raw_lines: tuple[str, ...]) -> list[Block]:
    """Every table-like block of the text, in order."""
    raw = list(raw_lines)
    lines = [lex(i + 1, clean(text)) for i, text in enumerate(raw)]
    for i, text in enumerate(raw):
        if _CAPTION.search(text):
            lines[i].caption = True
    marked = marked_spans(raw)
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
