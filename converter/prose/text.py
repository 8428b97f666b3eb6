"""The prose of a release as sentences, and the figures each sentence states.

Only text outside the statements is read: a statement's lines run from its
`source.line` to its `end_line`, and other <TABLE> blocks and tabular lines (two or more
figures set apart by wide gaps) are skipped too. A paragraph is a run of non-blank lines;
it is cut into sentences at a full stop before a capital, and at a line that starts with
a bullet ("-Fiscal 2002 Revenues up 219% ..."). Every offset in a sentence maps back to
its line and column.

A figure is "$29,609,000", "$29.6 million", "$.04 per share", "219%", "53.3 percent" or
a plain count ("16,109,000", "571 million shares"). A number whose digit groups are not
groups of three ("$399,0000") is malformed: it keeps its text and the reason, and no value.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from decimal import Decimal

from converter.model import Filing, SourceSpan

_TABULAR = re.compile(r"\s{3,}[$(]?\s?\d")
_MARKUP = re.compile(r"^\s*</?(?:PAGE|S|C|FN|CAPTION|TABLE)>", re.I)
_BULLET = re.compile(r"^(?:[-*\u2022\u25aa\u00b7]|o\s)\s*(?=[A-Z$0-9\"'])")
_ABBREVIATIONS = re.compile(
    r"(?:\b(?:Inc|Corp|Co|Ltd|Mr|Mrs|Ms|Dr|No|Nos|vs|approx|Jan|Feb|Mar|Apr|Jun|Jul|Aug|"
    r"Sep|Sept|Oct|Nov|Dec|St|Jr|Sr)|\b[A-Z](?:\.[A-Z])*)\.$"
)
_SENTENCE_END = re.compile(r"[.!?][\"')\u201d]?\s+(?=[\"'\u201c(]?[A-Z$])")
_FIGURE = re.compile(
    r"(?P<usd>\$\s?(?P<un>\d+(?:,\d+)*(?:\.\d+)?|\.\d+)(?:\s*(?P<uw>thousand|million|billion)\b)?)"
    r"|(?P<pct>(?<![\w.,$])(?P<pn>\d+(?:\.\d+)?)\s*(?:%|percent\b|per\s+cent\b|-percent\b))"
    r"|(?P<num>(?<![\w.,$/-])(?P<nn>\d+(?:,\d+)*(?:\.\d+)?)(?:\s*(?P<nw>million|billion)\b)?)",
    re.I,
)
_PER_SHARE = re.compile(
    r"\s*(?:per|a)\s+(?:basic\s+|diluted\s+|fully[\s-]diluted\s+|primary\s+)?"
    r"(?:common\s+)?share\b",
    re.I,
)
_SHARES_AFTER = re.compile(r"\s+(?:[a-z-]+\s+){0,2}shares\b", re.I)
_BOUND = re.compile(
    r"(?P<approx>approximately|about|nearly|almost|roughly|some|around|approx\.)\s*$|"
    r"(?P<min>more\s+than|over|in\s+excess\s+of|exceeding|above)\s*$|"
    r"(?P<max>less\s+than|under|below|up\s+to)\s*$",
    re.I,
)
_RUNNING_HEAD = re.compile(
    r"\bp(?:age)?\.?\s*\d+\s*$|^[-(\s]*(?:more|continued)[-)\s]*$|^[#*=_\s-]+$", re.I
)
_WORD_POWER = {"thousand": 3, "million": 6, "billion": 9}


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    starts: tuple[int, ...]  # offsets in `text` where a piece of a line begins
    places: tuple[tuple[int, int], ...]  # (line, column) of each piece's first character
    paragraph: int
    heading: str = ""  # the heading of the section the sentence is in ("Domestic", "Revenues")

    def source(self, start: int, end: int) -> SourceSpan:
        """Line and column of text[start:end] as printed (on the line where it starts)."""
        i = bisect.bisect_right(self.starts, start) - 1
        line, col = self.places[i]
        return SourceSpan(line, col + start - self.starts[i], self.text[start:end])


@dataclass(frozen=True, slots=True)
class Figure:
    """A figure in a sentence: offsets, kind, value in full units (None if malformed)."""

    start: int
    end: int
    text: str
    kind: str  # "usd", "per_share", "percent", "count"
    value: Decimal | None
    decimals: int
    malformed: str = ""
    bound: str = ""  # "approx", "min" (more than), "max" (less than), or ""
    shares: bool = False  # a count followed by "shares"


def prose_lines(filing: Filing) -> set[int]:
    """Numbers of the lines that are prose: outside statements, tables and tabular lines."""
    inside: set[int] = set()
    for st in filing.statements:
        inside.update(range(st.source.line, st.end_line + 1))
    in_table = False
    out: set[int] = set()
    for n, line in enumerate(filing.lines, start=1):
        low = line.strip().lower()
        if low.startswith("<table"):
            in_table = True
        if (
            not in_table
            and n not in inside
            and not _MARKUP.match(line)
            and len(_TABULAR.findall(line)) < 2
        ):
            out.add(n)
        if low.startswith("</table"):
            in_table = False
    return out


def sentences(filing: Filing) -> list[Sentence]:
    """The prose's sentences in order, each knowing its paragraph and section heading."""
    keep = prose_lines(filing)
    blocks: list[list[tuple[int, str, int]]] = []
    block: list[tuple[int, str, int]] = []
    for n, line in enumerate(filing.lines, start=1):
        if n in keep and line.strip():
            block.append((n, line.strip(), len(line) - len(line.lstrip())))
        elif block:
            blocks.append(block)
            block = []
    if block:
        blocks.append(block)
    out: list[Sentence] = []
    heading = ""
    for paragraph, b in enumerate(blocks):
        if _RUNNING_HEAD.search(b[0][1]) and len(b) == 1:
            continue  # a page header or "- more -": the section goes on
        if is_heading(b):
            heading = b[0][1].rstrip(":").strip()
            continue
        out.extend(replace(s, heading=heading) for s in _split(b, paragraph))
    return out


def is_heading(block: list[tuple[int, str, int]]) -> bool:
    """A paragraph of one short line with no sentence end and no figure: "Revenues", "DOMESTIC:"."""
    if len(block) != 1:
        return False
    text = block[0][1]
    return len(text) <= 50 and not re.search(r"[.,;!?\"]$|\$|\d%", text) and not _BULLET.match(text)


def _split(block: list[tuple[int, str, int]], paragraph: int) -> list[Sentence]:
    text = ""
    starts: list[int] = []
    places: list[tuple[int, int]] = []
    cuts = {0}
    for n, piece, col in block:
        if text:
            if _BULLET.match(piece):
                cuts.add(len(text) + 1)
            text += " "
        starts.append(len(text))
        places.append((n, col))
        text += piece
    for m in _SENTENCE_END.finditer(text):
        if not _ABBREVIATIONS.search(text[max(0, m.start() - 12) : m.start() + 1]):
            cuts.add(m.end())
    bounds = sorted(cuts) + [len(text)]
    out = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        if text[a:b].strip():
            i = bisect.bisect_right(starts, a) - 1
            sub_starts = [a] + [s for s in starts if a < s < b]
            sub_places = [(places[i][0], places[i][1] + a - starts[i])] + [
                places[j] for j, s in enumerate(starts) if a < s < b
            ]
            out.append(
                Sentence(text[a:b], tuple(s - a for s in sub_starts), tuple(sub_places), paragraph)
            )
    return out


def _well_formed(digits: str) -> str:
    """Why a printed number is malformed, or ""."""
    whole = digits.split(".")[0]
    if "," not in whole:
        return ""
    groups = whole.split(",")
    if not 1 <= len(groups[0]) <= 3 or any(len(g) != 3 for g in groups[1:]):
        bad = next((g for g in groups[1:] if len(g) != 3), groups[0])
        return f"digit group '{bad}' after a comma is not three digits"
    return ""


def _value(digits: str, word: str | None, approx: bool) -> tuple[Decimal | None, int, str]:
    why = _well_formed(digits)
    if why:
        return None, 0, why
    power = _WORD_POWER.get((word or "").lower(), 0)
    plain = digits.replace(",", "")
    places = len(plain.split(".")[1]) if "." in plain else 0
    if approx and places == 0:
        places = -(len(plain) - len(plain.rstrip("0"))) if plain.strip("0") else 0
    return Decimal(plain).scaleb(power), places - power, ""


def figures(text: str) -> list[Figure]:
    out: list[Figure] = []
    for m in _FIGURE.finditer(text):
        bound = _BOUND.search(text[max(0, m.start() - 20) : m.start()])
        how = next((k for k in ("approx", "min", "max") if bound and bound.group(k)), "")
        if m.group("usd"):
            value, decimals, why = _value(m.group("un"), m.group("uw"), how == "approx")
            per = _PER_SHARE.match(text, m.end())
            kind = "per_share" if per else "usd"
            out.append(Figure(m.start(), m.end(), m.group(), kind, value, decimals, why, how))
        elif m.group("pct"):
            value, decimals, why = _value(m.group("pn"), None, how == "approx")
            out.append(Figure(m.start(), m.end(), m.group(), "percent", value, decimals, why, how))
        else:
            digits = m.group("nn")
            shares = bool(_SHARES_AFTER.match(text, m.end()))
            year = re.fullmatch(r"(?:19|20)\d\d", digits)
            if year or not ("," in digits or m.group("nw") or shares):
                continue
            value, decimals, why = _value(digits, m.group("nw"), how == "approx")
            out.append(
                Figure(m.start(), m.end(), m.group(), "count", value, decimals, why, how, shares)
            )
    return out
