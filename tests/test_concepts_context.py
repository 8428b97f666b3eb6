"""Concepts the context decides: arithmetic, the side of a balance sheet, a statement's layout.

Each table is small and synthetic; the rules it exercises are general (no filing's wording).
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from converter import convert
from converter.model import Fact, Filing

# an unlabelled gross-property line, an unlabelled closing total, no goodwill line,
# and inventories broken down under their own heading
CLASSIFIED = """\
                     Example Corp.
               Consolidated Balance Sheets
                     (In thousands)

                                          December 31,
                                             2002         2001
                                          ---------    ---------
ASSETS
Current assets:
  Cash and cash equivalents                 $   500      $   400
  Inventories
    Finished goods                              300          250
    Materials and supplies                       80           70
                                          ---------    ---------
Total current assets                            880          720
                                          ---------    ---------
Flight equipment                              1,200        1,100
Computer equipment                              800          700
                                          ---------    ---------
                                              2,000        1,800
Less accumulated depreciation                   600          500
                                          ---------    ---------
Net property and equipment                    1,400        1,300
                                          ---------    ---------
Other assets:
  Intangible assets, net                        100          110
  Other                                          50           40
                                          ---------    ---------
Total other assets                              150          150
                                          ---------    ---------
Total assets                                $ 2,430      $ 2,170
                                          =========    =========
Current liabilities:
  Accounts payable                          $   300      $   350
  Accrued liabilities                            50           60
                                          ---------    ---------
Total current liabilities                       350          410
                                          ---------    ---------
Other liabilities                                80          100
                                          ---------    ---------
Stockholders' equity:
  Convertible preferred stock                   100          100
  Common stock                                1,000        1,000
  Retained earnings                             950          610
                                          ---------    ---------
                                              2,050        1,710
Less treasury stock                              50           50
                                          ---------    ---------
Total stockholders' equity                    2,000        1,660
                                          ---------    ---------
                                            $ 2,430      $ 2,170
                                          =========    =========
"""

# an insurer's sheet: no current/noncurrent split, an "Equity securities" heading among the
# assets, and a closing line printed as a bare "TOTAL"
UNCLASSIFIED = """\
                     Example Insurance Corp.
               Consolidated Balance Sheets
                     (In millions)

                                          December 31,
                                             2002         2001
                                          ---------    ---------
ASSETS
Fixed maturities
  Bonds (market, $1,010; $905)              $ 1,000      $   900
  Redeemable preferred stocks                    40           30
Equity securities, at market
  Common stocks (cost, $114; $351)              150          120
  Nonredeemable preferred stocks                 60           50
Mortgage loans                                  300          280
                                          ---------    ---------
Total investments                             1,550        1,380
Cash and cash equivalents                       100           90
Other assets                                     50           60
                                          ---------    ---------
TOTAL ASSETS                                $ 1,700      $ 1,530
                                          =========    =========
LIABILITIES
Benefit and loss reserves                   $ 1,000      $   880
Long-term debt                                  200          200
Other liabilities                               100           90
                                          ---------    ---------
TOTAL LIABILITIES                             1,300        1,170
                                          ---------    ---------
SHAREHOLDERS' EQUITY
Common stock                                    100          100
Retained earnings                               300          260
                                          ---------    ---------
TOTAL SHAREHOLDERS' EQUITY                      400          360
                                          ---------    ---------
TOTAL                                       $ 1,700      $ 1,530
                                          =========    =========
"""

# costs and expenses printed without a label; retained earnings rolled forward after net income
INCOME = """\
                     Example Corp.
     Consolidated Statements of Income and Retained Earnings
                     (In thousands)

                                          Year Ended December 31,
                                             2002         2001
                                          ---------    ---------
Net sales                                  $ 10,000     $  9,000
                                          ---------    ---------
Cost of products sold                         6,000        5,500
Selling and administrative expenses           2,000        1,800
Interest expense                                200          150
                                          ---------    ---------
                                              8,200        7,450
                                          ---------    ---------
Income before income taxes                    1,800        1,550
Provision for income taxes                      600          500
                                          ---------    ---------
Net income                                    1,200        1,050
Retained earnings beginning of year           3,000        2,250
Dividends to common shareholders               (400)        (300)
                                          ---------    ---------
Retained earnings end of year              $  3,800     $  3,000
                                          =========    =========
"""


def concepts(filing: Filing, label: str) -> set[str]:
    return {f.concept for f in filing.facts if f.label == label}


def facts_of(filing: Filing, label: str) -> list[Fact]:
    return [f for f in filing.facts if f.label == label]


@pytest.fixture(scope="module")
def classified() -> Filing:
    return convert(CLASSIFIED.encode(), "classified.txt")


@pytest.fixture(scope="module")
def unclassified() -> Filing:
    return convert(UNCLASSIFIED.encode(), "unclassified.txt")


@pytest.fixture(scope="module")
def income() -> Filing:
    return convert(INCOME.encode(), "income.txt")


def _generated(filing: Filing, value: Decimal) -> set[str]:
    """Concepts of the rows we had to name ourselves that carry `value` for 2002."""
    rows = {(s.index, r.index) for s in filing.statements for r in s.rows if r.generated_label}
    return {
        f.concept
        for f in filing.facts
        if (f.statement_index, f.row_index) in rows and f.period.end.year == 2002 and f.value == value
    }


def test_unlabelled_total_that_balances_the_assets_is_liabilities_and_equity(classified: Filing) -> None:
    assert _generated(classified, Decimal(2430000)) == {"us-gaap:LiabilitiesAndStockholdersEquity"}
    assert concepts(classified, "Total assets") == {"us-gaap:Assets"}


def test_unlabelled_line_that_net_property_is_made_of_is_gross_property(classified: Filing) -> None:
    assert _generated(classified, Decimal(2000000)) == {"us-gaap:PropertyPlantAndEquipmentGross"}
    assert concepts(classified, "Net property and equipment") == {"us-gaap:PropertyPlantAndEquipmentNet"}


def test_an_unlabelled_equity_subtotal_is_no_single_part_of_equity(classified: Filing) -> None:
    """Equity less treasury stock leaves many possible parts; none is chosen for the subtotal."""
    assert not any(c.startswith("us-gaap:") for c in _generated(classified, Decimal(2050000)))
    assert concepts(classified, "Total stockholders' equity") == {"us-gaap:StockholdersEquity"}


def test_a_line_under_an_inventories_heading_is_a_part_of_inventories(classified: Filing) -> None:
    assert concepts(classified, "Materials and supplies") == {"us-gaap:OtherInventorySupplies"}


def test_intangibles_on_a_sheet_without_goodwill_include_it(classified: Filing) -> None:
    assert concepts(classified, "Intangible assets, net") == {"us-gaap:IntangibleAssetsNetIncludingGoodwill"}


def test_convertible_preferred_stock_in_stockholders_equity_is_preferred_stock(classified: Filing) -> None:
    assert concepts(classified, "Convertible preferred stock") == {"us-gaap:PreferredStockValue"}


def test_a_classified_sheet_keeps_other_items_noncurrent(classified: Filing) -> None:
    assert concepts(classified, "Other liabilities") == {"us-gaap:OtherLiabilitiesNoncurrent"}
    assert concepts(classified, "Other") == {"us-gaap:OtherAssetsNoncurrent"}


def test_an_equity_securities_heading_stays_on_the_assets_side(unclassified: Filing) -> None:
    assert concepts(unclassified, "TOTAL ASSETS") == {"us-gaap:Assets"}


def test_a_bare_total_after_equity_that_balances_the_assets_is_liabilities_and_equity(
    unclassified: Filing,
) -> None:
    assert concepts(unclassified, "TOTAL") == {"us-gaap:LiabilitiesAndStockholdersEquity"}
    # the balancing total adds no sum over the assets: they keep their printed signs
    cash = facts_of(unclassified, "Cash and cash equivalents")
    assert cash and all(f.value is not None and f.value > 0 for f in cash)


def test_an_unclassified_sheet_reports_other_items_whole(unclassified: Filing) -> None:
    assert concepts(unclassified, "Other liabilities") == {"us-gaap:OtherLiabilities"}
    assert concepts(unclassified, "Other assets") == {"us-gaap:OtherAssets"}


def test_unlabelled_total_revenues_are_reduced_by_is_costs_and_expenses(income: Filing) -> None:
    assert _generated(income, Decimal(8200000)) == {"us-gaap:CostsAndExpenses"}


def test_retained_earnings_rolled_forward_after_net_income(income: Filing) -> None:
    assert concepts(income, "Retained earnings beginning of year") == {
        "us-gaap:RetainedEarningsAccumulatedDeficit"
    }
    assert concepts(income, "Retained earnings end of year") == {"us-gaap:RetainedEarningsAccumulatedDeficit"}
    assert concepts(income, "Dividends to common shareholders") == {"us-gaap:DividendsCommonStockCash"}
    ends = {f.period.end.year: f.value for f in facts_of(income, "Retained earnings end of year")}
    assert ends == {2002: Decimal(3800000), 2001: Decimal(3000000)}


@pytest.mark.parametrize(
    ("label", "concept"),
    [
        (
            "CASH FLOWS FROM INVESTING ACTIVITIES Investing Activities",
            "NetCashProvidedByUsedInInvestingActivities",
        ),
        ("CASH FLOWS FROM FINANCING ACTIVITIES Contributed Capital", "ProceedsFromContributedCapital"),
    ],
)
def test_a_heading_run_into_a_cash_flow_label_is_read_as_its_section(label: str, concept: str) -> None:
    """The reader sometimes joins a heading with the one line under it; the line keeps its meaning."""
    from types import SimpleNamespace

    from converter.concepts import ConceptChooser
    from converter.model import Row, RowRole, SourceSpan, StatementKind, Unit
    from taxonomy import load

    row = Row(0, label, 0, RowRole.ITEM, (), SourceSpan(1, 0, label))
    st = SimpleNamespace(kind=StatementKind.CASH_FLOW)
    found = ConceptChooser(load(), "ext")._lookup(st, row, Unit.USD, False)  # type: ignore[arg-type]
    assert found == (concept, "context")


CAPEX = """\
                     Example Refining Co.
          Consolidated Statements of Cash Flows
                     (In thousands)

                                                          Year Ended December 31,
                                                          1998          1997
                                                        ---------     ---------
Net cash provided by operating activities                 165,825       221,097
                                                        ---------     ---------
CASH FLOWS FROM INVESTING ACTIVITIES:
  Capital expenditures:
    Continuing operations                                (165,507)      (69,284)
    Discontinued operations                                    --       (52,674)
  Other                                                     1,159         1,693
                                                        ---------     ---------
    Net cash used in investing activities                (164,348)     (120,265)
"""


def test_continuing_operations_under_a_heading_is_the_headings_concept() -> None:
    filing = convert(CAPEX.encode(), "capex.txt")
    continuing = [f for f in filing.facts if f.label == "Continuing operations"]
    assert {f.concept for f in continuing} == {"us-gaap:PaymentsToAcquirePropertyPlantAndEquipment"}
    assert sorted(f.value for f in continuing) == [Decimal(69284000), Decimal(165507000)]
    discontinued = [f for f in filing.facts if f.label == "Discontinued operations"]
    assert discontinued and not any(
        f.concept.startswith("us-gaap:PaymentsToAcquireProperty") for f in discontinued
    )


NONCURRENT_TAXES = """\
                     Example Products Co.
               Consolidated Balance Sheets
                     (In millions)

                                                       January 2,   January 3,
                                                          1994         1993
                                                        --------     --------
Current assets:
  Cash                                                     $ 100        $ 90
  Deferred taxes on income                                    40          35
                                                        --------     --------
Total current assets                                         140         125
Deferred taxes on income (Note 6)                             60          55
Other assets                                                 300         320
                                                        --------     --------
Total assets                                               $ 500        $ 500
"""


def test_deferred_tax_assets_below_current_assets_are_noncurrent() -> None:
    filing = convert(NONCURRENT_TAXES.encode(), "taxes.txt")
    assert {f.concept for f in filing.facts if f.label == "Deferred taxes on income"} == {
        "us-gaap:DeferredTaxAssetsNetCurrent"
    }
    assert {f.concept for f in filing.facts if f.label == "Deferred taxes on income (Note 6)"} == {
        "us-gaap:DeferredTaxAssetsNetNoncurrent"
    }


def _income_with_revenues(first: str, second: str, third: str = "") -> str:
    extra = f"  {third:<40}{30:>10}{20:>12}\n" if third else ""
    total = (1000 + 30, 890 + 20) if third else (1000, 890)
    pretax = (total[0] - 800, total[1] - 740)
    return f"""\
                     Example Corp.
          Consolidated Statements of Income
                     (In millions)

                                              Year Ended December 31,
                                                 2002        2001
                                              --------    --------
REVENUES
  {first:<40}{"$ 900":>10}{"$ 800":>12}
  {second:<40}{100:>10}{90:>12}
{extra}                                              --------    --------
    Total revenues                              {total[0]:>6}      {total[1]:>6}
COSTS AND EXPENSES
  Cost of sales                                    600         550
  Selling and administrative                       200         190
                                              --------    --------
    Total costs and expenses                       800         740
                                              --------    --------
Income before income taxes                      {pretax[0]:>6}      {pretax[1]:>6}
"""


@pytest.mark.parametrize(
    ("label", "concept"),
    [
        ("Merchandise sales and services", "us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax"),
        ("Net sales", "us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax"),
        (
            "Sales, including excise taxes",
            "us-gaap:RevenueFromContractWithCustomerIncludingAssessedTax",
        ),
    ],
)
def test_the_sales_line_leading_total_revenues_is_contract_revenue(label: str, concept: str) -> None:
    filing = convert(_income_with_revenues(label, "Other revenues").encode(), "sales.txt")
    assert concepts(filing, label) == {concept}
    assert concepts(filing, "Total revenues") == {"us-gaap:Revenues"}


def test_a_sales_line_among_many_product_lines_is_not_all_contract_revenue() -> None:
    text = _income_with_revenues("Hardware sales", "Software", "Maintenance")
    filing = convert(text.encode(), "lines.txt")
    assert "us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax" not in concepts(
        filing, "Hardware sales"
    )
    assert concepts(filing, "Total revenues") == {"us-gaap:Revenues"}


PREPAID = """\
                     Example Corp.
               Consolidated Balance Sheets
                     (In thousands)

                                          December 31,
                                             2002         2001
                                          ---------    ---------
Current assets:
  Cash                                      $   500      $   400
  Prepaid expenses and other                    120          100
  Prepaid expenses                               30           20
                                          ---------    ---------
Total current assets                            650          520
Property, net                                 1,350        1,280
                                          ---------    ---------
Total assets                                $ 2,000      $ 1,800
                                          =========    =========
Current liabilities:
  Accounts payable                          $   300      $   280
                                          ---------    ---------
Total current liabilities                       300          280
Deferred credits and other noncurrent liabilities:
  Deferred income taxes                         200          190
  Other noncurrent liabilities                  100           90
                                          ---------    ---------
Total deferred credits and other noncurrent
  liabilities                                   300          280
Shareowners' equity:
  Common stock                                  400          400
  Retained earnings                           1,000          840
                                          ---------    ---------
Total shareowners' equity                     1,400        1,240
                                          ---------    ---------
Total liabilities and shareowners' equity   $ 2,000      $ 1,800
"""


def test_prepaid_expenses_and_other_is_not_prepaid_expenses_alone() -> None:
    filing = convert(PREPAID.encode(), "prepaid.txt")
    assert concepts(filing, "Prepaid expenses and other") == {"us-gaap:PrepaidExpenseAndOtherAssetsCurrent"}
    assert concepts(filing, "Prepaid expenses") == {"us-gaap:PrepaidExpenseCurrent"}


DEPOSITS = """\
                          Example Bancorporation
                   Consolidated Statements of Condition
                          (Dollars in thousands)

                                                      December 31,
                                                   1996          1995
                                                ---------     ---------
Cash and due from banks                         $  85,000     $  80,000
Net loans                                       1,465,000     1,383,000
                                                ---------     ---------
Total assets                                    $1,550,000    $1,463,000
                                                =========     =========
Deposits:
  Noninterest-bearing                           $ 250,000     $ 240,000
  Interest-bearing                              1,150,000     1,060,000
                                                ---------     ---------
Total deposits                                  1,400,000     1,300,000
Other liabilities                                  20,000        18,000
                                                ---------     ---------
Total liabilities                               1,420,000     1,318,000
Stockholders' equity                              130,000       145,000
                                                ---------     ---------
Total liabilities and stockholders' equity      $1,550,000    $1,463,000
"""


def test_a_banks_deposits_are_split_into_interest_bearing_and_not() -> None:
    filing = convert(DEPOSITS.encode(), "bank.txt")
    assert concepts(filing, "Noninterest-bearing") == {"us-gaap:NoninterestBearingDepositLiabilities"}
    assert concepts(filing, "Interest-bearing") == {"us-gaap:InterestBearingDepositLiabilities"}
    assert concepts(filing, "Total deposits") == {"us-gaap:Deposits"}
