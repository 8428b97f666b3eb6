"""The taxonomy subset as frozen values: elements, synonyms, calculation arcs, and queries."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TypeVar

from taxonomy.labels import normalize_label, section_matches

T = TypeVar("T")

__all__ = ["Arc", "Element", "Synonym", "Taxonomy", "DATA_TYPES", "STATEMENTS"]

STATEMENTS = ("balance_sheet", "income_statement", "cash_flow", "equity")

# XBRL item type -> the short data type the canonical model uses (`converter.model.Concept`).
DATA_TYPES: Mapping[str, str] = MappingProxyType(
    {
        "xbrli:monetaryItemType": "monetary",
        "xbrli:sharesItemType": "shares",
        "num:perShareItemType": "perShare",
        "num:percentItemType": "percent",
        "xbrli:pureItemType": "pure",
        "xbrli:decimalItemType": "decimal",
    }
)


@dataclass(frozen=True, slots=True)
class Element:
    """A us-gaap element: `name` is the local name, `label` the standard label ("" if unknown)."""

    name: str
    xbrl_type: str
    data_type: str  # "monetary" | "shares" | "perShare" | "percent" | "pure" | "decimal"
    period_type: str  # "instant" | "duration"
    balance: str | None  # "debit" | "credit" | None
    label: str
    note: str


@dataclass(frozen=True, slots=True)
class Synonym:
    """A normalized label that names `concept` in `statements`; under `section` only, if set."""

    label: str
    concept: str
    statements: tuple[str, ...]
    section: str | None  # None for plain synonyms; a normalized section for contextual rules


@dataclass(frozen=True, slots=True)
class Arc:
    """A calculation relationship: `parent` = sum of `weight` * child over its arcs."""

    statement: str
    parent: str
    child: str
    weight: int  # +1 or -1
    order: int


@dataclass(frozen=True)
class Taxonomy:
    """The us-gaap subset the converter maps to. Build it with `taxonomy.load()`.

    Calculation arcs are hierarchical, as in the us-gaap templates ("Total current assets"
    under "Total assets"). When a release does not print a subtotal, a checker may use that
    child's own children in its place, recursively.
    """

    prefix: str
    namespace: str
    entry_point: str
    release: str
    elements: Mapping[str, Element]
    synonyms: tuple[Synonym, ...]
    calculations: tuple[Arc, ...]
    _plain: Mapping[str, tuple[Synonym, ...]] = field(init=False, repr=False, compare=False)
    _context: Mapping[str, tuple[Synonym, ...]] = field(init=False, repr=False, compare=False)
    _by_parent: Mapping[str, tuple[Arc, ...]] = field(init=False, repr=False, compare=False)
    _by_child: Mapping[str, tuple[Arc, ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not isinstance(self.elements, MappingProxyType):
            object.__setattr__(self, "elements", MappingProxyType(dict(self.elements)))
        plain: dict[str, list[Synonym]] = {}
        context: dict[str, list[Synonym]] = {}
        for syn in self.synonyms:
            (plain if syn.section is None else context).setdefault(syn.label, []).append(syn)
        object.__setattr__(self, "_plain", _freeze(plain))
        object.__setattr__(self, "_context", _freeze(context))
        by_parent: dict[str, list[Arc]] = {}
        by_child: dict[str, list[Arc]] = {}
        for arc in self.calculations:
            by_parent.setdefault(arc.parent, []).append(arc)
            by_child.setdefault(arc.child, []).append(arc)
        object.__setattr__(self, "_by_parent", _freeze(by_parent))
        object.__setattr__(self, "_by_child", _freeze(by_child))

    def element(self, name: str) -> Element | None:
        """The element with local name `name` ("us-gaap:" prefix allowed), or None."""
        return self.elements.get(name.removeprefix(f"{self.prefix}:"))

    def lookup(self, label: str, statement: str, section: str | None = None,
               other_statements: bool = True) -> tuple[str, ...]:
        """Concept names for a printed or normalized `label` in `statement`, best first.

        Order: contextual rules of `statement` whose section applies under `section` (in data
        order, a user file's rules first); then plain synonyms of `statement`; then plain
        synonyms of other statements. Empty when nothing matches.
        """
        key = normalize_label(label)
        where = normalize_label(section) if section else ""
        found: list[str] = []
        for syn in self._context.get(key, ()):
            if statement in syn.statements and section_matches(syn.section or "", where):
                found.append(syn.concept)
        plain = self._plain.get(key, ())
        found += [s.concept for s in plain if statement in s.statements]
        if other_statements:
            found += [s.concept for s in plain if statement not in s.statements]
        return tuple(dict.fromkeys(found))

    def children(self, parent: str, statement: str | None = None) -> tuple[Arc, ...]:
        """The arcs summing into `parent`, in statement then presentation order."""
        arcs = self._by_parent.get(parent, ())
        return _sorted(a for a in arcs if statement is None or a.statement == statement)

    def parents(self, child: str, statement: str | None = None) -> tuple[Arc, ...]:
        """The arcs in which `child` is a component of a total."""
        arcs = self._by_child.get(child, ())
        return _sorted(a for a in arcs if statement is None or a.statement == statement)


def _freeze(index: dict[str, list[T]]) -> Mapping[str, tuple[T, ...]]:
    return MappingProxyType({k: tuple(v) for k, v in index.items()})


def _sorted(arcs: Iterable[Arc]) -> tuple[Arc, ...]:
    return tuple(sorted(arcs, key=lambda a: (a.statement, a.order, a.parent, a.child)))
