"""Periods named in prose, resolved against the periods the filing's facts are reported for.

"the twelve-months ended November 30, 2002", "fiscal 2002", "the fourth quarter of 2001",
"the same period last year", "at December 31, 1993": `phrases(text)` finds each one as a
`Phrase`, and a `Calendar` built from the facts' periods turns a phrase into one of those
periods, or None when no fact period fits. A relative phrase needs a reference period: the
one the sentence is about.

Fiscal years are named by the calendar year they end in, except a year that ends in
January or in the first week of February, which retailers name by the year before
("fiscal 1999" ends on January 29, 2000).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from converter.model import Period
from converter.periods import ORDINALS, make_date

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_YEAR = r"(?:19|20)\d\d(?!\d|,\d|%)"
_DATE = rf"(?P<mon>{_MONTH})\s+(?:(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+)?(?P<y>{_YEAR})"
_ORD = r"first|second|third|fourth|1st|2nd|3rd|4th"
_NUMBER_WORDS = {
    "three": 3,
    "six": 6,
    "nine": 9,
    "twelve": 12,
    "thirteen": 13,
    "sixteen": 16,
    "twenty-four": 24,
    "twenty-six": 26,
    "twenty-eight": 28,
    "thirty-six": 36,
    "thirty-nine": 39,
    "forty": 40,
    "fifty-two": 52,
    "fifty-three": 53,
}
_NUMW = r"\d{1,2}|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, re.I))
    for name, pattern in (
        (
            "ended",
            rf"(?:the\s+)?(?:(?P<ord>{_ORD})\s+(?:fiscal\s+)?quarter|(?P<n>{_NUMW})[\s-]+"
            rf"(?P<unit>months?|weeks?)(?:\s+(?:period|(?:(?:{_ORD})\s+)?(?:fiscal\s+)?quarter|(?:fiscal\s+)?year))?|"
            rf"(?:fiscal\s+|full\s+|calendar\s+)?"
            rf"(?P<yr>year)|(?P<q>quarter)|(?P<p>period))\s+(?:that\s+)?end(?:ed|ing)\s+"
            rf"(?:on\s+)?{_DATE}",
        ),
        (
            "instant",
            rf"\b(?:at|as\s+of)\s+(?:the\s+end\s+of\s+(?:fiscal\s+)?(?P<y1>{_YEAR})|"
            rf"(?:fiscal\s+)?year[\s-]end\s+(?P<y2>{_YEAR})|{_DATE}|(?P<ye>(?:fiscal\s+)?"
            rf"year[\s-]end|the\s+end\s+of\s+the\s+(?:fiscal\s+)?year))",
        ),
        (
            "quarter",
            rf"(?:the\s+)?(?:(?:fiscal\s+)?(?P<y1>{_YEAR})\s+)?(?P<ord>{_ORD})[\s-]+"
            rf"(?:fiscal\s+)?quarter(?:\s+(?:of|in)\s+(?:the\s+)?(?:fiscal\s+)?(?:year\s+)?"
            rf"(?P<y2>{_YEAR})|\s+(?:fiscal\s+)?(?P<y3>{_YEAR}))?",
        ),
        (
            "part",
            rf"(?:the\s+)?(?:(?P<half>first|second)\s+half|(?:first\s+)?(?P<n>six|nine)\s+months)"
            rf"(?:\s+of\s+(?:fiscal\s+)?(?P<y>{_YEAR}))?",
        ),
        (
            "relative",
            r"(?:the\s+)?(?:same|comparable|corresponding|prior[\s-]year|year[\s-]earlier|"
            r"year[\s-]ago|prior|previous|preceding|last\s+year'?s?)\s+(?:fiscal\s+)?"
            r"(?:comparative\s+)?(?P<what>period|quarter|year|(?:three|six|nine|twelve)"
            r"[\s-]months)(?:\s+(?:of|in)\s+(?:the\s+)?(?:prior|previous|preceding|last)\s+"
            r"(?:fiscal\s+)?year|\s+(?:a\s+year\s+ago|last\s+year|of\s+last\s+year|a\s+year"
            r"\s+earlier))?|\b(?:a\s+year\s+(?:ago|earlier)|last\s+year|the\s+(?:prior|"
            r"previous|preceding)\s+(?:fiscal\s+)?year|the\s+year\s+before)\b",
        ),
        (
            "fiscal",
            rf"(?:the\s+)?(?:fiscal\s+(?:year\s+)?(?P<y1>{_YEAR})|(?:calendar\s+)?year\s+"
            rf"(?P<y2>{_YEAR})|(?P<y3>{_YEAR})\s+fiscal\s+year)",
        ),
        ("date", _DATE),
        ("year", rf"(?<![\d,.$/])(?P<y>{_YEAR})"),
        (
            "latest",
            r"\b(?:the|this)\s+(?:current\s+|latest\s+|most\s+recent\s+|full\s+)?(?:fiscal\s+)?"
            r"(?P<w>quarter|year)\b(?!\s+(?:ended|ending|earlier|ago|before))",
        ),
    )
)


@dataclass(frozen=True, slots=True)
class Phrase:
    """A period named in a sentence: offsets, the words, and what they pin down."""

    start: int
    end: int
    text: str
    length: str | None = None  # "quarter", "half", "nine", "year"; None when not said
    end_date: date | None = None
    month_only: bool = False  # "ended November 2002": the day is not printed
    year: int | None = None
    quarter: int | None = None
    relative: bool = False  # the year-ago counterpart of the reference period
    instant: bool = False  # "at December 31, 1993"
    latest: bool = False  # "the quarter", "at year-end": the latest such period
    dateline: bool = False  # a bare date ("March 17, 2003"): no period at all


def _year(m: re.Match[str], *names: str) -> int | None:
    found = m.groupdict()
    for n in names:
        if found.get(n):
            return int(found[n])
    return None


def _date(m: re.Match[str]) -> tuple[date | None, bool]:
    month = _MONTHS.index(m.group("mon").lower()[:3]) + 1
    year = int(m.group("y"))
    if m.group("day"):
        return make_date(year, month, int(m.group("day"))), False
    return make_date(year, month, 1), True


def _length_of_words(n: str, unit: str) -> str | None:
    count = int(n) if n.isdigit() else _NUMBER_WORDS.get(n.lower(), 0)
    if unit.lower().startswith("month"):
        return {3: "quarter", 6: "half", 9: "nine", 12: "year"}.get(count)
    return next((k for k, v in _WEEK_CLASSES.items() if count in v), None)


_WEEK_CLASSES = {
    "quarter": range(12, 18),
    "half": range(24, 29),
    "nine": range(36, 41),
    "year": range(52, 54),
}


def _phrase(name: str, m: re.Match[str]) -> Phrase:
    base = Phrase(m.start(), m.end(), m.group())
    if name == "ended":
        day, month_only = _date(m)
        if m.group("ord"):
            length: str | None = "quarter"
        elif m.group("n"):
            length = _length_of_words(m.group("n"), m.group("unit"))
        else:
            length = "year" if m.group("yr") else "quarter" if m.group("q") else None
        return replace(base, length=length, end_date=day, month_only=month_only)
    if name == "instant":
        if m.groupdict().get("mon"):
            day, month_only = _date(m)
            return replace(base, instant=True, end_date=day, month_only=month_only)
        year = _year(m, "y1", "y2")
        return replace(base, instant=True, year=year, latest=year is None)
    if name == "quarter":
        return replace(
            base,
            length="quarter",
            quarter=ORDINALS[m.group("ord").lower()],
            year=_year(m, "y1", "y2", "y3"),
        )
    if name == "part":
        length = "half" if m.group("half") or m.group("n").lower() == "six" else "nine"
        return replace(base, length=length, year=_year(m, "y"), latest=m.group("y") is None)
    if name == "relative":
        what = (m.groupdict().get("what") or "").lower()
        length = (
            _length_of_words(what.split()[0].split("-")[0], "months") if "month" in what else None
        )
        return replace(
            base, relative=True, length=length or ("quarter" if what == "quarter" else None)
        )
    if name in ("fiscal", "year"):
        return replace(base, length="year", year=_year(m, "y1", "y2", "y3", "y"))
    if name == "date":
        return replace(base, dateline=True)
    return replace(
        base, length="quarter" if m.group("w").lower() == "quarter" else "year", latest=True
    )


# What each pattern cannot match without (every probe must be found in the text): a cheap
# search that spares most sentences the pattern's slow one. A probe is compiled with the same
# flags as the pattern it stands for, so its letters fold to the same characters.
_YEAR_DIGITS = re.compile(r"(?:19|20)\d\d")
_NEEDS: dict[str, tuple[re.Pattern[str], ...]] = {
    "ended": (re.compile("end", re.I), _YEAR_DIGITS),
    "quarter": (re.compile("quarter", re.I),),
    "part": (re.compile("half|month", re.I),),
    "relative": (re.compile("year|period|quarter|month", re.I),),
    "fiscal": (re.compile("fiscal|year", re.I), _YEAR_DIGITS),
    "date": (_YEAR_DIGITS,),
    "year": (_YEAR_DIGITS,),
}


def phrases(text: str) -> list[Phrase]:
    """The period phrases of `text`, in order, none overlapping another."""
    found: list[Phrase] = []
    for name, pattern in _PATTERNS:
        if not all(probe.search(text) for probe in _NEEDS.get(name, ())):
            continue
        for m in pattern.finditer(text):
            if any(p.start < m.end() and m.start() < p.end for p in found):
                continue
            found.append(_phrase(name, m))
    return sorted(found, key=lambda p: p.start)


def length_class(p: Period) -> str | None:
    if p.start is None:
        return None
    days = (p.end - p.start).days + 1
    for name, low, high in (
        ("quarter", 80, 130),
        ("half", 170, 200),
        ("nine", 250, 290),
        ("year", 350, 380),
    ):
        if low <= days <= high:
            return name
    return None


class Calendar:
    """The periods of a filing's facts, and the names prose gives them."""

    def __init__(self, periods: Iterable[Period]) -> None:
        unique = {p.key(): p for p in periods}
        self.durations = sorted(
            (p for p in unique.values() if not p.is_instant), key=lambda p: (p.end, p.start)
        )
        self.instants = sorted((p for p in unique.values() if p.is_instant), key=lambda p: p.end)
        years = [p for p in self.durations if length_class(p) == "year"]
        if years:
            self.fye: tuple[int, int] | None = (years[-1].end.month, min(years[-1].end.day, 28))
        elif (
            self.durations
        ):  # the longest period to the latest date runs from the start of the year
            last = max(self.durations, key=lambda p: (p.end, p.end - (p.start or p.end)))
            assert last.start is not None
            before = last.start - timedelta(days=1)
            self.fye = (before.month, min(before.day, 28))
        else:
            self.fye = None

    def fiscal_year_end(self, d: date) -> date:
        """The end of the fiscal year `d` falls in (a few days' slack for 52/53-week years)."""
        if self.fye is None:
            return date(d.year, 12, 31)
        end = date(d.year, *self.fye)
        return end if d <= end + timedelta(days=10) else date(d.year + 1, *self.fye)

    def fiscal_year(self, d: date) -> int:
        end = self.fiscal_year_end(d)
        return end.year - 1 if end.month == 1 or (end.month == 2 and end.day <= 7) else end.year

    def quarter_of(self, p: Period) -> int:
        weeks_left = (self.fiscal_year_end(p.end) - p.end).days / 91.3
        return min(4, max(1, 4 - round(weeks_left)))

    def year_ago(self, p: Period) -> Period | None:
        target = p.end - timedelta(days=365)
        pool = (
            self.instants
            if p.is_instant
            else [d for d in self.durations if length_class(d) == length_class(p)]
        )
        near = [q for q in pool if abs((q.end - target).days) <= 10]
        return near[0] if near else None

    def instant_at(self, p: Period) -> Period | None:
        near = [q for q in self.instants if abs((q.end - p.end).days) <= 7]
        return min(near, key=lambda q: abs((q.end - p.end).days)) if near else None

    def resolve(self, phrase: Phrase, ref: Period | None) -> Period | None:
        """The fact period `phrase` names; "the same period last year" is relative to `ref`."""
        if phrase.dateline:
            return None
        if phrase.relative:
            if ref is None:
                return None
            if phrase.length and length_class(ref) != phrase.length:
                return None
            return self.year_ago(ref)
        if phrase.instant:
            return self._instant(phrase)
        pool = [
            p for p in self.durations if phrase.length is None or length_class(p) == phrase.length
        ]
        if phrase.end_date is not None:
            pool = [p for p in pool if _same_end(p.end, phrase.end_date, phrase.month_only)]
        if phrase.year is not None:
            pool = [p for p in pool if self.fiscal_year(p.end) == phrase.year]
        if phrase.quarter is not None:
            pool = [p for p in pool if self.quarter_of(p) == phrase.quarter]
        if not pool:
            return None
        if (
            phrase.end_date is None
            and phrase.year is None
            and not phrase.latest
            and phrase.quarter is None
        ):
            return None
        return pool[-1]

    def _instant(self, phrase: Phrase) -> Period | None:
        pool = self.instants
        if phrase.end_date is not None:
            pool = [p for p in pool if _same_end(p.end, phrase.end_date, phrase.month_only)]
        elif phrase.year is not None:
            pool = [
                p
                for p in pool
                if self.fiscal_year(p.end) == phrase.year
                and abs((p.end - self.fiscal_year_end(p.end)).days) <= 10
            ]
        return pool[-1] if pool else None


def _same_end(a: date, b: date, month_only: bool) -> bool:
    if month_only:
        return (a.year, a.month) == (b.year, b.month) or abs((a - b).days) <= 35 and a > b
    return abs((a - b).days) <= 7
