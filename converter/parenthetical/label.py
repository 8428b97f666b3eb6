"""A label's numbers, the years printed with them, and the role word each is printed against.

"Issued and outstanding shares-14,901 (2002) and 14,921 (2001)": the numbers are 14,901 and
14,921; "(2002)" and "(2001)" are markers, each belonging to the number before it ("1997 -
2,597,261" puts a marker before its number); "issued and outstanding" is the role. A role
word takes the number printed right after it ("authorized 300,000,000 shares") or right
before it ("400,000 shares authorized"); a word that plainly leads its numbers in a label
does not also trail others. Numbers in a list ("14,901 (2002) and 14,921") share a role.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from converter.model import Column
from converter.periods import make_date

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_DATE = re.compile(rf"(?P<m>{_MONTH})\s+(?P<d>\d{{1,2}}),?\s+(?P<y>(?:19|20)\d\d)(?!\d|,\d)", re.I)
_YEAR = re.compile(r"(?<![\d,.$])(?P<y>(?:19|20)\d\d)(?!\d|,\d|%)")
_NUMBER = re.compile(
    r"(?P<dollar>\$\s*)?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+|\.\d+|\d+)"
    r"(?P<frac>\s+\d/\d\b)?(?P<star>\*+)?(?:\s*(?P<word>million|billion|thousand)\b)?",
    re.I,
)
_ZERO = re.compile(
    r"(?<![\w-])(?:none|nil|-0-|no(?=\s+(?:shares\s+)?(?:issued|outstanding)))(?![\w-])", re.I
)
_PAR = re.compile(
    r"\$\s*(?P<a>\d*\.?\d+)(?P<fa>\s+\d/\d)?\**\s*(?:per\s+share\s+)?(?:par|stated)\b"
    r"|(?:par|stated)\s+value\s*(?:of\s+|-\s*|:\s*)?\$\s*(?P<b>\d*\.?\d+)(?P<fb>\s+\d/\d)?",
    re.I,
)
_ROLE = re.compile(
    r"(?P<auth>authori[sz]ed(?:\s+and\s+unissued)?)|(?P<io>issued\s+and\s+outstanding|outstanding"
    r"\s+and\s+issued)|(?P<iss>(?<!un)issued)|(?P<out>outstanding)",
    re.I,
)
_WORDS = {"million": 6, "billion": 9, "thousand": 3}
# what may stand between a role word and its number: "Authorized shares-40,000", "issued: 1997 -"
_BEFORE_GAP = re.compile(r"^(?:\s|shares?|of|common|preferred|stock|[-:\u2013\u2014(])*$", re.I)
_AFTER_GAP = re.compile(r"^(?:\s|shares?|of|common|preferred|stock|\*|-)*$", re.I)
# what joins two numbers of one list: "14,901 (2002) and 14,921", "1997 - 2,597,261; 1996 -"
_LIST_GAP = re.compile(r"^(?:\s|and|shares?|[,;:()\-\u2013\u2014_])*$", re.I)
_INTRODUCES = re.compile(r"^\s*(?:shares?)?\s*[:\-\u2013\u2014]", re.I)
ALLOWANCE = re.compile(r"\ballowances?\b|\breserves?\s+for\b", re.I)
_RECEIVABLE = re.compile(r"receivable", re.I)
_COMMON = re.compile(r"\b(?:common|capital)\s+(?:stock|shares)\b", re.I)
_PREFERRED = re.compile(r"\bp(?:re|er)fer+ed\b|\bpreference\b", re.I)  # "perferred" is printed too


@dataclass(frozen=True, slots=True)
class Figure:
    """A number in a label: offsets in the label, the digits as printed, the value as printed."""

    start: int
    end: int
    text: str
    value: Decimal
    dollar: bool = False
    power: int | None = None  # from a scale word: 6 for "464 million"
    places: int = 0


@dataclass(frozen=True, slots=True)
class Marker:
    """A year or a date printed beside a number; `leading` when it stands before it."""

    start: int
    end: int
    year: int
    day: date | None
    leading: bool


@dataclass(slots=True)
class Item:
    figure: Figure
    role: str | None = None
    markers: list[Marker] | None = None


def label_figures(label: str) -> tuple[list[Figure], list[Marker]]:
    """The numbers of a label, and the years and dates printed among them."""
    markers: list[Marker] = []
    taken: list[tuple[int, int]] = []
    for m in _DATE.finditer(label):
        month = _MONTHS.index(m.group("m").lower()[:3]) + 1
        day = make_date(int(m.group("y")), month, int(m.group("d")))
        markers.append(Marker(m.start(), m.end(), int(m.group("y")), day, False))
        taken.append(m.span())
    for m in _YEAR.finditer(label):
        if not any(a <= m.start() < b for a, b in taken):
            markers.append(Marker(m.start(), m.end(), int(m.group("y")), None, False))
            taken.append(m.span())
    figures: list[Figure] = []
    for m in _ZERO.finditer(label):
        figures.append(Figure(m.start(), m.end(), m.group(), Decimal(0)))
        taken.append(m.span())
    for m in _NUMBER.finditer(label):
        if any(a <= m.start("num") < b for a, b in taken) or m.group("frac"):
            continue
        after = label[m.end() : m.end() + 6]
        before = label[max(0, m.start() - 6) : m.start()]
        if re.match(r"\s*(%|-for-|percent)", after, re.I) or re.search(r"notes?\s*$", before, re.I):
            continue
        text = m.group("num")
        places = len(text.split(".")[1]) if "." in text else 0
        word = (m.group("word") or "").lower()
        figures.append(
            Figure(
                m.start("num"),
                m.end("num"),
                text,
                Decimal(text.replace(",", "")),
                bool(m.group("dollar")),
                _WORDS.get(word),
                places,
            )
        )
    figures.sort(key=lambda f: f.start)
    markers.sort(key=lambda k: k.start)
    out = []
    for k in markers:
        before = label[: k.start]
        after = label[k.end :]
        leading = bool(
            re.search(r"[(:;]\s*$", before) and re.match(r"\s*[-\u2013\u2014:,]?\s*\$?\s*\d", after)
        )
        out.append(replace(k, leading=leading))
    return figures, out


def class_of(label: str) -> str | None:
    low = label.lower()
    if ALLOWANCE.search(low) and _RECEIVABLE.search(low):
        return "receivable"
    if "treasury" in low:
        return "treasury"
    if _PREFERRED.search(low):
        return "preferred"
    if re.search(r"\bclass\s+[a-z]\b|\bseries\b", low):
        return None  # a second class of stock needs a dimension the model does not have
    if _COMMON.search(low):
        return "common"
    return None


def par_value(label: str) -> tuple[Figure | None, str | None]:
    """The par or stated value per share, or why it cannot be a fact."""
    m = _PAR.search(label)
    if m is None:
        return None, None
    group = "a" if m.group("a") else "b"
    if m.group("f" + group):
        return None, f"par value '{m.group().strip()}' is a fraction, not an exact decimal"
    text = m.group(group)
    places = len(text.split(".")[1]) if "." in text else 0
    return Figure(m.start(group), m.end(group), text, Decimal(text), True, None, places), None


def assign_roles(label: str, items: list[Item], cls: str) -> None:
    """Give each count the role word it is printed against, then let lists share it."""
    if cls == "treasury":
        for it in items:
            it.role = "treasury"
        return
    words = [(m.start(), m.end(), _role_name(m)) for m in _ROLE.finditer(label)]
    # each number's options: (gap length, role word index, the word stands before the number)
    options: list[list[tuple[int, int, bool]]] = []
    for it in items:
        f = it.figure
        before = [
            (len(gap), i, True)
            for i, w in enumerate(words)
            if w[1] <= f.start and _BEFORE_GAP.match(gap := _unmarked(label, w[1], f.start))
        ]
        after = [
            (len(gap), i, False, bool(_INTRODUCES.match(label[w[1] :])))
            for i, w in enumerate(words)
            if w[0] >= f.end and _AFTER_GAP.match(gap := _after_number(label, f.end, w[0]))
        ]
        options.append(
            before[-1:] + [(n, i, b) for n, i, b, intro in after[:1] if not (intro and before)]
        )
    # a role word that plainly leads its numbers does not also trail others, and vice versa
    style = {o[0][1]: o[0][2] for o in options if len(o) == 1}
    for it, opts in zip(items, options, strict=True):
        opts = [o for o in opts if style.get(o[1], o[2]) == o[2]] or opts
        if opts:
            it.role = words[min(opts)[1]][2]
    changed = True
    while changed:
        changed = False
        for i, it in enumerate(items):
            if it.role is not None:
                continue
            for j in (i - 1, i + 1):
                if 0 <= j < len(items) and items[j].role is not None:
                    a, b = sorted((it.figure, items[j].figure), key=lambda x: x.start)
                    if _LIST_GAP.match(_unmarked(label, a.end, b.start)):
                        it.role, changed = items[j].role, True
                        break


def _role_name(m: re.Match[str]) -> str:
    if m.group("auth"):
        return "authorized"
    if m.group("io"):
        return "issued+outstanding"
    return "issued" if m.group("iss") else "outstanding"


def _unmarked(label: str, a: int, b: int) -> str:
    """The text between two offsets with years, dates and scale words blanked out."""
    text = label[a:b]
    text = _DATE.sub(" ", text)
    text = _YEAR.sub(" ", text)
    return re.sub(r"\b(?:million|billion|thousand|at)\b", " ", text, flags=re.I)


def _after_number(label: str, a: int, b: int) -> str:
    return re.sub(r"^\s*(?:million|billion|thousand)\b", "", label[a:b], flags=re.I)


def attach_markers(items: list[Item], markers: list[Marker]) -> None:
    """A leading marker belongs to the number after it; any other to the number before it."""
    for it in items:
        it.markers = []
    for k in markers:
        if k.leading:
            owner = next((it for it in items if it.figure.start >= k.end), None)
        else:
            owner = next((it for it in reversed(items) if it.figure.end <= k.start), None)
        if owner is not None and owner.markers is not None:
            owner.markers.append(k)


def columns_for(marker: Marker, columns: list[Column]) -> list[Column]:
    def end(c: Column) -> date:
        assert c.period is not None
        return c.period.end

    if marker.day is not None:
        exact = [c for c in columns if abs((end(c) - marker.day).days) <= 7]
        if exact:
            return exact
    same = [c for c in columns if end(c).year == marker.year]
    if not same:
        same = [c for c in columns if end(c).month == 1 and end(c).year - 1 == marker.year]
    return same
