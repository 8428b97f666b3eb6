"""Choosing a concept for a row: synonyms in context, unit rules, company extensions.

The same words mean different things in different places: "Other" under
current assets is not "Other" under operating expenses, and "Basic" means a
per-share amount under "Net income per share" but a share count under
"Weighted average shares". So a label is looked up with its section, and a
short label is read together with its section header.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal

from converter.arithmetic import Relation
from converter.model import (
    Concept,
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
from taxonomy import Taxonomy, normalize_label

_DATA_TYPES = {
    Unit.USD: {"monetary"},
    Unit.SHARES: {"shares"},
    Unit.USD_PER_SHARE: {"perShare"},
    Unit.PURE: {"pure", "percent", "decimal"},
}
_ACQUISITION = re.compile(
    r"(purchases?|acquisitions?)\s+of\s+(?!.*\b(property|plant|equipment|securities|investments?|marketable|"
    r"treasury|short\s*term|fixed|assets|stock|shares|debt|notes|minority|intangible|leases?)\b)[a-z]",
)
_DILUTED = {
    "EarningsPerShareBasic": "EarningsPerShareDiluted",
    "WeightedAverageNumberOfSharesOutstandingBasic": "WeightedAverageNumberOfDilutedSharesOutstanding",
    "IncomeLossFromContinuingOperationsPerBasicShare": "IncomeLossFromContinuingOperationsPerDilutedShare",
}
_HEADED = re.compile(
    r"(?P<head>cash flows? (?:from |provided by |used in |used for )?(?:\(used in\) |\(used for\) )?"
    r"(?:operating|investing|financing) activities) (?P<rest>\S.*)$"
)
_LESS = {"Revenues": "CostsAndExpenses", "GrossProfit": "OperatingExpenses"}  # what a total is less
_MENDED: dict[tuple[int, str], str] = {}  # (taxonomy, word) -> the word as mended
_RESERVED = {
    "us-gaap",
    "xbrli",
    "xbrldi",
    "link",
    "xlink",
    "xsd",
    "xsi",
    "iso4217",
    "dei",
    "ix",
    "ixt",
}


def extension_prefix(filing: Filing) -> tuple[str, str]:
    """(prefix, namespace) for company concepts: the ticker, else the company's initials."""
    ticker = (filing.entity.ticker or "").lower()
    prefix = re.sub(r"[^a-z0-9]", "", ticker)
    if not prefix and filing.entity.name:
        words = re.findall(r"[A-Za-z]+", filing.entity.name)
        words = [w for w in words if w.lower() not in ("inc", "corp", "co", "the", "and", "of", "ltd", "llc")]
        prefix = "".join(w[0] for w in words[:4]).lower()
    if not prefix or not prefix[0].isalpha() or prefix in _RESERVED:
        prefix = "ext" if not prefix or not prefix[0].isalpha() else f"{prefix}x"
    stamp = filing.document_date or filing.fiscal_year_end
    when = stamp.strftime("%Y%m%d") if stamp else "00000000"
    return prefix, f"http://{prefix}.release2xbrl.invalid/{when}"


def _camel(label: str) -> str:
    words = re.findall(r"[A-Za-z0-9]+", label)
    name = "".join(w[:1].upper() + w[1:].lower() if not w.isupper() or len(w) > 3 else w for w in words)
    name = name[:120] or "Unlabelled"
    return name if name[0].isalpha() else f"X{name}"


def _data_type(unit: Unit) -> str:
    return {Unit.USD: "monetary", Unit.SHARES: "shares", Unit.USD_PER_SHARE: "perShare"}.get(unit, "pure")


class ConceptChooser:
    """Picks concepts row by row and remembers the extensions it had to make."""

    def __init__(self, tax: Taxonomy, prefix: str) -> None:
        self.tax = tax
        self.prefix = prefix
        self.extensions: dict[str, Concept] = {}
        self.findings: list[Finding] = []
        self._side: str | None = None  # balance-sheet side of the row being mapped
        self._owners: dict[str, tuple[int, int]] = {}  # extension name -> (statement, row)
        self._vocabulary: list[str] | None = None  # words of all synonyms, for spelling mends
        self._figures: dict[int, dict[object, Decimal]] = {}  # the current statement's rows
        self._figures_of: int | None = None
        self._ext_figures: dict[str, dict[object, Decimal]] = {}  # extension -> its figures
        self._past_net_income = False  # the income statement's rows have passed net income

    def _fits(self, name: str, unit: Unit, instant: bool) -> bool:
        el = self.tax.element(name)
        if el is None or el.data_type not in _DATA_TYPES[unit]:
            return False
        if self._side == "assets" and re.search(r"Liabilit|Payable|StockholdersEquity|DeferredRevenue", name):
            return False  # an asset-side row is not a liability, whatever its words
        if self._side == "liabilities" and re.search(
            r"^Assets|AssetsCurrent$|AssetsNoncurrent$|AccountsReceivable|Inventor|PropertyPlant|Prepaid",
            name,
        ):
            return False  # a liability or equity row is not an asset (contra-equity receivables are)
        return (el.period_type == "instant") == instant

    def _lookup(self, st: Statement, row: Row, unit: Unit, instant: bool) -> tuple[str, str] | None:
        label = normalize_label(row.label)
        section = normalize_label(row.section) if row.section else None
        inner = normalize_label(row.section.split(" / ")[-1]) if row.section else None
        tries: list[tuple[str, str]] = []
        short = len(label.split()) <= 2 or (
            unit != Unit.USD and inner is not None and bool(re.search(r"dilut|basic|primary", inner))
        )
        context_first = bool(inner and (short or self._part_of_heading(row, label, inner, str(st.kind))))
        if context_first:
            tries.append((f"{inner} {label}", "context"))
        tries.append((label, "exact"))
        if instant_row(row.label):
            # "Retained earnings beginning of year" is retained earnings, at a date
            bare = re.sub(
                r"\b(at|balance)\b|\b(beginning|end|start)\s+of\s+(the\s+)?(fiscal\s+)?"
                r"(year|period|quarter)s?\b",
                " ",
                label,
            )
            bare = " ".join(bare.split())
            if bare and bare != label:
                tries.append((bare, "context"))
        if inner and not context_first:
            tries.append((f"{inner} {label}", "context"))
        kind = str(st.kind)
        headed = _HEADED.match(label)
        if headed and st.kind == StatementKind.CASH_FLOW:
            # a heading run into the row's label: "Cash flows from investing activities
            # Investing activities" is the line "Investing activities" under that heading
            for name in self.tax.lookup(
                headed.group("rest"), kind, headed.group("head"), other_statements=False
            ):
                if self._fits(name, unit, instant):
                    return name, "context"
        if (
            unit in (Unit.SHARES, Unit.USD_PER_SHARE)
            and re.search(r"dilut", section or "")
            and not re.search(r"basic|primary", label)
        ):
            # "Weighted average shares" under "... assuming dilution" is the diluted count
            diluted = self._by_unit(label, section or "", unit, instant)
            if diluted:
                return diluted
        # the innermost section first: "Total" under "Liabilities and shareholders' equity"
        # must not read as a total of the "shareholders' equity" those words contain
        for where in dict.fromkeys([inner, section]):
            for text, how in tries:
                for name in self.tax.lookup(text, kind, where, other_statements=False):
                    if self._fits(name, unit, instant):
                        return name, how
        if inner and re.fullmatch(r"(from |of )?continuing operations", label):
            # "Capital expenditures: / Continuing operations / Discontinued operations": the
            # continuing operations' line is the heading's own concept; the other is the company's
            for name in self.tax.lookup(inner, kind, other_statements=False):
                if self._fits(name, unit, instant):
                    return name, "context"
        if st.kind == StatementKind.INCOME_STATEMENT and self._past_net_income and unit == Unit.USD:
            # a statement of income and retained earnings goes on, after net income, with the
            # retained-earnings roll-forward: "Retained earnings beginning of year", "Dividends"
            for text, _how in tries:
                for name in self.tax.lookup(text, str(StatementKind.EQUITY), section, other_statements=False):
                    if self._fits(name, unit, instant):
                        return name, "context"
        if st.kind == StatementKind.CASH_FLOW and instant and unit == Unit.USD:
            # the balances a cash-flow statement opens and closes with are cash
            return "CashAndCashEquivalentsAtCarryingValue", "context"
        by_unit = self._by_unit(label, section or "", unit, instant)
        if by_unit:
            return by_unit
        if (
            st.kind == StatementKind.CASH_FLOW
            and re.search(r"invest", section or "")
            and _ACQUISITION.match(label)
            and self._fits("PaymentsToAcquireBusinessesNetOfCashAcquired", unit, instant)
        ):
            # "Purchase of Medco", "Acquisition of Basis Petroleum, Inc.": a business bought
            return "PaymentsToAcquireBusinessesNetOfCashAcquired", "context"
        found = self._deferred_taxes(st, row, label, section or "", unit, instant)
        if found:
            return found
        named = _camel(row.label)
        if self.tax.element(named) is not None and self._fits(named, unit, instant):
            return named, "fuzzy"  # the label is the element's own name: "Net investment income"
        return self._shortened(label, kind, section, unit, instant) or self._corrected(
            label, kind, section, unit, instant
        )

    def _part_of_heading(self, row: Row, label: str, heading: str, kind: str) -> bool:
        """Does the label alone read as the very line its heading names?

        "Materials and supplies" under "Inventories" reads as inventories by itself, but a
        line under a heading is a part of it, so it is read with the heading first
        ("inventories materials and supplies"); a total of the section is the whole.
        """
        if row.role == RowRole.TOTAL:
            return False
        alone = self.tax.lookup(label, kind, other_statements=False)
        named = self.tax.lookup(heading, kind, other_statements=False)
        return bool(alone) and bool(named) and alone[0] == named[0]

    def _mend(self, word: str) -> str:
        """A misspelt word of six letters or more mended to the nearest synonym word.

        Mends are remembered for the life of the process: the same words recur in every
        release of a batch, and the nearest-word search is the slowest step of mapping.
        """
        import difflib

        if len(word) < 6:
            return word
        key = (id(self.tax), word)
        if key not in _MENDED:
            if self._vocabulary is None:
                self._vocabulary = sorted({w for syn in self.tax.synonyms for w in syn.label.split()})
            close = difflib.get_close_matches(word, self._vocabulary, n=1, cutoff=0.85)
            _MENDED[key] = word if word in self._vocabulary or not close else close[0]
        return _MENDED[key]

    def _corrected(
        self, label: str, kind: str, section: str | None, unit: Unit, instant: bool
    ) -> tuple[str, str] | None:
        """The label with a leading rate dropped ("8% redeemable ...") and misspelt words
        mended against the synonyms' own words ("perferred" -> "preferred")."""
        words = re.sub(r"^\d+(\.\d+)?\s*(%|percent)?\s*", "", label).split()
        mended = [self._mend(w) for w in words]
        text = " ".join(mended)
        if text == label:
            return None
        for name in self.tax.lookup(text, kind, section, other_statements=False):
            if self._fits(name, unit, instant):
                return name, "fuzzy"
        return self._shortened(text, kind, section, unit, instant)

    def _deferred_taxes(
        self, st: Statement, row: Row, label: str, section: str, unit: Unit, instant: bool
    ) -> tuple[str, str] | None:
        """ "Deferred income taxes" on a balance sheet is an asset or a liability by where it stands;
        an asset below "Total current assets" is a noncurrent one."""
        if (
            st.kind != StatementKind.BALANCE_SHEET
            or unit != Unit.USD
            or not re.match(
                r"(net )?deferred (income )?tax(es)?( on income)?( assets?| liabilit(y|ies)| net)?$",
                label,
            )
        ):
            return None
        if self._side == "assets":
            below_current = any(
                r.index < row.index and re.match(r"total current assets", r.label, re.I) for r in st.rows
            )
            if "current" in section and "noncurrent" not in section:
                name = "DeferredTaxAssetsNetCurrent"
            elif below_current and self.tax.element("DeferredTaxAssetsNetNoncurrent") is not None:
                name = "DeferredTaxAssetsNetNoncurrent"
            else:
                name = "DeferredIncomeTaxAssetsNet"
        else:
            name = "DeferredTaxLiabilitiesNoncurrent"
        return (name, "context") if self._fits(name, unit, instant) else None

    def _shortened(
        self, label: str, kind: str, section: str | None, unit: Unit, instant: bool
    ) -> tuple[str, str] | None:
        """A near match: the label cut at a comma or a joining word ("Accounts receivable
        and due from factor, net of allowance ..." -> "accounts receivable")."""
        cuts = [m.start() for m in re.finditer(r",| and | net of | less | including | excluding ", label)]
        for cut in sorted(cuts, reverse=True):
            head = label[:cut].strip(" ,")
            if len(head.split()) < 2:
                continue
            for name in self.tax.lookup(head, kind, section, other_statements=False):
                if self._fits(name, unit, instant):
                    return name, "fuzzy"
        return None

    def _by_unit(self, label: str, section: str, unit: Unit, instant: bool) -> tuple[str, str] | None:
        """Per-share and share-count rows named by their unit and a word or two."""
        text = f"{section} {label}"
        if unit == Unit.USD_PER_SHARE and not instant and re.search(r"\bdividends?\b", label):
            return (
                ("CommonStockDividendsPerShareDeclared", "context")
                if self.tax.element("CommonStockDividendsPerShareDeclared")
                else None
            )
        if re.search(
            r"extraordinary|discontinued|continuing|cumulative|accounting\s+(change|principle)|"
            r"before|pro\s*forma|one[\s-]time|special",
            label,
        ):
            return None  # a part of earnings per share, not the whole
        if unit == Unit.USD_PER_SHARE and not instant:
            if re.search(r"basic\s+and\s+diluted|diluted\s+and\s+basic", text):
                name = "EarningsPerShareBasicAndDiluted"
            elif re.search(r"dilut", label) or (re.search(r"dilut", section) and "basic" not in label):
                name = "EarningsPerShareDiluted"
            elif re.search(r"\bdividends?\b", label):
                name = "CommonStockDividendsPerShareDeclared"
            else:
                name = "EarningsPerShareBasic"
        elif unit == Unit.SHARES and not instant:
            name = (
                "WeightedAverageNumberOfDilutedSharesOutstanding"
                if re.search(r"dilut", label) or (re.search(r"dilut", section) and "basic" not in label)
                else "WeightedAverageNumberOfSharesOutstandingBasic"
            )
        elif unit == Unit.SHARES and instant and "outstanding" in text:
            name = "CommonStockSharesOutstanding"
        else:
            return None
        return (name, "context") if self.tax.element(name) else None

    def for_member(
        self, st: Statement, row: Row, unit: Unit, member: str, why: str = ""
    ) -> tuple[str, Mapping]:
        """A company concept for a column that shares its period with another ("Automotive"),
        or for a line of one segment's section of a statement (`why` says which).

        Two columns of one period are parts of a whole; one concept for both would give
        two values for one fact. Each column's figures get a concept named for it.
        """
        instant = st.kind == StatementKind.BALANCE_SHEET or instant_row(row.label) is not None
        why = why or (
            f"the column '{member}' shares its period with another column"
            if member
            else "another statement reports its concept with other figures"
        )
        return self._extension(st, row, unit, instant, why, member), Mapping(
            MappingMethod.EXTENSION, Decimal("0.5"), why
        )

    def _extension(
        self, st: Statement, row: Row, unit: Unit, instant: bool, why: str, member: str = ""
    ) -> str:
        # named from the label as normalized: footnote marks and amounts in it change nothing
        plain = normalize_label(row.label) or row.label
        base = _camel(member) + _camel(plain) if member else _camel(plain)
        if st.qualifier:
            # "Segment", "ProForma": a figure of such a table never reads as a GAAP line item
            base = _camel(st.qualifier) + base
        if self.tax.element(base) is not None:
            base += "Reported" if not row.generated_label else "Subtotal"
        if unit == Unit.USD_PER_SHARE and "PerShare" not in base:
            base += "PerShare"
        name = base
        n = 2
        owner = (st.index, row.index)
        mine = self._figures.get(row.index, {}) if self._figures_of == st.index else None
        # one company concept per line: two "Other" lines of a statement are two concepts,
        # but the same line printed again in another schedule is the same concept
        while (
            name in self.extensions
            and self._owners.get(name) != owner
            and not (
                mine is not None
                and self._owners[name][0] != st.index
                and normalize_label(self.extensions[name].label) == normalize_label(row.label)
                and self.extensions[name].period_type == ("instant" if instant else "duration")
                and self.extensions[name].data_type == _data_type(unit)
                and _agree(mine, self._ext_figures.get(name, {}))
            )
        ):
            name = f"{base}{n}"
            n += 1
        self._owners.setdefault(name, owner)
        if mine is not None:
            self._ext_figures.setdefault(name, {}).update(mine)
        if name not in self.extensions:
            self.extensions[name] = Concept(
                prefix=self.prefix,
                name=name,
                period_type="instant" if instant else "duration",
                balance=None,
                data_type=_data_type(unit),
                label=row.label,
            )
            self.findings.append(
                Finding(
                    Severity.INFO,
                    "mapping.extension",
                    f"'{row.label}' became extension concept {self.prefix}:{name}: {why}",
                    SourceSpan(row.source.line, row.source.column, row.label),
                )
            )
        return f"{self.prefix}:{name}"

    def choose_all(
        self,
        st: Statement,
        figures: dict[int, dict[object, Decimal]],
        units: dict[int, Unit],
        rels: list[Relation],
    ) -> dict[int, tuple[str, Mapping]]:
        """A concept for every row of `st` that has figures.

        `figures` holds each row's values by period, `units` its unit, `rels` the totals
        the table's arithmetic proves. When two rows would report one concept with
        different figures for a period, the row the concept most plainly names keeps it:
        a component rather than the total it is part of, the less nested row (a
        consolidated line rather than its copy in a sector's section), a printed label
        rather than one we made up, the later row (net figures follow their parts). The
        other rows become extensions. An unlabelled total takes the concept its
        components add up to in the taxonomy, where they agree on one.
        """
        rows = {r.index: r for r in st.rows if r.index in units}
        self._figures, self._figures_of = figures, st.index
        self._past_net_income = False
        out: dict[int, tuple[str, Mapping]] = {}
        proposals: dict[str, list[tuple[Row, str]]] = {}
        sides = _sides(st)
        parts_of = {r.total: r.components for r in rels}
        signs_of = {r.total: tuple(zip(r.components, r.signs, strict=True)) for r in rels}
        for idx, row in rows.items():
            self._side = sides.get(idx)
            instant = st.kind == StatementKind.BALANCE_SHEET or instant_row(row.label) is not None
            if st.kind == StatementKind.OTHER or st.qualifier:
                why = f"the table is {st.qualifier or 'not a primary statement'}, not a GAAP statement"
                out[idx] = (
                    self._extension(st, row, units[idx], instant, why),
                    Mapping(MappingMethod.EXTENSION, Decimal("1"), "non-GAAP table"),
                )
                continue
            # an unlabelled total is named after its section only where it closes the section
            found = (
                None
                if row.generated_label and not _closes_section(st, row)
                else self._lookup(st, row, units[idx], instant)
            )
            if found is None:
                continue
            self._past_net_income = self._past_net_income or found[0] == "NetIncomeLoss"
            proposals.setdefault(found[0], []).append((row, found[1]))
        # unlabelled totals: the taxonomy parent their components share
        for idx, row in rows.items():
            concept_of = {r.index: c for c, claims in proposals.items() for r, _ in claims}
            claimed = concept_of.get(idx)
            if idx in out or (claimed and not row.generated_label):
                continue
            self._side = sides.get(idx)
            instant = st.kind == StatementKind.BALANCE_SHEET or instant_row(row.label) is not None
            parent = self._parent_of(
                [(concept_of[i], _adds(st, i, sign)) for i, sign in signs_of.get(idx, ()) if i in concept_of],
                units[idx],
                instant,
                str(st.kind),
            )
            if parent is None and row.generated_label:
                parent = self._complement(st, row, rels, concept_of, units[idx], instant, bool(claimed))
            if claimed and not self.tax.children(claimed, str(st.kind)):
                # the section names a total the taxonomy gives no parts: nothing to outweigh it
                parent = None
            if parent and parent != claimed and parent not in proposals:
                # what the row adds up to outweighs the section it was named after:
                # "Total ASSETS" that is gross property less depreciation is net property
                if claimed:
                    proposals[claimed] = [c for c in proposals[claimed] if c[0] is not row]
                    if not proposals[claimed]:
                        del proposals[claimed]
                proposals[parent] = [(row, "context")]
        if st.kind == StatementKind.BALANCE_SHEET:
            self._balance_sheet_context(st, rows, figures, rels, proposals)
        if st.kind == StatementKind.INCOME_STATEMENT:
            self._sales_within_revenues(rows, parts_of, proposals)
        # the same label twice, basic then diluted: "Weighted average shares" under each block
        for name, twin in _DILUTED.items():
            claims = proposals.get(name, [])
            if (
                len(claims) == 2
                and twin not in proposals
                and normalize_label(claims[0][0].label) == normalize_label(claims[1][0].label)
                and not _agree(figures.get(claims[0][0].index, {}), figures.get(claims[1][0].index, {}))
                and self.tax.element(twin) is not None
            ):
                later = max(claims, key=lambda c: c[0].index)
                claims.remove(later)
                proposals[twin] = [(later[0], "context")]
        for name, claims in proposals.items():
            winner = max(
                claims,
                key=lambda c: (
                    not c[0].generated_label,
                    not (
                        re.match(r"total\b", c[0].label, re.I)
                        and not c[0].generated_label
                        and any(o.index in parts_of.get(c[0].index, ()) for o, _ in claims)
                    ),
                    -c[0].section.count(" / ") - bool(c[0].section),
                    # the statement's regular line, printed in every period, over a one-off
                    len(figures.get(c[0].index, {})),
                    c[0].index,
                ),
            )[0]
            for row, how in claims:
                if row is winner or _agree(figures.get(row.index, {}), figures.get(winner.index, {})):
                    method = {"exact": MappingMethod.EXACT, "fuzzy": MappingMethod.FUZZY}.get(
                        how, MappingMethod.CONTEXT
                    )
                    conf = {"exact": Decimal("0.95"), "fuzzy": Decimal("0.6")}.get(how, Decimal("0.8"))
                    out[row.index] = (f"us-gaap:{name}", Mapping(method, conf, row.label))
        for idx, row in rows.items():
            if idx in out:
                continue
            instant = st.kind == StatementKind.BALANCE_SHEET or instant_row(row.label) is not None
            taken = next((n for n, claims in proposals.items() if any(r is row for r, _ in claims)), None)
            why = (
                f"us-gaap:{taken} is reported by another row with other figures"
                if taken
                else "no us-gaap concept in the taxonomy matches its label"
            )
            out[idx] = (
                self._extension(st, row, units[idx], instant, why),
                Mapping(MappingMethod.EXTENSION, Decimal("0.5"), why),
            )
        return out

    def _sales_within_revenues(
        self,
        rows: dict[int, Row],
        parts_of: dict[int, tuple[int, ...]],
        proposals: dict[str, list[tuple[Row, str]]],
    ) -> None:
        """The sales line that leads a proved "Total revenues" of two parts is
        revenue from contracts with customers: "Merchandise sales and services" + "Credit
        and financial products revenues".

        Only one sales line may take it, and only where the total itself is Revenues; the
        other parts keep what their labels say. Excise taxes named in the label choose the
        element that includes them.
        """
        totals = [row.index for row, _ in proposals.get("Revenues", []) if parts_of.get(row.index)]
        if len(totals) != 1:
            return
        parts = [rows[i] for i in parts_of[totals[0]] if i in rows]
        sales = [r for r in parts if _SALES.search(r.label) and not _COST.search(r.label)]
        if len(sales) != 1 or sales[0] is not parts[0] or len(parts) > 2:
            # a product line among many ("Hardware sales", "Software", "Services", ...) is
            # one kind of contract revenue, not the sum of it
            return
        row = sales[0]
        name = (
            "RevenueFromContractWithCustomerIncludingAssessedTax"
            if _EXCISE_IN.search(row.label)
            else "RevenueFromContractWithCustomerExcludingAssessedTax"
        )
        if self.tax.element(name) is None or name in proposals:
            return
        claimed = [n for n, claims in proposals.items() if any(r is row for r, _ in claims)]
        if claimed and claimed != ["Revenues"]:
            return  # its label names something more particular
        if claimed:
            proposals["Revenues"] = [c for c in proposals["Revenues"] if c[0] is not row]
        proposals[name] = [(row, "context")]

    def _parent_of(
        self, children: list[tuple[str, int]], unit: Unit, instant: bool, kind: str = ""
    ) -> str | None:
        """The nearest taxonomy total the components add up to, with the signs they add with.

        `children` are (concept, +1 or -1 as the table adds it). Totals are followed up the
        calculation arcs, so total current assets, net property and other assets meet in
        Assets, and gross property less accumulated depreciation meets in net property.
        """
        known = [(c, s) for c, s in dict.fromkeys(children) if self.tax.element(c) is not None]
        if len(known) < 2:
            return None
        reach: list[dict[str, tuple[int, int]]] = []  # ancestor -> (depth, cumulative weight)
        for child, _sign in known:
            seen: dict[str, tuple[int, int]] = {}
            frontier = [(child, 1)]
            for depth in range(1, 4):
                nxt = []
                for name, weight in frontier:
                    for arc in self.tax.parents(name, kind or None):
                        if arc.parent not in seen:
                            seen[arc.parent] = (depth, weight * arc.weight)
                            nxt.append((arc.parent, weight * arc.weight))
                frontier = nxt
            reach.append(seen)
        common = [
            p
            for p in set(reach[0]).intersection(*reach[1:])
            if all(r[p][1] == s for r, (_c, s) in zip(reach, known, strict=True))
        ]
        if not common:
            return None
        best = min(common, key=lambda p: (max(r[p][0] for r in reach), p))
        return best if self._fits(best, unit, instant) else None

    def _complement(
        self,
        st: Statement,
        row: Row,
        rels: list[Relation],
        concept_of: dict[int, str],
        unit: Unit,
        instant: bool,
        named: bool = False,
    ) -> str | None:
        """The concept an unlabelled row must be for a proved total to add up.

        Where the total and every other part of it are known, the row is what the total
        lacks: net property less accumulated depreciation leaves gross property, the only
        child the taxonomy adds into net property with that sign. A row that revenues,
        alone, are reduced by to reach an income line is costs and expenses; from gross
        profit, operating expenses; unless the row was `named` from its section already.
        """
        kind = str(st.kind)
        for rel in rels:
            if row.index not in rel.components:
                continue
            mine = rel.signs[rel.components.index(row.index)]
            others = [(i, s) for i, s in zip(rel.components, rel.signs, strict=True) if i != row.index]
            if any(i not in concept_of for i, _ in others):
                continue
            if not named and len(others) == 1 and others[0][1] == 1 and mine == -1:
                less = _LESS.get(concept_of[others[0][0]])
                if less and self._fits(less, unit, instant):
                    return less
            total = concept_of.get(rel.total)
            if total is None:
                continue
            arcs = {a.child: a.weight for a in self.tax.children(total, kind)}
            if any(arcs.get(concept_of[i]) != _adds(st, i, s) for i, s in others):
                continue  # the other parts are not the total's own children
            left = [c for c, w in arcs.items() if w == _adds(st, row.index, mine)]
            if len(left) == 1 and left[0] not in concept_of.values() and self._fits(left[0], unit, instant):
                return left[0]
        return None

    def _balance_sheet_context(
        self,
        st: Statement,
        rows: dict[int, Row],
        figures: dict[int, dict[object, Decimal]],
        rels: list[Relation],
        proposals: dict[str, list[tuple[Row, str]]],
    ) -> None:
        """Concepts a balance sheet's layout decides, whatever the rows' words.

        A total on the claims side with the figures of total assets is total liabilities and
        equity, printed label or none ("TOTAL", an unlabelled last line), unless the table's
        arithmetic makes it a sum that reaches back over the assets. Intangible assets
        on a sheet with no goodwill line include goodwill. On a sheet that does not split
        current from noncurrent, "Other assets" and "Other liabilities" are just other.
        """
        concept_of = {r.index: c for c, claims in proposals.items() for r, _ in claims}
        assets = [r for r, _ in proposals.get("Assets", ())]
        if assets and "LiabilitiesAndStockholdersEquity" not in proposals:
            whole = figures.get(assets[-1].index, {})
            balancing = [
                r
                for i, r in rows.items()
                if i > assets[-1].index
                and i not in concept_of
                and (r.role == RowRole.TOTAL or r.generated_label)
                and figures.get(i)
                and figures[i] == whole
                and not any(rel.total == i and min(rel.components) <= assets[-1].index for rel in rels)
            ]
            if balancing:
                proposals["LiabilitiesAndStockholdersEquity"] = [(balancing[-1], "context")]
        if "Goodwill" not in proposals:
            _rename(
                proposals,
                "IntangibleAssetsNetExcludingGoodwill",
                "IntangibleAssetsNetIncludingGoodwill",
                lambda r: not re.search(r"goodwill|other\s+intangible", r.label, re.I),
            )
        if not _classified(st, proposals):
            for split, unsplit in (
                ("OtherAssetsNoncurrent", "OtherAssets"),
                ("OtherLiabilitiesNoncurrent", "OtherLiabilities"),
            ):
                _rename(
                    proposals,
                    split,
                    unsplit,
                    lambda r: not re.search(r"non[\s-]*current|long[\s-]*term|deferred", r.label, re.I),
                )


_SALES = re.compile(r"\bsales\b", re.I)
_COST = re.compile(r"\bcosts?\b|\breturns\b|\ballowances\b", re.I)
_EXCISE_IN = re.compile(r"\bincluding\b.*\bexcise\b", re.I)


def _rename(
    proposals: dict[str, list[tuple[Row, str]]], old: str, new: str, applies: Callable[[Row], bool]
) -> None:
    """Move the rows proposed for `old` that `applies` accepts to `new`, unless `new` is taken."""
    if new in proposals or old not in proposals:
        return
    moved = [c for c in proposals[old] if applies(c[0])]
    if not moved:
        return
    proposals[new] = [(r, "context") for r, _ in moved]
    proposals[old] = [c for c in proposals[old] if c not in moved]
    if not proposals[old]:
        del proposals[old]


def _classified(st: Statement, proposals: dict[str, list[tuple[Row, str]]]) -> bool:
    """Does a balance sheet split current assets or liabilities from the rest?"""
    if "AssetsCurrent" in proposals or "LiabilitiesCurrent" in proposals:
        return True
    return any(
        re.search(r"\bcurrent\s+(assets|liabilities)", f"{r.section} {r.label}", re.I) for r in st.rows
    )


def _adds(st: Statement, index: int, sign: int) -> int:
    """+1 if the row adds to its total as XBRL sees it: added positive, or subtracted negative."""
    values = [c.value for c in st.rows[index].cells if c is not None and c.value and not c.percent]
    negative = bool(values) and sum(1 for v in values if v < 0) * 2 > len(values)
    return -sign if negative else sign


def _closes_section(st: Statement, row: Row) -> bool:
    """Is `row` the last total before its section ends (a new heading, another section)?"""
    for later in st.rows[row.index + 1 :]:
        if later.role == RowRole.HEADER or later.section != row.section:
            return True
        if later.role == RowRole.TOTAL:
            # another total of the same kind follows; a running result ("Income from
            # operations") means the section's list ended here
            return not (later.generated_label or re.match(r"total\b", later.label, re.I))
    return True


_CLAIMS_HEADING = re.compile(r"liabilit|equity|capital|shareholders|stockholders", re.I)
_ASSET_HEADING = re.compile(
    r"^\s*assets\b|equity\s+(securities|method|investments?)|capital\s+(leases?|assets|projects)", re.I
)


def _claims_heading(section: str) -> bool:
    """Does a row's section put it on the liabilities and equity side of a balance sheet?

    Each heading of the section is read on its own: "ASSETS / Equity securities, at market"
    heads investments, not shareholders' equity.
    """
    return any(
        _CLAIMS_HEADING.search(part) and not _ASSET_HEADING.search(part) for part in section.split(" / ")
    )


def _sides(st: Statement) -> dict[int, str]:
    """Which side of a balance sheet each row is on: assets until "Total assets" or a
    liabilities or equity heading, then liabilities."""
    if st.kind != StatementKind.BALANCE_SHEET:
        return {}
    out: dict[int, str] = {}
    side = "assets"
    for row in st.rows:
        if _claims_heading(row.section):
            side = "liabilities"
        out[row.index] = side
        if re.search(r"total\s+assets", row.label, re.I) and not row.generated_label:
            side = "liabilities"
    return out


def _agree(a: dict[object, Decimal], b: dict[object, Decimal]) -> bool:
    """Two rows' figures never give one period two values."""
    return all(b[k] == v for k, v in a.items() if k in b)
