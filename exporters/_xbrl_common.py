"""What the three XBRL exporters share: entity, contexts, units, namespaces and fact ids.

All three formats (XBRL 2.1, Inline XBRL, xBRL-JSON) state the same facts in the same
contexts, so the choices are made once here:

- entity: the CIK (10 digits) under ``http://www.sec.gov/CIK`` when `filing.entity.cik` is
  set; else the ticker under ``http://release2xbrl.invalid/ticker``; else the input's SHA-256
  under ``http://release2xbrl.invalid/sha256``. An exporter may be given `entity_scheme` and
  `entity_id` to override this.
- contexts: one per period, no dimensions, ids from the dates (``I2002-11-30``,
  ``D2001-12-02_2002-11-30``), sorted by end then start.
- units: ``USD`` (iso4217:USD), ``shares`` (xbrli:shares), ``USD-per-share``
  (iso4217:USD / xbrli:shares), ``pure`` (xbrli:pure).
- concepts: ``us-gaap:`` names are the 2019 subset's (`taxonomy.NAMESPACE`); the filing's own
  prefix names its extension concepts. Any other prefix is a bug upstream and raises.
- fact ids: the model's `Fact.id` when every id is a distinct XML name; else ``f1``, ``f2``...
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

import taxonomy
from converter.model import Concept, Filing, Period, Unit
from exporters.json_doc import decimal_text
from taxonomy.package import PROJECT_URI, XBRLI, clean_text

__all__ = ["Entity", "clean_text", "decimal_text"]

ISO4217 = "http://www.xbrl.org/2003/iso4217"
CIK_SCHEME = "http://www.sec.gov/CIK"
TICKER_SCHEME = f"{PROJECT_URI}/ticker"
SHA256_SCHEME = f"{PROJECT_URI}/sha256"
RESERVED_PREFIXES = frozenset(
    {"xbrli", "xbrl", "link", "xlink", "xs", "xsi", "iso4217", "ix", "ixt", "num", "xml"}
)
# unit -> (id, numerator measures, denominator measures)
UNITS: dict[Unit, tuple[str, tuple[str, ...], tuple[str, ...]]] = {
    Unit.USD: ("USD", ("iso4217:USD",), ()),
    Unit.SHARES: ("shares", ("xbrli:shares",), ()),
    Unit.USD_PER_SHARE: ("USD-per-share", ("iso4217:USD",), ("xbrli:shares",)),
    Unit.PURE: ("pure", ("xbrli:pure",), ()),
}
_NCNAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.\-]*$")


@dataclass(frozen=True, slots=True)
class Entity:
    scheme: str
    identifier: str


def entity(filing: Filing, scheme: str | None = None, identifier: str | None = None) -> Entity:
    """The reporting entity's identifier (see the module docstring)."""
    e = filing.entity
    if e.cik:
        default = Entity(CIK_SCHEME, e.cik.zfill(10) if e.cik.isdigit() else e.cik)
    elif e.ticker:
        default = Entity(TICKER_SCHEME, e.ticker)
    else:
        default = Entity(SHA256_SCHEME, filing.sha256)
    return Entity(scheme or default.scheme, identifier or default.identifier)


def context_id(period: Period) -> str:
    if period.start is None:
        return f"I{period.end.isoformat()}"
    return f"D{period.start.isoformat()}_{period.end.isoformat()}"


def periods(filing: Filing) -> list[Period]:
    """One period per distinct (start, end), sorted; the first printed form wins."""
    seen: dict[tuple[date | None, date], Period] = {}
    for f in filing.facts:
        seen.setdefault(f.period.key(), f.period)
    return sorted(seen.values(), key=lambda p: (p.end, p.start or date.min))


def units(filing: Filing) -> list[Unit]:
    used = {f.unit for f in filing.facts}
    return [u for u in UNITS if u in used]


def unit_id(unit: Unit) -> str:
    return UNITS[unit][0]


def namespaces(filing: Filing) -> dict[str, str]:
    """Concept prefix -> namespace, for the prefixes the filing uses."""
    ext = extension_prefix(filing)
    out = {taxonomy.PREFIX: taxonomy.NAMESPACE, ext: extension_namespace(filing)}
    for f in filing.facts:
        prefix = f.concept.partition(":")[0]
        if prefix not in out:
            raise ValueError(f"fact {f.id}: concept {f.concept} has an unknown prefix")
    return out


def extension_prefix(filing: Filing) -> str:
    prefix = filing.extension_prefix or "ext"
    if prefix in RESERVED_PREFIXES or prefix == taxonomy.PREFIX or not _NCNAME.match(prefix):
        raise ValueError(f"extension prefix {prefix!r} is reserved or not an XML name")
    return prefix


def extension_namespace(filing: Filing) -> str:
    """The filing's extension namespace; when the model has none, one under our domain."""
    if filing.extension_namespace:
        return filing.extension_namespace
    e = entity(filing)
    return f"{PROJECT_URI}/ext/{e.identifier.lower()}"


def split(concept: str) -> tuple[str, str]:
    prefix, _, name = concept.partition(":")
    return prefix, name


def fact_ids(filing: Filing) -> list[str]:
    """An XML id for each fact, in `filing.facts` order."""
    ids = [f.id for f in filing.facts]
    if len(set(ids)) == len(ids) and all(_NCNAME.match(i) for i in ids):
        return ids
    return [f"f{n}" for n in range(1, len(ids) + 1)]


def period_text(period: Period) -> str:
    if period.start is None:
        return f"at {period.end.isoformat()}"
    return f"{period.start.isoformat()} to {period.end.isoformat()}"


def extension_concepts(filing: Filing) -> dict[str, Concept]:
    """Extension name -> its `Concept`; every extension fact must have one."""
    prefix = extension_prefix(filing)
    defined = {c.name: c for c in filing.extensions}
    for f in filing.facts:
        p, name = split(f.concept)
        if p == prefix and name not in defined:
            raise ValueError(f"fact {f.id}: {f.concept} is not in filing.extensions")
    return dict(defined)


def xbrli(local: str) -> str:
    return f"{{{XBRLI}}}{local}"


def add_context(parent: object, period: Period, who: Entity) -> None:
    """An `xbrli:context` for `period` under `parent` (an instance or ix:resources)."""
    from lxml import etree

    ctx = etree.SubElement(parent, xbrli("context"), id=context_id(period))
    ent = etree.SubElement(ctx, xbrli("entity"))
    etree.SubElement(ent, xbrli("identifier"), scheme=who.scheme).text = clean_text(who.identifier)
    per = etree.SubElement(ctx, xbrli("period"))
    if period.start is None:
        etree.SubElement(per, xbrli("instant")).text = period.end.isoformat()
    else:
        etree.SubElement(per, xbrli("startDate")).text = period.start.isoformat()
        etree.SubElement(per, xbrli("endDate")).text = period.end.isoformat()


def add_unit(parent: object, unit: Unit) -> None:
    from lxml import etree

    uid, numerators, denominators = UNITS[unit]
    el = etree.SubElement(parent, xbrli("unit"), id=uid)
    if not denominators:
        for m in numerators:
            etree.SubElement(el, xbrli("measure")).text = m
        return
    divide = etree.SubElement(el, xbrli("divide"))
    for tag, measures in (("unitNumerator", numerators), ("unitDenominator", denominators)):
        part = etree.SubElement(divide, xbrli(tag))
        for m in measures:
            etree.SubElement(part, xbrli("measure")).text = m


def add_contexts_and_units(parent: object, filing: Filing, who: Entity) -> None:
    for p in periods(filing):
        add_context(parent, p, who)
    for u in units(filing):
        add_unit(parent, u)


def stem(filing: Filing) -> str:
    """A file-name stem from the input's name: letters, digits, '-', '_' and '.' only."""
    name = filing.source_name.replace("\\", "/").rsplit("/", 1)[-1]
    name = name.rsplit(".", 1)[0] if "." in name else name
    name = re.sub(r"[^A-Za-z0-9_.\-]+", "-", name).strip("-.")
    return name or "report"


def measures_json(unit: Unit) -> str:
    _, numerators, denominators = UNITS[unit]
    text = "*".join(numerators)
    return f"{text}/{'*'.join(denominators)}" if denominators else text
