"""A filing's own extension taxonomy: a schema plus label, presentation and calculation links.

The schema ``<prefix>-<yyyymmdd>.xsd`` (date: the document's, else the latest period end)
imports the us-gaap subset by its official URL (`taxonomy.ENTRY_POINT`; offline, the
taxonomy package of `taxonomy.package` resolves it) and declares:

- the company concepts of `filing.extensions`, typed from their data type;
- one abstract root per kind of statement (``BalanceSheetAbstract``...), so that each
  statement's presentation keeps the printed row order;
- one extended link role per statement (``<namespace>/role/statement<N>``), with the
  statement's title as its definition.

Linkbases, all taken from the release's own tables:
- labels: a standard label for each extension and abstract concept, and the row label as
  printed as a terse label of each us-gaap concept (the subset carries the standard ones);
- presentation: per statement, the abstract root over the statement's concepts in row order;
- calculation: `filing.calculations`, the arithmetic the release itself proves, per
  statement. A second relation with the same total but other components in one statement
  goes to a further role (``.../statement<N>-2``), since XBRL would add both up.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import taxonomy
from converter.model import Concept, Filing, Statement, StatementKind
from exporters import _xbrl_common as common
from taxonomy.core import DATA_TYPES
from taxonomy.package import (
    ARCROLE_PARENT_CHILD,
    ARCROLE_SUMMATION,
    NUM,
    NUM_XSD,
    ROLE_LABEL,
    ROLE_TERSE,
    Locators,
    add_element,
    add_linkbase_ref,
    add_role_type,
    arc,
    extended_link,
    label,
    linkbase_root,
    order_text,
    schema_root,
    weight_text,
    xml_bytes,
)

XBRL_TYPES = {short: xbrl_type for xbrl_type, short in DATA_TYPES.items()}
ABSTRACT_NAMES = {
    StatementKind.BALANCE_SHEET: ("BalanceSheetAbstract", "Balance sheet"),
    StatementKind.INCOME_STATEMENT: ("IncomeStatementAbstract", "Income statement"),
    StatementKind.CASH_FLOW: ("CashFlowStatementAbstract", "Statement of cash flows"),
    StatementKind.EQUITY: ("StockholdersEquityStatementAbstract", "Statement of equity"),
    StatementKind.OTHER: ("OtherStatementAbstract", "Other table"),
}
Network = dict[str, tuple[tuple[str, int], ...]]  # total -> ((component, weight), ...)


@dataclass(frozen=True, slots=True)
class Role:
    uri: str
    id: str
    definition: str


def base_name(filing: Filing) -> str:
    """``inno-20030213``: the extension prefix and the document date (or last period end)."""
    when = filing.document_date or filing.period_of_report
    if when is None and filing.facts:
        when = max(f.period.end for f in filing.facts)
    prefix = common.extension_prefix(filing)
    return f"{prefix}-{when.strftime('%Y%m%d')}" if when else prefix


def schema_name(filing: Filing) -> str:
    return f"{base_name(filing)}.xsd"


def statement_role(filing: Filing, s: Statement, network: int = 0) -> Role:
    suffix = f"-{network + 1}" if network else ""
    title = " ".join(x for x in (s.title, f"({s.qualifier})" if s.qualifier else "") if x)
    definition = f"{s.index + 1:02d} - Statement - {title or s.kind}{suffix}"
    uri = f"{common.extension_namespace(filing)}/role/statement{s.index + 1}{suffix}"
    return Role(uri, f"statement{s.index + 1}{suffix.replace('-', '_')}", definition)


def abstract_for(filing: Filing, kind: StatementKind) -> tuple[str, str]:
    """The abstract root's (name, label) for a kind of statement, clear of extension names."""
    name, text = ABSTRACT_NAMES[kind]
    taken = {c.name for c in filing.extensions}
    while name in taken:
        name = "Release" + name
    return name, text


def networks(filing: Filing, s: Statement) -> list[Network]:
    """The statement's calculation relations, split so no total has two sets of components."""
    nets: list[Network] = []
    for rel in filing.calculations:
        if rel.statement_index != s.index:
            continue
        comps = tuple(dict((c, w) for c, w in rel.components if c != rel.total).items())
        target = next((n for n in nets if rel.total not in n or n[rel.total] == comps), None)
        if target is None:
            target = {}
            nets.append(target)
        target.setdefault(rel.total, comps)
    return [n for n in nets if any(n.values())]


def statement_concepts(filing: Filing, s: Statement) -> list[str]:
    """The concepts of a statement's facts, in row then column order, each once."""
    facts = sorted(
        (f for f in filing.facts if f.statement_index == s.index),
        key=lambda f: (f.row_index, f.column_index),
    )
    return list(dict.fromkeys(f.concept for f in facts))


class Builder:
    """Builds the schema and the three linkbases of one filing."""

    def __init__(self, filing: Filing) -> None:
        self.filing = filing
        self.prefix = common.extension_prefix(filing)
        self.namespace = common.extension_namespace(filing)
        self.base = base_name(filing)
        self.concepts = common.extension_concepts(filing)
        self.statements = [s for s in filing.statements if statement_concepts(filing, s)]

    def href(self, concept: str) -> str:
        prefix, name = common.split(concept)
        if prefix == taxonomy.PREFIX:
            return f"{taxonomy.ENTRY_POINT}#{prefix}_{name}"
        return f"{self.base}.xsd#{prefix}_{name}"

    def loc(self, locators: Locators, concept: str) -> str:
        return locators(self.href(concept), "loc_" + concept.replace(":", "_"))

    def roles(self) -> Iterator[tuple[Statement, int, Role]]:
        for s in self.statements:
            yield s, 0, statement_role(self.filing, s)
            for n in range(1, len(networks(self.filing, s))):
                yield s, n, statement_role(self.filing, s, n)

    def schema(self) -> bytes:
        types = [XBRL_TYPES[c.data_type] for c in self.concepts.values()]
        imports = [(taxonomy.PREFIX, taxonomy.NAMESPACE, taxonomy.ENTRY_POINT)]
        if any(t.startswith("num:") for t in types):
            imports.append(("num", NUM, NUM_XSD))
        root = schema_root(self.namespace, self.prefix, imports)
        for kind, ext in (("label", "lab"), ("presentation", "pre"), ("calculation", "cal")):
            add_linkbase_ref(root, kind, f"{self.base}_{ext}.xml")
        for _, _, role in self.roles():
            add_role_type(root, role.uri, role.id, role.definition)
        for name in sorted(self.concepts):
            c: Concept = self.concepts[name]
            add_element(root, self.prefix, name, XBRL_TYPES[c.data_type], c.period_type, c.balance)
        for name, _ in sorted({abstract_for(self.filing, s.kind) for s in self.statements}):
            add_element(root, self.prefix, name, "xbrli:stringItemType", "duration", None, True)
        return xml_bytes(root)

    def labels(self) -> bytes:
        texts: dict[str, tuple[str, str]] = {}  # concept -> (role, text)
        for s in self.statements:
            name, text = abstract_for(self.filing, s.kind)
            texts[f"{self.prefix}:{name}"] = (ROLE_LABEL, text)
        for c in self.concepts.values():
            texts.setdefault(f"{self.prefix}:{c.name}", (ROLE_LABEL, c.label))
        for f in self.filing.facts:
            role = ROLE_TERSE if common.split(f.concept)[0] == taxonomy.PREFIX else ROLE_LABEL
            if not texts.get(f.concept, ("", ""))[1].strip():
                texts[f.concept] = (role, f.label)
        root = linkbase_root()
        link = extended_link(root, "label")
        locs = Locators(link)
        for concept in sorted(texts):
            role, text = texts[concept]
            text = " ".join(common.clean_text(text).split()) or common.split(concept)[1]
            suffix = "terse" if role == ROLE_TERSE else "label"
            res = f"lab_{concept.replace(':', '_')}_{suffix}"
            label(link, self.loc(locs, concept), role, text, res)
        return xml_bytes(root)

    def _root(self, roles: list[Role]) -> object:
        return linkbase_root((r.uri, f"{self.base}.xsd#{r.id}") for r in roles)

    def presentation(self) -> bytes:
        roles = [role for _, n, role in self.roles() if n == 0]
        root = self._root(roles)
        for s, role in zip(self.statements, roles, strict=True):
            link = extended_link(root, "presentation", role.uri)
            locs = Locators(link)
            top = self.loc(locs, f"{self.prefix}:{abstract_for(self.filing, s.kind)[0]}")
            for n, concept in enumerate(statement_concepts(self.filing, s), start=1):
                extra = {"order": order_text(n)}
                if common.split(concept)[0] == taxonomy.PREFIX:
                    extra["preferredLabel"] = ROLE_TERSE
                arc(
                    link,
                    "presentation",
                    ARCROLE_PARENT_CHILD,
                    top,
                    self.loc(locs, concept),
                    **extra,
                )
        return xml_bytes(root)

    def calculation(self) -> bytes:
        found = [(s, n, role) for s, n, role in self.roles() if networks(self.filing, s)]
        root = self._root([role for _, _, role in found])
        for s, n, role in found:
            net = networks(self.filing, s)[n]
            link = extended_link(root, "calculation", role.uri)
            locs = Locators(link)
            for total in net:
                for order, (component, weight) in enumerate(net[total], start=1):
                    extra = {"order": order_text(order), "weight": weight_text(weight)}
                    src, dst = self.loc(locs, total), self.loc(locs, component)
                    arc(link, "calculation", ARCROLE_SUMMATION, src, dst, **extra)
        return xml_bytes(root)

    def files(self) -> dict[str, bytes]:
        return {
            f"{self.base}.xsd": self.schema(),
            f"{self.base}_lab.xml": self.labels(),
            f"{self.base}_pre.xml": self.presentation(),
            f"{self.base}_cal.xml": self.calculation(),
        }


def extension_files(filing: Filing) -> dict[str, bytes]:
    """The extension taxonomy's files, by name; the schema is `schema_name(filing)`."""
    return Builder(filing).files()
