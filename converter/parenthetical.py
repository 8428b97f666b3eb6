"""Figures printed inside balance-sheet labels, turned into facts of their own.

A balance sheet says more in its labels than in its columns: "Accounts receivable, net of
allowance for uncollectible accounts of $383 (2002) and $164 (2001)", "Common stock, $0.10
par value: Authorized shares-40,000 Issued and outstanding shares-14,901 (2002) and 14,921
(2001)", "Treasury stock, 58,419 (2002) and 29,410 (2001) shares". Each such number becomes
a fact marked `parenthetical`, sourced at its own line and column so that an Inline XBRL
page can tag it in place.

Three questions are answered for each number:

- What it is: the role word it is printed against (par, authorized, issued, outstanding,
  treasury, allowance), read in the row's class of stock (common, preferred, treasury).
- Which date: a year or a date printed with it ("(2002)", "1997 -", "at December 31, 1996",
  "in 1995 and 1994"), matched to the statement's columns; else the columns in order.
- Which scale: share counts in a table "in thousands" may or may not be in thousands. Each
  reading is tested against what must hold: issued shares x par = the stock's carrying
  value, authorized >= issued, treasury <= issued, no carrying value above $100,000 a share.
  A test no reading passes says nothing and is dropped; when readings still differ, the
  table's own share scale is taken and a finding says so.

A number the rules cannot place is left out and said so in a finding; a fact that would
contradict one already reported (same concept and date, other value) is left out too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from converter.model import (
    Column,
    Fact,
    Filing,
    Finding,
    Mapping,
    MappingMethod,
    Period,
    Row,
    Severity,
    SourceSpan,
    Statement,
    StatementKind,
    Unit,
)
from converter.periods import make_date

_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_DATE = re.compile(rf"(?P<m>{_MONTH})\s+(?P<d>\d{{1,2}}),?\s+(?P<y>(?:19|20)\d\d)(?![\d,])", re.I)
_YEAR = re.compile(r"(?<![\d,.$])(?P<y>(?:19|20)\d\d)(?![\d,%])")
_NUMBER = re.compile(
    r"(?P<dollar>\$\s*)?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+|\.\d+|\d+)"
    r"(?P<frac>\s+\d/\d\b)?(?P<star>\*+)?(?:\s*(?P<word>million|billion|thousand)\b)?",
    re.I,
)
_ZERO = re.compile(r"(?<![\w-])(?:none|nil|-0-|no(?=\s+(?:shares\s+)?(?:issued|outstanding)))(?![\w-])", re.I)
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
_ALLOWANCE = re.compile(r"\ballowances?\b|\breserves?\s+for\b", re.I)
_RECEIVABLE = re.compile(r"receivable", re.I)
_CLASS_OF_STOCK = re.compile(r"\b(?:common|capital)\s+(?:stock|shares)|\bstock\b|\bshares\b", re.I)

_CONCEPTS = {
    ("common", "authorized"): "CommonStockSharesAuthorized",
    ("common", "issued"): "CommonStockSharesIssued",
    ("common", "outstanding"): "CommonStockSharesOutstanding",
    ("common", "par"): "CommonStockParOrStatedValuePerShare",
    ("preferred", "authorized"): "PreferredStockSharesAuthorized",
    ("preferred", "issued"): "PreferredStockSharesIssued",
    ("preferred", "outstanding"): "PreferredStockSharesOutstanding",
    ("preferred", "par"): "PreferredStockParOrStatedValuePerShare",
    ("treasury", "treasury"): "TreasuryStockShares",
    ("receivable", "allowance"): "AllowanceForDoubtfulAccountsReceivableCurrent",
}


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


def _figures(label: str) -> tuple[list[Figure], list[Marker]]:
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
    for m in _NUMBER.finditer(label):
        if any(a <= m.start("num") < b for a, b in taken) or m.group("frac"):
            continue
        after = label[m.end():m.end() + 6]
        before = label[max(0, m.start() - 6):m.start()]
        if re.match(r"\s*(%|-for-|percent)", after, re.I) or re.search(r"notes?\s*$", before, re.I):
            continue
        text = m.group("num")
        places = len(text.split(".")[1]) if "." in text else 0
        word = (m.group("word") or "").lower()
        figures.append(Figure(m.start("num"), m.end("num"), text, Decimal(text.replace(",", "")),
                              bool(m.group("dollar")), _WORDS.get(word), places))
    for m in _ZERO.finditer(label):
        figures.append(Figure(m.start(), m.end(), m.group(), Decimal(0)))
    figures.sort(key=lambda f: f.start)
    markers.sort(key=lambda k: k.start)
    out = []
    for k in markers:
        before = label[:k.start]
        after = label[k.end:]
        leading = bool(re.search(r"[(:;]\s*$", before) and re.match(r"\s*[-\u2013\u2014:,]?\s*\$?\s*\d", after))
        out.append(replace(k, leading=leading))
    return figures, out


def _class_of(label: str) -> str | None:
    low = label.lower()
    if _ALLOWANCE.search(low) and _RECEIVABLE.search(low):
        return "receivable"
    if "treasury" in low:
        return "treasury"
    if re.search(r"\bprefer(?:red|ence)\b", low):
        return "preferred"
    if re.search(r"\bclass\s+[a-z]\b|\bseries\b", low):
        return None  # a second class of stock needs a dimension the model does not have
    if _CLASS_OF_STOCK.search(low):
        return "common"
    return None


def _par(label: str) -> tuple[Figure | None, str | None]:
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


def _roles(label: str, items: list[Item], cls: str) -> None:
    """Give each count the role word it is printed against, then let lists share it."""
    if cls == "treasury":
        for it in items:
            it.role = "treasury"
        return
    words = [(m.start(), m.end(), _role_name(m)) for m in _ROLE.finditer(label)]
    for it in items:
        f = it.figure
        before = [w for w in words if w[1] <= f.start and _BEFORE_GAP.match(_unmarked(label, w[1], f.start))]
        after = [w for w in words if w[0] >= f.end and _AFTER_GAP.match(_after_number(label, f.end, w[0]))
                 and not _INTRODUCES.match(label[w[1]:])]
        if before:
            it.role = before[-1][2]
        elif after:
            it.role = after[0][2]
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


def _attach_markers(items: list[Item], markers: list[Marker]) -> None:
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


def _columns_for(marker: Marker, columns: list[Column]) -> list[Column]:
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


@dataclass(frozen=True, slots=True)
class Placed:
    """A number given a role and a column: ready to become a fact once its scale is known."""

    role: str
    figure: Figure
    column: Column


class RowReader:
    """Reads one row's label into placed numbers, with findings for what it cannot place."""

    def __init__(self, st: Statement, row: Row) -> None:
        self.st = st
        self.row = row
        self.columns = [c for c in st.columns if c.period is not None and c.unit_hint != "percent"]
        self.findings: list[Finding] = []

    def note(self, message: str, severity: Severity = Severity.INFO, code: str = "parenthetical.unplaced") -> None:
        self.findings.append(Finding(severity, code, f"'{self.row.label}': {message}",
                                     SourceSpan(self.row.source.line, self.row.source.column, self.row.label)))

    def read(self) -> tuple[str | None, list[Placed]]:
        label = self.row.label
        cls = _class_of(label)
        if cls is None or not self.columns:
            return cls, []
        figures, markers = _figures(label)
        placed: list[Placed] = []
        par, why = (None, None) if cls in ("receivable", "treasury") else _par(label)
        if why:
            self.note(why)
        if par is not None:
            placed += [Placed("par", par, c) for c in self.columns]
        if cls == "receivable":
            start = _ALLOWANCE.search(label)
            assert start is not None
            items = [Item(f, "allowance") for f in figures if f.dollar and f.start > start.end()]
        else:
            items = [Item(f) for f in figures
                     if not f.dollar and (par is None or f.start != par.start)]
            _roles(label, items, cls)
        _attach_markers(items, markers)
        for role in dict.fromkeys(it.role for it in items if it.role):
            placed += self._dated([it for it in items if it.role == role], role)
        loose = [it.figure.text for it in items if it.role is None]
        if loose:
            self.note(f"no role for {', '.join(loose)}")
        return cls, placed

    def _dated(self, group: list[Item], role: str) -> list[Placed]:
        """Each number of one role with the columns it belongs to."""
        out: list[Placed] = []
        free = list(self.columns)
        unmarked: list[Item] = []
        for it in group:
            if not it.markers:
                unmarked.append(it)
                continue
            for k in it.markers:
                cols = _columns_for(k, self.columns)
                if len(cols) != 1:
                    self.note(f"{it.figure.text} is dated {k.year}, which matches "
                              f"{'no column' if not cols else 'several columns'}")
                    continue
                out.append(Placed(role, it.figure, cols[0]))
                if cols[0] in free:
                    free.remove(cols[0])
        if not unmarked:
            return out
        if len(unmarked) == len(free):
            return out + [Placed(role, it.figure, c) for it, c in zip(unmarked, free, strict=True)]
        if len(unmarked) == 1 and len(free) > 1 and (role == "authorized" or self._same_cells()):
            return out + [Placed(role, unmarked[0].figure, c) for c in free]
        self.note(f"cannot tell which date {', '.join(it.figure.text for it in unmarked)} "
                  f"({role}) belongs to")
        return out

    def _same_cells(self) -> bool:
        values = {c.value for c in self.row.cells if c is not None}
        return len(values) <= 1


def _locate(lines: tuple[str, ...], row: Row, last: int, figures: list[Figure]) -> dict[int, SourceSpan]:
    """Line and column of each figure (by label offset), searching the row's lines in order."""
    spans: dict[int, SourceSpan] = {}
    line, col = row.source.line, row.source.column
    for f in sorted(figures, key=lambda x: x.start):
        at = None
        n, c = line, col
        while n <= last and n - 1 < len(lines):
            pattern = rf"(?<![\d.,]){re.escape(f.text)}(?![\d]|,\d)"
            m = re.compile(pattern, re.I).search(lines[n - 1], c)
            if m:
                at = (n, m.start())
                break
            n, c = n + 1, 0
        if at is None:
            continue
        spans[f.start] = SourceSpan(at[0], at[1], f.text)
        line, col = at[0], at[1] + len(f.text)
    return spans


def _last_line(st: Statement, row: Row) -> int:
    lines = [c.source.line for c in row.cells if c is not None]
    if lines:
        return max(lines)
    later = [r.source.line for r in st.rows if r.source.line > row.source.line]
    return min([*later, row.source.line + 4, st.end_line]) - (1 if later else 0)


def _row_values(st: Statement, row: Row) -> dict[int, Decimal]:
    """The row's printed carrying values in full units, by column index."""
    return {c.index: abs(cell.value).scaleb(st.scale) for c in st.columns
            if c.index < len(row.cells) and (cell := row.cells[c.index]) is not None and not cell.dash}


def parenthetical_facts(filing: Filing) -> Filing:
    """`filing` with the figures inside its balance-sheet labels added as facts."""
    facts = list(filing.facts)
    findings = list(filing.findings)
    seen = {(f.concept, f.period.key(), f.unit): f for f in facts}
    for st in filing.statements:
        if st.kind != StatementKind.BALANCE_SHEET or st.qualifier:
            continue
        issued: dict[int, Decimal] = {}  # common shares issued by column: treasury shares stay below
        for row in st.rows:
            if not re.search(r"\d|none|-0-", row.label, re.I):
                continue
            reader = RowReader(st, row)
            cls, placed = reader.read()
            findings.extend(reader.findings)
            if not placed:
                continue
            new, found = _facts_for(filing, st, row, cls or "", placed, issued, len(facts))
            findings.extend(found)
            for f in new:
                key = (f.concept, f.period.key(), f.unit)
                other = seen.get(key)
                if other is not None:
                    if other.value != f.value:
                        findings.append(Finding(
                            Severity.WARNING, "parenthetical.conflict",
                            f"{f.concept} at {f.period.end} is {other.value} (line {other.source.line}); "
                            f"the label on line {f.source.line} gives {f.value}: left out",
                            f.source))
                    continue
                seen[key] = f
                facts.append(replace(f, id=f"f{len(facts) + 1}"))
    return replace(filing, facts=tuple(facts), findings=tuple(findings))


def _facts_for(filing: Filing, st: Statement, row: Row, cls: str, placed: list[Placed],
               issued: dict[int, Decimal], base: int) -> tuple[list[Fact], list[Finding]]:
    spans = _locate(filing.lines, row, _last_line(st, row), [p.figure for p in placed])
    counts = [Count(p.role, p.figure.value, p.figure.power, p.column.index) for p in placed
              if p.role not in ("par", "allowance")]
    par = next((p.figure.value for p in placed if p.role == "par"), None)
    slack = Decimal(5).scaleb(st.scale - 1)
    powers, notes = decide_powers(counts, st.share_scale, par, _row_values(st, row), issued, slack)
    findings = [Finding(Severity.WARNING, "parenthetical.scale_ambiguous", f"'{row.label}': {n}",
                        SourceSpan(row.source.line, row.source.column, row.label)) for n in notes]
    out: list[Fact] = []
    for p in placed:
        span = spans.get(p.figure.start)
        if span is None or p.column.period is None:
            continue
        if p.role == "par":
            value, decimals, unit = p.figure.value, p.figure.places, Unit.USD_PER_SHARE
        elif p.role == "allowance":
            value = p.figure.value.scaleb(st.scale)
            decimals, unit = p.figure.places - st.scale, Unit.USD
        else:
            power = powers.get(p.role, 0) if p.figure.power is None else p.figure.power
            value, decimals, unit = p.figure.value.scaleb(power), p.figure.places - power, Unit.SHARES
        roles = ("issued", "outstanding") if p.role == "issued+outstanding" else (p.role,)
        for role in roles:
            name = _CONCEPTS.get((cls, role))
            if name is None:
                continue
            if cls == "common" and role in ("issued", "outstanding"):
                issued.setdefault(p.column.index, value)
            out.append(Fact(
                id=f"f{base + len(out) + 1}", concept=f"us-gaap:{name}", value=value,
                decimals=decimals, unit=unit, period=_instant(p.column), statement=st.kind,
                statement_index=st.index, row_index=row.index, column_index=p.column.index,
                label=row.label, source=span, parenthetical=True,
                mapping=Mapping(MappingMethod.CONTEXT, Decimal("0.8"), f"parenthetical {role} in the label"),
            ))
    return out, findings


def _instant(column: Column) -> Period:
    assert column.period is not None
    return Period(end=column.period.end)


@dataclass(frozen=True, slots=True)
class Count:
    """A share count as printed, for deciding its scale."""

    role: str
    value: Decimal
    power: int | None  # from a scale word, or None
    column: int


_MAX_PER_SHARE = Decimal(100000)


def _candidates(counts: list[Count], role: str, share_scale: int) -> list[int]:
    mine = [c for c in counts if c.role == role and c.power is None]
    if share_scale == 0 or any(c.value >= 1000000 for c in mine) or all(c.value == 0 for c in mine):
        return [0]  # nobody prints "1,875,000,000" thousand shares
    return [0, share_scale]


def decide_powers(counts: list[Count], share_scale: int, par: Decimal | None,
                  values: dict[int, Decimal], issued: dict[int, Decimal],
                  slack: Decimal) -> tuple[dict[str, int], list[str]]:
    """The power of ten for each role's counts that printed no scale word, and what stays open."""
    roles = sorted({c.role for c in counts if c.power is None})
    options = [_candidates(counts, r, share_scale) for r in roles]
    combos: list[dict[str, int]] = [{}]
    for role, opts in zip(roles, options, strict=True):
        combos = [{**c, role: p} for c in combos for p in opts]
    if len(combos) == 1:
        return combos[0], []

    def full(c: Count, combo: dict[str, int]) -> Decimal:
        return c.value.scaleb(c.power if c.power is not None else combo[c.role])

    def par_ok(combo: dict[str, int]) -> bool:
        checked = [(full(c, combo), values[c.column]) for c in counts
                   if c.role != "authorized" and c.role != "treasury" and c.column in values and par]
        return bool(checked) and all(abs(n * (par or 0) - v) <= slack + v / 50 for n, v in checked)

    def authorized_ok(combo: dict[str, int]) -> bool:
        top = [full(c, combo) for c in counts if c.role == "authorized"]
        rest = [full(c, combo) for c in counts if c.role not in ("authorized", "treasury")]
        return not top or all(n <= max(top) for n in rest)

    def treasury_ok(combo: dict[str, int]) -> bool:
        return all(full(c, combo) <= issued[c.column] for c in counts
                   if c.role == "treasury" and c.column in issued)

    def per_share_ok(combo: dict[str, int]) -> bool:
        return all(values[c.column] <= full(c, combo) * _MAX_PER_SHARE for c in counts
                   if c.role != "authorized" and c.column in values and c.value)

    for test in (par_ok, authorized_ok, treasury_ok, per_share_ok):
        kept = [c for c in combos if test(c)]
        if kept:
            combos = kept
    if len(combos) == 1:
        return combos[0], []
    default = {r: share_scale for r in roles}
    chosen = default if default in combos else combos[0]
    open_roles = [r for r in roles if len({c[r] for c in combos}) > 1]
    notes = [f"{r} shares could be in units or in 10^{share_scale}; taken as 10^{chosen[r]}"
             for r in open_roles]
    return chosen, notes
