"""Body lines to rows: wrapped labels joined, section headers kept apart, totals marked.

A label can wrap over several lines; the numbers stand on its last line. A line
without numbers joins the row below when it reads as the first part of a
sentence ("Selling, general and" / "administrative"). Otherwise it is a section
header ("Operating expenses:"), which is kept as a row without cells.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from converter.tables.grid import Line
from converter.tables.lexer import Token

_JOINERS = re.compile(
    r"(?:\b(?:and|or|of|for|from|in|to|the|a|an|on|by|with|less|net|plus|at|before|after|"
    r"including|excluding|per|than|under|over|into|as)|[,&\-/(])$",
    re.IGNORECASE,
)
_TOTAL = re.compile(r"^(total|net\s+(cash|increase|decrease|change))\b", re.IGNORECASE)


@dataclass(slots=True)
class RawRow:
    label: str
    indent: int
    lines: list[int]  # input line numbers of the label lines and the number line
    tokens: dict[int, Token]  # column index -> token
    header: bool = False  # a section header: no numbers
    rule_above: bool = False
    generated: bool = False


_NOTE_REFS = re.compile(r"\s{2,}(?:[A-Z](?:\s*(?:,|&|and)\s*[A-Z])*|\(?notes?\s+[\w ,&]+\)?)$")


def _drop_note_refs(label: str) -> str:
    """A "Notes" column of letters between label and figures ("Interest expense   H") is no label."""
    return _NOTE_REFS.sub("", label)


def continues(above: str, below: str, overflowed: bool = False) -> bool:
    """Does `below` carry on the label that `above` started?

    `overflowed`: the first word of `below` would not have fitted on the line above before
    the figures' column, which is why a typesetter wraps a label there."""
    above = above.rstrip()
    below = below.lstrip()
    if not above or not below or above.endswith(":"):
        return False
    if _JOINERS.search(above):
        return True
    first = below[0]
    if first.islower() or first.isdigit() or first in "(&$%-":
        return True
    # in capitals the case tells nothing: a joining first word does
    if _caseless(above, below):
        if _JOINING.match(below):
            return True
        # a line cut short before the figures goes on below, unless what follows is one of
        # the items a heading such as "WEIGHTED AVERAGE SHARES OUTSTANDING" lists
        return overflowed and not _LISTED.match(below)
    return False


_PART_OF = re.compile(r"\s-\s+([A-Za-z][A-Za-z&' ]{2,40}?)\s*$")
# the headings of a statement's major sections, in capitals: the others nest in them
_MAJOR = re.compile(
    r"(?:(?:CASH\s+FLOWS?\s+[A-Z()\s]{0,30}?)?(?:OPERATING|INVESTING|FINANCING)\s+ACTIVITIES:?$|"
    r"(?:TOTAL\s+)?ASSETS:?$|LIABILITIES\b|SUPPLEMENTAL\b|"
    r"(?:[A-Z]+\s+)?(?:STOCKHOLDERS|SHAREHOLDERS|SHAREOWNERS)'?\s+(?:EQUITY|INVESTMENT))",
    re.I,
)
_JOINING = re.compile(
    r"(?:AND|OR|OF|FOR|NET\s+OF|LESS|PLUS|BEFORE|AFTER|FROM|TO|IN|ON|AT|BY|WITH|PER|AS|INTO|OVER|UNDER|"
    r"THAN|INCLUDING|EXCLUDING)\b",
    re.I,
)
_LISTED = re.compile(r"(?:BASIC|DILUTED|PRIMARY|FULLY\s+DILUTED|ASSUMING\s+DILUTION)\b", re.I)


def _style(text: str) -> str | None:
    """ "caps", or "title" for title case ("Net Earnings Available For Common"): styles in
    which every line starts with a capital, so the case of a first letter tells nothing."""
    if text.isupper():
        return "caps"
    words = re.findall(r"[A-Za-z]{4,}", text)
    return "title" if words and all(w[0].isupper() for w in words) else None


def _caseless(above: str, below: str) -> bool:
    """Are both lines set in one such style, so that case tells nothing between them?"""
    style = _style(above)
    return style is not None and style == _style(below)


def _overflowed(above: Line, below: str, figures_at: int) -> bool:
    """Would `below`'s first word have run into the figures (set at `figures_at`) had it
    been printed on `above`? Then `above` was cut short there: a wrapped label."""
    words = below.split()
    return bool(words) and above.indent + len(above.label) + 1 + len(words[0]) > figures_at - 2


def _dash_stem(line: Line, previous: Line | None) -> str | None:
    """The stem a "- issued" line shares with the line above ("Common Shares - authorized").

    A label that starts with a dash set under the dash of the labelled line above it
    continues that line's stem: "Common Shares - issued". None where it does not.
    """
    if previous is None or not re.match(r"-\s+\S", line.label):
        return None
    at = line.indent
    above = previous.text
    if at < 2 or at + 1 >= len(above) or above[at - 1 : at + 2] != " - ":
        return None
    stem = above[:at].strip()
    return stem if stem and previous.label.startswith(stem) else None


def build_rows(body: list[Line], placed: list[dict[int, Token]]) -> list[RawRow]:
    """Rows from the body lines; `placed[i]` is body[i]'s tokens by column."""
    rows: list[RawRow] = []
    stem_line: Line | None = None  # the last labelled number line, whose stem a "- x" line shares
    pending: list[tuple[Line, bool]] = []  # label-only lines, and whether a blank/rule follows
    rule = False
    rule_at = 0  # how many label lines were pending when the rule was drawn
    for line, tokens in zip(body, placed, strict=True):
        if line.blank:
            if pending:
                pending[-1] = (pending[-1][0], True)
            continue
        if line.rule:
            rule, rule_at = True, len(pending)
            if pending:
                pending[-1] = (pending[-1][0], True)
            continue
        if not tokens:
            pending.append((line, False))
            continue
        # a number line: decide which pending lines belong to its label
        label_lines: list[Line] = []
        own = line.label
        head = own
        figures_at = min(t.start for t in tokens.values())
        while pending:
            cand, broken = pending[-1]
            if broken:
                break
            if head and not continues(cand.label, head, _overflowed(cand, head, figures_at)):
                break
            label_lines.insert(0, cand)
            head = cand.label
            pending.pop()
        if len(pending) > rule_at:
            rule = False  # the rule closed a block above these section headers
        rows.extend(_headers(pending))
        pending = []
        label = " ".join([ln.label for ln in label_lines] + ([_drop_note_refs(own)] if own else []))
        indent = label_lines[0].indent if label_lines else line.indent
        stem = None if label_lines else _dash_stem(line, stem_line)
        if stem is not None:
            label = f"{stem} {label}"
        elif own and not label_lines:
            stem_line = line
        rows.append(
            RawRow(
                label=re.sub(r"\s+", " ", label).strip(),
                indent=indent,
                lines=[ln.no for ln in label_lines] + [line.no],
                tokens=tokens,
                rule_above=rule,
                generated=not label.strip(),
            )
        )
        rule, rule_at = False, 0
    rows.extend(_headers(pending))
    return rows


def _headers(pending: list[tuple[Line, bool]]) -> list[RawRow]:
    """Section headers; one that wraps ("EARNINGS PER SHARE --" / "ASSUMING DILUTION") is one.

    In capitals a long heading line with no colon, right above one that ends in a colon,
    runs on into it ("ADJUSTMENTS TO RECONCILE INCOME FROM CONTINUING" / "OPERATIONS TO
    CASH PROVIDED BY OPERATING ACTIVITIES:"): a heading ends at its colon."""
    out: list[RawRow] = []
    broken_before = True
    for line, broken in pending:
        above = out[-1].label if out else ""
        runs_on = len(above) >= 45 and not above.endswith(":") and line.label.endswith(":")
        if out and not broken_before and continues(above, line.label, runs_on):
            out[-1].label = f"{out[-1].label} {line.label}"
            out[-1].lines.append(line.no)
        else:
            out.append(RawRow(line.label, line.indent, [line.no], {}, header=True))
        broken_before = broken
    return out


def is_total(row: RawRow) -> bool:
    return row.rule_above or row.generated or bool(_TOTAL.match(row.label))


def depths(rows: list[RawRow]) -> list[int]:
    """Indentation as depth: the rank of each row's indent among the table's indents."""
    levels = sorted({r.indent for r in rows})
    # indents a column or two apart are the same level
    merged: list[int] = []
    for lv in levels:
        if not merged or lv - merged[-1] > 1:
            merged.append(lv)

    def rank(indent: int) -> int:
        return max(i for i, lv in enumerate(merged) if lv <= indent + 1)

    return [rank(r.indent) for r in rows]


def fold_described_rows(rows: list[RawRow]) -> list[RawRow]:
    """A header whose only row is its own continuation is one label, not a section.

    "Common stock, $0.10 par value:" / "Authorized shares-40,000" / "Issued and
    outstanding ... 1,491 1,491" describes one line item: the header is followed by
    deeper lines and a single row of figures, after which the indentation returns.
    """
    out: list[RawRow] = []
    i = 0
    while i < len(rows):
        head = rows[i]
        if head.header:
            j = i + 1
            while j < len(rows) and rows[j].header and rows[j].indent > head.indent:
                j += 1
            if (
                j < len(rows)
                and not rows[j].header
                and rows[j].indent > head.indent
                and (j + 1 == len(rows) or rows[j + 1].indent <= head.indent)
                and not head.label.lower().startswith(("total", "less"))
            ):
                parts = rows[i : j + 1]
                row = rows[j]
                out.append(
                    RawRow(
                        label=" ".join(p.label for p in parts),
                        indent=head.indent,
                        lines=[n for p in parts for n in p.lines],
                        tokens=row.tokens,
                        rule_above=row.rule_above,
                        generated=False,
                    )
                )
                i = j + 1
                continue
        out.append(head)
        i += 1
    return out


def sections(rows: list[RawRow]) -> list[str]:
    """The section each row sits in: the nearest open header above it.

    A header stays open over rows indented as deep or deeper, and closes at a
    header of the same level or at the "Total ..." row that ends it. A header whose
    lines stand indented under it closes at a line back at its own indent ("Other -
    net" after the lines of "Changes in operating assets and liabilities:").
    """
    stack: list[tuple[int, str]] = []
    inner: list[int | None] = []  # per open header: the indent of its first line
    holds: list[bool] = []  # per open header: its first line is a heading at its own indent
    out: list[str] = []

    def path() -> str:
        return " / ".join(label for _, label in stack)

    def pop() -> None:
        stack.pop()
        inner.pop()
        holds.pop()

    # a heading that a later line names at its end ("... - Financial Services") is one
    # business's part of the statement, and that line closes it
    headings = {r.label.rstrip(":").strip().upper() for r in rows if r.header}
    businesses = {
        m.group(1).upper()
        for r in rows
        if not r.header and (m := _PART_OF.search(r.label)) and m.group(1).upper() in headings
    }

    def major(label: str) -> bool:
        return bool(_MAJOR.match(label)) or label.upper() in businesses

    def nests(label: str, indent: int) -> bool:
        """Does a heading at the open heading's own indent go inside it?"""
        top = stack[-1][1]
        if top.isupper() and not label.isupper():
            return True  # a mixed-case heading under an all-caps one
        if _LISTED.match(label) and not _LISTED.match(top):
            return True  # "Primary", "Fully diluted": parts of the per-share heading above
        # where the case tells nothing (all in capitals): a heading right under another,
        # before any line of its own, is its first part ("PER COMMON SHARE" / "PRIMARY"),
        # and its next parts follow ("ASSUMING FULL DILUTION")
        if not _caseless(top, label) or major(label):
            return False  # a major section is nobody's part
        if inner[-1] is None or holds[-1]:
            return True
        # or the open heading names one of a statement's major sections and this one does not
        return major(top) and not major(label)

    for row in rows:
        if row.header:
            label = row.label.rstrip(":")
            while stack and (
                stack[-1][0] > row.indent or (stack[-1][0] == row.indent and not nests(label, row.indent))
            ):
                pop()
            out.append(path())
            if inner and inner[-1] is None:
                inner[-1] = row.indent
                # its first part, in capitals like it: the parts to come nest in it too
                holds[-1] = stack[-1][0] == row.indent and _caseless(stack[-1][1], label)
            stack.append((row.indent, label))
            inner.append(None)
            holds.append(False)
            continue
        while stack and (
            stack[-1][0] > row.indent
            or (not row.generated and inner[-1] is not None and inner[-1] > stack[-1][0] >= row.indent)
        ):
            pop()
        if inner and inner[-1] is None and not row.generated:
            inner[-1] = row.indent
        out.append(path())
        part = _PART_OF.search(row.label)
        if part and part.group(1).upper() in businesses:
            at = next((k for k in range(len(stack)) if stack[k][1].upper() == part.group(1).upper()), None)
            while at is not None and len(stack) > at:
                pop()
            continue
        if stack and (row.generated or re.match(r"total\b", row.label, re.I)):
            # "TOTAL ASSETS" closes the section it names with the parts open inside it
            named = next(
                (k for k in range(len(stack) - 1, -1, -1) if _is_total_of(row.label, stack[k][1])), None
            )
            if named is not None and not row.generated:
                while len(stack) > named:
                    pop()
            elif (
                row.indent <= stack[-1][0]
                or names_section(row.label, stack[-1][1])
                or re.fullmatch(r"\s*total\s*:?\s*", row.label, re.I)
            ):
                pop()  # "Total current assets", or an unlabelled total under a rule, ends it
    return out


def _is_total_of(total: str, section: str) -> bool:
    """Is the row "Total <section>" word for word ("TOTAL ASSETS" for "ASSETS")?"""
    words = re.findall(r"[a-z]+", total.lower())
    return words[:1] == ["total"] and words[1:] == re.findall(r"[a-z]+", section.lower())


def names_section(total: str, section: str) -> bool:
    """Does "Total costs and other deductions" name the section "Costs and other deductions"?"""
    words = set(re.findall(r"[a-z]+", section.lower())) - {"and", "of", "the", "other"}
    return bool(words) and words <= set(re.findall(r"[a-z]+", total.lower()))
