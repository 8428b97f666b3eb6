"""Grids to statements: what kind of statement, its scale, and a period for each column.

A column heading often leaves something open: only a year ("1995"), or no
length. The rest comes from the document: a spanning heading ("Year Ended
December 31,"), the table's title lines, phrases in the prose ("the 16-week first
quarter ended May 20, 2000"), or the fiscal year end. A start date is taken from
a neighbouring column's end where one fits, otherwise from the length, and is
marked as inferred.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal

from converter.model import (
    Cell,
    Column,
    Finding,
    Period,
    Row,
    RowRole,
    Severity,
    SourceSpan,
    Statement,
    StatementKind,
)
from converter.periods import (
    Heading,
    compatible,
    full_dates,
    length,
    make_date,
    parse_heading,
    start_of,
)
from converter.scales import scale_of
from converter.tables import TITLE, Grid  # the title regex lives with the table finder
from converter.tables.rows import depths, fold_described_rows, is_total, sections

_SHARES_EXCEPTED = re.compile(r"except\s+(for\s+)?(number\s+of\s+)?shares?\b|except\s+share\s+and", re.I)
_SHARE_SCALE = re.compile(r"shares?\s+(?:(?:are|amounts?)\s+)?in\s+(thousands|millions)", re.I)
_KINDS = (
    (
        re.compile(
            r"cash\s+flows?|changes\s+in\s+(financial\s+position|cash)|"
            r"(?<!operations and )(?<!income and )(?<!earnings and )retained\s+earnings\s*$",
            re.I,
        ),
        None,
    ),
    (
        re.compile(
            r"balance(d)?\s+sheets?|financial\s+(position|condition)|assets\s+and\s+liabilities|"
            r"statements?\s+of\s+(consolidated\s+)?condition",
            re.I,
        ),
        StatementKind.BALANCE_SHEET,
    ),
    (re.compile(r"cash\s+flows?", re.I), StatementKind.CASH_FLOW),
    (
        re.compile(r"(stockholders'?|shareholders'?|share\s*owners'?)\s+equity|changes\s+in\s+equity", re.I),
        StatementKind.EQUITY,
    ),
    (re.compile(r"\b(income|operations|earnings|results)\b", re.I), StatementKind.INCOME_STATEMENT),
)
_QUALIFIERS = re.compile(
    r"pro\s*forma|as\s+adjusted|without\s+one[\s-]time|excluding\s+(special|one[\s-]time|unusual)|"
    r"segment|by\s+(business|segment|division)|line\s+of\s+business|"
    r"selected|highlights|adjusted\s+basis|non-?gaap|operating\s+(data|statistics)|"
    r"significant\s+items|per\s*cent|%\s+to\s+sales|%\s+of\s+(sales|revenue)",
    re.I,
)
_PHRASE = re.compile(
    r"(?P<len>(?:\d{1,2}|\w+(?:[\s-]\w+)?)[\s-]+(?:weeks?|months?)|quarter|year|fiscal\s+year)"
    r"[^.;]{0,40}?\b(?:ended|ending)\s+"
    r"(?P<date>[A-Z][a-z]+\.?\s+\d{1,2},?\s+(?:19|20)\d\d|\d{1,2}/\d{1,2}/(?:(?:19|20)\d\d|\d\d)\b)",
    re.I,
)
_RATIO_HEADING = re.compile(r"%|percent|\bchange\b|\bchg\b|\bratio\b|\bvariance\b", re.I)
_INSTANT_ROW = re.compile(
    r"\b(beginning|end)\s+of\s+(the\s+)?(fiscal\s+)?(year|period|quarter|month)s?\b|\bbalance\s+at\b|"
    r"\bat\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class DocDates:
    """Period phrases from the whole text, for headings that print only a year."""

    phrases: tuple[tuple[int | None, int | None, date], ...]  # (months, weeks, end)
    fiscal_month_day: tuple[int, int] | None
    year_ends: tuple[tuple[int, date], ...] = ()  # fiscal year label -> its printed end date

    def year_end(self, year: int) -> date | None:
        """The end of fiscal `year`: as printed elsewhere, or on a 52/53-week calendar."""
        known = dict(self.year_ends)
        if year in known:
            return known[year]
        if not known:
            return None
        weekdays = {d.weekday() for d in known.values()}
        days = {(d.month, d.day) for d in known.values()}
        if len(weekdays) == 1 and len(days) > 1:
            # ends on the same weekday nearest a month end: a 52/53-week year
            label, anchor = next(iter(known.items()))
            early = anchor.day <= 7  # an early-month end stands for the month before
            month = (anchor.month - 2) % 12 + 1 if early else anchor.month
            shift = anchor.year - label - (1 if early and anchor.month == 1 else 0)
            nominal = _month_end(year + shift, month)
            wd = next(iter(weekdays))
            delta = (wd - nominal.weekday() + 7) % 7
            return nominal + timedelta(days=delta if delta <= 3 else delta - 7)
        return None


def _month_end(year: int, month: int) -> date:
    first_next = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return first_next - timedelta(days=1)


_END = re.compile(r"end", re.I)  # in every _PHRASE match ("ended", "ending")
# a _PHRASE match's words before its gap, read backwards: at most three words and what parts them
_LENGTH_BACKWARDS = re.compile(r"[\s-]*\w*(?:[\s-]+\w+){0,2}")
_GAP = 40  # the most characters _PHRASE allows between the length and "ended"


def _stop_before(text: str, at: int) -> int:
    """Where the stretch holding `at` starts: just past the last "." or ";" before it."""
    return max(text.rfind(".", 0, at), text.rfind(";", 0, at)) + 1


def _stop_after(text: str, at: int) -> int:
    """The first "." or ";" at or after `at`, else the end of the text."""
    found = [i for i in (text.find(".", at), text.find(";", at)) if i >= 0]
    return min(found, default=len(text))


def _earliest_start(text: str, floor: int, end_at: int) -> int:
    """No _PHRASE match that reads "ended" at `end_at` starts before this (nor before `floor`).

    The match's length ("52 weeks", "fiscal year") ends at most _GAP characters before
    "ended" and is at most three words: read back from there over no more than that.
    """
    near = max(floor, end_at - _GAP)
    back = _LENGTH_BACKWARDS.match(text[floor:near][::-1])
    return near - back.end() if back else near


def _windows(text: str) -> list[tuple[int, int, int]]:
    """(first, last, limit) for each "end" of the text: a _PHRASE match reading "ended" there
    starts from `first` to `last` and looks at nothing from `limit` on."""
    out = []
    for hit in _END.finditer(text):
        at = hit.start()
        floor = _stop_before(text, at)
        stop = _stop_after(text, at)
        limit = _stop_after(text, stop + 1) if stop < len(text) else stop
        out.append((_earliest_start(text, floor, at), at, limit))
    return sorted(out)


def _phrase_matches(text: str) -> Iterator[re.Match[str]]:
    """`_PHRASE.finditer(text)`, the same matches, trying only where one can start.

    A match runs from its start to "ended"/"ending" without a "." or ";" (only its date may
    hold one, after the month's name), so it starts a few words before an "end" in the same
    stretch between stops, and ends before the second stop after that stretch. Matching
    there, with the text cut at that second stop, finds what a search of the whole text
    finds, in the same order: the pattern looks at no character past the end of its match.
    """
    pos = 0
    for first, last, limit in _windows(text):
        at = max(first, pos)
        while at <= last:
            m = _PHRASE.match(text, at, limit)
            if m is None:
                at += 1
                continue
            yield m
            at = pos = m.end()
        pos = max(pos, last + 1)


def doc_dates(lines: tuple[str, ...], header_fye: str | None) -> DocDates:
    text = " ".join(ln.strip() for ln in lines if ln.strip())
    phrases = []
    for m in _phrase_matches(text):
        months, weeks, _ = length(m.group("len"))
        ends = full_dates(m.group("date"))
        if ends:
            phrases.append((months, weeks, ends[0]))
    yearly = [d for mo, wk, d in phrases if mo == 12 or (wk and wk >= 52)]
    fmd: tuple[int, int] | None = None
    if yearly:
        counts: dict[tuple[int, int], int] = {}
        for d in yearly:
            counts[(d.month, d.day)] = counts.get((d.month, d.day), 0) + 1
        fmd = max(counts, key=lambda k: counts[k])
    elif header_fye and re.fullmatch(r"\d{4}", header_fye):
        fmd = (int(header_fye[:2]), int(header_fye[2:]))
    return DocDates(tuple(phrases), fmd)


def classify(title: str, labels: list[str]) -> StatementKind:
    """The kind of statement: strong content first (titles can be wrong), then the title."""
    joined = " | ".join(labels).lower()
    if re.search(
        r"cash flows? (from|provided|used)|net cash (provided|used|from|generated)", joined
    ) and re.search(r"(investing|financing)", joined):
        return StatementKind.CASH_FLOW
    if re.search(r"total assets", joined) and re.search(
        r"(stockholders|shareholders|share ?owners)'? "
        r"(equity|investment)|total liabilities",
        joined,
    ):
        return StatementKind.BALANCE_SHEET
    for pattern, kind in _KINDS:
        if pattern.search(title):
            if kind is None:
                return StatementKind.CASH_FLOW if re.search(r"cash", title, re.I) else StatementKind.EQUITY
            return kind
    joined = " | ".join(labels).lower()
    if "total assets" in joined or "total liabilities" in joined:
        return StatementKind.BALANCE_SHEET
    if re.search(r"net cash (provided|used)|cash and cash equivalents at (the )?(end|beginning)", joined):
        return StatementKind.CASH_FLOW
    if re.search(r"net (income|earnings|loss)|revenues?|net sales", joined):
        return StatementKind.INCOME_STATEMENT
    return StatementKind.OTHER


def _ends_quarter(h: Heading, end: date, dd: DocDates) -> bool:
    """Can a prose phrase's end date be where the heading's n-th quarter ("1ST QTR 1994")
    ends? Near that quarter's place in the fiscal year (the year ending in the heading's
    year or, for a year that ends early in January, in the next): within 75 days, as a
    16-week first quarter runs past its third month. A heading with no quarter fits any."""
    if not h.quarter or h.year is None:
        return True
    month, day = dd.fiscal_month_day or (12, 31)
    for year in (h.year, h.year + 1):
        year_end = make_date(year, month, day)
        if year_end is not None:
            expected = year_end - timedelta(days=round(91.3 * (4 - h.quarter)))
            if abs((end - expected).days) <= 75:
                return True
    return False


def _year_end_assumed(h: Heading, headings: tuple[Heading, ...], dd: DocDates) -> bool:
    """Is the column's end date December 31 only because nothing says otherwise: a bare
    year, no month and day in any heading of the table, and no fiscal year end, year-end
    date or period phrase anywhere in the release?"""
    return (
        h.end is None
        and h.year is not None
        and h.month_day is None
        and not any(o.month_day or o.end for o in headings)
        and dd.fiscal_month_day is None
        and not dd.phrases
        and not dd.year_ends
    )


def _resolve(
    h: Heading, kind: StatementKind, shared_md: tuple[int, int] | None, dd: DocDates
) -> tuple[date | None, int | None, int | None]:
    """(end, months, weeks) of a column, filling gaps from the document."""
    months, weeks = h.months, h.weeks
    end = h.end
    fiscal = False  # the end is the fiscal year's: a quarter of it ends earlier
    if end is None and h.year is not None and not (h.month_day or shared_md):
        end = dd.year_end(h.year)
        fiscal = end is not None
    if end is None and h.year is not None:
        md = h.month_day or shared_md
        if md is None:
            # a prose phrase of the same length ending in that year
            for pm, pw, pd in dd.phrases:
                if (
                    pd.year == h.year
                    and (pm, pw) != (None, None)
                    and _ends_quarter(h, pd, dd)
                    and (
                        (weeks and pw == weeks)
                        or (months and pm == months)
                        or (not months and not weeks)
                        or (h.soft and compatible(months, weeks, pm, pw))
                    )
                ):
                    end = pd
                    if h.soft:
                        months, weeks = pm, pw
                    break
            if end is None:
                same = [
                    (pm, pw, pd)
                    for pm, pw, pd in dd.phrases
                    if (months and pm == months)
                    or (weeks and pw == weeks)
                    or (not months and not weeks and pw)
                    or (h.soft and compatible(months, weeks, pm, pw))
                ]
                if same and kind != StatementKind.BALANCE_SHEET:
                    pm, pw, pd = same[0]
                    if pw:  # a 52/53-week calendar: the same weeks a year earlier
                        moved: date | None = pd - timedelta(days=364 * (pd.year - h.year))
                    else:
                        moved = make_date(h.year, pd.month, pd.day)
                    if moved is not None and _ends_quarter(h, moved, dd):
                        months, weeks = (pm, pw) if h.soft else (months or pm, weeks or pw)
                        end = moved
            md = md or dd.fiscal_month_day
        if end is None and md is not None:
            end = make_date(h.year, md[0], md[1])
            fiscal = end is not None
        if end is None:
            end = make_date(h.year, 12, 31)
            fiscal = True
    if end is not None and fiscal and h.quarter and months == 3 and not weeks:
        # the n-th quarter of a fiscal year ends (4 - n) quarters before the year does
        back = (4 - h.quarter) * 3
        m = (end.month - back - 1) % 12 + 1
        y = end.year + (end.month - back - 1) // 12
        end = (
            _month_end(y, m) if end == _month_end(end.year, end.month) else make_date(y, m, min(end.day, 28))
        )
    if kind == StatementKind.BALANCE_SHEET:
        return end, None, None
    if months is None and weeks is None:
        months = 12
    return end, months, weeks


def _ordered_dates(grid: Grid, context_text: str) -> list[date | None]:
    """Full dates listed in a heading that spans columns, dealt out to them in order.

    "At January 2, 1994 and January 3, 1993" over "1993  1992": the first column
    takes the first date, whatever years its own heading prints.
    """
    out: list[date | None] = [None] * len(grid.columns)
    groups: dict[str, list[int]] = {}
    for i, (shared, _own) in enumerate(grid.column_text):
        groups.setdefault(shared, []).append(i)
    for shared, members in groups.items():
        dates = full_dates(shared) or (full_dates(context_text) if len(groups) == 1 else [])
        own_dates = [full_dates(grid.column_text[i][1]) for i in members]
        if len(dates) == len(members) and len(dates) > 1 and not any(own_dates):
            for i, d in zip(members, dates, strict=True):
                out[i] = d
    return out


def column_headings(grid: Grid, context_text: str) -> list[Heading]:
    """What the heading over each column says, with the dates a spanning heading deals out."""
    headings = [parse_heading(f"{context_text} {shared}", own) for shared, own in grid.column_text]
    ordered = _ordered_dates(grid, context_text)
    return [replace(h, end=d, year=None) if d else h for h, d in zip(headings, ordered, strict=True)]


def periods_for(
    grid: Grid,
    kind: StatementKind,
    dd: DocDates,
    context_text: str,
    found_year_ends: dict[int, date],
    headings: list[Heading] | None = None,
) -> list[Period | None]:
    """A period for each column (None where there is none); `headings`, if given, are the
    grid's `column_headings` for `context_text`, read before."""
    if headings is None:
        headings = column_headings(grid, context_text)
    shared_md = next((h.month_day for h in headings if h.month_day), None)
    # percent and change columns are not periods of the statement
    ratio = [bool(_RATIO_HEADING.search(own)) for _shared, own in grid.column_text]
    resolved = [
        _resolve(h, kind, shared_md, dd) if (h.end or h.year) and not r else (None, None, None)
        for h, r in zip(headings, ratio, strict=True)
    ]
    # a column with no heading of its own under one that spans it takes its left neighbour's
    for (_shared, own), h, (end, _m, _w) in zip(grid.column_text, headings, resolved, strict=True):
        years = re.findall(r"(?<![\d,])((?:19|20)\d\d)(?![\d,])", own)
        printed = h.end is not None or h.month_day is not None or shared_md is not None
        if (
            end
            and len(years) == 1
            and printed
            and not full_dates(own)
            and (end.year == int(years[0]) or end.month == 1)
        ):
            found_year_ends[int(years[0])] = end
    for i in range(1, len(resolved)):
        if (
            resolved[i][0] is None
            and resolved[i - 1][0] is not None
            and grid.column_text[i][0]
            and not re.search(r"(19|20)\d\d|\d/\d", grid.column_text[i][1])
            and not ratio[i]
        ):
            resolved[i] = resolved[i - 1]
    out: list[Period | None] = []
    for i, (end, months, weeks) in enumerate(resolved):
        if end is None:
            out.append(None)
            continue
        if kind == StatementKind.BALANCE_SHEET or (months is None and weeks is None):
            out.append(Period(end=end))
            continue
        start = start_of(end, months, weeks)
        # a neighbour of the same length that ended just before this one started
        for j, (e2, m2, w2) in enumerate(resolved):
            if (
                j != i
                and e2 is not None
                and start is not None
                and (m2, w2) == (months, weeks)
                and e2 < end
                and abs((start - timedelta(days=1) - e2).days) <= 7
            ):
                start = e2 + timedelta(days=1)
        out.append(Period(end=end, start=start, months=months, weeks=weeks, start_inferred=True))
    return out


def _scales(text: str, rows_labels: list[str]) -> tuple[int, str, int]:
    scale, scale_text = scale_of(text)
    share_scale = scale
    m = _SHARE_SCALE.search(text)
    if m:
        share_scale = 3 if m.group(1).lower() == "thousands" else 6
    elif _SHARES_EXCEPTED.search(text):
        share_scale = 0
    return scale, scale_text, share_scale


@dataclass(frozen=True, slots=True)
class Framing:
    """What a grid's titles and column headings say: all of a statement that does not
    depend on the fiscal years' ends, read once for both passes over the grids."""

    title: str
    header_text: str
    title_lines: tuple[str, ...]
    kind: StatementKind
    period_context: str
    headings: tuple[Heading, ...]


def _title(title_lines: list[str]) -> str:
    """The statement's title among the lines above it, with its subtitle; else its headings."""
    # a title may break over two lines: "CONSOLIDATED STATEMENT OF" / "OPERATIONS AND RETAINED EARNINGS"
    at = next(
        (
            i
            for i in range(len(title_lines) - 1, -1, -1)
            if TITLE.search(title_lines[i])
            or (
                i + 1 < len(title_lines)
                and TITLE.search(f"{title_lines[i]} {title_lines[i + 1]}")
                and re.search(r"\b(of|and)\s*$|statements?\s*$", title_lines[i], re.I)
            )
        ),
        None,
    )
    title = ""
    if at is not None:
        # a subtitle line or two under the title ("WITHOUT ONE-TIME ITEMS") belongs to it
        subtitle = [
            t
            for t in title_lines[at + 1 : at + 3]
            if len(t) < 60 and not scale_of(t)[0] and not full_dates(t) and not re.search(r"\d{4}", t)
        ]
        title = " ".join([title_lines[at], *subtitle])
    if not title:
        # no statement title: the short heading lines together ("SCHEDULE C ... LINE OF BUSINESS SUMMARY")
        heads = [
            t
            for t in title_lines[-6:]
            if len(t) < 80 and not scale_of(t)[0] and not re.fullmatch(r"[\W\d]*", t)
        ]
        title = " ".join(heads)
    return title


def frame(grid: Grid) -> Framing:
    """Read a grid's titles and column headings."""
    header_text = " ".join(ln.text.strip() for ln in grid.header if ln.text.strip())
    title_lines = [ln.text.strip() for ln in grid.context if ln.text.strip()]
    title = _title(title_lines)
    kind = classify(title or header_text, [r.label for r in grid.rows])
    period_context = " ".join(
        [
            t
            for t in title_lines[-4:]
            if re.search(r"ended|ending|months|weeks|year|\b(at|as\s+of)\b", t, re.I)
            or (len(grid.columns) == 1 and full_dates(t))
        ]
        + [grid.stub_text]
    )
    headings = tuple(column_headings(grid, period_context))
    return Framing(title, header_text, tuple(title_lines), kind, period_context, headings)


def learn_year_ends(grid: Grid, framing: Framing, dd: DocDates, year_ends: dict[int, date]) -> None:
    """Add to `year_ends` the fiscal years whose end date the grid prints, as
    `build_statement` would, without building the statement."""
    periods_for(grid, framing.kind, dd, framing.period_context, year_ends, list(framing.headings))


def build_statement(
    index: int, grid: Grid, dd: DocDates, year_ends: dict[int, date], framing: Framing | None = None
) -> tuple[Statement, list[Finding]]:
    """One statement from a grid; `year_ends` collects fiscal years whose end date is printed.

    `framing`, if given, is the grid's, read before by `frame`.
    """
    findings: list[Finding] = []
    if framing is None:
        framing = frame(grid)
    title, header_text, kind = framing.title, framing.header_text, framing.kind
    context = " ".join(framing.title_lines)
    labels = [r.label for r in grid.rows]
    qualifier_m = _QUALIFIERS.search(f"{title} {header_text}")
    qualifier = qualifier_m.group(0).lower() if qualifier_m else ""
    scale, scale_text, share_scale = _scales(f"{context} {header_text} {grid.stub_text}", labels)
    periods = periods_for(grid, kind, dd, framing.period_context, year_ends, list(framing.headings))
    columns = tuple(
        Column(
            index=i,
            header=" ".join(p for p in grid.column_text[i] if p),
            period=periods[i],
            unit_hint=_column_unit(grid, i),
        )
        for i in range(len(grid.columns))
    )
    assumed = [
        i
        for i, (h, p) in enumerate(zip(framing.headings, periods, strict=True))
        if p is not None and _year_end_assumed(h, framing.headings, dd)
    ]
    if assumed and kind != StatementKind.OTHER:
        years = ", ".join(grid.column_text[i][1] or str(periods[i].end.year) for i in assumed)  # type: ignore[union-attr]
        findings.append(
            Finding(
                Severity.WARNING,
                "period.assumed",
                f"the table at line {grid.first_line} prints years ({years}) but no month and day, "
                "and the release names no fiscal year end: its periods are taken to end on "
                "December 31",
                SourceSpan(grid.first_line),
            )
        )
    if not any(periods):
        findings.append(
            Finding(
                Severity.WARNING,
                "table.no_periods",
                f"no column of the table at line {grid.first_line} has a period; "
                "its numbers are kept but give no facts",
                SourceSpan(grid.first_line),
            )
        )
    rows = []
    raw_rows = fold_described_rows(list(grid.rows))
    row_depths = depths(raw_rows)
    row_sections = sections(raw_rows)
    for r_index, (raw, depth, section) in enumerate(zip(raw_rows, row_depths, row_sections, strict=True)):
        cells = tuple(
            _cell(raw.tokens[i], raw.lines[-1])
            if i in raw.tokens and raw.tokens[i].value is not None
            else None
            for i in range(len(columns))
        )
        role = RowRole.HEADER if raw.header else RowRole.TOTAL if is_total(raw) else RowRole.ITEM
        label = raw.label
        if raw.generated:
            inner = section.split(" / ")[-1]
            label = f"Total {inner.rstrip(':')}" if inner else "Subtotal"
        rows.append(
            Row(
                index=r_index,
                label=label,
                depth=depth,
                role=role,
                cells=cells,
                source=SourceSpan(raw.lines[0], raw.indent, raw.label),
                section=section.rstrip(":"),
                generated_label=raw.generated,
                rule_above=raw.rule_above,
            )
        )
    stmt = Statement(
        index=index,
        kind=kind,
        title=title,
        scale=scale,
        scale_text=scale_text,
        columns=columns,
        rows=tuple(rows),
        source=SourceSpan(grid.first_line, 0, title),
        end_line=grid.last_line,
        share_scale=share_scale,
        qualifier=qualifier,
    )
    return stmt, findings


# a column of per-share figures ("Earnings Per Share"), not a scale note ("except per share data")
_PER_SHARE_HEADING = re.compile(
    r"(?<!except )\bper\s+(?:common\s+)?share\b(?!\s+(?:amounts?|data|figures|information))|\beps\b",
    re.I,
)


def _column_unit(grid: Grid, i: int) -> str | None:
    """ "percent" for a % column, "per_share" for one headed "Earnings Per Share", else None."""
    if _percent_column(grid, i):
        return "percent"
    if _PER_SHARE_HEADING.search(grid.column_text[i][1]):
        return "per_share"
    return None


def _percent_column(grid: Grid, i: int) -> bool:
    if _RATIO_HEADING.search(grid.column_text[i][1]):
        return True
    toks = [r.tokens[i] for r in grid.rows if i in r.tokens and r.tokens[i].value is not None]
    return (
        bool(toks)
        and sum(t.percent for t in toks) * 2 >= len(toks)
        or "%" in grid.column_text[i][1]
        or bool(re.search(r"percent|change", grid.column_text[i][1], re.I))
    )


def _cell(tok, line: int) -> Cell:  # type: ignore[no-untyped-def]
    return Cell(
        value=tok.value if tok.value is not None else Decimal(0),
        text=tok.text,
        source=SourceSpan(line, tok.start, tok.text),
        dash=tok.dash,
        footnote=tok.footnote,
        percent=tok.percent,
    )


def instant_row(label: str) -> str | None:
    """'beginning' or 'end' for a balance row inside a duration statement."""
    if not _INSTANT_ROW.search(label):
        return None
    if re.search(r"\bbeginning\b|\bstart\s+of\b|\bat\s+jan[a-z]*\.?\s+1\b", label, re.I):
        return "beginning"
    return "end"
