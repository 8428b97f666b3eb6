"""Who and when: the entity, its ticker and exchange, the dateline, the fiscal year.

A bare release names its company in the first paragraph, "Innovo Group, Inc.
(NASDAQ: INNO)", after a dateline, "LOS ANGELES, March 17, 2003 --". A submission
adds the SEC header's conformed name and CIK.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from converter.model import Entity, Statement, StatementKind
from converter.periods import full_dates
from converter.reading import Text

_TICKER = re.compile(
    r"(?P<name>[A-Z][\w.,&'\- ]{1,80}?)\s*\(\s*(?P<exchange>NASDAQ|Nasdaq|NYSE|AMEX|Amex|NasdaqNM|"
    r"Nasdaq\s*NM|OTC\s*BB|OTCBB|OTC|TSX|PCX|CHX)(?:[/ ](?:NMS|NM|GS|SmallCap))?\s*:\s*(?P<ticker>[A-Z][A-Z.]{0,5})\s*\)"
)
_DATELINE = re.compile(
    r"^\s*(?:[A-Z][A-Z .'\-]+,\s*(?:[A-Z][a-z]+\.?,?\s*)?)?(?P<date>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
    r"[a-z]*\.?\s+\d{1,2},?\s+(?:19|20)\d\d)\s*(?:--|/|\u2014|-)"
)


@dataclass(frozen=True, slots=True)
class About:
    entity: Entity
    document_date: date | None
    fiscal_year_end: date | None
    prior_fiscal_year_end: date | None


def _entity(text: Text) -> Entity:
    head = " ".join(line.strip() for line in text.lines[:400] if line.strip())
    m = _TICKER.search(head)
    name = text.header.company
    ticker = exchange = None
    if m:
        found = m.group("name").strip(" ,")
        # the name is what follows the dateline dash, if there is one
        found = re.split(r"\s--\s|\u2014|\s-\s", found)[-1].strip()
        found = re.sub(r"^(?:today|the)\s+", "", found)
        name = name or found
        if not text.header.company:
            name = found
        ticker = m.group("ticker")
        exchange = re.sub(r"\s+", "", m.group("exchange")).upper()
    cik = text.header.cik.lstrip("0") if text.header.cik else None
    return Entity(name=name, ticker=ticker, exchange=exchange, cik=cik)


def _dateline(text: Text) -> date | None:
    for line in text.lines[:600]:
        m = _DATELINE.match(line)
        if m:
            dates = full_dates(m.group("date"))
            if dates:
                return dates[0]
    return text.header.filed


def describe(text: Text, statements: list[Statement]) -> About:
    """Entity, document date and fiscal years of the filing."""
    years = sorted(
        {
            c.period.end
            for s in statements
            if s.kind != StatementKind.OTHER
            for c in s.columns
            if c.period and c.period.months == 12 or (c.period and c.period.weeks and c.period.weeks >= 52)
        }
    )
    fye = years[-1] if years else None
    prior = years[-2] if len(years) > 1 else None
    return About(_entity(text), _dateline(text), fye, prior)
