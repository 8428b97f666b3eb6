"""Mapping rules where a plausible concept or sign would be silently wrong.

Each table here is small and made up, in the layouts real releases use: a figure
that describes the line ("par value $1.00 per share"), a balance sheet in business
sections, a cash summary below the financing total, an amount a release adds back,
a memo line that repeats part of a sum, and two lines that name one concept.
"""

from __future__ import annotations

from decimal import Decimal

from converter import convert
from converter.model import Fact, Filing, Unit


def facts_of(filing: Filing, label: str) -> list[Fact]:
    return sorted((f for f in filing.facts if f.label == label), key=lambda f: f.period.end)


def findings(filing: Filing, code: str) -> list[str]:
    return [f.message for f in filing.findings if f.code == code]


EQUITY_LINES = """\
                     Example Corp.
               Consolidated Balance Sheets
                     (In millions)

                                                            December 31,
                                                          2002         2001
                                                        ---------    ---------
Cash                                                    $   500      $   400
Other assets                                              1,500        1,600
                                                        ---------    ---------
Total assets                                            $ 2,000      $ 2,000
                                                        ---------    ---------
Liabilities                                             $   600      $   700
Stockholders' equity:
  Common stock, par value $1.00 per share (464 and
    454 million shares issued)                              464          454
  Retained earnings                                         936          846
                                                        ---------    ---------
Total stockholders' equity                                1,400        1,300
                                                        ---------    ---------
Total liabilities and stockholders' equity              $ 2,000      $ 2,000
"""


def test_a_par_value_per_share_in_the_label_is_not_the_lines_unit() -> None:
    filing = convert(EQUITY_LINES.encode(), "equity.txt")
    label = "Common stock, par value $1.00 per share (464 and 454 million shares issued)"
    amounts = [f for f in facts_of(filing, label) if f.unit == Unit.USD]
    assert [(f.concept, f.value) for f in amounts] == [
        ("us-gaap:CommonStockValue", Decimal(454000000)),
        ("us-gaap:CommonStockValue", Decimal(464000000)),
    ]
    assert not [f for f in facts_of(filing, label) if f.unit == Unit.USD_PER_SHARE and f.value == 464]


SEGMENTED = """\
                     Example Motor Co.
               Consolidated Balance Sheet
                     (In millions)

                                                          December 31,
                                                        2002         2001
                                                      ---------    ---------
ASSETS
Automotive
Cash and cash equivalents                             $   500      $   400
Inventories                                               700          650
   Total Automotive assets                              1,200        1,050

Financial Services
Cash and cash equivalents                                 300          200
Finance receivables                                     2,500        2,750
   Total Financial Services assets                      2,800        2,950

   Total assets                                       $ 4,000      $ 4,000
"""


def test_a_business_sections_lines_are_not_the_companys() -> None:
    filing = convert(SEGMENTED.encode(), "segmented.txt")
    cash = facts_of(filing, "Cash and cash equivalents")
    assert len(cash) == 4
    # neither business's cash is the consolidated CashAndCashEquivalentsAtCarryingValue
    assert not [f for f in cash if f.concept.startswith("us-gaap:")]
    assert len({f.concept for f in cash}) == 2
    assert {f.concept for f in facts_of(filing, "Total assets")} == {"us-gaap:Assets"}
    assert [f for f in filing.findings if "'Financial Services' section" in f.message]


CASH_SUMMARY = """\
                     Example Corp.
          Consolidated Statements of Cash Flows
                     (In thousands)

                                                      Year Ended December 31,
                                                        2002         2001
                                                      ---------    ---------
OPERATING ACTIVITIES
Net income                                            $   900      $   800
Depreciation                                              300          280
                                                      ---------    ---------
Cash provided by operating activities                   1,200        1,080
                                                      ---------    ---------
INVESTING ACTIVITIES
Purchases of property and equipment                      (700)        (600)
                                                      ---------    ---------
Cash used in investing activities                        (700)        (600)
                                                      ---------    ---------
FINANCING ACTIVITIES
Dividends paid                                           (100)        (100)
                                                      ---------    ---------
Cash used in financing activities                        (100)        (100)
                                                      ---------    ---------
CASH AND CASH EQUIVALENTS
Cash provided by continuing operations                    400          380
Balance at beginning of year                              600          220
                                                      ---------    ---------
Balance at end of year                                $ 1,000      $   600
"""


def test_a_cash_summary_below_financing_is_not_the_operating_total() -> None:
    filing = convert(CASH_SUMMARY.encode(), "cash.txt")
    operating = {f.concept for f in facts_of(filing, "Cash provided by operating activities")}
    assert operating == {"us-gaap:NetCashProvidedByUsedInOperatingActivities"}
    summary = facts_of(filing, "Cash provided by continuing operations")
    assert [f.value for f in summary] == [Decimal(380000), Decimal(400000)]
    assert not [f for f in summary if "OperatingActivities" in f.concept]


INTEREST = """\
                     Example Refining Co.
           Consolidated Statements of Income
                     (In thousands)

                                                      Year Ended December 31,
                                                        2002         2001
                                                      ---------    ---------
Operating revenues                                    $ 9,000      $ 8,000
Cost of sales                                          (8,000)      (7,000)
                                                      ---------    ---------
Operating income                                        1,000        1,000
Interest and debt expense:
  Incurred                                               (300)        (250)
  Capitalized                                              50           40
                                                      ---------    ---------
Income before income taxes                                750          790
"""


def test_an_amount_added_back_is_reported_positive_and_its_sum_left_out() -> None:
    filing = convert(INTEREST.encode(), "interest.txt")
    capitalized = facts_of(filing, "Capitalized")
    assert [(f.concept, f.value) for f in capitalized] == [
        ("us-gaap:InterestCostsCapitalized", Decimal(40000)),
        ("us-gaap:InterestCostsCapitalized", Decimal(50000)),
    ]
    assert [f.value for f in facts_of(filing, "Incurred")] == [Decimal(250000), Decimal(300000)]
    assert findings(filing, "sign.magnitude")
    # XBRL has no weight for a debit amount added into a credit total: the sum stays out
    assert not [c for c in filing.calculations if "us-gaap:InterestCostsCapitalized" in dict(c.components)]
    assert [m for m in findings(filing, "calculation.left_out") if "Income before income taxes" in m]


MEMO = """\
                     Example Grocers
           Consolidated Statement of Income
                     (In millions)

                                                      FIRST QUARTER
                                                      2000       1999
                                                    --------   --------
SALES                                               $1,000.0   $  900.0

COSTS AND EXPENSES:
      MERCHANDISE COSTS                                700.0      640.0
      DIVIDEND AND INTEREST INCOME                      (3.9)      (2.7)
      INTEREST EXPENSE                                 209.9      201.6
                                                    --------   --------
           TOTAL                                       906.0      838.9
                                                    --------   --------
      INCOME BEFORE TAX EXPENSE                         94.0       61.1

      NET INTEREST                                  $  206.0   $  198.9
"""


def test_a_memo_line_takes_the_sign_of_the_lines_it_repeats() -> None:
    filing = convert(MEMO.encode(), "memo.txt")
    net = facts_of(filing, "NET INTEREST")
    # interest expense net of interest income, inside the costs: net interest income is negative
    assert [f.value for f in net] == [Decimal("-198900000"), Decimal("-206000000")]
    assert not [m for m in findings(filing, "sign.unproved") if "NET INTEREST" in m]
    assert [m for m in findings(filing, "sign.repeated") if "NET INTEREST" in m]


TWO_REPURCHASES = """\
                     Example Corp.
          Consolidated Statements of Cash Flows
                     (In thousands)

                                              Year Ended March 31,     Nine Months Ended
                                              2002         2001        December 31, 2002
                                            ---------    ---------    -----------------
Net income                                  $   900      $   800            $   700
Proceeds from issuance of common shares         100          120                 90
Purchase of treasury shares                     (34)        (201)               (67)
Repurchase of common shares                                                  (5,373)
                                            ---------    ---------    -----------------
Net increase (decrease) in cash                 966          719             (4,650)
"""


def test_the_line_printed_in_every_period_keeps_the_concept_over_a_one_off() -> None:
    filing = convert(TWO_REPURCHASES.encode(), "repurchases.txt")
    treasury = facts_of(filing, "Purchase of treasury shares")
    assert {f.concept for f in treasury} == {"us-gaap:PaymentsForRepurchaseOfCommonStock"}
    assert sorted(f.value for f in treasury) == [Decimal(34000), Decimal(67000), Decimal(201000)]
    one_off = facts_of(filing, "Repurchase of common shares")
    assert len(one_off) == 1 and not one_off[0].concept.startswith("us-gaap:")


SHARE_LINES = """\
                     Example Health Corp.
           Consolidated Statements of Operations
                     (In millions, except per share data)

                                                     Year Ended December 31,
                                                    1998        1997        1996
                                                  --------    --------    --------
Revenues                                          $ 17,355    $ 11,794    $ 10,074
Operating costs                                     17,000      11,100       9,600
                                                  --------    --------    --------
Net earnings                                      $    355    $    694    $    474

BASIC WEIGHTED-AVERAGE NUMBER OF COMMON
         SHARES OUTSTANDING                            191         187         182

DILUTIVE EFFECT OF OUTSTANDING STOCK OPTIONS            --           4           4

WEIGHTED-AVERAGE NUMBER OF COMMON SHARES
         OUTSTANDING, ASSUMING DILUTION                191         191         186
"""

DASH_LINES = """                     Example Health Corp.
               Consolidated Balance Sheets

                                        March 31,   March 31,   December 31,
(in thousands, except share amounts)       1992        1993        1993
                                        ---------   ---------   ---------
Cash                                       $7,156     $66,739     $71,756
Other assets                                1,004      37,292      38,269
                                        ---------   ---------   ---------
Total assets                               $8,160    $104,031    $110,025

Common Shares - authorized             40,000,000  40,000,000  40,000,000
              - issued                 23,661,309  23,943,376  27,925,377
              - in treasury               148,312     172,311     173,935
"""


def test_a_line_between_share_counts_counts_shares() -> None:
    filing = convert(SHARE_LINES.encode(), "shares.txt")
    dilutive = facts_of(filing, "DILUTIVE EFFECT OF OUTSTANDING STOCK OPTIONS")
    assert [(f.unit, f.value) for f in dilutive] == [
        (Unit.SHARES, Decimal(4000000)),
        (Unit.SHARES, Decimal(4000000)),
        (Unit.SHARES, Decimal(0)),
    ]


def test_a_dash_led_line_shares_the_stem_of_the_line_above() -> None:
    filing = convert(DASH_LINES.encode(), "dashes.txt")
    issued = facts_of(filing, "Common Shares - issued")
    treasury = facts_of(filing, "Common Shares - in treasury")
    assert [(f.concept, f.unit, f.value) for f in issued][0] == (
        "us-gaap:CommonStockSharesIssued",
        Unit.SHARES,
        Decimal(23661309),
    )
    assert {f.unit for f in treasury} == {Unit.SHARES}
    assert sorted(f.value for f in treasury) == [Decimal(148312), Decimal(172311), Decimal(173935)]


def test_a_share_count_printed_in_full_is_not_scaled_to_trillions() -> None:
    text = SHARE_LINES + "Shares outstanding at year end     983,286,361 1,056,704,188 1,138,768,058\n"
    filing = convert(text.encode(), "full.txt")
    counts = facts_of(filing, "Shares outstanding at year end")
    assert sorted(f.value for f in counts) == [
        Decimal(983286361),
        Decimal(1056704188),
        Decimal(1138768058),
    ]


TWIN_TOTALS = """\
                     Example Insurance Co.
               Consolidated Balance Sheet
                     (In millions)

                                                          December 31,
                                                        1992        1991
                                                      --------    --------
ASSETS
Bonds                                                   13,950      17,867
Mortgage loans                                          10,072      12,618
                                                      --------    --------
  Total investments                                     24,022      30,485
                                                      --------    --------
Cash and cash equivalents                                1,688       1,511
Other assets                                             2,728       2,668
                                                      --------    --------
TOTAL ASSETS                                            28,438      34,664
                                                      ========    ========
LIABILITIES
Benefit and loss reserves                               16,268      15,820
Other liabilities                                        7,192      14,254
                                                      --------    --------
TOTAL LIABILITIES                                       23,460      30,074
                                                      --------    --------
SHAREHOLDERS' EQUITY
Common stock                                               182         132
Retained earnings                                        4,796       4,458
                                                      --------    --------
TOTAL SHAREHOLDERS' EQUITY                               4,978       4,590
                                                      --------    --------
TOTAL                                                   28,438      34,664
                                                      ========    ========
"""


def test_a_total_with_the_figures_of_total_assets_sums_the_other_half() -> None:
    filing = convert(TWIN_TOTALS.encode(), "twins.txt")
    # "Cash" under a rule reads as a total, which cut total assets' block short
    assets = next(c for c in filing.calculations if c.total == "us-gaap:Assets")
    assert "us-gaap:CashAndCashEquivalentsAtCarryingValue" in dict(assets.components)
    both = next(c for c in filing.calculations if c.total == "us-gaap:LiabilitiesAndStockholdersEquity")
    assert dict(both.components) == {"us-gaap:Liabilities": 1, "us-gaap:StockholdersEquity": 1}
    # no asset turned negative to make a sum come out
    assert not [f for f in filing.facts if f.statement.value == "balance_sheet" and f.value and f.value < 0]


INSURER = """\
                     Example Insurance Co.
           Consolidated Statement of Operations
                     (In millions)

                                                      Year Ended December 31,
                                                        1992        1991
                                                      --------    --------
REVENUES
Premiums                                                 4,000       3,800
Net investment income                                    3,000       2,900
                                                      --------    --------
                                                         7,000       6,700
                                                      --------    --------
BENEFITS AND EXPENSES
Current and future insurance benefits                    3,500       3,300
General and administrative expenses                      2,000       1,900
                                                      --------    --------
                                                         5,500       5,200
                                                      --------    --------
INCOME BEFORE FEDERAL INCOME TAXES                       1,500       1,500
"""


def test_an_insurers_unlabelled_total_of_benefits_and_expenses() -> None:
    filing = convert(INSURER.encode(), "insurer.txt")
    totals = {f.concept for f in filing.facts if f.value == Decimal(5500000000)}
    assert totals == {"us-gaap:BenefitsLossesAndExpenses"}


DEDENT = """\
                     Example Telephone Co.
          Consolidated Statements of Cash Flows
                     (Dollars in millions)

                                                              1996      1995
                                                            -------   -------
Net income                                                  $ 2,101   $ 1,889
Adjustments to reconcile net income to net cash
  provided by operating activities:
   Depreciation and amortization                              2,240     2,170
   Changes in operating assets and liabilities:
      Accounts receivable                                      (412)     (363)
      Accounts payable and accrued liabilities                  660      (186)
   Other - net                                                  (65)     (165)
                                                            -------   -------
Net Cash Provided by Operating Activities                     4,524     3,345
"""


def test_a_line_back_at_its_headers_indent_has_left_that_header() -> None:
    filing = convert(DEDENT.encode(), "dedent.txt")
    st = filing.statements[0]
    sections = {r.label: r.section for r in st.rows}
    assert sections["Accounts receivable"].endswith("Changes in operating assets and liabilities")
    assert not sections["Other - net"].endswith("Changes in operating assets and liabilities")
    other = facts_of(filing, "Other - net")
    # an operating line as printed, not a change in working capital with its sign turned
    assert {f.concept for f in other} == {"us-gaap:OtherOperatingActivitiesCashFlowStatement"}
    assert sorted(f.value for f in other) == [Decimal(-165000000), Decimal(-65000000)]


GLUED = """\
                     Example Pharma Co.
          Consolidated Statement of Cash Flows
                 ($ in millions)

                                                 1995         1994        1993
                                              ---------    ---------   ---------
Net Increase in Cash and Cash Equivalents ...    243.4        774.6       254.3
Cash and Cash Equivalents at Beginning of Year 1,604.0        829.4       575.1
                                              ---------    ---------   ---------
CASH AND CASH EQUIVALENTS AT END OF YEAR ...  $ 1,847.4  $  1,604.0   $   829.4
"""


def test_a_figure_one_space_after_its_label_in_the_first_column_is_a_figure() -> None:
    filing = convert(GLUED.encode(), "glued.txt")
    opening = facts_of(filing, "Cash and Cash Equivalents at Beginning of Year")
    assert [(str(f.period.end), f.value) for f in opening] == [
        ("1992-12-31", Decimal("575100000")),
        ("1993-12-31", Decimal("829400000")),
        ("1994-12-31", Decimal("1604000000")),
    ]


OFF_EDGE = """\
                     Example Telephone Co.
           Consolidated Statements of Income
          Dollars in millions except per share amounts

                                                     1996        1995       1994
                                                  --------    --------   --------
Income Before Extraordinary Loss                    2,101       1,889      1,649
Extraordinary Loss from Discontinuance of
Regulatory Accounting, net of tax                                -        (2,819)       -
                                                  --------    --------   --------
Net Income (Loss)                                $  2,101    $   (930)   $ 1,649
"""


def test_a_figure_for_every_column_typed_off_the_edges_keeps_its_order() -> None:
    filing = convert(OFF_EDGE.encode(), "offedge.txt")
    loss = facts_of(filing, "Extraordinary Loss from Discontinuance of Regulatory Accounting, net of tax")
    assert [(f.period.end.year, f.value) for f in loss] == [
        (1994, Decimal(0)),
        (1995, Decimal(-2819000000)),
        (1996, Decimal(0)),
    ]
    assert [f.period.end.year for f in facts_of(filing, "Income Before Extraordinary Loss")] == [
        1994,
        1995,
        1996,
    ]


UNREAD = """\
                     Example Motor Co.
          Consolidated Statement of Cash Flows
                     (In millions)
<TABLE>
<CAPTION>
                                                      1993         1992
<S>                                                  <C>          <C>
Net increase in cash                                 2,163         (627)
Cash and cash equivalents at December 31         $   5,667     $  3,504
<CAPTION>
   <C>                                         <S>            <S>
   Total cash and cash equivalents             $8,222         $6,686              $8,1
</TABLE>
"""


def test_figures_in_a_table_that_no_row_reads_are_flagged_with_their_line() -> None:
    filing = convert(UNREAD.encode(), "unread.txt")
    (finding,) = [f for f in filing.findings if f.code == "table.unread"]
    assert finding.source.line == 12
    assert "$8,222" in finding.message and "$8,1" in finding.message
    assert not [f for f in filing.facts if f.value == Decimal(8222000000)]


NOTE_BELOW = """\
                     Example Machines Corp.
           Consolidated Statement of Earnings
          (Dollars in millions except per share amounts)
<TABLE>
<CAPTION>
For the year ended December 31:                      1997      1996      1995
<S>                                               <C>       <C>       <C>
Revenue                                           $78,508   $75,947   $71,940
Cost                                               48,000    46,000    44,000
                                                  -------   -------   -------
Net earnings                                      $30,508   $29,947   $27,940
</TABLE>

Average number of common shares outstanding:
1997 - 983,286,361; 1996 - 1,056,704,188*; 1995 - 1,138,768,058*
"""


def test_a_year_by_year_note_below_a_statement_gives_its_facts() -> None:
    filing = convert(NOTE_BELOW.encode(), "note.txt")
    shares = sorted(
        (f for f in filing.facts if f.concept == "us-gaap:WeightedAverageNumberOfSharesOutstandingBasic"),
        key=lambda f: f.period.end,
    )
    assert [(f.period.end.year, f.value, f.unit) for f in shares] == [
        (1995, Decimal(1138768058), Unit.SHARES),
        (1996, Decimal(1056704188), Unit.SHARES),
        (1997, Decimal(983286361), Unit.SHARES),
    ]
    assert [(f.source.line, f.source.text) for f in shares][-1] == (15, "983,286,361")


def test_a_stock_amount_between_share_counts_stays_dollars() -> None:
    text = SHARE_LINES.replace(
        "DILUTIVE EFFECT OF OUTSTANDING STOCK OPTIONS            --           4           4",
        "Common stock                                            10          10          10",
    )
    filing = convert(text.encode(), "stock.txt")
    assert {f.unit for f in facts_of(filing, "Common stock")} == {Unit.USD}


UNMARKED = """\
                                 THE EXAMPLE CO.
                        CONSOLIDATED STATEMENT OF INCOME
                     (in millions, except per share amounts)




                                              FIRST QUARTER
                                        --------------------------
                                          2000             1999
                                        ---------        ---------

SALES                                   $14,329.4        $13,493.1

COSTS AND EXPENSES:
      MERCHANDISE COSTS                  10,486.8          9,956.9
      INTEREST EXPENSE                      209.9            201.6
                                        ---------        ---------
           TOTAL                         10,696.7         10,158.5
                                        ---------        ---------

      INCOME BEFORE TAX EXPENSE           3,632.7          3,334.6
"""


def test_a_table_without_markup_keeps_its_headings_title_and_scale() -> None:
    filing = convert(UNMARKED.encode(), "unmarked.txt")
    (st,) = filing.statements
    assert st.scale == 6 and "CONSOLIDATED STATEMENT OF INCOME" in st.title
    sales = facts_of(filing, "SALES")
    assert [f.value for f in sales] == [Decimal("13493100000"), Decimal("14329400000")]


FOOTNOTE_TABLE = """\
    Segment Income Statements
    (millions)

    For the 13 Weeks Ended July 3, 2004 and June 28, 2003

                            Domestic        Sears Canada

                         2004     2003*    2004     2003

    Merchandise sales
     and services       $7,673   $7,871   $1,027   $  980
    Credit revenues          -    1,266       81       79

    Total revenues       7,673    9,137    1,108    1,059

    * Domestic segment detail for the 13 weeks ended June 28, 2003


                                Retail &     Credit &
                                Related      Financial    Total
                                Services     Products     Domestic

    Merchandise sales and
     services                     $7,771     $    -       $7,871
    Credit revenues                    -      1,266        1,266

    Total revenues                 7,771      1,266        9,137
"""


def test_a_footnote_table_takes_the_scale_of_the_table_it_footnotes() -> None:
    filing = convert(FOOTNOTE_TABLE.encode(), "footnote.txt")
    detail = [f for f in filing.facts if f.statement_index == 1 and f.label == "Total revenues"]
    assert sorted(f.value for f in detail) == [
        Decimal(1266000000),
        Decimal(7771000000),
        Decimal(9137000000),
    ]
    assert [f for f in filing.findings if f.code == "scale.inherited"]


PER_SHARE_COLUMNS = """\
                     Example Retail Co.
        Summary of Certain Significant Items ($ in millions)

                                 For the 26 Weeks       For the 26 Weeks
                                Ended July 3, 2004     Ended June 28, 2003
                                          Earnings              Earnings
                                  Pretax  Per Share    Pretax   Per Share

    Curtailment gain on medical
     plans                          (30)    (0.09)        -           -

    Special Charges                  41      0.12        28        0.06

    Accelerated Depreciation         39      0.12         -           -
"""


def test_a_column_headed_per_share_holds_amounts_per_share() -> None:
    filing = convert(PER_SHARE_COLUMNS.encode(), "pershare.txt")
    special = facts_of(filing, "Special Charges")
    assert sorted((f.unit, f.value) for f in special) == sorted(
        [
            (Unit.USD, Decimal(41000000)),
            (Unit.USD_PER_SHARE, Decimal("0.12")),
            (Unit.USD, Decimal(28000000)),
            (Unit.USD_PER_SHARE, Decimal("0.06")),
        ]
    )


YEAR_LABELS = """\
                     Example Drug Co.
               Selected Quarterly Data

DIVIDENDS PAID PER COMMON SHARE
                                  Year     4th Q    3rd Q    2nd Q     1st Q

1995 ............................ $1.24    $.34    $.30      $.30      $.30
1994 ............................  1.14     .30     .28       .28       .28
1993 ............................  1.03     .28     .25       .25       .25
"""


def test_a_year_where_the_label_stands_is_no_figure() -> None:
    filing = convert(YEAR_LABELS.encode(), "years.txt")
    rows = [r for st in filing.statements for r in st.rows if r.cells and any(r.cells)]
    assert [r.label for r in rows] == ["1995", "1994", "1993"]
    assert not [f for f in filing.facts if f.value in (Decimal(1995), Decimal(1994), Decimal(1993))]


NO_SCALE = """\
                     Example Corp.
               Consolidated Balance Sheets

                                          December 31,
                                             2002         2001
                                          ---------    ---------
Cash                                        $   500      $   400
Other assets                                  1,500        1,600
                                          ---------    ---------
Total assets                                $ 2,000      $ 2,000
"""


def test_a_statement_that_prints_no_scale_says_its_amounts_are_dollars() -> None:
    filing = convert(NO_SCALE.encode(), "noscale.txt")
    (finding,) = [f for f in filing.findings if f.code == "scale.none"]
    assert finding.severity.value == "warning" and "taken as printed" in finding.message
    assert {f.value for f in facts_of(filing, "Total assets")} == {Decimal(2000)}


FOOTNOTES = """\
                     Example Telephone Co.
           Consolidated Statements of Income
                  (dollars in millions)

                                              3 Mos. Ended    3 Mos. Ended
                                                 3/31/01         3/31/00
                                              ------------    ------------
OPERATING REVENUES(1)                           $ 16,000        $ 15,000
OPERATING EXPENSES(1)                             12,000          11,500
                                              ------------    ------------
OPERATING INCOME                                $  4,000        $  3,500

FOOTNOTES:
(1)  Certain reclassifications of prior period amounts have been made, as
     follows:

<TABLE>
<S>                                          <C>              <C>
           Revenues                          $     -          $     360
           Expenses                          $     -          $     151
</TABLE>
"""


def test_a_numbered_footnote_table_takes_the_scale_of_the_table_it_footnotes() -> None:
    filing = convert(FOOTNOTES.encode(), "footnotes.txt")
    statement, footnote = filing.statements
    assert footnote.title.startswith("FOOTNOTES: (1)")
    assert (
        (footnote.scale, footnote.scale_text)
        == (statement.scale, statement.scale_text)
        == (6, "dollars in millions")
    )
    assert [f for f in filing.findings if f.code == "scale.inherited"]
    assert not [f for f in filing.findings if f.code == "scale.none"]


def test_a_count_read_by_its_place_is_said_so() -> None:
    filing = convert(SHARE_LINES.encode(), "shares.txt")
    assert [f for f in filing.findings if f.code == "unit.shares_by_place" and "DILUTIVE" in f.message]


NET_LOANS = """\
                          EXAMPLE BANCORPORATION
                   CONSOLIDATED STATEMENTS OF CONDITION
                          (Dollars in thousands)

                                                      December 31,
                                                   1996          1995
                                                ---------     ---------
Cash and due from banks                         $  85,000     $  80,000
Loans, net of unearned income                   1,200,000     1,100,000
Less allowance for loan losses                    (18,000)      (16,000)
                                                ---------     ---------
Net loans                                       1,182,000     1,084,000
Other assets                                       21,000        19,000
                                                ---------     ---------
Total assets                                    $1,288,000    $1,183,000
"""


def test_a_subtotal_under_a_rule_sums_only_the_lines_right_above_it() -> None:
    """ "Net loans" is loans less the allowance, not everything since the top of the table."""
    filing = convert(NET_LOANS.encode(), "bank.txt")
    codes = [f.code for f in filing.findings]
    assert "calc.unproved" not in codes
    totals = {c.total for c in filing.calculations}
    assert "us-gaap:LoansAndLeasesReceivableNetReportedAmount" in totals
    assert "us-gaap:Assets" in totals
