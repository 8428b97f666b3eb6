"""One line of a fixed-width table: its label, its number tokens, or a rule.

Number forms read here: `1,234`, `(415)`, `$(0.09)`, `($.39)`, `-12`, `12-`, `.63`,
`1,234.5`, `12.3%`, footnote marks glued on (`35(a)`, `12*`, `(35,940)(4)`), and
nil forms that mean zero (`-`, `--`, `-0-`, `—`, `nil`). A `$` may stand alone
before a number or be glued to it. Positions are 0-based columns in the line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

_NUMBER = re.compile(
    r"""^(?P<d1>\$)?(?P<open>\()?(?P<d2>\$)?(?P<minus>[-\u2013\u2212])?(?P<d3>\$)?
        (?P<num>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)
        (?P<close>\))?(?P<pct>%)?(?P<close2>\))?(?P<trailing>-(?!-))?
        (?P<foot>(?:\([a-zA-Z0-9]{1,2}\))+|\*+|\([a-z]\))?$""",
    re.VERBOSE,
)
_DASH = re.compile(r"^\$?\(?(?:-{1,4}|\u2014+|\u2013+|-0-|nil|NIL|Nil|none|None)\)?\*?$")
_RULE = re.compile(r"^[\s\-=_\u2014\u2013]+$")
_LEADER = re.compile(r"(?:\.\s?){3,}\.?|(?:_\s?){3,}(?=\s*[\s$(\d])")
_TAG = re.compile(r"</?(?:S|C|CAPTION|FN|TABLE)>", re.IGNORECASE)
# a note reference standing in a value column: "... 212,078   See Note (4)"
_NOTE_CELL = re.compile(r"(?<=\S {2})\s*(?:see\s+)?notes?\s*\(?\d{1,2}[a-z]?\)?(?=\s|$)", re.I)
# a footnote mark set one space after its number: "288,139 (4)", "7.86 (6)"
_SPACED_MARK = re.compile(r"^\([a-zA-Z0-9]{1,2}\)$")
# cells that stand where a number would but carry none
_PLACEHOLDER = re.compile(r"^(?:N/?A|NM|n\.?m\.?|N\.M\.|n/a|\*)$")
_YEAR_LIKE = re.compile(r"(19|20)\d\d")
_JOINERS = ("$", "(", "$(", "($")  # a chunk that joins the next when together they are a number


@dataclass(frozen=True, slots=True)
class Token:
    start: int  # first column of the whole token, "$" included
    end: int  # one past its last character
    digits_end: int  # one past the last digit (or dash): what columns align on
    text: str
    value: Decimal | None  # signed as printed; None for a placeholder such as "N/A"
    dash: bool = False
    percent: bool = False
    footnote: str | None = None
    places: int = 0  # digits after the decimal point
    dollar: bool = False
    year_like: bool = False  # four digits 1900-2099 with nothing else: maybe a header year


def _blank(m: re.Match[str]) -> str:
    return " " * (m.end() - m.start())


def clean(line: str) -> str:
    """Blank out SGML table tags and dot leaders without moving any column."""
    if "<" in line:  # every tag opens with one
        line = _TAG.sub(_blank, line)
    if "." in line or "_" in line:  # every leader is made of them
        line = _LEADER.sub(_blank, line)
    if "note" in line.lower():  # a note reference names itself
        line = _NOTE_CELL.sub(_blank, line)
    return line


def is_rule(line: str) -> bool:
    """A line of dashes, equals signs or underscores: a rule between rows."""
    s = line.strip()
    return bool(s) and bool(_RULE.match(s)) and sum(c in "-=_\u2014\u2013" for c in s) >= 3


def rule_spans(line: str) -> list[tuple[int, int]]:
    """Column spans of the rule segments on a rule line."""
    return [(m.start(), m.end()) for m in re.finditer(r"[-=_\u2014\u2013]{2,}", line)]


def parse_number(text: str, start: int = 0, end: int | None = None) -> Token | None:
    """A token for one chunk of text, None if not a number.

    It stands from `start` to `end` (by default at column 0, as long as the text); the two
    may be further apart than the text is long, where a gap was removed ("$ 9,458").
    """
    if end is None:
        end = len(text)
    m = _NUMBER.match(text)
    if m and m.group("trailing") and (m.group("open") or m.group("minus")):
        m = None  # "(12)-" or "-12-" is no way to print a number ("-0-" is a nil form, below)
    if m:
        d1, opened, d2, minus, d3, num, close, pct, close2, trailing, foot = m.groups()
        closed = bool(close or close2)
        if bool(opened) != closed:
            return None  # "(2001" is not a number, nor is "2001)"
        value = Decimal(num.replace(",", ""))
        negative = bool(minus) or closed or bool(trailing)  # "1,234-": a minus after the figure
        places = len(num.split(".")[1]) if "." in num else 0
        dollar = bool(d1 or d2 or d3)
        year_like = (
            _YEAR_LIKE.fullmatch(num) is not None and not (opened or minus or trailing or pct) and not dollar
        )
        return Token(
            start=start,
            end=end,
            digits_end=end - (len(text) - m.end("num")),
            text=text,
            value=-value if negative else value,
            percent=bool(pct),
            footnote=foot,
            places=places,
            dollar=dollar,
            year_like=year_like,
        )
    if _DASH.match(text):
        core = text.rstrip("*").rstrip(")")
        return Token(
            start=start,
            end=end,
            digits_end=end - (len(text) - len(core)),
            text=text,
            value=Decimal(0),
            dash=True,
            dollar=text.startswith("$"),
        )
    if _PLACEHOLDER.match(text):
        return Token(start=start, end=end, digits_end=end, text=text, value=None)
    return None


def chunks(line: str) -> list[tuple[int, int, str]]:
    """Whitespace-separated chunks as (start, end, text); a lone "$" or "(" joins the next.

    A joined chunk's text has the gap removed ("$ 9,458" -> "$9,458") but its
    start and end are the real columns.
    """
    out: list[tuple[int, int, str]] = []
    pending: tuple[int, int, str] | None = None
    for m in re.finditer(r"\S+", line):
        start, end, text = m.start(), m.end(), m.group(0)
        if pending is not None:
            pstart, _, ptext = pending
            pending = None
            if parse_number(ptext + text) is not None:
                out.append((pstart, end, ptext + text))
                continue
            out.append((pstart, pstart + len(ptext), ptext))
        if text in _JOINERS:
            pending = (start, end, text)
        elif (
            _SPACED_MARK.match(text)
            and out
            and out[-1][1] == start - 1
            and parse_number(out[-1][2] + text) is not None
        ):
            # a mark one space after its number belongs to it: no cell of its own, and the
            # number keeps its own columns, which its column aligns on
            continue
        else:
            out.append((start, end, text))
    if pending is not None:
        out.append(pending)
    return out


def _no_number_at_end(line: str) -> bool:
    """Does the line plainly end in no number? Its last chunk is not one and joins nothing.

    A shortcut past `chunks` for running text: when neither of the last two chunks is a
    joiner, the last chunk stands alone, so it alone decides whether a number ends the line.
    """
    last = line.rsplit(None, 2)[-2:]  # str.split's white space is the regex's \s
    return bool(last) and not any(c in _JOINERS for c in last) and parse_number(last[-1]) is None


def trailing_tokens(line: str) -> tuple[str, int, list[Token]]:
    """Split a cleaned line into (label, label start, number tokens at its right).

    The numbers are the longest run of number chunks at the end of the line. A
    lone "$" between them is absorbed. The run must be set off from the label by
    two spaces or more, so that "Act of 1934" stays prose.
    """
    if _no_number_at_end(line):
        label = line.strip()
        return label, len(line) - len(line.lstrip()) if label else 0, []
    parts = chunks(line)
    tokens: list[Token] = []
    i = len(parts)
    while i > 0:
        start, end, text = parts[i - 1]
        if text == "$":
            i -= 1
            continue
        tok = parse_number(text, start, end)
        if tok is None:
            break
        tokens.append(tok)
        i -= 1
    tokens.reverse()
    if tokens and i > 0:
        label_end = parts[i - 1][1]
        gap = line[label_end : tokens[0].start]
        if len(gap) < 2 and not gap.startswith("$"):
            # glued to the label: "shares-14,901" or prose; take only well-separated tokens
            while tokens and len(line[label_end : tokens[0].start]) < 2:
                first = tokens.pop(0)
                label_end = first.end
    if (
        i == 0
        and len(tokens) >= 2
        and tokens[0].year_like
        and not any(t.year_like for t in tokens[1:])
        and tokens[1].start - tokens[0].end >= 6
    ):
        # a year standing where the label would, its figures far to its right
        # ("1995 ........ $1.24   $.34"): the row's label, not one of its figures
        tokens = tokens[1:]
    label_part = line[: tokens[0].start] if tokens else line
    label = label_part.strip()
    label_start = len(label_part) - len(label_part.lstrip()) if label else 0
    return label, label_start, tokens
