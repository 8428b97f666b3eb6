"""Dates and period lengths from header words: "Three Months Ended / November 30 / 2002".

`parse_header(shared, own)` reads what a column's heading says. `shared` is the
text of headings that span several columns ("Year Ended December 31,"), `own`
the text over this column alone ("1995"). What the heading leaves open (only a
year printed, or no length) is settled later from the rest of the document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_FULL_DATE = re.compile(
    _MONTH
    + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s*(?P<year>(?:19|20)\d\d)\b(?!\s*,?\s*(?:and\s+)?(?:19|20)\d\d)",
    re.IGNORECASE,
)
_MONTH_DAY = re.compile(_MONTH + r"\s+(?P<day>\d{1,2})\b", re.IGNORECASE)
_NUMERIC_DATE = re.compile(r"\b(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{2}|\d{4})\b")
_YEAR = re.compile(r"(?<![\d,.$])(?P<year>(?:19|20)\d\d)(?![\d,])")
_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "sixteen": 16,
    "twenty-six": 26,
    "twenty six": 26,
    "twenty-eight": 28,
    "thirty-nine": 39,
    "thirty-six": 36,
    "forty": 40,
    "fifty-two": 52,
    "fifty two": 52,
    "fifty-three": 53,
    "fifty three": 53,
    "twenty-four": 24,
}
_NUM = r"(?P<n>\d{1,2}|" + "|".join(sorted((re.escape(w) for w in _WORDS), key=len, reverse=True)) + r")"
_MONTHS_LEN = re.compile(_NUM + r"[\s-]+(?:months?\b|mos?\.)", re.IGNORECASE)
_WEEKS_LEN = re.compile(_NUM + r"[\s-]+weeks?\b", re.IGNORECASE)
_QUARTER = re.compile(
    r"\b(quarters?|qtr\.?|(?:first|second|third|fourth|1st|2nd|3rd|4th)\s+q)\b", re.IGNORECASE
)
ORDINALS = {  # the words for which quarter of a year
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
}
_ORDINAL_QUARTER = re.compile(
    r"\b(first|second|third|fourth|1st|2nd|3rd|4th)\s+(?:quarter|qtr)", re.IGNORECASE
)
_HALF = re.compile(r"\b(first|second)\s+half\b|\bsix[\s-]+months?\b", re.IGNORECASE)
_YEARLY = re.compile(r"\b(years?|fiscal|annual|full[\s-]+year|twelve[\s-]+months?)\b", re.IGNORECASE)


def _num(text: str) -> int:
    return int(text) if text.isdigit() else _WORDS[text.lower()]


def _month(text: str) -> int:
    return MONTHS[text.lower().rstrip(".")[:4] if text.lower().startswith("sept") else text.lower()[:3]]


def make_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class Heading:
    """What a column heading says; any part may be missing."""

    end: date | None = None  # a full date printed for this column
    year: int | None = None  # the column's own year, when no full date is printed
    month_day: tuple[int, int] | None = None  # "December 31," printed without a year
    months: int | None = None
    weeks: int | None = None
    yearly: bool = False  # "Year Ended", "Fiscal 2002"
    soft: bool = False  # the length is only "quarter" or "year": a prose phrase may be exact
    quarter: int | None = None  # "2ND QTR 1994": which quarter of the fiscal year


def full_dates(text: str) -> list[date]:
    out = []
    for m in _FULL_DATE.finditer(text):
        d = make_date(int(m.group("year")), _month(m.group("month")), int(m.group("day")))
        if d:
            out.append(d)
    for m in _NUMERIC_DATE.finditer(text):
        y = int(m.group("y"))
        y = y + (1900 if y >= 50 else 2000) if y < 100 else y
        d = make_date(y, int(m.group("m")), int(m.group("d")))
        if d:
            out.append(d)
    return out


def length(text: str) -> tuple[int | None, int | None, bool]:
    """(months, weeks, yearly) as the words say; see `soft_length` for vague words."""
    weeks = _WEEKS_LEN.search(text)
    if weeks:
        return None, _num(weeks.group("n")), False
    months = _MONTHS_LEN.search(text)
    if months:
        return _num(months.group("n")), None, False
    if _QUARTER.search(text):
        return 3, None, False
    if _HALF.search(text):
        return 6, None, False
    if _YEARLY.search(text):
        return 12, None, True
    return None, None, False


def parse_heading(shared: str, own: str) -> Heading:
    """Read a column heading: `own` words decide the date, `shared` words fill in."""
    text = f"{shared} {own}"
    months, weeks, yearly = length(text)
    own_dates = full_dates(own)
    own_years = [int(m.group("year")) for m in _YEAR.finditer(_FULL_DATE.sub(" ", own))]
    shared_dates = full_dates(shared)
    md = _MONTH_DAY.search(own) or _MONTH_DAY.search(shared)
    month_day = (_month(md.group("month")), int(md.group("day"))) if md else None
    end: date | None = None
    year: int | None = None
    if own_dates:
        end = own_dates[-1]
        if own_years and len(own_dates) > 1:
            end = next((d for d in own_dates if d.year == own_years[-1]), end)
    elif own_years:
        year = own_years[-1]
        end = next((d for d in shared_dates if d.year == year), None)
    elif len(shared_dates) == 1:
        end = shared_dates[0]
    soft = not _WEEKS_LEN.search(text) and not _MONTHS_LEN.search(text)
    q = _ORDINAL_QUARTER.search(own) or _ORDINAL_QUARTER.search(shared)
    quarter = ORDINALS[q.group(1).lower()] if q else None
    return Heading(
        end=end,
        year=year if end is None else None,
        month_day=month_day,
        months=months,
        weeks=weeks,
        yearly=yearly,
        soft=soft,
        quarter=quarter,
    )


def compatible(months: int | None, weeks: int | None, pm: int | None, pw: int | None) -> bool:
    """Do a vague length (a quarter, a year) and an exact one describe the same period?"""
    days = (months or 0) * 304 + (weeks or 0) * 70  # tenths of a day, in whole numbers
    pdays = (pm or 0) * 304 + (pw or 0) * 70
    return bool(days and pdays) and abs(days - pdays) * 100 <= max(days, pdays) * 35


def start_of(end: date, months: int | None, weeks: int | None) -> date | None:
    """The first day of a period of the given length that ends on `end`.

    A quarter, half or year that ends off a month's end (December 29) is one of a
    52/53-week calendar: 13 weeks a quarter, and 52 for the year, the usual length.
    """
    if not weeks and months in (3, 6, 9, 12) and (end + timedelta(days=1)).day != 1:
        weeks = months * 13 // 3
    if weeks:
        return end - timedelta(days=7 * weeks - 1)
    if months:
        month = end.month - months
        year = end.year + (month - 1) // 12
        month = (month - 1) % 12 + 1
        # a period ending on a month's last day starts on a month's first day
        nxt = end + timedelta(days=1)
        if nxt.day == 1:
            m2 = nxt.month - months
            y2 = nxt.year + (m2 - 1) // 12
            return date(y2, (m2 - 1) % 12 + 1, 1)
        day = min(end.day, 28)
        return date(year, month, day) + timedelta(days=1)
    return None
