"""Probe the mapper with common 1990s statement labels placed in small synthetic statements.

Each probe is converted in its own small statement (a realistic balance sheet, income
statement or cash-flow statement with a few anchor rows and totals that add up), so that
no other probe competes for its concept. A probe whose expected concept is one of the
template's anchor rows replaces that anchor; otherwise it is inserted into its slot.

`tests/test_label_probes.py` runs them all; `python tests/label_probes.py [--all]` prints each
mismatch (or every probe).
"""

from __future__ import annotations

import json
import sys

from converter import convert
from taxonomy.labels import normalize_label

# --------------------------------------------------------------------------- templates
# entry kinds: ("h", text) heading; ("r", key, label, values, concept) row;
# ("t", key, label, formula, concept) total, formula = [(key, sign), ...] or callable;
# ("slot", name)

BS_COLS = ("1997", "1996")
IS_COLS = ("1997", "1996", "1995")


def bs_template(ppe_block: bool = False):
    e = [
        ("h", "ASSETS"),
        ("h", "Current assets:"),
        ("r", "cash", "Cash and cash equivalents", [12400, 10300], "CashAndCashEquivalentsAtCarryingValue"),
        ("r", "ar", "Accounts receivable, net", [25000, 22000], "AccountsReceivableNetCurrent"),
        ("r", "inv", "Inventories", [31000, 29000], "InventoryNet"),
        ("r", "pre", "Prepaid expenses", [2000, 1800], "PrepaidExpenseCurrent"),
        ("slot", "ca"),
        ("t", "tca", "Total current assets", ["cash", "ar", "inv", "pre", "@ca"], "AssetsCurrent"),
    ]
    if ppe_block:
        e += [
            (
                "r",
                "ppeg",
                "Property, plant and equipment, at cost",
                [80000, 70000],
                "PropertyPlantAndEquipmentGross",
            ),
            (
                "r",
                "ppea",
                "Less accumulated depreciation",
                [-30000, -25000],
                "AccumulatedDepreciationDepletionAndAmortizationPropertyPlantAndEquipment",
            ),
            ("t", "ppe", "", ["ppeg", "ppea"], "PropertyPlantAndEquipmentNet"),
        ]
    else:
        e += [
            ("r", "ppe", "Property, plant and equipment, net", [50000, 45000], "PropertyPlantAndEquipmentNet")
        ]
    e += [
        ("slot", "nca"),
        ("r", "oa", "Other assets", [3000, 2500], "OtherAssetsNoncurrent"),
        ("t", "ta", "Total assets", ["tca", "ppe", "@nca", "oa"], "Assets"),
        ("h", "LIABILITIES AND STOCKHOLDERS' EQUITY"),
        ("h", "Current liabilities:"),
        ("r", "ap", "Accounts payable", [15000, 13000], "AccountsPayableCurrent"),
        ("r", "al", "Accrued liabilities", [8000, 7000], "AccruedLiabilitiesCurrent"),
        ("r", "itp", "Income taxes payable", [1500, 1200], "AccruedIncomeTaxesCurrent"),
        ("slot", "cl"),
        ("t", "tcl", "Total current liabilities", ["ap", "al", "itp", "@cl"], "LiabilitiesCurrent"),
        ("r", "ltd", "Long-term debt", [20000, 18000], "LongTermDebtNoncurrent|LongTermDebt"),
        ("r", "dit", "Deferred income taxes", [4000, 3500], "DeferredTaxLiabilitiesNoncurrent"),
        ("slot", "ncl"),
        ("h", "Stockholders' equity:"),
        ("r", "cs", "Common stock", [1000, 1000], "CommonStockValue"),
        ("r", "apic", "Additional paid-in capital", [10000, 9000], "AdditionalPaidInCapital"),
        ("r", "re", "Retained earnings", "BALANCE", "RetainedEarningsAccumulatedDeficit"),
        ("slot", "eq"),
        ("t", "tse", "Total stockholders' equity", ["cs", "apic", "re", "@eq"], "StockholdersEquity"),
        (
            "t",
            "tlse",
            "Total liabilities and stockholders' equity",
            ["tcl", "ltd", "dit", "@ncl", "tse"],
            "LiabilitiesAndStockholdersEquity",
        ),
    ]
    return e


def is_template():
    return [
        ("r", "rev", "Net sales", [100000, 90000, 80000], "Revenues"),
        ("h", "Costs and expenses:"),
        ("r", "cogs", "Cost of sales", [60000, 54000, 48000], "CostOfGoodsAndServicesSold"),
        (
            "r",
            "sga",
            "Selling, general and administrative",
            [20000, 18000, 16000],
            "SellingGeneralAndAdministrativeExpense",
        ),
        ("slot", "exp"),
        ("t", "tce", "Total costs and expenses", ["cogs", "sga", "@exp"], "CostsAndExpenses"),
        ("t", "oi", "Operating income", ["rev", ("tce", -1)], "OperatingIncomeLoss"),
        ("r", "int", "Interest expense", [-2000, -1800, -1600], "InterestExpense"),
        ("slot", "oth"),
        (
            "t",
            "ibt",
            "Income before income taxes",
            ["oi", "int", "@oth"],
            "IncomeLossFromContinuingOperationsBeforeIncomeTaxesExtraordinaryItemsNoncontrollingInterest",
        ),
        ("r", "tax", "Provision for income taxes", [7000, 6000, 5000], "IncomeTaxExpenseBenefit"),
        ("slot", "aftertax"),
        ("t", "ni", "Net income", ["ibt", ("tax", -1), "@aftertax"], "NetIncomeLoss"),
        ("ps", "eps", "Net income per share", "EPS", "EarningsPerShareBasic"),
        ("slot", "ps"),
        (
            "sh",
            "shs",
            "Weighted average shares outstanding",
            [10000, 9800, 9600],
            "WeightedAverageNumberOfSharesOutstandingBasic",
        ),
    ]


def cf_template():
    return [
        ("h", "Cash flows from operating activities:"),
        ("r", "ni", "Net income", [10000, 9000, 8000], "NetIncomeLoss"),
        ("h", "Adjustments to reconcile net income to net cash provided by operating activities:"),
        (
            "r",
            "da",
            "Depreciation and amortization",
            [5000, 4500, 4000],
            "DepreciationDepletionAndAmortization",
        ),
        ("r", "dt", "Deferred income taxes", [1000, 900, 800], "DeferredIncomeTaxExpenseBenefit"),
        ("slot", "adj"),
        ("h", "Changes in operating assets and liabilities:"),
        ("r", "ar", "Accounts receivable", [-2000, -1800, -1600], "IncreaseDecreaseInAccountsReceivable"),
        ("r", "inv", "Inventories", [-1500, -1400, -1300], "IncreaseDecreaseInInventories"),
        ("r", "ap", "Accounts payable", [1200, 1100, 1000], "IncreaseDecreaseInAccountsPayable"),
        ("slot", "wc"),
        (
            "t",
            "ncfo",
            "Net cash provided by operating activities",
            ["ni", "da", "dt", "@adj", "ar", "inv", "ap", "@wc"],
            "NetCashProvidedByUsedInOperatingActivities",
        ),
        ("h", "Cash flows from investing activities:"),
        (
            "r",
            "capex",
            "Capital expenditures",
            [-8000, -7000, -6000],
            "PaymentsToAcquirePropertyPlantAndEquipment",
        ),
        (
            "r",
            "ppe",
            "Proceeds from sale of property, plant and equipment",
            [500, 400, 300],
            "ProceedsFromSaleOfPropertyPlantAndEquipment",
        ),
        ("slot", "invest"),
        (
            "t",
            "ncfi",
            "Net cash used in investing activities",
            ["capex", "ppe", "@invest"],
            "NetCashProvidedByUsedInInvestingActivities",
        ),
        ("h", "Cash flows from financing activities:"),
        (
            "r",
            "ltd",
            "Proceeds from issuance of long-term debt",
            [3000, 2500, 2000],
            "ProceedsFromIssuanceOfLongTermDebt",
        ),
        ("r", "rltd", "Repayment of long-term debt", [-2000, -1800, -1600], "RepaymentsOfLongTermDebt"),
        ("r", "div", "Dividends paid", [-1000, -900, -800], "PaymentsOfDividends"),
        ("slot", "fin"),
        (
            "t",
            "ncff",
            "Net cash provided by (used in) financing activities",
            ["ltd", "rltd", "div", "@fin"],
            "NetCashProvidedByUsedInFinancingActivities",
        ),
        (
            "t",
            "chg",
            "Net increase in cash and cash equivalents",
            ["ncfo", "ncfi", "ncff"],
            "CashAndCashEquivalentsPeriodIncreaseDecrease",
        ),
        (
            "r",
            "beg",
            "Cash and cash equivalents at beginning of year",
            [5000, 4000, 3000],
            "CashAndCashEquivalentsAtCarryingValue",
        ),
        (
            "t",
            "end",
            "Cash and cash equivalents at end of year",
            ["chg", "beg"],
            "CashAndCashEquivalentsAtCarryingValue",
        ),
        ("h", "Supplemental disclosures of cash flow information:"),
        ("h", "Cash paid during the year for:"),
        ("r", "ip", "Interest", [1900, 1700, 1500], "InterestPaidNet"),
        ("r", "tp", "Income taxes", [6500, 5500, 4500], "IncomeTaxesPaid"),
        ("slot", "supp"),
    ]


TITLES = {
    "bs": ("CONSOLIDATED BALANCE SHEETS", "(In thousands)", "December 31,", BS_COLS),
    "is": (
        "CONSOLIDATED STATEMENTS OF INCOME",
        "(In thousands, except per share amounts)",
        "Year Ended December 31,",
        IS_COLS,
    ),
    "cf": ("CONSOLIDATED STATEMENTS OF CASH FLOWS", "(In thousands)", "Year Ended December 31,", IS_COLS),
}

PROBE_VALUES = [1234, 1111, 987]


def fmt(v, dollar=False, per_share=False):
    s = f"{abs(v):.2f}" if per_share else f"{abs(v):,}"
    s = f"({s})" if v < 0 else s + " "
    if dollar:
        s = "$" + s.rjust(10)
    return s.rjust(12)


def build(
    kind: str,
    slot: str,
    label: str,
    sign: int = 1,
    ppe_block: bool = False,
    unit: str = "usd",
    replace_expected: str | None = None,
):
    """The text of a statement with `label` in `slot` (a slot name or an anchor key)."""
    entries = {"bs": lambda: bs_template(ppe_block), "is": is_template, "cf": cf_template}[kind]()
    ncols = len(TITLES[kind][3])
    keys = [x[1] for x in entries if x[0] in ("r", "t", "ps", "sh")]
    anchor = slot if slot in keys else None
    if anchor is None and replace_expected:
        exp = set(replace_expected.split("|"))
        for x in entries:
            if x[0] in ("r", "ps", "sh") and set(x[4].split("|")) & exp:
                anchor = x[1]
                break
    probe_vals = [sign * v for v in PROBE_VALUES[:ncols]]
    rows = []
    for x in entries:
        if x[0] == "slot" and anchor is None and x[1] == slot:
            rows.append(["r", "PROBE", label, probe_vals, slot])
        elif x[0] == "slot":
            continue
        elif x[1] == anchor:
            rows.append([x[0], "PROBE", label, x[3], anchor])
        else:
            rows.append(list(x))
    # evaluate values
    vals: dict[str, list] = {}
    slot_sum: dict[str, list] = {}
    for r in rows:
        if r[0] == "r" and r[1] == "PROBE" and anchor is None:
            slot_sum[r[4]] = r[3]

    def total(formula):
        out = [0] * ncols
        for f in formula:
            k, s = (f, 1) if isinstance(f, str) else f
            v = slot_sum.get(k[1:], [0] * ncols) if k.startswith("@") else vals[k]
            out = [a + s * b for a, b in zip(out, v, strict=False)]
        return out

    def key_of(r):
        return r[4] if r[1] == "PROBE" and anchor is not None else r[1]

    # balance sheet retained earnings balances the sheet: compute after assets
    pending = []
    for r in rows:
        k = key_of(r)
        if r[0] == "h":
            continue
        if r[3] == "BALANCE":
            pending.append(r)
            vals[k] = None
            continue
        if r[3] == "EPS":
            continue
        if r[0] == "t":
            if any(
                vals.get(f if isinstance(f, str) else f[0]) is None
                for f in r[3]
                if not (f if isinstance(f, str) else f[0]).startswith("@")
            ):
                pending.append(r)
                continue
            vals[k] = total(r[3])
        elif not (kind == "cf" and k == "beg" and "beg" in vals):
            vals[k] = r[3]
        if kind == "cf" and k == "chg":
            # cash at the start of a year is cash at the end of the year before
            c = vals["chg"]
            vals["beg"] = [3000 + c[2] + c[1], 3000 + c[2], 3000]
    if kind == "bs":
        ta = vals["ta"]
        liab = total(["tcl", "ltd", "dit", "@ncl"])
        eq_other = total(["cs", "apic", "@eq"])
        vals["re"] = [a - b - c for a, b, c in zip(ta, liab, eq_other, strict=False)]
        for r in pending:
            k = key_of(r)
            if r[0] == "t":
                pass
        vals["tse"] = total(["cs", "apic", "re", "@eq"])
        vals["tlse"] = total(["tcl", "ltd", "dit", "@ncl", "tse"])
    lines = []
    title, scale, period, cols = TITLES[kind]
    lines.append("ACME INDUSTRIES, INC. AND SUBSIDIARIES".center(80))
    lines.append(title.center(80))
    lines.append(scale.center(80))
    lines.append("")
    width = 62
    head = " " * width + period.rjust(12 * ncols)
    lines.append(head)
    lines.append(" " * width + ("-" * (12 * ncols - 2)).rjust(12 * ncols))
    lines.append(" " * width + "".join(c.rjust(11) + " " for c in cols))
    lines.append(" " * width + "".join(("-" * 9).rjust(11) + " " for _ in cols))
    indent = 0
    first = True
    probe_line = None
    for r in rows:
        if r[1] == "PROBE":
            probe_line = len(lines) + 1
        if r[0] == "h":
            if r[1].startswith("Adjustments"):
                # printed as in the 10-Ks: indented under its section, wrapped
                lines.append("  Adjustments to reconcile net income to net cash")
                lines.append("    provided by operating activities:")
                indent = 4
            elif r[1].startswith("Changes in"):
                lines.append("    " + r[1])
                indent = 6
            else:
                lines.append(r[1])
                indent = 2
            continue
        k = key_of(r)
        if r[0] == "ps" or (r[1] == "PROBE" and unit == "ps"):
            v = r[3] if r[3] != "EPS" else None
            if v is None or v == "EPS":
                ni = vals["ni"]
                shs = vals.get("shs")
                v = [round(n / s, 2) for n, s in zip(ni, shs, strict=False)] if shs else [1.1, 1.0, 0.9]
            if r[1] == "PROBE" and anchor is None:
                v = [0.48, 0.44, 0.40]
            text = "".join(fmt(x, dollar=True, per_share=True) for x in v)
            lines.append(("  " * 0 + r[2] + " ").ljust(width, ".") + text)
            continue
        v = vals.get(k, r[3]) if not (kind == "cf" and k == "beg") else vals["beg"]
        if r[0] == "t":
            lines.append(" " * width + "".join(("-" * 9).rjust(11) + " " for _ in cols))
        lab = r[2]
        pad = "    " if (r[0] == "t") else " " * indent
        text = "".join(fmt(x, dollar=first or r[0] == "t" and k in ("ta", "tlse", "end")) for x in v)
        first = False
        if lab and len(pad + lab) < width - 2:
            lines.append((pad + lab + " ").ljust(width, ".")[:width] + text)
        elif lab:
            # a long label wraps, as printed: its last words carry the figures
            words = (pad + lab).split(" ")
            first_line = ""
            while words and len(first_line + words[0]) < width - 12:
                first_line += words.pop(0) + " "
            lines.append(first_line.rstrip())
            lines.append((pad + "  " + " ".join(words) + " ").ljust(width, ".")[:width] + text)
        else:
            lines.append(" " * width + text)
        if r[0] == "t":
            indent = 0  # what follows a section's total stands at the margin
        if r[0] == "t" and k in ("ta", "tlse", "end", "ni"):
            lines.append(" " * width + "".join(("=" * 9).rjust(11) + " " for _ in cols))
    lines.append("")
    lines.append("See accompanying notes to consolidated financial statements.")
    return "\n".join(lines) + "\n", probe_line


# --------------------------------------------------------------------------- probes
# (statement, slot, label, expected, sign)  expected: "A|B" accepted elements, "ext" = none
# fits; "X|ext" = either is acceptable (ambiguous).  slot: a template slot, or an anchor
# key to replace; a probe whose expected element is an anchor's replaces that anchor.
P = []


def add(kind, slot, expected, *labels, sign=1, ppe=False, unit="usd"):
    for lab in labels:
        P.append((kind, slot, lab, expected, sign, ppe, unit))


# ---- balance sheet: current assets
add("bs", "cash", "Cash|CashAndCashEquivalentsAtCarryingValue", "Cash", "CASH")
add(
    "bs",
    "cash",
    "CashAndCashEquivalentsAtCarryingValue",
    "Cash and equivalents",
    "Cash and temporary investments",
    "Cash and temporary cash investments",
    "Cash and cash items",
    "Cash, including temporary investments",
    "CASH AND CASH EQUIVALENTS",
    "Cash and Cash Equivalents",
)
add(
    "bs",
    "cash",
    "CashCashEquivalentsAndShortTermInvestments",
    "Cash and short-term investments",
    "Cash, cash equivalents and short-term investments",
    "Cash and marketable securities",
)
add(
    "bs",
    "ca",
    "ShortTermInvestments",
    "Short-term investments",
    "Short-term investments, at cost which approximates market",
    "Temporary investments",
)
add(
    "bs",
    "ca",
    "MarketableSecuritiesCurrent|ShortTermInvestments",
    "Marketable securities",
    "Marketable securities, at cost which approximates market",
    "Marketable securities, at cost (approximates market)",
)
add(
    "bs",
    "ar",
    "AccountsReceivableNetCurrent|ReceivablesNetCurrent",
    "Receivables, less allowance for doubtful accounts of $1,234 and $1,100",
    "Accounts receivable, less allowances of $2,345 and $2,100",
    "Trade accounts receivable, net",
    "Accounts receivable - trade, net",
    "Trade receivables, less allowance for doubtful accounts",
    "Notes and accounts receivable, net",
    "Accounts and notes receivable, net",
    "Receivables, net",
    "Receivables",
    "Customer receivables",
    "Accounts receivable, less allowance for doubtful accounts",
    "Trade accounts and notes receivable",
    "ACCOUNTS RECEIVABLE, NET",
    "Accounts Receivable, Net",
    "Receivables - net",
    "Accounts receivable, net of allowance for doubtful accounts",
    "Trade receivables, net",
    "Accounts receivable (net of allowance of $500 and $450)",
)
add(
    "bs",
    "inv",
    "InventoryNet",
    "Inventories, at lower of cost or market",
    "Inventories (Note 3)",
    "Inventories - at lower of cost (principally LIFO) or market",
    "Merchandise inventory",
    "INVENTORIES",
    "Inventories, net",
    "Inventory",
    "Inventories (note 2)",
    "Finished goods and work in process",
    "Inventories - Note C",
)
add(
    "bs",
    "ca",
    "DeferredTaxAssetsNetCurrent",
    "Deferred income taxes",
    "Deferred tax assets",
    "Deferred income tax benefit",
    "Deferred income tax assets",
    "Deferred taxes",
)
add(
    "bs",
    "pre",
    "PrepaidExpenseCurrent|PrepaidExpenseAndOtherAssetsCurrent",
    "Prepaid expenses and deferred charges",
    "Prepaid expenses and other current assets",
    "Prepaid expenses and other",
    "Prepaid and other current assets",
    "Prepayments and other current assets",
    "Prepaid expenses and sundry receivables",
)
add("bs", "ca", "OtherAssetsCurrent", "Other current assets", "Other")
add("bs", "ca", "OtherReceivablesNetCurrent", "Other receivables", "Miscellaneous receivables")
add(
    "bs",
    "ca",
    "ext",
    "Refundable income taxes",
    "Income taxes receivable",
    "Net assets of discontinued operations",
    "Assets held for sale",
)
add("bs", "tca", "AssetsCurrent", "Total current assets", "TOTAL CURRENT ASSETS", "Total Current Assets")
# ---- balance sheet: noncurrent assets
add(
    "bs",
    "ppeg",
    "PropertyPlantAndEquipmentGross",
    "Property, plant and equipment - at cost",
    "Plant and equipment, at cost",
    "Land, buildings and equipment",
    "Property, plant and equipment",
    "Property and equipment, at cost",
    "Properties, at cost",
    ppe=True,
)
add(
    "bs",
    "ppea",
    "AccumulatedDepreciationDepletionAndAmortizationPropertyPlantAndEquipment",
    "Less allowances for depreciation",
    "Less: Accumulated depreciation and depletion",
    "Less accumulated depreciation and amortization",
    "Less reserves for depreciation",
    "Accumulated depreciation, depletion and amortization",
    "Less - Accumulated depreciation",
    "Less accumulated depreciation and amortization of property",
    "Less allowances for depreciation, depletion and amortization",
    sign=-1,
    ppe=True,
)
add(
    "bs",
    "ppe",
    "PropertyPlantAndEquipmentNet",
    "Net property, plant and equipment",
    "Property, plant and equipment - net",
    "Property and equipment, less accumulated depreciation and amortization",
    "Net plant and equipment",
    "Property, plant and equipment, net of accumulated depreciation",
    "Properties, net",
    "Net property and equipment",
    "PROPERTY, PLANT AND EQUIPMENT, NET",
    "Property, net",
    "Net properties",
)
add(
    "bs",
    "nca",
    "Goodwill",
    "Excess of cost over net assets of acquired businesses, net",
    "Goodwill, less accumulated amortization of $1,234 and $1,100",
    "Cost in excess of net assets of companies acquired, less accumulated amortization",
    "Excess of cost over net assets acquired, net",
    "Goodwill, net",
    "Excess of purchase price over net assets acquired",
)
add(
    "bs",
    "nca",
    "IntangibleAssetsNetExcludingGoodwill|IntangibleAssetsNetIncludingGoodwill",
    "Intangible assets, net of accumulated amortization",
    "Intangible assets, net",
    "Intangibles, net",
)
add(
    "bs",
    "nca",
    "IntangibleAssetsNetExcludingGoodwill|IntangibleAssetsNetIncludingGoodwill|ext",
    "Patents and trademarks, net",
)
add(
    "bs",
    "nca",
    "EquityMethodInvestments",
    "Investments in affiliated companies",
    "Investments in unconsolidated subsidiaries",
    "Investment in joint ventures",
    "Investments in associated companies",
)
# the data reads "investments in and advances to affiliates" as LongTermInvestments (investments and advances)
add(
    "bs",
    "nca",
    "EquityMethodInvestments|LongTermInvestments",
    "Investments in and advances to affiliated companies",
    "Investments in and advances to joint ventures",
)
add("bs", "nca", "LongTermInvestments", "Long-term investments", "Investments")
add(
    "bs",
    "oa",
    "OtherAssetsNoncurrent",
    "Other assets and deferred charges",
    "Deferred charges and other assets",
    "Other noncurrent assets",
    "Other assets",
    "Deferred charges and other",
    "Other long-term assets",
)
add(
    "bs",
    "nca",
    "DeferredTaxAssetsNetNoncurrent|DeferredIncomeTaxAssetsNet",
    "Deferred income taxes",
    "Deferred tax assets",
)
add("bs", "nca", "CapitalizedComputerSoftwareNet", "Capitalized software, net")
add("bs", "nca", "ext", "Notes receivable", "Net assets of discontinued operations")
add("bs", "ta", "Assets", "Total assets", "TOTAL ASSETS", "Total Assets")
# ---- balance sheet: current liabilities
add(
    "bs",
    "cl",
    "ShortTermBorrowings",
    "Notes payable to banks",
    "Notes payable",
    "Short-term borrowings",
    "Bank loans",
    "Commercial paper",
    "Short-term debt",
    "Loans payable",
    "Notes payable - banks",
    "Bank borrowings",
    "Borrowings under line of credit",
)
add(
    "bs",
    "cl",
    "LongTermDebtCurrent",
    "Current maturities of long-term debt",
    "Current portion of long-term debt",
    "Long-term debt due within one year",
    "Current installments of long-term debt",
    "Current maturities of long-term obligations",
    "Current portion of long-term obligations",
    "Long-term debt - current portion",
    "CURRENT PORTION OF LONG-TERM DEBT",
)
add(
    "bs",
    "cl",
    "LongTermDebtAndCapitalLeaseObligationsCurrent|LongTermDebtCurrent",
    "Current portion of long-term debt and capital lease obligations",
    "Current maturities of long-term debt and capital lease obligations",
)
add(
    "bs",
    "cl",
    "ext",
    "Current portion of capital lease obligations",
    "Accrued warranty costs",
    "Accrued insurance",
)
add(
    "bs",
    "cl",
    "DebtCurrent|ShortTermBorrowings",
    "Short-term debt and current maturities of long-term debt",
    "Notes payable and current portion of long-term debt",
    "Short-term borrowings and current portion of long-term debt",
)
add(
    "bs",
    "ap",
    "AccountsPayableCurrent",
    "Accounts payable - trade",
    "Trade accounts payable",
    "Accounts payable, trade",
    "ACCOUNTS PAYABLE",
    "Trade payables",
)
add(
    "bs",
    "cl",
    "EmployeeRelatedLiabilitiesCurrent",
    "Accrued salaries and wages",
    "Accrued wages and salaries",
    "Salaries, wages and commissions",
    "Accrued compensation and related benefits",
    "Accrued employee compensation",
    "Accrued payroll and employee benefits",
    "Accrued salaries, wages and employee benefits",
    "Accrued compensation",
    "Accrued payroll",
    "Accrued salaries and benefits",
    "Accrued compensation and benefits",
    "Accrued payroll and related expenses",
    "Compensation and benefits",
    "Accrued employee benefits",
    "Accrued wages and benefits",
    "Salaries and wages payable",
    "Accrued payroll and related taxes",
)
add(
    "bs",
    "itp",
    "AccruedIncomeTaxesCurrent|TaxesPayableCurrent",
    "Federal and state income taxes payable",
    "Federal, state and foreign income taxes",
    "Accrued income taxes",
    "Income taxes currently payable",
    "Accrued federal income taxes",
    "Federal income taxes",
    "Income taxes",
    "Taxes on income",
    "United States and foreign income taxes",
    "Federal and state income taxes",
    "Income and other taxes payable",
    "Accrued taxes on income",
    "INCOME TAXES PAYABLE",
)
add(
    "bs",
    "cl",
    "TaxesPayableCurrent",
    "Accrued taxes",
    "Taxes, other than income taxes",
    "Taxes payable",
    "Accrued taxes other than income taxes",
    "Other taxes",
)
add("bs", "cl", "InterestPayableCurrent", "Accrued interest", "Interest payable", "Accrued interest payable")
add("bs", "cl", "DividendsPayableCurrent", "Dividends payable", "Accrued dividends")
add(
    "bs",
    "al",
    "AccruedLiabilitiesCurrent|OtherAccruedLiabilitiesCurrent|OtherLiabilitiesCurrent",
    "Accrued expenses",
    "Accrued and other current liabilities",
    "Accrued expenses and other current liabilities",
    "Other accrued liabilities",
    "Accrued liabilities - other",
    "Accrued expenses and other liabilities",
    "Accrued liabilities and other",
    "Other accrued expenses",
    "ACCRUED LIABILITIES",
    "Accrued Expenses",
)
add(
    "bs",
    "ap",
    "AccountsPayableAndAccruedLiabilitiesCurrent",
    "Accounts payable and accrued expenses",
    "Accounts payable and accrued liabilities",
    "Accounts payable and accrued expenses",
)
add(
    "bs",
    "cl",
    "DeferredRevenueCurrent",
    "Deferred revenue",
    "Unearned revenue",
    "Customer deposits",
    "Advances from customers",
    "Deferred income",
    "Customer advances and deposits",
)
add("bs", "cl", "RestructuringReserveCurrent", "Accrued restructuring costs", "Restructuring reserve")
add("bs", "cl", "OtherLiabilitiesCurrent", "Other current liabilities", "Other")
add("bs", "tcl", "LiabilitiesCurrent", "Total current liabilities", "TOTAL CURRENT LIABILITIES")
# ---- balance sheet: noncurrent liabilities
add(
    "bs",
    "ltd",
    "LongTermDebtNoncurrent|LongTermDebt|LongTermDebtAndCapitalLeaseObligations",
    "Long-term debt, less current maturities",
    "Long-term debt, less current portion",
    "Long-term debt, excluding current installments",
    "Long-term debt, net of current portion",
    "Long-term obligations",
    "Long-term borrowings",
    "Long-term debt (Note 5)",
    "LONG-TERM DEBT",
    "Long-term debt, net of current maturities",
    "Long-term debt, excluding current maturities",
    "Long-term debt, less current installments",
    "Long-term debt and capital lease obligations",
    "Long-term debt, less amounts due within one year",
)
add(
    "bs",
    "ncl",
    "CapitalLeaseObligationsNoncurrent",
    "Capital lease obligations",
    "Obligations under capital leases",
)
add(
    "bs",
    "dit",
    "DeferredTaxLiabilitiesNoncurrent",
    "Deferred income taxes",
    "Deferred tax liabilities",
    "Deferred income tax liabilities",
    "Deferred taxes",
    "Accumulated deferred income taxes",
    "Deferred federal income taxes",
    "Deferred taxes on income",
    "Deferred income taxes and other",
    "DEFERRED INCOME TAXES",
)
add(
    "bs",
    "ncl",
    "AccumulatedDeferredInvestmentTaxCredit",
    "Accumulated deferred investment tax credits",
    "Unamortized investment tax credits",
    "Deferred investment tax credits",
)
add(
    "bs",
    "ncl",
    "PensionAndOtherPostretirementDefinedBenefitPlansLiabilitiesNoncurrent",
    "Postretirement benefits other than pensions",
    "Accrued postretirement benefit cost",
    "Accrued pension costs",
    "Accrued postretirement benefits",
    "Pension liability",
    "Accrued retiree health care",
    "Postretirement benefit obligation",
    "Accrued postretirement benefits other than pensions",
)
add(
    "bs",
    "ncl",
    "OtherLiabilitiesNoncurrent",
    "Other long-term liabilities",
    "Other noncurrent liabilities",
    "Deferred credits and other liabilities",
    "Other liabilities and deferred credits",
    "Other liabilities",
    "Deferred credits and other noncurrent liabilities",
)
add("bs", "ncl", "OtherLiabilitiesNoncurrent|ext", "Deferred credits")
add(
    "bs",
    "ncl",
    "MinorityInterest",
    "Minority interest in subsidiaries",
    "Minority interests",
    "Minority interest in consolidated subsidiaries",
    "Minority interest",
)
add("bs", "ncl", "TemporaryEquityCarryingAmountAttributableToParent", "Redeemable preferred stock")
# ---- balance sheet: equity
add(
    "bs",
    "cs",
    "CommonStockValue",
    "Common stock, $1 par value; authorized 50,000,000 shares",
    "Common stock, par value $.10 per share",
    "Common shares, without par value",
    "Common stock, $.01 par value",
    "Common stock - $1 par value",
    "Common stock, no par value",
    "Common stock, $1.00 par value",
    "Common stock, par value $1 per share; authorized 100,000,000 shares; issued 25,000,000 shares",
    "Common Stock, $.10 par value",
)
add("bs", "cs", "CommonStockValue|ext", "Capital stock", "Class A common stock")
add(
    "bs",
    "eq",
    "PreferredStockValue",
    "Preferred stock, $100 par value",
    "Preferred stock",
    "Cumulative preferred stock",
)
add(
    "bs",
    "apic",
    "AdditionalPaidInCapital",
    "Capital in excess of par value",
    "Paid-in capital",
    "Additional capital",
    "Capital surplus",
    "Paid-in surplus",
    "Other paid-in capital",
    "Capital in excess of stated value",
    "Additional paid-in-capital",
    "Capital in excess of par value of stock",
    "Capital contributed in excess of par value",
    "Paid-in capital in excess of par value",
    "ADDITIONAL PAID-IN CAPITAL",
)
add(
    "bs",
    "re",
    "RetainedEarningsAccumulatedDeficit",
    "Earnings retained in the business",
    "Earnings retained for use in the business",
    "Retained earnings (deficit)",
    "Reinvested earnings",
    "Earnings reinvested in the business",
    "Accumulated earnings",
    "Earned surplus",
    "Retained income",
    "Retained earnings (accumulated deficit)",
    "Earnings retained",
    "RETAINED EARNINGS",
    "Retained Earnings",
    "Income retained in the business",
    "Earnings employed in the business",
)
add(
    "bs",
    "eq",
    "AccumulatedOtherComprehensiveIncomeLossForeignCurrencyTranslationAdjustmentNetOfTax",
    "Cumulative translation adjustment",
    "Foreign currency translation adjustment",
    "Cumulative foreign currency translation adjustments",
    "Currency translation adjustment",
    "Cumulative translation adjustments",
    "Foreign currency translation adjustments",
    sign=-1,
)
add(
    "bs",
    "eq",
    "AccumulatedOtherComprehensiveIncomeLossAvailableForSaleSecuritiesAdjustmentNetOfTax",
    "Unrealized gain on available-for-sale securities, net of tax",
    "Net unrealized gain on investments",
    "Unrealized holding gains (losses) on securities",
    "Unrealized gain on securities available for sale",
)
add(
    "bs",
    "eq",
    "AccumulatedOtherComprehensiveIncomeLossDefinedBenefitPensionAndOtherPostretirementPlansNetOfTax",
    "Minimum pension liability adjustment",
    "Minimum pension liability",
    sign=-1,
)
add(
    "bs",
    "eq",
    "AccumulatedOtherComprehensiveIncomeLossNetOfTax",
    "Accumulated other comprehensive income (loss)",
    "Accumulated other comprehensive income",
    sign=-1,
)
add(
    "bs",
    "eq",
    "TreasuryStockValue",
    "Treasury stock, at cost",
    "Less cost of treasury stock",
    "Common stock in treasury, at cost",
    "Treasury shares, at cost",
    "Less: Treasury stock, at cost",
    "Less treasury stock, at cost",
    "Cost of common shares in treasury",
    "Common stock held in treasury, at cost",
    "Treasury stock",
    sign=-1,
)
add("bs", "eq", "ext", "Unearned compensation", "Deferred compensation", sign=-1)
add("bs", "eq", "UnearnedESOPShares|ext", "Guaranteed ESOP obligation", "Unearned ESOP shares", sign=-1)
add(
    "bs",
    "eq",
    "ReceivableFromOfficersAndDirectorsForIssuanceOfCapitalStock|StockholdersEquityNoteSubscriptionsReceivable",
    "Notes receivable from officers",
    "Notes receivable from stockholders",
    sign=-1,
)
add(
    "bs",
    "tse",
    "StockholdersEquity",
    "Total stockholders' equity",
    "Total shareholders' investment",
    "Total stockholders' investment",
    "Total shareholders' equity (deficit)",
    "Total common shareholders' equity",
    "TOTAL STOCKHOLDERS' EQUITY",
    "Total shareowners' equity",
    "Total Stockholders' Equity",
    "Total stockholders' equity (deficit)",
    "Total common stockholders' equity",
)
add(
    "bs",
    "tlse",
    "LiabilitiesAndStockholdersEquity",
    "Total liabilities and shareholders' investment",
    "Total liabilities and stockholders' investment",
    "Total liabilities and capital",
    "TOTAL LIABILITIES AND STOCKHOLDERS' EQUITY",
    "Total liabilities and shareholders' equity",
    "Total Liabilities and Stockholders' Equity",
)

# ---- income statement
add(
    "is",
    "rev",
    "Revenues",
    "Net sales and operating revenues",
    "Net revenues",
    "Operating revenues",
    "Revenues, net",
    "Sales, net",
    "NET SALES",
    "Net Sales",
    "Total revenues",
    "Sales",
    "Revenues",
    "Net sales and revenues",
    "Sales and revenues",
    "Net operating revenues",
    "Total net sales",
    "Sales and operating revenues",
)
add(
    "is",
    "rev",
    "Revenues|RevenueFromContractWithCustomerExcludingAssessedTax|ext",
    "Contract revenues",
    "Net sales to customers",
)
add(
    "is",
    "cogs",
    "CostOfGoodsAndServicesSold|CostOfRevenue",
    "Cost of products sold",
    "Cost of goods sold",
    "Cost of sales and services",
    "Cost of sales, including occupancy costs",
    "Cost of merchandise sold",
    "Cost of products sold (exclusive of depreciation)",
    "Cost of sales (excluding depreciation)",
    "Costs of products sold, excluding depreciation and amortization",
    "Cost of revenues",
    "COST OF SALES",
    "Cost of Sales",
    "Cost of goods sold, buying and occupancy costs",
    "Cost of sales, buying and occupancy",
    "Cost of operations",
    "Cost of products and services sold",
    "Costs of goods sold",
    "Cost of sales, exclusive of depreciation and amortization",
    "Costs of sales",
    "Cost of goods and services sold",
    "Cost of sales and operating expenses",
    "Product costs",
    "Manufacturing cost of sales",
)
add(
    "is",
    "sga",
    "SellingGeneralAndAdministrativeExpense",
    "Marketing, general and administrative",
    "Selling, general and administrative expenses",
    "Selling, administrative and general",
    "General, selling and administrative expenses",
    "Selling, general, and administrative",
    "Administrative and selling expenses",
    "Selling, general & administrative",
    "Selling and general expenses",
    "Selling and administrative",
    "Selling, general and administrative costs",
    "Marketing and administrative expenses",
    "SELLING, GENERAL AND ADMINISTRATIVE",
    "Selling, General and Administrative",
    "Selling, marketing and administrative",
    "Selling, general and administrative expense",
    "Selling and administrative expenses",
    "Marketing, administrative and other expenses",
    "Selling, general and administrative expenses (Note 4)",
    "Selling and general administrative",
    "General, administrative and selling",
    "Selling, administrative and other expenses",
    "Selling, general, administrative and other",
)
add(
    "is",
    "exp",
    "GeneralAndAdministrativeExpense",
    "General and administrative",
    "General and administrative expenses",
    "Administrative expenses",
)
add(
    "is",
    "exp",
    "SellingAndMarketingExpense",
    "Selling and marketing",
    "Marketing and selling expenses",
    "Selling expenses",
    "Advertising and promotion|ext",
)
add(
    "is",
    "exp",
    "ResearchAndDevelopmentExpense",
    "Research, development and engineering",
    "Research and development costs",
    "Research and development expenses",
    "Engineering and development",
    "Research and engineering",
    "Research, development and engineering expenses",
    "Research & development",
    "Research and development",
    "Product research and development",
    "Research and development expense",
    "Engineering, research and development",
    "RESEARCH AND DEVELOPMENT",
)
add(
    "is",
    "exp",
    "DepreciationDepletionAndAmortization|DepreciationAndAmortization",
    "Depreciation and amortization",
    "Depreciation, depletion and amortization",
    "Depreciation and amortization expense",
    "DEPRECIATION AND AMORTIZATION",
    "Depreciation, amortization and depletion",
)
add("is", "exp", "Depreciation|DepreciationDepletionAndAmortization", "Provision for depreciation")
add("is", "exp", "Depreciation", "Depreciation")
add(
    "is",
    "exp",
    "AmortizationOfIntangibleAssets|ext",
    "Amortization of goodwill",
    "Amortization of intangibles",
    "Amortization of goodwill and other intangibles",
)
add(
    "is",
    "exp",
    "RestructuringCharges|RestructuringSettlementAndImpairmentProvisions",
    "Restructuring charges",
    "Provision for restructuring",
    "Restructuring and other nonrecurring charges",
    "Restructuring costs",
    "Restructuring charge",
    "Nonrecurring charges",
    "Special charges",
    "Unusual charges",
    "Restructuring and unusual charges",
    "Restructuring and other charges",
    "Nonrecurring charge",
    "Unusual items",
)
add(
    "is",
    "exp",
    "BusinessCombinationAcquisitionRelatedCosts",
    "Merger-related costs",
    "Merger costs",
    "Merger and integration costs",
)
add(
    "is",
    "exp",
    "AssetImpairmentCharges|ImpairmentOfLongLivedAssetsHeldForUse",
    "Write-down of assets",
    "Asset write-downs",
    "Impairment of long-lived assets",
    "Asset impairment charge",
)
add("is", "exp", "ext", "Plant closing costs", "Provision for plant closings")
add(
    "is",
    "exp",
    "TaxesExcludingIncomeAndExciseTaxes",
    "Taxes other than income taxes",
    "Taxes, other than income taxes",
)
add("is", "exp", "OtherCostAndExpenseOperating", "Other operating expenses", "Other expenses")
add("is", "exp", "ProvisionForDoubtfulAccounts", "Provision for doubtful accounts", "Bad debt expense")
add(
    "is",
    "exp",
    "LaborAndRelatedExpense",
    "Salaries and wages",
    "Salaries and employee benefits",
    "Employee compensation and benefits",
)
add("is", "exp", "OperatingLeaseExpense", "Rent expense", "Rentals", "Rent")
add(
    "is",
    "int",
    "InterestExpense",
    "Interest expense",
    "Interest",
    "Interest charges",
    "Interest on long-term debt",
    "Interest and debt expense",
    "INTEREST EXPENSE",
    "Interest expense (Note 5)",
    sign=-1,
)
add(
    "is",
    "int",
    "InterestIncomeExpenseNet|InterestExpense",
    "Interest expense, net",
    "Interest, net",
    "Net interest expense",
    sign=-1,
)
add(
    "is",
    "oth",
    "InvestmentIncomeInterest|InvestmentIncomeInterestAndDividend",
    "Interest income",
    "Interest and dividend income",
    "Investment income",
    "Interest and investment income",
    "Interest earned",
)
add(
    "is",
    "oth",
    "InvestmentIncomeInterest|OtherNonoperatingIncomeExpense|NonoperatingIncomeExpense|InvestmentIncomeInterestAndDividend",
    "Interest and other income, net",
    "Interest and other income",
)
add(
    "is",
    "oth",
    "OtherNonoperatingIncomeExpense|NonoperatingIncomeExpense",
    "Other income (expense), net",
    "Other (income) expense",
    "Other income (deductions), net",
    "Miscellaneous income",
    "Other income - net",
    "Other, net",
    "Other income (expense)",
    "Miscellaneous, net",
    "Other expense, net",
    "Other income, net",
    "OTHER INCOME (EXPENSE), NET",
    "Other deductions, net",
    "Other (income) expense, net",
    "Other income and expense, net",
    "Other expense (income), net",
    "Other non-operating income (expense)",
    "Nonoperating income, net",
    "Other - net",
    "Sundry income (expense), net",
)
add("is", "oth", "OtherIncome|OtherNonoperatingIncomeExpense", "Other income")
add(
    "is",
    "oth",
    "IncomeLossFromEquityMethodInvestments",
    "Equity in earnings of unconsolidated affiliates",
    "Equity in net earnings of affiliates",
    "Equity in earnings of affiliates",
    "Equity in income of joint ventures",
    "Equity in net income of unconsolidated subsidiaries",
    "Equity in earnings of affiliated companies",
    "Equity in net earnings of unconsolidated affiliates",
    "Equity in earnings (losses) of joint ventures",
    "Equity in income of affiliates",
)
add(
    "is",
    "oth",
    "GainLossOnInvestments",
    "Gain on sale of investments",
    "Gain on sale of securities",
    "Gains on sales of investments",
)
add(
    "is",
    "oth",
    "GainLossOnSaleOfPropertyPlantEquipment|GainLossOnDispositionOfAssets",
    "Gain on sale of assets",
    "Gain on sale of property",
    "Gain (loss) on sale of assets",
    "Loss on sale of assets",
    "Gain on disposal of assets",
)
add(
    "is",
    "oth",
    "ext|GainLossOnDispositionOfAssets",
    "Gain on sale of business",
    "Gain on sale of subsidiary",
    "Gain on sale of division",
)
add("is", "oth", "GainsLossesOnExtinguishmentOfDebt", "Loss on early extinguishment of debt", sign=-1)
add(
    "is",
    "aftertax",
    "NetIncomeLossAttributableToNoncontrollingInterest",
    "Minority interest in earnings of consolidated subsidiaries",
    "Minority interest in net earnings of subsidiaries",
    "Minority interests in income of consolidated subsidiaries",
    "Minority interest",
    "Minority interests",
    "Minority interest in income of subsidiaries",
    "Minority interests in net income of consolidated subsidiaries",
    sign=-1,
)
add(
    "is",
    "tax",
    "IncomeTaxExpenseBenefit",
    "Provision for income taxes",
    "Income taxes",
    "Provision for federal and state income taxes",
    "Federal and state income taxes",
    "Income tax provision (benefit)",
    "Taxes on income",
    "Provision for income taxes (Note 5)",
    "Income tax expense (benefit)",
    "Federal, state and foreign income taxes",
    "Provision (benefit) for income taxes",
    "Provision for federal income taxes",
    "Applicable income taxes",
    "Income taxes (Note 7)",
    "PROVISION FOR INCOME TAXES",
    "Provision for Income Taxes",
    "Income Taxes",
    "Income tax expense",
    "Provision for taxes on income",
    "Income tax provision",
    "Estimated income taxes",
    "Provision for taxes",
    "Federal and foreign income taxes",
    "Provision for income taxes (benefit)",
    "Income taxes (benefit)",
    "Federal income taxes",
    "U.S. and foreign income taxes",
    "Provision for U.S. and foreign income taxes",
    "Total income taxes",
)
add(
    "is",
    "ibt",
    "IncomeLossFromContinuingOperationsBeforeIncomeTaxesExtraordinaryItemsNoncontrollingInterest|IncomeLossFromContinuingOperationsBeforeIncomeTaxesMinorityInterestAndIncomeLossFromEquityMethodInvestments",
    "Earnings before income taxes",
    "Income before provision for income taxes",
    "Income before taxes on income",
    "Income before federal income taxes",
    "Earnings before provision for income taxes",
    "Income before income taxes and minority interest",
    "Earnings before income taxes and minority interest",
    "Income from continuing operations before provision for income taxes",
    "Earnings (loss) before income taxes",
    "Income (loss) before income tax expense (benefit)",
    "Income before income taxes and extraordinary charge",
    "Earnings before federal income taxes",
    "Pretax earnings",
    "INCOME BEFORE INCOME TAXES",
    "Income Before Income Taxes",
    "Income before taxes",
    "Income before income taxes",
    "Earnings before taxes on income",
    "Income (loss) before income taxes",
    "Income before provision for federal income taxes",
    "Earnings before income taxes and extraordinary item",
    "Income before income taxes and cumulative effect of accounting change",
    "Pre-tax income",
    "Income before income taxes and extraordinary item",
    "Earnings from continuing operations before income taxes",
    "Income before provision for income taxes and extraordinary item",
    "Income before taxes and minority interest",
    "Income before income tax expense",
    "Income before income tax provision",
)
add(
    "is",
    "oi",
    "OperatingIncomeLoss",
    "Operating profit",
    "Income from operations",
    "Earnings from operations",
    "Operating income (loss)",
    "Income (loss) from operations",
    "Profit from operations",
    "OPERATING INCOME",
    "Operating Income",
    "Operating earnings",
    "Earnings from operations before other items",
)
add(
    "is",
    "tce",
    "CostsAndExpenses|OperatingExpenses|OperatingCostsAndExpenses",
    "Total costs and expenses",
    "Total operating costs and expenses",
    "Total expenses",
    "Total operating expenses",
    "Total cost and expenses",
    "TOTAL COSTS AND EXPENSES",
    "Total costs and operating expenses",
)
add(
    "is",
    "ni",
    "NetIncomeLoss",
    "Net earnings",
    "Net income (loss)",
    "NET EARNINGS",
    "Net earnings (loss)",
    "Net income (loss) for the year",
    "Net profit",
    "NET INCOME",
    "Net Income",
    "Net loss",
    "Net Earnings",
    "Net income for the year",
)
add(
    "is",
    "eps",
    "EarningsPerShareBasic",
    "Net income per common share",
    "Earnings per share",
    "Net earnings per common share",
    "Net income per share - primary",
    "Earnings per share - primary",
    "Primary earnings per share",
    "Income per share",
    "Net income per share of common stock",
    "Earnings (loss) per common share",
    "Earnings per common share",
    "NET INCOME PER SHARE",
    "Net Income Per Share",
    "Net income per share",
    "Earnings per share of common stock",
    "Net earnings per share",
    "Net income per common share - basic",
    "Basic earnings per share",
    "Earnings per share - basic",
    "Net earnings per share - basic",
    "Net income (loss) per share",
    "Net income (loss) per common share",
    "Per share - net income",
    "Earnings per common share - primary",
)
add(
    "is",
    "eps",
    "EarningsPerShareBasic|EarningsPerShareDiluted",
    "Earnings per common and common equivalent share",
    "Net income per common and common equivalent share",
    "Net earnings per common and common equivalent share",
    "Net income per share (primary and fully diluted)",
)
add(
    "is",
    "ps",
    "EarningsPerShareDiluted",
    "Fully diluted earnings per share",
    "Earnings per share - fully diluted",
    "Net income per share - assuming full dilution",
    "Diluted earnings per share",
    "Net income per share - diluted",
    "Earnings per share - assuming dilution",
    "Net income per common share - diluted",
    unit="ps",
)
add(
    "is",
    "ps",
    "CommonStockDividendsPerShareDeclared|CommonStockDividendsPerShareCashPaid",
    "Dividends per share",
    "Cash dividends declared per common share",
    "Dividends declared per share",
    "Cash dividends per share",
    "Dividends paid per share",
    "Cash dividends per common share",
    "Dividends per common share",
    unit="ps",
)
add(
    "is",
    "shs",
    "WeightedAverageNumberOfSharesOutstandingBasic",
    "Weighted average number of common shares outstanding",
    "Average shares outstanding",
    "Shares used in computing net income per share",
    "Weighted average shares",
    "Average number of shares outstanding",
    "Weighted average common shares outstanding",
    "Average common shares outstanding",
    "Weighted average number of shares",
    "Average number of common shares",
    "Weighted average number of shares outstanding",
    "Shares used in per share calculations",
    "Weighted average shares outstanding - basic",
    "Average shares outstanding (in thousands)",
)
add(
    "is",
    "shs",
    "WeightedAverageNumberOfSharesOutstandingBasic|WeightedAverageNumberOfDilutedSharesOutstanding",
    "Weighted average common and common equivalent shares outstanding",
    "Average number of common shares and equivalents outstanding",
    "Weighted average common and common equivalent shares",
)
add(
    "is",
    "aftertax",
    "IncomeLossFromDiscontinuedOperationsNetOfTax",
    "Income from discontinued operations, net of income taxes",
    "Discontinued operations, net of tax",
    "Loss from discontinued operations",
    "Income (loss) from discontinued operations",
    "Income from discontinued operations, net of tax",
    "Discontinued operations",
)
add(
    "is",
    "aftertax",
    "ext",
    "Extraordinary loss on early extinguishment of debt, net of income taxes",
    "Cumulative effect of change in accounting principle",
    "Extraordinary item",
    "Cumulative effect of accounting change, net of tax",
    "Extraordinary loss, net of tax benefit",
    sign=-1,
)

# ---- cash flow statement
add(
    "cf",
    "ni",
    "NetIncomeLoss",
    "Net earnings",
    "Net income (loss)",
    "NET INCOME",
    "Net loss",
    "Net earnings (loss)",
)
add(
    "cf",
    "da",
    "DepreciationDepletionAndAmortization|DepreciationAndAmortization",
    "Depreciation, depletion and amortization",
    "Provision for depreciation and amortization",
    "Depreciation and amortization of property, plant and equipment",
    "Depreciation and amortization",
    "DEPRECIATION AND AMORTIZATION",
    "Depreciation, amortization and depletion",
    "Depreciation and amortization expense",
    "Depreciation & amortization",
)
add("cf", "adj", "Depreciation", "Depreciation")
add(
    "cf",
    "adj",
    "AmortizationOfIntangibleAssets|ext",
    "Amortization of goodwill",
    "Amortization of intangible assets",
    "Amortization of intangibles",
)
add(
    "cf",
    "dt",
    "DeferredIncomeTaxExpenseBenefit",
    "Deferred taxes",
    "Provision for deferred income taxes",
    "Deferred income tax provision (benefit)",
    "Deferred income taxes (benefit)",
    "Deferred tax provision",
    "Deferred federal income taxes",
    "Deferred income taxes",
    "Deferred income tax expense (benefit)",
    "Deferred income tax provision",
    "Deferred income taxes and investment tax credits",
    "Deferred tax expense (benefit)",
    "Provision (benefit) for deferred income taxes",
    "Deferred taxes on income",
    "DEFERRED INCOME TAXES",
)
add(
    "cf",
    "adj",
    "ProvisionForDoubtfulAccounts",
    "Provision for doubtful accounts",
    "Provision for losses on accounts receivable",
    "Provision for bad debts",
    "Bad debt expense",
)
add(
    "cf",
    "adj",
    "GainLossOnSaleOfPropertyPlantEquipment|GainLossOnDispositionOfAssets",
    "Gain on sale of property, plant and equipment",
    "(Gain) loss on sale of property, plant and equipment",
    "Loss (gain) on disposal of assets",
    "Gain on sale of assets",
    "Net gain on sale of assets",
    "(Gain) loss on sales of assets",
    "Loss on disposal of property and equipment",
    "(Gain) loss on disposal of property and equipment",
    "Gain on sales of property",
    "Net (gain) loss on sale of property",
    sign=-1,
)
add(
    "cf",
    "adj",
    "GainLossOnInvestments",
    "Gain on sale of investments",
    "(Gain) loss on sale of investments",
    "Gain on sale of marketable securities",
    sign=-1,
)
add(
    "cf",
    "adj",
    "IncomeLossFromEquityMethodInvestments",
    "Equity in earnings of affiliates",
    "Equity in (earnings) losses of affiliates",
    "Equity in net income of affiliates",
    sign=-1,
)
add(
    "cf",
    "adj",
    "IncomeLossFromEquityMethodInvestmentsNetOfDividendsOrDistributions",
    "Equity in earnings of affiliates, net of dividends received",
    "Undistributed earnings of affiliates",
    "Equity in undistributed earnings of affiliates",
    "Undistributed equity in earnings of affiliates",
    "Equity in earnings of affiliates, net of dividends",
    sign=-1,
)
add(
    "cf",
    "adj",
    "NetIncomeLossAttributableToNoncontrollingInterest",
    "Minority interest",
    "Minority interest in earnings of subsidiaries",
    "Minority interests in net income",
)
add(
    "cf",
    "adj",
    "RestructuringCharges|RestructuringSettlementAndImpairmentProvisions",
    "Restructuring charges",
    "Provision for restructuring",
    "Noncash restructuring charges",
    "Restructuring and other charges",
    "Special charges",
    "Restructuring costs",
)
add(
    "cf",
    "adj",
    "ShareBasedCompensation|ext",
    "Compensation expense related to stock plans",
    "Stock-based compensation",
    "Amortization of unearned compensation",
    "Amortization of deferred compensation",
)
add(
    "cf",
    "adj",
    "AmortizationOfDeferredCharges|ext",
    "Amortization of deferred financing costs",
    "Amortization of deferred charges",
)
add(
    "cf",
    "adj",
    "AssetImpairmentCharges|ImpairmentOfLongLivedAssetsHeldForUse",
    "Write-down of assets",
    "Asset impairment charges",
    "Impairment of long-lived assets",
    "Asset write-downs",
)
add(
    "cf",
    "adj",
    "OtherOperatingActivitiesCashFlowStatement",
    "Other, net",
    "Other",
    "Other - net",
    "Other items, net",
    "Other non-cash items",
    "Other noncash items, net",
)
add("cf", "adj", "GainsLossesOnExtinguishmentOfDebt", "Loss on early extinguishment of debt")
add("cf", "adj", "ext|GainsLossesOnExtinguishmentOfDebt", "Extraordinary loss on extinguishment of debt")
add(
    "cf",
    "adj",
    "ext",
    "Cumulative effect of accounting change",
    "Cumulative effect of change in accounting principle",
)
add("cf", "adj", "InventoryWriteDown", "Inventory write-downs", "Write-down of inventories")
add(
    "cf",
    "adj",
    "PensionAndOtherPostretirementBenefitExpense|ext",
    "Postretirement benefits",
    "Pension expense",
    "Postretirement benefits other than pensions",
)
# working capital under "Changes in operating assets and liabilities:"
add(
    "cf",
    "ar",
    "IncreaseDecreaseInAccountsReceivable|IncreaseDecreaseInReceivables",
    "Receivables",
    "Trade receivables",
    "Accounts and notes receivable",
    "Accounts receivable, net",
    "Trade accounts receivable",
    "ACCOUNTS RECEIVABLE",
    sign=-1,
)
add(
    "cf",
    "invest",
    "IncreaseDecreaseInInventories",
    "Inventory",
    "Merchandise inventories",
    "Inventories",
    sign=-1,
)
add(
    "cf",
    "wc",
    "IncreaseDecreaseInPrepaidExpense|IncreaseDecreaseInPrepaidDeferredExpenseAndOtherAssets",
    "Prepaid expenses",
    "Prepaid expenses and other",
    sign=-1,
)
add(
    "cf",
    "wc",
    "IncreaseDecreaseInPrepaidDeferredExpenseAndOtherAssets|IncreaseDecreaseInOtherCurrentAssets",
    "Prepaid expenses and other current assets",
    "Prepaid expenses and other assets",
    sign=-1,
)
add("cf", "wc", "IncreaseDecreaseInOtherCurrentAssets", "Other current assets", sign=-1)
add("cf", "wc", "IncreaseDecreaseInOtherOperatingAssets", "Other assets", "Other noncurrent assets", sign=-1)
add(
    "cf",
    "ap",
    "IncreaseDecreaseInAccountsPayable",
    "Trade accounts payable",
    "Accounts payable - trade",
    "Accounts payable",
)
add(
    "cf",
    "wc",
    "IncreaseDecreaseInAccruedLiabilities",
    "Accrued liabilities",
    "Accrued expenses",
    "Accrued expenses and other liabilities",
    "Other accrued liabilities",
    "Accrued liabilities and other",
)
add(
    "cf",
    "ap",
    "IncreaseDecreaseInAccountsPayableAndAccruedLiabilities",
    "Accounts payable and accrued expenses",
    "Accounts payable and accrued liabilities",
    "Accounts payable and other accrued liabilities",
)
add(
    "cf",
    "wc",
    "IncreaseDecreaseInAccruedIncomeTaxesPayable",
    "Accrued income taxes",
    "Income taxes payable",
    "Income taxes",
    "Federal income taxes payable",
    "Accrued taxes on income",
    "Taxes on income",
)
add(
    "cf",
    "wc",
    "IncreaseDecreaseInOtherOperatingLiabilities",
    "Other liabilities",
    "Other current liabilities|ext",
)
add(
    "cf",
    "wc",
    "IncreaseDecreaseInDeferredRevenue",
    "Deferred revenue",
    "Unearned revenue",
    "Customer deposits",
)
add(
    "cf",
    "wc",
    "IncreaseDecreaseInRestructuringReserve",
    "Accrued restructuring costs",
    "Restructuring reserves",
)
add(
    "cf",
    "wc",
    "IncreaseDecreaseInOtherOperatingCapitalNet|OtherOperatingActivitiesCashFlowStatement",
    "Other, net",
    "Other",
)
# changes named by verb, directly under "Adjustments ..."
add(
    "cf",
    "adj",
    "IncreaseDecreaseInAccountsReceivable|IncreaseDecreaseInReceivables",
    "Increase in accounts receivable",
    "(Increase) decrease in accounts receivable",
    "Decrease (increase) in accounts receivable",
    "Change in accounts receivable",
    "Accounts receivable (increase) decrease",
    "(Increase) decrease in receivables",
    "Increase in receivables",
    "Net change in receivables",
    "Decrease in accounts receivable",
    "(Increase) decrease in trade receivables",
    "(Increase) in accounts receivable",
    "Increase in trade accounts receivable",
    sign=-1,
)
add(
    "cf",
    "adj",
    "IncreaseDecreaseInInventories",
    "Decrease (increase) in inventories",
    "(Increase) decrease in inventories",
    "Increase in inventories",
    "Change in inventories",
    "Inventories (increase) decrease",
    "Decrease in inventories",
    "(Increase) decrease in inventory",
    "Increase in inventory",
    sign=-1,
)
add(
    "cf",
    "adj",
    "IncreaseDecreaseInPrepaidExpense|IncreaseDecreaseInPrepaidDeferredExpenseAndOtherAssets|IncreaseDecreaseInOtherCurrentAssets",
    "Increase in prepaid expenses",
    "(Increase) decrease in prepaid expenses and other current assets",
    "(Increase) decrease in prepaid expenses",
    "Decrease (increase) in prepaid expenses and other",
    sign=-1,
)
add(
    "cf",
    "adj",
    "IncreaseDecreaseInOtherCurrentAssets",
    "(Increase) decrease in other current assets",
    "Increase in other current assets",
    sign=-1,
)
add(
    "cf",
    "adj",
    "IncreaseDecreaseInOtherOperatingAssets",
    "Decrease in other assets",
    "(Increase) decrease in other assets",
    sign=-1,
)
add(
    "cf",
    "adj",
    "IncreaseDecreaseInAccountsPayable",
    "Increase (decrease) in accounts payable",
    "Increase in accounts payable",
    "(Decrease) increase in accounts payable",
    "Change in accounts payable",
    "Accounts payable increase (decrease)",
    "Increase (decrease) in trade accounts payable",
)
add(
    "cf",
    "adj",
    "IncreaseDecreaseInAccruedLiabilities",
    "Increase (decrease) in accrued liabilities",
    "Increase (decrease) in accrued expenses",
    "(Decrease) increase in accrued liabilities",
    "Increase in accrued expenses",
    "Increase (decrease) in accrued expenses and other liabilities",
    "Change in accrued liabilities",
)
add(
    "cf",
    "adj",
    "IncreaseDecreaseInAccountsPayableAndAccruedLiabilities",
    "Increase (decrease) in accounts payable and accrued expenses",
    "Changes in accounts payable and accrued liabilities",
    "Increase in accounts payable and accrued liabilities",
    "(Decrease) increase in accounts payable and accrued expenses",
)
add(
    "cf",
    "adj",
    "IncreaseDecreaseInAccruedIncomeTaxesPayable",
    "Increase (decrease) in income taxes payable",
    "(Decrease) increase in accrued income taxes",
    "Increase in income taxes payable",
    "Increase (decrease) in accrued income taxes",
    "Change in income taxes payable",
    "Increase (decrease) in taxes on income",
)
add(
    "cf",
    "adj",
    "IncreaseDecreaseInOtherOperatingLiabilities",
    "Increase in other liabilities",
    "Increase (decrease) in other liabilities",
)
add(
    "cf",
    "adj",
    "IncreaseDecreaseInDeferredRevenue",
    "Increase (decrease) in deferred revenue",
    "Increase in deferred revenue",
)
add(
    "cf",
    "adj",
    "IncreaseDecreaseInOperatingCapital",
    "Changes in operating assets and liabilities, net of effects of acquisitions",
    "Decrease (increase) in working capital",
    "Changes in working capital",
    "Net change in working capital items",
    "Changes in assets and liabilities",
    "Net changes in operating assets and liabilities",
    "Change in operating assets and liabilities",
    "Changes in operating working capital",
    sign=-1,
)
add(
    "cf",
    "ncfo",
    "NetCashProvidedByUsedInOperatingActivities",
    "Net cash from operating activities",
    "Cash provided by operations",
    "Net cash provided by operations",
    "Net cash flow from operating activities",
    "Cash flows from operations",
    "NET CASH PROVIDED BY OPERATING ACTIVITIES",
    "Net cash provided by (used for) operating activities",
    "Cash generated from operations",
    "Net cash provided by operating activities",
    "Cash provided by operating activities",
    "Net Cash Provided by Operating Activities",
    "Net cash flows provided by operating activities",
    "Net cash provided by (used in) operating activities",
    "Total cash provided by operating activities",
    "Cash flow from operations",
    "Net cash (used in) provided by operating activities",
)
# investing
add(
    "cf",
    "capex",
    "PaymentsToAcquirePropertyPlantAndEquipment",
    "Additions to property, plant and equipment",
    "Purchases of property, plant and equipment",
    "Expenditures for property, plant and equipment",
    "Capital expenditures, net",
    "Acquisition of property and equipment",
    "Purchase of property and equipment",
    "Property, plant and equipment additions",
    "Payments for property, plant and equipment",
    "Additions to property and equipment",
    "Investment in property, plant and equipment",
    "Additions to plant and equipment",
    "Purchases of fixed assets",
    "Expenditures for property and equipment",
    "Capital spending",
    "CAPITAL EXPENDITURES",
    "Capital Expenditures",
    "Additions to properties",
    "Purchases of property and equipment",
    "Purchase of property, plant and equipment",
    "Acquisition of property, plant and equipment",
    "Capital additions",
    "Additions to property",
    "Expenditures for property",
    "Plant and equipment additions",
    "Purchases of plant and equipment",
    "Capital expenditures for property and equipment",
    "Expenditures for plant and equipment",
    "Additions to fixed assets",
)
add(
    "cf",
    "ppe",
    "ProceedsFromSaleOfPropertyPlantAndEquipment",
    "Proceeds from disposals of property, plant and equipment",
    "Proceeds from sales of fixed assets",
    "Proceeds from disposition of property",
    "Proceeds from sale of equipment",
    "Disposals of property, plant and equipment",
    "Proceeds from retirements of property",
    "Proceeds from sale of property and equipment",
    "Proceeds from sales of property, plant and equipment",
    "Proceeds from disposal of property, plant and equipment",
    "Proceeds from sale of fixed assets",
    "Proceeds from disposals of property and equipment",
    "Sale of property, plant and equipment",
    "Proceeds from sales of property and equipment",
    "Proceeds from sale of property",
)
add(
    "cf",
    "ppe",
    "ProceedsFromSaleOfPropertyPlantAndEquipment|ext",
    "Proceeds from sale of assets",
    "Proceeds from asset sales",
    "Proceeds from sales of assets",
)
add(
    "cf",
    "invest",
    "PaymentsToAcquireBusinessesNetOfCashAcquired",
    "Acquisitions, net of cash acquired",
    "Purchase of businesses, net of cash acquired",
    "Acquisitions of businesses",
    "Businesses acquired",
    "Payment for purchase of business, net of cash acquired",
    "Cash paid for acquisitions",
    "Acquisition of businesses",
    "Acquisitions of businesses, net of cash acquired",
    "Purchases of businesses",
    "Business acquisitions",
    "Acquisition of companies, net of cash acquired",
    "Payments for acquisitions, net of cash acquired",
    "Acquisitions, net of cash acquired of $1,234",
)
add(
    "cf",
    "invest",
    "ProceedsFromDivestitureOfBusinessesNetOfCashDivested",
    "Proceeds from sale of business",
    "Proceeds from sale of businesses",
    "Proceeds from divestitures",
    "Proceeds from sale of subsidiary",
    "Proceeds from divestiture of businesses",
    "Proceeds from sales of businesses",
    "Divestitures of businesses",
    "Proceeds from the sale of businesses, net of cash sold",
    sign=1,
)
add(
    "cf",
    "invest",
    "ProceedsFromDivestitureOfBusinessesNetOfCashDivested|ext",
    "Proceeds from sale of discontinued operations",
    sign=1,
)
add(
    "cf",
    "invest",
    "PaymentsToAcquireMarketableSecurities|PaymentsToAcquireInvestments",
    "Purchases of marketable securities",
    "Purchase of marketable securities",
    "Purchases of available-for-sale securities",
)
add(
    "cf",
    "invest",
    "PaymentsToAcquireInvestments",
    "Purchase of investments",
    "Purchases of investments",
    "Investments purchased",
)
add(
    "cf",
    "invest",
    "PaymentsToAcquireShortTermInvestments",
    "Purchases of short-term investments",
    "Purchase of short-term investments",
)
add(
    "cf",
    "invest",
    "ProceedsFromSaleAndMaturityOfMarketableSecurities|ProceedsFromSaleMaturityAndCollectionsOfInvestments",
    "Proceeds from sales of marketable securities",
    "Proceeds from maturities of marketable securities",
    "Sales of marketable securities",
    "Proceeds from sales and maturities of marketable securities",
    "Maturities of marketable securities",
    sign=1,
)
add(
    "cf",
    "invest",
    "ProceedsFromSaleMaturityAndCollectionsOfInvestments",
    "Proceeds from sale of investments",
    "Proceeds from sales of investments",
    "Sale of investments",
    sign=1,
)
add(
    "cf",
    "invest",
    "ProceedsFromSaleOfShortTermInvestments",
    "Proceeds from sale of short-term investments",
    "Sales of short-term investments",
    "Maturities of short-term investments",
    sign=1,
)
add(
    "cf",
    "invest",
    "PaymentsForProceedsFromShortTermInvestments",
    "Net (increase) decrease in short-term investments",
    "Net change in short-term investments",
    "Short-term investments, net",
    "(Increase) decrease in short-term investments",
)
add(
    "cf",
    "invest",
    "PaymentsToAcquireEquityMethodInvestments|PaymentsToAcquireInvestments",
    "Investment in joint venture",
    "Investments in affiliates",
    "Investments in joint ventures",
    "Investments in and advances to affiliates",
)
add(
    "cf",
    "invest",
    "PaymentsToDevelopSoftware",
    "Capitalized software development costs",
    "Additions to capitalized software",
    "Capitalized software costs",
    "Software development costs",
)
add(
    "cf",
    "invest",
    "PaymentsForProceedsFromOtherInvestingActivities",
    "Other investing activities",
    "Other, net",
    "Other",
    "Other investing activities, net",
)
add(
    "cf",
    "ncfi",
    "NetCashProvidedByUsedInInvestingActivities",
    "Net cash used for investing activities",
    "Net cash (used in) investing activities",
    "Net cash flows used in investing activities",
    "Net cash used by investing activities",
    "Cash used in investing activities",
    "NET CASH USED IN INVESTING ACTIVITIES",
    "Net cash provided by (used in) investing activities",
    "Net cash used in investing activities",
    "Cash flows used in investing activities",
    "Net cash (used for) investing activities",
    "Total cash used in investing activities",
)
# financing
add(
    "cf",
    "ltd",
    "ProceedsFromIssuanceOfLongTermDebt",
    "Proceeds from long-term borrowings",
    "Long-term debt borrowings",
    "Borrowings of long-term debt",
    "Proceeds from long-term debt",
    "Issuance of long-term debt",
    "Borrowings under long-term debt",
    "Additions to long-term debt",
    "Proceeds from issuance of long-term debt",
    "Proceeds from issuance of debt",
    "Long-term borrowings",
    "Increase in long-term debt",
    "Proceeds from issuance of notes",
    "Proceeds from sale of debentures",
    "Issuance of debt",
    "Long-term debt issued",
    "Proceeds from borrowings of long-term debt",
)
add("cf", "ltd", "ProceedsFromIssuanceOfLongTermDebt|ext", "Proceeds from borrowings")
add(
    "cf",
    "rltd",
    "RepaymentsOfLongTermDebt",
    "Payments on long-term debt",
    "Repayments of long-term debt",
    "Principal payments on long-term debt",
    "Reduction of long-term debt",
    "Retirement of long-term debt",
    "Payments of long-term debt",
    "Long-term debt repayments",
    "Repayment of long-term borrowings",
    "Reductions of long-term debt",
    "Repayment of debt",
    "Payments on debt",
    "Principal payments on debt",
    "Decrease in long-term debt",
    "Long-term debt repaid",
    "Repayments of long-term borrowings",
    "Retirements of long-term debt",
    "Payment of long-term debt",
    "Principal payments of long-term debt",
    "Repayment of long-term debt",
)
add("cf", "rltd", "RepaymentsOfLongTermDebt|ext", "Repayment of borrowings")
add(
    "cf",
    "fin",
    "ext",
    "Principal payments on capital lease obligations",
    "Principal payments under capital lease obligations",
    sign=-1,
)
add(
    "cf",
    "fin",
    "ProceedsFromRepaymentsOfShortTermDebt",
    "Net increase (decrease) in short-term borrowings",
    "Net change in short-term borrowings",
    "Short-term borrowings, net",
    "Net proceeds from (repayments of) short-term debt",
    "Increase in short-term borrowings",
    "Net increase in short-term debt",
    "Increase (decrease) in short-term debt",
    "Net (decrease) increase in short-term borrowings",
    "Net borrowings (repayments) of short-term debt",
    "Short-term debt, net",
    "Net short-term borrowings",
)
add(
    "cf",
    "fin",
    "ProceedsFromRepaymentsOfShortTermDebt|ext",
    "Increase (decrease) in notes payable",
    "Net change in notes payable",
    "Net borrowings (repayments) under lines of credit",
    "Net borrowings under line of credit",
    "Net increase (decrease) in notes payable to banks",
)
add(
    "cf",
    "fin",
    "RepaymentsOfShortTermDebt|ProceedsFromRepaymentsOfShortTermDebt",
    "Decrease in short-term debt",
    "Repayment of short-term borrowings",
    "Reduction in short-term borrowings",
    sign=-1,
)
add(
    "cf",
    "fin",
    "ProceedsFromShortTermDebt|ProceedsFromRepaymentsOfShortTermDebt",
    "Proceeds from short-term borrowings",
    "Short-term borrowings",
    sign=1,
)
add(
    "cf",
    "div",
    "PaymentsOfDividends|PaymentsOfDividendsCommonStock",
    "Cash dividends paid",
    "Dividends paid to shareholders",
    "Cash dividends paid to stockholders",
    "Payment of cash dividends",
    "Cash dividends declared and paid",
    "Cash dividends",
    "Dividends",
    "Dividends paid",
    "CASH DIVIDENDS PAID",
    "Dividends to shareholders",
    "Payments of dividends",
    "Dividends paid on common stock",
    "Cash dividends on common stock",
    "Cash dividends to shareholders",
    "Common dividends paid",
)
add(
    "cf",
    "fin",
    "PaymentsOfDividendsPreferredStockAndPreferenceStock",
    "Preferred dividends paid",
    "Dividends on preferred stock",
    sign=-1,
)
add(
    "cf",
    "fin",
    "PaymentsForRepurchaseOfCommonStock",
    "Purchases of treasury stock",
    "Purchase of common stock for treasury",
    "Acquisition of treasury shares",
    "Repurchase of common stock",
    "Treasury stock acquired",
    "Purchase of company's common stock",
    "Common stock repurchased",
    "Purchases of common shares",
    "Purchase of treasury stock",
    "Treasury stock purchases",
    "Repurchases of common stock",
    "Purchases of common stock",
    "Purchase of common shares for treasury",
    "Acquisition of treasury stock",
    "Repurchase of shares",
    "Purchase of shares for treasury",
    "Reacquisition of common stock",
    sign=-1,
)
add(
    "cf",
    "fin",
    "ProceedsFromStockOptionsExercised|ProceedsFromIssuanceOfCommonStock",
    "Proceeds from exercise of stock options",
    "Exercise of stock options",
    "Common stock issued under stock option plans",
    "Proceeds from stock options exercised",
    "Proceeds from employee stock purchase plan",
    "Issuance of common stock under employee stock plans",
    "Stock options exercised",
    "Issuance of common stock for stock option exercises",
)
add(
    "cf",
    "fin",
    "ProceedsFromIssuanceOfCommonStock",
    "Proceeds from issuance of common stock",
    "Proceeds from sale of common stock",
    "Net proceeds from issuance of common stock",
    "Issuance of common stock",
    "Proceeds from common stock offering",
    "Proceeds from public offering of common stock",
    "Common stock issued",
    "Sale of common stock",
    "Proceeds from issuance of capital stock",
    "Net proceeds from public offering",
)
add(
    "cf",
    "fin",
    "ProceedsFromIssuanceOfPreferredStockAndPreferenceStock",
    "Proceeds from issuance of preferred stock",
    "Issuance of preferred stock",
)
add(
    "cf",
    "fin",
    "PaymentsForRepurchaseOfPreferredStockAndPreferenceStock",
    "Redemption of preferred stock",
    "Purchase of preferred stock",
    sign=-1,
)
add("cf", "fin", "ProceedsFromSaleOfTreasuryStock", "Sale of treasury stock", "Treasury stock issued", sign=1)
add(
    "cf",
    "fin",
    "ProceedsFromPaymentsForOtherFinancingActivities",
    "Other financing activities",
    "Other, net",
    "Other",
    "Other financing activities, net",
)
add(
    "cf",
    "fin",
    "PaymentsOfDebtIssuanceCosts",
    "Debt issuance costs",
    "Payment of debt issuance costs",
    sign=-1,
)
add(
    "cf",
    "fin",
    "PaymentsOfDividendsMinorityInterest",
    "Dividends paid to minority shareholders",
    "Distributions to minority interests",
    sign=-1,
)
add(
    "cf",
    "ncff",
    "NetCashProvidedByUsedInFinancingActivities",
    "Net cash used in financing activities",
    "Net cash provided by financing activities",
    "Net cash (used in) provided by financing activities",
    "Net cash used for financing activities",
    "Cash provided by (used in) financing activities",
    "NET CASH USED IN FINANCING ACTIVITIES",
    "Net cash flows from financing activities",
    "Net cash (used for) financing activities",
    "Net cash (used in) financing activities",
    "Total cash used in financing activities",
)
add(
    "cf",
    "chg",
    "CashAndCashEquivalentsPeriodIncreaseDecrease",
    "Net increase (decrease) in cash and cash equivalents",
    "Increase (decrease) in cash and short-term investments",
    "Net increase in cash and temporary cash investments",
    "Net increase in cash",
    "Increase in cash and cash equivalents",
    "NET INCREASE IN CASH AND CASH EQUIVALENTS",
    "Net increase (decrease) in cash and equivalents",
    "Net change in cash and cash equivalents",
    "Increase (decrease) in cash and equivalents",
    "Net increase in cash and short-term investments",
    "Net increase (decrease) in cash and temporary investments",
)
add(
    "cf",
    "beg",
    "CashAndCashEquivalentsAtCarryingValue",
    "Cash and cash equivalents, beginning of year",
    "Cash and equivalents at beginning of year",
    "Cash at beginning of year",
    "Cash and cash equivalents at beginning of period",
    "CASH AND CASH EQUIVALENTS AT BEGINNING OF YEAR",
    "Cash and short-term investments at beginning of year",
    "Beginning of year",
    "Cash and temporary investments at beginning of year",
)
add(
    "cf",
    "end",
    "CashAndCashEquivalentsAtCarryingValue",
    "Cash and cash equivalents, end of year",
    "Cash and equivalents at end of year",
    "Cash at end of year",
    "CASH AND CASH EQUIVALENTS AT END OF YEAR",
    "End of year",
    "Cash and short-term investments at end of year",
)
add(
    "cf",
    "ip",
    "InterestPaidNet",
    "Interest paid",
    "Interest, net of amounts capitalized",
    "Interest (net of amount capitalized)",
    "Interest paid, net of amounts capitalized",
    "Cash paid for interest",
)
add(
    "cf",
    "tp",
    "IncomeTaxesPaid",
    "Income taxes paid",
    "Income taxes, net of refunds",
    "Income taxes paid, net of refunds",
    "Cash paid for income taxes",
    "Taxes on income",
    "Federal and state income taxes",
)


def run(selected=None):
    results = []
    for kind, slot, label, expected, sign, ppe, unit in P:
        if "|ext" in label:  # an inline "label|ext" marks the label itself as ambiguous
            label, expected = label.split("|")[0], expected + "|ext"
        text, probe_line = build(
            kind, slot, label, sign=sign, ppe_block=ppe, unit=unit, replace_expected=expected
        )
        try:
            f = convert(text.encode(), "probe.txt")
        except Exception as exc:  # pragma: no cover
            results.append((kind, slot, label, expected, f"ERROR {exc!r}", ""))
            continue
        want = normalize_label(label)
        got = None
        where = ""
        best = None
        for st in f.statements:
            for row in st.rows:
                if normalize_label(row.label) == want:
                    facts = [x for x in f.facts if x.statement_index == st.index and x.row_index == row.index]
                    d = abs(row.source.line - probe_line)
                    if facts and (best is None or d < best):
                        best = d
                        got = facts[0].concept
                        where = f"{st.kind}:{row.section}"
        if got is None:
            got = "NOT-FOUND"
        results.append((kind, slot, label, expected, got, where))
    return results


def ok(expected: str, got: str) -> bool:
    acc = set(expected.split("|"))
    if got.startswith("us-gaap:"):
        return got[8:] in acc
    return "ext" in acc and got != "NOT-FOUND" and not got.startswith("ERROR")


def main(argv):
    res = run()
    bad = [r for r in res if not ok(r[3], r[4])]
    if "--all" in argv:
        for r in res:
            print(
                ("OK  " if ok(r[3], r[4]) else "BAD ") + f"{r[0]} [{r[1]}] {r[2]!r} -> {r[4]}   (want {r[3]})"
            )
    else:
        for r in bad:
            print(f"BAD {r[0]} [{r[1]}] {r[2]!r} -> {r[4]}   (want {r[3]})  {r[5]}")
    print(f"probes {len(res)}; mismatches {len(bad)}")
    if "--json" in argv:
        out = argv[argv.index("--json") + 1]
        with open(out, "w") as fh:
            json.dump([list(r) for r in res], fh, indent=0)
    if "--show" in argv:
        i = int(argv[argv.index("--show") + 1])
        kind, slot, label, expected, sign, ppe, unit = P[i]
        print(build(kind, slot, label, sign=sign, ppe_block=ppe, unit=unit, replace_expected=expected)[0])


if __name__ == "__main__":
    main(sys.argv[1:])
