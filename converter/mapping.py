"""Rows to facts: a concept for each row, and each value in XBRL's sign.

The concept comes from the label, read in its statement and section through the
taxonomy's synonyms. A row no us-gaap concept fits becomes a company extension
concept, never a made-up us-gaap name, and says so in a finding.

The sign comes from the table's arithmetic (converter.arithmetic): a component
added as printed into a total whose concept has the opposite balance is negated,
so that `Interest expense (157)` becomes InterestExpense = 157000. Where the
arithmetic proves nothing, the statement's conventions decide, and the fact's
`negated` flag records that the release printed the other sign.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from converter.arithmetic import Relation, relations
from converter.concepts import ConceptChooser, extension_prefix
from converter.facts import Draft, drafts
from converter.model import (
    CalcRelation,
    Concept,
    Fact,
    Filing,
    Finding,
    Mapping,
    MappingMethod,
    Row,
    RowRole,
    Severity,
    SourceSpan,
    Statement,
    StatementKind,
    Unit,
)
from converter.statements import instant_row
from taxonomy import Taxonomy, load


def _span(row: Row) -> SourceSpan:
    """Where a finding about a row points: its first line and column, and its label."""
    return SourceSpan(row.source.line, row.source.column, row.label)


def _income_start(name: str) -> bool:
    """An income figure a cash-flow statement starts from: it adds to cash as printed."""
    return name.startswith(
        (
            "NetIncomeLoss",
            "ProfitLoss",
            "IncomeLossFromContinuingOperations",
            "IncomeLossBeforeExtraordinary",
        )
    )


def weight(
    tax: Taxonomy,
    child: str,
    parent: str,
    kind: StatementKind,
    balances: dict[str, str | None] | None = None,
) -> int | None:
    """+1 or -1: how `child` adds into `parent` in XBRL terms; None if unknown.

    Local names; `balances` gives the balance of concepts the taxonomy does not know
    (company totals), as their own place in the arithmetic implies.
    """
    for arc in tax.parents(child):
        if arc.parent == parent:
            return arc.weight
    known = balances or {}

    def balance(name: str) -> str | None:
        el = tax.element(name)
        if el is not None:
            return el.balance or known.get(name) or ("debit" if kind == StatementKind.CASH_FLOW else None)
        return known.get(name)

    if kind == StatementKind.CASH_FLOW and _income_start(child):
        return 1
    cb, pb = balance(child), balance(parent)
    if cb is None or pb is None:
        return None
    return 1 if cb == pb else -1


def _implied_balances(
    tax: Taxonomy, st: Statement, rels: list, concepts: dict[int, str]
) -> dict[str, str | None]:
    """Balances of company totals, from the total each adds into: a total subtracted
    from a credit figure behaves as a debit ("Total costs, expenses and other")."""
    out: dict[str, str | None] = {}
    for _ in range(3):
        for rel in rels:
            parent = concepts.get(rel.total, "").split(":")[-1]
            pel = tax.element(parent)
            pb = (pel.balance if pel else None) or out.get(parent)
            if pb is None and st.kind == StatementKind.CASH_FLOW:
                pb = "debit"
            if pb is None:
                continue
            for idx, s in zip(rel.components, rel.signs, strict=True):
                child = concepts.get(idx, "")
                cel = tax.element(child.split(":")[-1]) if child.startswith("us-gaap:") else None
                if not child or (cel is not None and cel.balance is not None):
                    continue
                # added as printed, a line printed in parentheses takes away: it is the other side
                # (a line item of an income statement or balance sheet, not a net figure)
                row = st.rows[idx]
                printed = [c.value for c in row.cells if c is not None and c.value and not c.percent]
                deduction = (
                    st.kind != StatementKind.CASH_FLOW
                    and row.role == RowRole.ITEM
                    and bool(printed)
                    and all(v < 0 for v in printed)
                )
                effective = -s if deduction else s
                out.setdefault(
                    child.split(":")[-1],
                    pb if effective > 0 else ("credit" if pb == "debit" else "debit"),
                )
    return out


_TWO_WAY = re.compile(
    r"IncomeExpense|IncomeLoss|GainLoss|IncreaseDecrease|ProceedsFromPaymentsFor|"
    r"PaymentsForProceedsFrom|ProceedsFromRepayments"
)


# concepts whose amount may be either side of zero by nature, beyond _TWO_WAY's
_EITHER_SIGN = re.compile(
    r"ProvidedByUsedIn|ExpenseBenefit|GainsLosses|Deficit|Effect|PerShare|Equity|ComprehensiveIncome|"
    r"Adjustment|NetOfTax|ProfitLoss|Other|Net$|Change|Increase|Decrease"
)
_EITHER_SIGN_LABEL = re.compile(r"credit|recover|benefit|income|gain|reversal|refund", re.I)


def _magnitudes(
    tax: Taxonomy, st: Statement, concepts: dict[int, str], factor: dict[int, int]
) -> list[Finding]:
    """Make amounts that cannot be negative positive, where the arithmetic made them negative.

    Interest capitalized, or dividends, is an amount: a release that prints it where it
    adds back ("Incurred (37,819) / Capitalized 5,340") subtracts it from its total. XBRL
    reports the amount, 5,340; the total's relation then has no XBRL weight to say so, and
    is left out of the linkbase (see _calculations). Changes `factor` in place.
    """
    if st.kind not in (StatementKind.INCOME_STATEMENT, StatementKind.EQUITY):
        return []
    found = []
    for i, c in concepts.items():
        el = tax.element(c.split(":")[-1]) if c.startswith("us-gaap:") else None
        if el is None or el.data_type != "monetary" or el.balance is None:
            continue
        if _TWO_WAY.search(c) or _EITHER_SIGN.search(c) or _EITHER_SIGN_LABEL.search(st.rows[i].label):
            continue
        values = [cell.value * factor.get(i, 1) for cell in st.rows[i].cells if cell and cell.value]
        if values and all(v < 0 for v in values):
            factor[i] = -factor.get(i, 1)
            row = st.rows[i]
            found.append(
                Finding(
                    Severity.INFO,
                    "sign.magnitude",
                    f"'{row.label}' ({c}) is an amount, reported positive; the release subtracts it "
                    "where XBRL would add it",
                    _span(row),
                )
            )
    return found


def _extension_sign(row: Row, st: Statement) -> int:
    """A company line printed in parentheses as a deduction is reported positive, as XBRL
    reports expenses and contra accounts; cash flows keep their printed cash effect."""
    values = [c.value for c in row.cells if c is not None and c.value and not c.percent]
    # a result ("Cumulative effect of accounting change", "Extraordinary loss") keeps its sign
    result = re.search(
        r"income|earnings|profit|gain|loss|effect|extraordinary|discontinued|"
        r"adjustment|deficit|translation",
        row.label,
        re.I,
    )
    deduction = (
        st.kind in (StatementKind.INCOME_STATEMENT, StatementKind.BALANCE_SHEET)
        and row.role == RowRole.ITEM
        and not result
        and bool(values)
        and all(v < 0 for v in values)
    )
    return -1 if deduction else 1


def _fallback_sign(tax: Taxonomy, concept: str, row: Row, st: Statement, side: str) -> int:
    """Sign factor from the statement's conventions, when no total proves it."""
    el = tax.element(concept)
    if el is None:
        return 1
    if el.balance is None:
        # no balance to go by: an amount line printed in parentheses is a deduction
        values = [c.value for c in row.cells if c is not None and c.value and not c.percent]
        deduction = (
            el.data_type == "monetary"
            and st.kind != StatementKind.CASH_FLOW
            and row.role == RowRole.ITEM
            and bool(values)
            and all(v < 0 for v in values)
        )
        return -1 if deduction else 1
    values = [c.value for c in row.cells if c is not None and c.value != 0 and not c.percent]
    less = bool(re.match(r"\s*(less|deduct)\b", row.label, re.I))
    if st.kind == StatementKind.BALANCE_SHEET:
        natural = "debit" if side == "assets" else "credit"
        sign = -1 if less else 1
        if el.balance != natural and not less and values and all(v < 0 for v in values):
            return -1  # a contra item printed in parentheses: XBRL keeps it positive
        if el.balance != natural and less:
            return 1
        return sign
    if st.kind == StatementKind.CASH_FLOW:
        if _income_start(concept):
            return 1
        if re.search(r"activities|adjustments|changes|operations|investing|financing", row.section, re.I):
            return 1 if (el.balance or "debit") == "debit" else -1
        # supplemental disclosures (interest paid, taxes paid) stand outside the sums, as printed
        return 1
    if st.kind == StatementKind.INCOME_STATEMENT and el.balance == "debit":
        return -1 if values and all(v < 0 for v in values) else 1
    return 1


def _balance_consistent(tax: Taxonomy, total: str, comps: tuple[tuple[str, int], ...]) -> bool:
    """XBRL 2.1 (5.1.1.2): a component of the total's balance adds, one of the other subtracts.

    Only declared balances count: a company concept is declared without one."""

    def balance(concept: str) -> str | None:
        el = tax.element(concept.split(":")[-1]) if concept.startswith("us-gaap:") else None
        return el.balance if el is not None else None

    tb = balance(total)
    for c, w in comps:
        cb = balance(c)
        if tb and cb and (w > 0) != (tb == cb):
            return False
    return True


def _calculations(
    tax: Taxonomy,
    st: Statement,
    rels: list,
    concepts: dict[int, str],
    factor: dict[int, int],
) -> tuple[list[CalcRelation], list[Finding]]:
    """The proved relations in XBRL terms: weights for values in XBRL sign.

    A relation no XBRL weights can state (an amount the release subtracts where its
    balance says it adds) is left out, with a finding."""
    out: list[CalcRelation] = []
    left_out: list[Finding] = []
    seen: set[str] = set()
    for rel in rels:
        total = concepts.get(rel.total)
        children = [concepts.get(i) for i in rel.components]
        if total is None or None in children or total in seen or total in children:
            continue
        # XBRL adds up facts of one context: a closing balance is no sum of flows
        kinds = {
            instant_row(st.rows[i].label) is not None or st.kind == StatementKind.BALANCE_SHEET
            for i in (rel.total, *rel.components)
        }
        if len(kinds) > 1:
            continue
        if len(set(children)) != len(children):
            continue
        ft = factor.get(rel.total, 1)
        comps = tuple(
            (c, s * factor.get(i, 1) * ft)
            for c, i, s in zip(children, rel.components, rel.signs, strict=True)
        )
        seen.add(total)
        if not _balance_consistent(tax, total, comps):  # type: ignore[arg-type]
            row = st.rows[rel.total]
            left_out.append(
                Finding(
                    Severity.INFO,
                    "calculation.left_out",
                    f"'{row.label}' adds up only with a component taken against its balance; "
                    "the relation is left out of the XBRL calculation linkbase",
                    _span(row),
                )
            )
            continue
        out.append(CalcRelation(st.index, total, comps, rel.total, rel.components))  # type: ignore[arg-type]
    return out, left_out


def _repeat_sign(
    tax: Taxonomy,
    st: Statement,
    row: Row,
    concept: str,
    rels: list[Relation],
    concepts: dict[int, str],
    implied: dict[str, str | None],
) -> int | None:
    """The sign of a line that repeats part of a proved sum, as it would have there.

    "NET INTEREST 206.0" below a statement whose costs add "INTEREST EXPENSE 209.9" and
    "DIVIDEND AND INTEREST INCOME (3.9)" is those lines together: a cost, so net interest
    income is -206.0. The lines must be adjacent components of one relation, added the same
    way, and give the line's figures in every column; None where no such lines exist.
    """
    own = [cell.value if cell is not None and not cell.percent else None for cell in row.cells]
    if not any(own):
        return None
    el = tax.element(concept.split(":")[-1])
    for rel in rels:
        if row.index in rel.components:
            continue
        parent = concepts.get(rel.total, "")
        pel = tax.element(parent.split(":")[-1]) if parent.startswith("us-gaap:") else None
        pb = (pel.balance if pel else None) or implied.get(parent.split(":")[-1])
        if el is None or el.balance is None or pb is None:
            continue
        for start in range(len(rel.components)):
            for end in range(start + 1, min(start + 4, len(rel.components) + 1)):
                run = rel.components[start:end]
                if len(set(rel.signs[start:end])) != 1:
                    continue
                sums = [Decimal(0)] * len(own)
                for i in run:
                    for k, cell in enumerate(st.rows[i].cells[: len(own)]):
                        if cell is not None and cell.value is not None and not cell.percent:
                            sums[k] += cell.value
                if all(v is None or v == sums[k] for k, v in enumerate(own)):
                    return rel.signs[start] * (1 if el.balance == pb else -1)
    return None


def _row_signs(
    tax: Taxonomy,
    st: Statement,
    concepts: dict[int, str],
    proved: tuple[list[Relation], list[int]],
) -> tuple[dict[int, int], list[Finding], list[CalcRelation]]:
    """Sign factor (value = printed x factor) for each row, findings, and the proved relations.

    `proved` is what `relations(st)` found: the relations, and the totals none could prove.
    """
    rels, unproved = proved
    unproved_signs: list[Finding] = []
    implied = _implied_balances(tax, st, rels, concepts)
    factor: dict[int, int] = {}
    for rel in rels:
        parent = concepts.get(rel.total, "")
        for idx, s in zip(rel.components, rel.signs, strict=True):
            if idx in factor:
                continue
            child = concepts.get(idx, "")
            w = (
                weight(tax, child.split(":")[-1], parent.split(":")[-1], st.kind, implied)
                if child.startswith("us-gaap:") and parent
                else None
            )
            if w is not None:
                factor[idx] = s * w
    # a total that is itself a component elsewhere got its factor there; others stand as printed
    side = "assets"
    for row in st.rows:
        if re.search(r"total\s+assets", row.label, re.I) and not row.generated_label:
            factor.setdefault(row.index, 1)
            side = "liabilities"
            continue
        if re.search(r"liabilit|equity|capital|shareholders|stockholders", row.section, re.I):
            side = "liabilities"
        if st.kind == StatementKind.CASH_FLOW and side == "supplemental":
            factor.setdefault(row.index, 1)  # disclosures after the closing cash balance: as printed
            continue
        if st.kind == StatementKind.CASH_FLOW and instant_row(row.label) == "end":
            side = "supplemental"
        if row.index not in factor and row.index in concepts:
            c = concepts[row.index]
            if c.startswith("us-gaap:") and not any(rel.total == row.index for rel in rels):
                factor[row.index] = _fallback_sign(tax, c.split(":")[-1], row, st, side)
                repeated = (
                    _repeat_sign(tax, st, row, c, rels, concepts, implied) if _TWO_WAY.search(c) else None
                )
                if repeated is not None:
                    factor[row.index] = repeated
                    unproved_signs.append(
                        Finding(
                            Severity.INFO,
                            "sign.repeated",
                            f"the sign of '{row.label}' ({c}) is the one the lines it repeats have "
                            "in a proved total",
                            _span(row),
                        )
                    )
                elif _TWO_WAY.search(c) and any(cell is not None and cell.value for cell in row.cells):
                    # income or expense, gain or loss: only the arithmetic can tell, and it could not
                    unproved_signs.append(
                        Finding(
                            Severity.INFO,
                            "sign.unproved",
                            f"the sign of '{row.label}' ({c}) follows the statement's conventions; "
                            "no total in the table proves it",
                            _span(row),
                        )
                    )
            elif not c.startswith("us-gaap:"):
                factor[row.index] = _extension_sign(row, st)
            else:
                factor[row.index] = 1
    unproved_signs.extend(_magnitudes(tax, st, concepts, factor))
    findings = [
        Finding(
            Severity.WARNING,
            "calc.unproved",
            f"total '{st.rows[i].label}' does not equal the rows above it under any signs; "
            "its components' signs are taken from the statement's conventions",
            _span(st.rows[i]),
        )
        for i in unproved
    ]
    calcs, left_out = _calculations(tax, st, rels, concepts, factor)
    return factor, findings + unproved_signs + left_out, calcs


def _fact(n: int, d: Draft, concept: str, mapping: Mapping, factor: int) -> Fact:
    value = d.printed * factor
    return Fact(
        id=f"f{n}",
        concept=concept,
        value=value,
        decimals=d.decimals,
        unit=d.unit,
        period=d.period,
        statement=d.statement.kind,
        statement_index=d.statement.index,
        row_index=d.row.index,
        column_index=d.column_index,
        label=d.row.label,
        source=d.cell.source,
        negated=factor < 0 and d.printed != 0,
        mapping=mapping,
    )


def _shared_period_columns(st: Statement) -> dict[int, str]:
    """Columns whose period another column also has, with a name for each ("Automotive")."""
    by_period: dict[object, list[int]] = {}
    for c in st.columns:
        if c.period is not None and c.unit_hint != "percent":
            by_period.setdefault(c.period.key(), []).append(c.index)
    out: dict[int, str] = {}
    for members in by_period.values():
        if len(members) < 2:
            continue
        for i in members:
            header = st.columns[i].header
            # the words after the column's year are its own ("1993 Automotive")
            tail = re.split(r"\b(?:19|20)\d\d\b\*?", header)[-1]
            if re.search(r"[A-Za-z]{3}", tail):
                header = tail
            words = re.sub(
                r"\b(19|20)\d\d\b|\b(months?|weeks?|ended|ending|year|years|for|the)\b|[^A-Za-z ]",
                " ",
                header,
                flags=re.I,
            )
            words = re.sub(
                r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b",
                " ",
                words,
                flags=re.I,
            )
            name = " ".join(words.split()[-3:]) or f"Column {i + 1}"
            out[i] = name
    return out


# words that name a class of lines, not a business: "Total current assets" closes "Current"
_CLASS_WORDS = re.compile(
    r"^(?:current|non-?current|long[\s-]term|short[\s-]term|other|fixed|total|net|operating|"
    r"non-?operating|assets?|liabilit(?:y|ies)|equity|revenues?|sales|costs?|expenses?|income)$",
    re.I,
)


_ACTIVITY = re.compile(r"^us-gaap:NetCashProvidedByUsedIn(Operating|Investing|Financing)Activities")
_ORDER = {"Operating": 0, "Investing": 1, "Financing": 2}


def _out_of_order(st: Statement, concepts: dict[int, str]) -> list[int]:
    """Rows of a cash-flow statement that take an activity's total after a later activity's.

    Operating, investing and financing come in that order; a line below the investing or
    financing total that reads "Cash provided by continuing operations" sums all three
    (the change in cash), and is not the operating activities' total.
    """
    if st.kind != StatementKind.CASH_FLOW:
        return []
    out, reached = [], -1
    for i in sorted(concepts):
        m = _ACTIVITY.match(concepts[i])
        if m is None:
            continue
        rank = _ORDER[m.group(1)]
        if rank < reached:
            out.append(i)
        reached = max(reached, rank)
    return out


def _segment_sections(st: Statement) -> dict[int, str]:
    """Rows that sit in one business's section of a statement, with its name ("Automotive").

    A statement that reports two or more businesses side by side in sections, each closed
    by its own total ("Total Automotive assets", "Total Financial Services liabilities"),
    prints a business's lines, not the company's: its "Cash and cash equivalents" is not
    the consolidated figure, so no such line may take the us-gaap concept.
    """
    names = {part.strip() for row in st.rows for part in row.section.split(" / ") if part.strip()}
    segments = set()
    for name in names:
        if _CLASS_WORDS.match(name) or not re.search(r"[A-Za-z]{3}", name):
            continue
        closing = re.compile(rf"^\s*total\s+{re.escape(name)}\s+\w+", re.I)
        if any(row.role == RowRole.TOTAL and closing.match(row.label) for row in st.rows):
            segments.add(name)
    if len(segments) < 2:
        return {}
    out: dict[int, str] = {}
    for row in st.rows:
        inner = [p.strip() for p in row.section.split(" / ") if p.strip() in segments]
        if inner:
            out[row.index] = inner[-1]
    return out


_HOME = {"instant": StatementKind.BALANCE_SHEET, "duration": StatementKind.INCOME_STATEMENT}


def _opening(filing: Filing, f: Fact) -> bool:
    return instant_row(filing.statements[f.statement_index].rows[f.row_index].label) == "beginning"


def _one_value_per_fact(
    filing: Filing, facts: list[Fact], calculations: list[CalcRelation], chooser: ConceptChooser
) -> tuple[list[Fact], list[CalcRelation]]:
    """One concept, period and unit carry one value across the whole filing.

    Where two statements disagree (a segment line, a differently defined subtotal), the
    statement the concept belongs to keeps it (the balance sheet for balances, the
    income statement for flows, else the first); the other rows become extensions.
    """
    groups: dict[tuple[str, object, str], list[Fact]] = {}
    for f in facts:
        if f.value is not None:
            groups.setdefault((f.concept, f.period.key(), str(f.unit)), []).append(f)
    losers: set[tuple[int, int]] = set()
    for (concept, _p, _u), group in groups.items():
        if len({f.value for f in group}) < 2:
            continue
        el = chooser.tax.element(concept.split(":")[1]) if concept.startswith("us-gaap:") else None
        home = _HOME.get(el.period_type if el else "")
        # the home statement first; within it, a closing balance over an opening one
        keep = min(group, key=lambda f: (f.statement != home, _opening(filing, f), f.statement_index))
        losers.update(
            (f.statement_index, f.row_index)
            for f in group
            if f.value != keep.value
            and (f.statement_index, f.row_index) != (keep.statement_index, keep.row_index)
        )
    if not losers:
        return facts, calculations
    renamed: dict[tuple[int, int], str] = {}
    for si, ri in sorted(losers):
        st = filing.statements[si]
        row = st.rows[ri]
        unit = next(f.unit for f in facts if (f.statement_index, f.row_index) == (si, ri))
        renamed[(si, ri)] = chooser.for_member(st, row, unit, "")[0]
    out = [
        replace(
            f,
            concept=renamed[(f.statement_index, f.row_index)],
            mapping=Mapping(
                MappingMethod.EXTENSION,
                Decimal("0.5"),
                "another statement reports this concept with other figures",
            ),
        )
        if (f.statement_index, f.row_index) in renamed
        else f
        for f in facts
    ]
    return out, _renamed(calculations, renamed)


def _renamed(calculations: list[CalcRelation], renamed: dict[tuple[int, int], str]) -> list[CalcRelation]:
    """The relations with the concepts of renamed rows (statement, row) replaced."""
    calcs = []
    for rel in calculations:
        total = renamed.get((rel.statement_index, rel.total_row), rel.total)
        comps = tuple(
            (renamed.get((rel.statement_index, r), c), w)
            for (c, w), r in zip(rel.components, rel.component_rows, strict=True)
        )
        calcs.append(replace(rel, total=total, components=comps))
    return calcs


def _row_units(st: Statement, ds: list[Draft]) -> dict[int, Unit]:
    """Each row's own unit: that of its cells outside per-share columns, where it has any."""
    units: dict[int, Unit] = {}
    for d in ds:
        if st.columns[d.column_index].unit_hint != "per_share" or d.row.index not in units:
            units[d.row.index] = d.unit
    return units


_MONEY_WORDS = re.compile(
    r"\$|amount|value|cost|dividend|income|earnings|proceeds|paid|price|sales|capital|"
    r"\bstock\b(?!\s+(?:options?|awards?|units?|rights|plans?))",
    re.I,
)


def _between_share_counts(st: Statement, units: dict[int, Unit]) -> dict[int, Unit]:
    """Lines read as dollars only by default that stand between two share counts: counts.

    "DILUTIVE EFFECT OF OUTSTANDING STOCK OPTIONS  --  4  4" between the basic and the
    diluted weighted-average shares is a number of shares, though its label names stock.
    A "$" printed on the line, or a money word in its label, keeps it in dollars.
    """
    ordered = sorted(units)
    out: dict[int, Unit] = {}
    for before, here, after in zip(ordered, ordered[1:], ordered[2:], strict=False):
        row = st.rows[here]
        if (
            units[here] == Unit.USD
            and units[before] == units[after] == Unit.SHARES
            and not _MONEY_WORDS.search(row.label)
            and not any(c is not None and "$" in c.source.text for c in row.cells)
        ):
            out[here] = Unit.SHARES
    return out


def map_filing(filing: Filing, tax: Taxonomy | None = None) -> Filing:
    tax = tax or load()
    prefix, namespace = extension_prefix(filing)
    chooser = ConceptChooser(tax, prefix)
    facts: list[Fact] = []
    findings: list[Finding] = list(filing.findings)
    calculations: list[CalcRelation] = []
    for st in filing.statements:
        ds = drafts(st)
        units = _row_units(st, ds)
        proved = relations(st)  # the table's arithmetic, searched once per statement
        # figures that add up to a dollar total are dollars, whatever their label says
        # ("Common shares 323" in the equity section is the stock's carrying amount)
        fixed = {
            i: Unit.USD
            for rel in proved[0]
            if units.get(rel.total) == Unit.USD
            for i in rel.components
            if units.get(i) == Unit.SHARES
        }
        counts = _between_share_counts(st, units)
        fixed.update(counts)
        findings.extend(
            Finding(
                Severity.INFO,
                "unit.shares_by_place",
                f"'{st.rows[i].label}' stands between two share counts and prints no money word "
                "or '$': it is read as a number of shares",
                _span(st.rows[i]),
            )
            for i in counts
        )
        if fixed:
            ds = drafts(st, {**units, **fixed})
            units = _row_units(st, ds)
        shared = _shared_period_columns(st)
        concepts: dict[int, str] = {}
        mappings: dict[int, Mapping] = {}
        figures: dict[int, dict[object, Decimal]] = {}
        for d in ds:
            figures.setdefault(d.row.index, {})[(d.period.key(), d.column_index in shared)] = d.printed
        chosen = chooser.choose_all(st, figures, units, proved[0])
        concepts = {i: c for i, (c, _m) in chosen.items()}
        mappings = {i: m for i, (_c, m) in chosen.items()}
        factor, found, calcs = _row_signs(tax, st, concepts, proved)
        findings.extend(found)
        renamed: dict[tuple[int, int], str] = {}
        for i in _out_of_order(st, concepts):
            why = "it follows a later activity's total, so it is not this activity's total"
            concepts[i], mappings[i] = chooser.for_member(st, st.rows[i], units[i], "", why)
            renamed[(st.index, i)] = concepts[i]
        for i, segment in _segment_sections(st).items():
            if concepts.get(i, "").startswith("us-gaap:"):
                why = f"the line is in the '{segment}' section, one business's part of the statement"
                concepts[i], mappings[i] = chooser.for_member(st, st.rows[i], units[i], segment, why)
                renamed[(st.index, i)] = concepts[i]
        calculations.extend(_renamed(calcs, renamed))
        for d in ds:
            qname, mapping = concepts[d.row.index], mappings[d.row.index]
            if d.column_index in shared:
                qname, mapping = chooser.for_member(st, d.row, d.unit, shared[d.column_index])
            elif d.unit != units[d.row.index]:
                # a per-share column beside the row's amounts: a concept of its own unit
                qname, mapping = chooser.for_member(
                    st, d.row, d.unit, "PerShare", "the column's heading says its figures are per share"
                )
            facts.append(_fact(len(facts) + 1, d, qname, mapping, factor.get(d.row.index, 1)))
    facts, calculations = _one_value_per_fact(filing, facts, calculations, chooser)
    findings.extend(chooser.findings)
    return replace(
        filing,
        facts=tuple(facts),
        extensions=tuple(sorted(chooser.extensions.values(), key=lambda c: c.name)),
        findings=tuple(findings),
        calculations=tuple(calculations),
        taxonomy=tax.entry_point,
        extension_prefix=prefix,
        extension_namespace=namespace,
    )


__all__ = ["Concept", "Decimal", "map_filing", "weight"]
