"""The taxonomy subset: label normalization, data consistency, lookups, user synonyms."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

import taxonomy
from taxonomy import Taxonomy, load, normalize_label
from taxonomy.core import DATA_TYPES, STATEMENTS
from taxonomy.loader import data_text, read_calculations, read_elements

TAX = load()


# ----------------------------------------------------------------------- normalize_label
@pytest.mark.parametrize(
    ("printed", "normalized"),
    [
        ("Net sales", "net sales"),
        ("NET SALES:", "net sales"),
        ("Net sales . . . . . . . .", "net sales"),
        ("Net sales........", "net sales"),
        ("Net sales (Note 2)", "net sales"),
        ("Cash and cash equivalents (Notes 1 and 17)", "cash and cash equivalents"),
        ("Revenues (see note 3)", "revenues"),
        ("Income (loss) before taxes (1)", "income (loss) before taxes"),
        ("Earnings per share (a)", "earnings per share"),
        ("Earnings per share*", "earnings per share"),
        ("Goodwill [2]", "goodwill"),
        ("Less: Accumulated depreciation", "accumulated depreciation"),
        ("Less accumulated depreciation", "accumulated depreciation"),
        ("Add: Depreciation", "depreciation"),
        ("Lessee deposits", "lessee deposits"),
        ("Shareholders' equity", "shareholders equity"),
        ("Shareholders\u2019 equity", "shareholders equity"),
        ("Company's share", "companys share"),
        ("Total liabilities & equity", "total liabilities and equity"),
        ("Long-term debt", "long term debt"),
        ("Long - term debt", "long term debt"),
        ("Long\u2014term debt", "long term debt"),
        ("Property and equipment-net", "property and equipment net"),
        ("Revenues, net", "revenues net"),
        ("Non-current liabilities", "noncurrent liabilities"),
        ("Non current liabilities", "noncurrent liabilities"),
        ("Increase/(decrease) in cash", "increase (decrease) in cash"),
        ("Cash flows from(used for) investing", "cash flows from (used for) investing"),
        ("Net income ( loss )", "net income (loss)"),
        ("Weighted average shares (in thousands)", "weighted average shares"),
        ("Per common share - net income (dollars)", "per common share net income"),
        ("Bonds (market, $14,774; $19,023)", "bonds"),
        ("Receivables, less allowances of $68,305 and $61,409", "receivables less allowances"),
        ("Common stock, $.01 par value - 150,000,000 shares authorized", "common stock"),
        ("Treasury stock, 378,130 (1998) and -0- (1997) shares, at cost", "treasury stock"),
        (
            "Cash and cash equivalents at December 31, 1996",
            "cash and cash equivalents at december 31",
        ),
        ("8% redeemable preferred stock", "8% redeemable preferred stock"),
        ("[total assets]", "total assets"),
        ("Total operating expenses (unlabeled)", "total operating expenses"),
        ("  Selling,   general and\tadministrative  ", "selling general and administrative"),
        ("", ""),
    ],
)
def test_normalize_label(printed: str, normalized: str) -> None:
    assert normalize_label(printed) == normalized
    assert normalize_label(normalized) == normalized


def test_normalize_label_is_idempotent_on_stored_labels() -> None:
    for syn in TAX.synonyms:
        for text in (syn.label, syn.section or ""):
            assert normalize_label(text) == text, text


def test_builtin_synonyms_match_the_schema() -> None:
    # load() trusts the built-in file (the schema check costs 0.35 s a process); checked here
    from taxonomy.loader import read_synonyms

    text = data_text("synonyms.json")
    assert read_synonyms(text, "synonyms.json", TAX.elements) == TAX.synonyms


def test_stored_synonyms_are_normalized() -> None:
    doc = json.loads(data_text("synonyms.json"))
    for entry in doc["concepts"].values():
        assert all(normalize_label(x) == x for x in entry["labels"])
    for rule in doc["contextual"]:
        assert normalize_label(rule["label"]) == rule["label"]
        assert normalize_label(rule["section"]) == rule["section"]


# ----------------------------------------------------------------------- elements
def test_metadata() -> None:
    assert TAX.prefix == "us-gaap"
    assert TAX.release == "2019"
    assert TAX.namespace == "http://fasb.org/us-gaap/2019-01-31"
    assert TAX.entry_point == "http://xbrl.fasb.org/us-gaap/2019/elts/us-gaap-2019-01-31.xsd"
    assert 150 <= len(TAX.elements) <= 300


@pytest.mark.parametrize(
    "name",
    [
        "SalesRevenueNet",
        "CostOfGoodsSold",
        "CostOfServices",
        "ExtraordinaryItemNetOfTax",
        "IncomeLossBeforeExtraordinaryItemsAndCumulativeEffectOfChangeInAccountingPrinciple",
        "MinorityInterestInNetIncomeLossOfConsolidatedEntities",
        "DueToRelatedParties",
        "RedeemablePreferredStock",
        "PreferredStockDividends",
        "TemporaryEquityCarryingAmount",
    ],
)
def test_deprecated_elements_are_absent(name: str) -> None:
    assert TAX.element(name) is None


def test_every_element_is_well_formed() -> None:
    for name, el in TAX.elements.items():
        assert el.name == name
        assert DATA_TYPES[el.xbrl_type] == el.data_type
        assert el.period_type in ("instant", "duration")
        assert el.balance in (None, "debit", "credit")
        if el.balance is not None:
            assert el.data_type == "monetary", name


@pytest.mark.parametrize(
    ("name", "data_type", "period_type", "balance"),
    [
        ("Revenues", "monetary", "duration", "credit"),
        ("CostOfGoodsAndServicesSold", "monetary", "duration", "debit"),
        ("Assets", "monetary", "instant", "debit"),
        ("TreasuryStockValue", "monetary", "instant", "debit"),
        ("EarningsPerShareBasic", "perShare", "duration", None),
        ("WeightedAverageNumberOfDilutedSharesOutstanding", "shares", "duration", None),
        ("CommonStockSharesOutstanding", "shares", "instant", None),
        ("PaymentsToAcquirePropertyPlantAndEquipment", "monetary", "duration", "credit"),
        ("EffectiveIncomeTaxRateContinuingOperations", "percent", "duration", None),
    ],
)
def test_element_attributes(
    name: str, data_type: str, period_type: str, balance: str | None
) -> None:
    el = TAX.element(name)
    assert el is not None
    assert (el.data_type, el.period_type, el.balance) == (data_type, period_type, balance)


def test_element_accepts_prefixed_name() -> None:
    assert TAX.element("us-gaap:NetIncomeLoss") is TAX.element("NetIncomeLoss")
    assert TAX.element("ext:NetIncomeLoss") is None


def test_per_share_types_use_the_dtr_numeric_prefix() -> None:
    per_share = [e for e in TAX.elements.values() if e.data_type == "perShare"]
    assert per_share
    assert {e.xbrl_type for e in per_share} == {"num:perShareItemType"}


# ----------------------------------------------------------------------- cross-references
def test_every_synonym_concept_exists() -> None:
    assert {s.concept for s in TAX.synonyms} <= set(TAX.elements)
    assert all(set(s.statements) <= set(STATEMENTS) for s in TAX.synonyms)


def test_plain_label_names_one_concept_per_statement() -> None:
    owner: dict[tuple[str, str], str] = {}
    for syn in TAX.synonyms:
        if syn.section is None:
            for st in syn.statements:
                assert owner.setdefault((syn.label, st), syn.concept) == syn.concept, syn


def test_contextual_rules_have_one_statement_and_a_section() -> None:
    rules = [s for s in TAX.synonyms if s.section is not None]
    assert rules
    assert all(len(s.statements) == 1 and s.section for s in rules)


# ----------------------------------------------------------------------- calculations
def test_arcs_are_well_formed() -> None:
    keys = [(a.statement, a.parent, a.child) for a in TAX.calculations]
    assert len(keys) == len(set(keys))
    for arc in TAX.calculations:
        assert arc.weight in (1, -1)
        assert arc.statement in STATEMENTS
        assert arc.parent in TAX.elements and arc.child in TAX.elements


def test_arc_endpoints_agree_on_type_period_and_balance() -> None:
    for arc in TAX.calculations:
        parent, child = TAX.elements[arc.parent], TAX.elements[arc.child]
        assert parent.data_type == child.data_type, arc
        assert parent.period_type == child.period_type, arc
        if parent.balance and child.balance:  # XBRL 2.1 section 5.1.1.2
            assert (parent.balance == child.balance) == (arc.weight == 1), arc


def _descendants(statement: str, name: str) -> set[str]:
    found: set[str] = set()
    for arc in TAX.children(name, statement):
        found |= {arc.child} | _descendants(statement, arc.child)
    return found


def test_arcs_have_no_cycles_and_no_double_counting() -> None:
    for statement in STATEMENTS:
        parents = {a.parent for a in TAX.calculations if a.statement == statement}
        for parent in parents:
            assert parent not in _descendants(statement, parent)
            children = [a.child for a in TAX.children(parent, statement)]
            for child in children:
                overlap = _descendants(statement, child) & set(children)
                assert not overlap, (parent, child, overlap)


@pytest.mark.parametrize(
    ("statement", "total"),
    [
        ("income_statement", "GrossProfit"),
        ("income_statement", "CostsAndExpenses"),
        ("income_statement", "OperatingExpenses"),
        ("income_statement", "OperatingIncomeLoss"),
        (
            "income_statement",
            "IncomeLossFromContinuingOperationsBeforeIncomeTaxesExtraordinaryItemsNoncontrollingInterest",
        ),
        ("income_statement", "NetIncomeLoss"),
        ("balance_sheet", "AssetsCurrent"),
        ("balance_sheet", "Assets"),
        ("balance_sheet", "LiabilitiesCurrent"),
        ("balance_sheet", "Liabilities"),
        ("balance_sheet", "StockholdersEquity"),
        ("balance_sheet", "LiabilitiesAndStockholdersEquity"),
        ("cash_flow", "NetCashProvidedByUsedInOperatingActivities"),
        ("cash_flow", "NetCashProvidedByUsedInInvestingActivities"),
        ("cash_flow", "NetCashProvidedByUsedInFinancingActivities"),
        ("cash_flow", "CashAndCashEquivalentsPeriodIncreaseDecrease"),
    ],
)
def test_standard_totals_have_components(statement: str, total: str) -> None:
    assert TAX.children(total, statement)


def test_children_and_parents() -> None:
    kids = TAX.children("GrossProfit", "income_statement")
    assert [(a.child, a.weight) for a in kids] == [("Revenues", 1), ("CostOfRevenue", -1)]
    assert [a.order for a in kids] == sorted(a.order for a in kids)
    assert TAX.children("GrossProfit", "balance_sheet") == ()
    up = TAX.parents("TreasuryStockValue", "balance_sheet")
    assert [(a.parent, a.weight) for a in up] == [("StockholdersEquity", -1)]
    assert TAX.parents("PaymentsToAcquirePropertyPlantAndEquipment")[0].weight == -1


# ----------------------------------------------------------------------- lookup
@pytest.mark.parametrize(
    ("label", "statement", "section", "first"),
    [
        ("Net sales", "income_statement", None, "Revenues"),
        ("NET REVENUES:", "income_statement", None, "Revenues"),
        ("Revenues, net", "income_statement", None, "Revenues"),
        ("Sales", "income_statement", None, "Revenues"),
        ("Total revenues", "income_statement", None, "Revenues"),
        ("Cost of goods sold", "income_statement", None, "CostOfGoodsAndServicesSold"),
        ("Total costs and expenses", "income_statement", None, "CostsAndExpenses"),
        ("Income taxes", "income_statement", None, "IncomeTaxExpenseBenefit"),
        ("Provision for income taxes", "income_statement", None, "IncomeTaxExpenseBenefit"),
        ("Interest expense", "income_statement", None, "InterestExpense"),
        (
            "Minority interest",
            "income_statement",
            None,
            "NetIncomeLossAttributableToNoncontrollingInterest",
        ),
        ("Minority interest", "balance_sheet", None, "MinorityInterest"),
        ("Accounts receivable", "balance_sheet", None, "AccountsReceivableNetCurrent"),
        ("Accounts receivable", "cash_flow", None, "IncreaseDecreaseInAccountsReceivable"),
        (
            "(Increase) decrease in receivables",
            "cash_flow",
            None,
            "IncreaseDecreaseInAccountsReceivable",
        ),
        (
            "Purchases of property and equipment",
            "cash_flow",
            None,
            "PaymentsToAcquirePropertyPlantAndEquipment",
        ),
        ("Capital expenditures", "cash_flow", None, "PaymentsToAcquirePropertyPlantAndEquipment"),
        ("Deferred income taxes", "cash_flow", None, "DeferredIncomeTaxExpenseBenefit"),
        (
            "Less: Accumulated depreciation",
            "balance_sheet",
            None,
            "AccumulatedDepreciationDepletionAndAmortizationPropertyPlantAndEquipment",
        ),
        ("Total shareholders' equity", "balance_sheet", None, "StockholdersEquity"),
        # context decides
        ("Other", "balance_sheet", "Current assets:", "OtherAssetsCurrent"),
        ("Other", "balance_sheet", "CURRENT LIABILITIES", "OtherLiabilitiesCurrent"),
        ("Other", "income_statement", "Costs and expenses:", "OtherCostAndExpenseOperating"),
        ("Other", "income_statement", "Operating expenses", "OtherCostAndExpenseOperating"),
        (
            "Other, net",
            "income_statement",
            "Other income (expense):",
            "OtherNonoperatingIncomeExpense",
        ),
        (
            "Other",
            "cash_flow",
            "Cash flows from investing activities:",
            "PaymentsForProceedsFromOtherInvestingActivities",
        ),
        (
            "Other",
            "cash_flow",
            "Cash flows from financing activities:",
            "ProceedsFromPaymentsForOtherFinancingActivities",
        ),
        (
            "Deferred income taxes",
            "balance_sheet",
            "Current assets:",
            "DeferredTaxAssetsNetCurrent",
        ),
        ("Deferred income taxes", "balance_sheet", "Other assets", "DeferredIncomeTaxAssetsNet"),
        ("Deferred income taxes", "balance_sheet", None, "DeferredTaxLiabilitiesNoncurrent"),
        ("Total", "balance_sheet", "Current assets", "AssetsCurrent"),
        ("Total", "income_statement", "Costs and expenses:", "CostsAndExpenses"),
        (
            "Net income",
            "income_statement",
            "Earnings per common share, fully diluted:",
            "EarningsPerShareDiluted",
        ),
        (
            "Net income",
            "income_statement",
            "Earnings per share - basic and diluted",
            "EarningsPerShareBasic",
        ),
        ("Net income", "income_statement", "Per common share:", "EarningsPerShareBasic"),
        ("Net income", "income_statement", None, "NetIncomeLoss"),
        ("Interest", "cash_flow", "Cash paid during the year for:", "InterestPaidNet"),
        ("Income taxes", "cash_flow", "Cash paid during the year for:", "IncomeTaxesPaid"),
        (
            "Beginning of year",
            "cash_flow",
            "Cash and cash equivalents:",
            "CashAndCashEquivalentsAtCarryingValue",
        ),
    ],
)
def test_lookup(label: str, statement: str, section: str | None, first: str) -> None:
    assert TAX.lookup(label, statement, section)[0] == first


def test_lookup_other_depends_on_section() -> None:
    current = TAX.lookup("Other", "balance_sheet", "Current assets")
    noncurrent = TAX.lookup("Other", "balance_sheet", "Noncurrent assets")
    assert current[0] == "OtherAssetsCurrent"
    assert noncurrent[0] == "OtherAssetsNoncurrent"
    assert "OtherAssetsCurrent" not in noncurrent


def test_lookup_falls_back_to_other_statements_last() -> None:
    found = TAX.lookup("Depreciation", "balance_sheet")
    assert found == ("Depreciation",)
    assert TAX.lookup("Accounts receivable", "equity")[0] in (
        "AccountsReceivableNetCurrent",
        "IncreaseDecreaseInAccountsReceivable",
    )


def test_lookup_unknown_label_is_empty() -> None:
    assert TAX.lookup("Flight equipment deposits for the A380", "balance_sheet") == ()
    assert TAX.lookup("", "income_statement") == ()


def test_a_total_label_never_maps_to_a_component() -> None:
    totals = {
        "total costs and expenses": "CostsAndExpenses",
        "total current assets": "AssetsCurrent",
        "total current liabilities": "LiabilitiesCurrent",
        "total operating expenses": "OperatingExpenses",
        "total liabilities": "Liabilities",
    }
    for label, concept in totals.items():
        statement = "income_statement" if "expenses" in label else "balance_sheet"
        assert TAX.lookup(label, statement)[0] == concept


# ----------------------------------------------------------------------- immutability
def test_taxonomy_is_immutable() -> None:
    with pytest.raises(TypeError):
        TAX.elements["Foo"] = TAX.elements["Assets"]  # type: ignore[index]
    with pytest.raises(dataclasses.FrozenInstanceError):
        TAX.release = "2024"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        TAX.elements["Assets"].balance = "credit"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        TAX.calculations[0].weight = 2  # type: ignore[misc]
    assert isinstance(TAX.synonyms, tuple)
    assert isinstance(TAX.calculations, tuple)


def test_default_load_is_cached() -> None:
    assert load() is load()
    assert isinstance(load(), Taxonomy)


# ----------------------------------------------------------------------- user synonyms
def _write(tmp_path: Path, doc: object, name: str = "synonyms.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def test_user_synonyms_merge_over_builtin(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        {
            "version": 1,
            "concepts": {
                "ProvisionForDoubtfulAccounts": {
                    "statements": ["income_statement"],
                    "labels": ["Provision for Credit-Card Losses"],
                },
                "OtherIncome": {"statements": ["income_statement"], "labels": ["Interest income"]},
            },
            "contextual": [
                {
                    "label": "Other",
                    "statement": "balance_sheet",
                    "section": "Current assets",
                    "concept": "PrepaidExpenseCurrent",
                }
            ],
        },
    )
    merged = load(path)
    assert merged is not load()
    assert merged.elements is load().elements
    # a new label
    assert merged.lookup("Provision for credit card losses", "income_statement") == (
        "ProvisionForDoubtfulAccounts",
    )
    # a user plain synonym replaces the built-in one for that label and statement
    assert merged.lookup("Interest income", "income_statement")[0] == "OtherIncome"
    assert "InvestmentIncomeInterest" not in merged.lookup("Interest income", "income_statement")
    # a user rule replaces the built-in rule for the same label and section
    assert merged.lookup("Other", "balance_sheet", "Current assets") == ("PrepaidExpenseCurrent",)
    # other built-in rules and synonyms stay
    assert (
        merged.lookup("Other", "balance_sheet", "Current liabilities")[0]
        == "OtherLiabilitiesCurrent"
    )
    assert merged.lookup("Net sales", "income_statement") == ("Revenues",)
    # the cached built-in taxonomy is untouched
    assert load().lookup("Interest income", "income_statement")[0] == "InvestmentIncomeInterest"


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("{not json", "not JSON"),
        (json.dumps({"concepts": {}}), "schema"),
        (json.dumps({"version": 1, "concepts": {}, "extra": 1}), "schema"),
        (json.dumps({"version": 2, "concepts": {}}), "schema"),
        (
            json.dumps(
                {
                    "version": 1,
                    "concepts": {"Revenues": {"statements": ["income"], "labels": ["x"]}},
                }
            ),
            "schema",
        ),
        (
            json.dumps(
                {
                    "version": 1,
                    "concepts": {"Revenues": {"statements": ["income_statement"], "labels": []}},
                }
            ),
            "schema",
        ),
        (
            json.dumps(
                {
                    "version": 1,
                    "concepts": {
                        "NetSales": {"statements": ["income_statement"], "labels": ["net sales"]}
                    },
                }
            ),
            "unknown concept 'NetSales'",
        ),
        (
            json.dumps(
                {
                    "version": 1,
                    "concepts": {},
                    "contextual": [
                        {
                            "label": "other",
                            "statement": "balance_sheet",
                            "section": "x",
                            "concept": "Nope",
                        }
                    ],
                }
            ),
            "unknown concept 'Nope'",
        ),
        (
            json.dumps(
                {
                    "version": 1,
                    "concepts": {
                        "Revenues": {"statements": ["income_statement"], "labels": ["Sales"]},
                        "OtherIncome": {"statements": ["income_statement"], "labels": ["SALES:"]},
                    },
                }
            ),
            "names both",
        ),
    ],
)
def test_malformed_user_synonyms_raise(tmp_path: Path, content: str, problem: str) -> None:
    path = tmp_path / "bad-synonyms.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match="bad-synonyms.json") as info:
        load(path)
    assert problem in str(info.value)


def test_missing_user_file_is_an_os_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        load(tmp_path / "absent.json")


# ----------------------------------------------------------------------- data file errors
ELEMENT_HEADER = "name,xbrl_type,period_type,balance,standard_label,note\n"


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        ("Revenues,xbrli:monetaryItemType,duration,credit,Revenues\n", "expected 6 fields"),
        ("Revenues,xbrli:stringItemType,duration,,Revenues,\n", "unknown type"),
        ("Revenues,xbrli:monetaryItemType,forever,credit,Revenues,\n", "bad period type"),
        ("Revenues,xbrli:monetaryItemType,duration,both,Revenues,\n", "bad balance"),
        ("EarningsPerShareBasic,num:perShareItemType,duration,debit,EPS,\n", "only monetary"),
        ("Not A Name,xbrli:monetaryItemType,duration,,x,\n", "bad element name"),
        (
            "Revenues,xbrli:monetaryItemType,duration,credit,R,\n"
            "Revenues,xbrli:monetaryItemType,duration,credit,R,\n",
            "duplicate element",
        ),
    ],
)
def test_bad_element_rows_raise(body: str, problem: str) -> None:
    with pytest.raises(ValueError, match="elements-test.csv: row") as info:
        read_elements(ELEMENT_HEADER + body, "elements-test.csv")
    assert problem in str(info.value)


def test_bad_header_raises() -> None:
    with pytest.raises(ValueError, match="x.csv: header"):
        read_elements("name,type\nRevenues,x\n", "x.csv")


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        ("income_statement,GrossProfit,Revenues,2,10", "weight"),
        ("income,GrossProfit,Revenues,1,10", "unknown statement"),
        ("income_statement,GrossProfit,NetSales,1,10", "unknown concept 'NetSales'"),
    ],
)
def test_bad_calculation_rows_raise(row: str, problem: str) -> None:
    text = "statement,parent,child,weight,order\n" + row + "\n"
    with pytest.raises(ValueError, match="calc-test.csv: row 2") as info:
        read_calculations(text, "calc-test.csv", TAX.elements)
    assert problem in str(info.value)


def test_public_api() -> None:
    assert set(taxonomy.__all__) == {
        "Arc",
        "Element",
        "Synonym",
        "Taxonomy",
        "load",
        "normalize_label",
    }
