"""Layouts that take away a cue the reader leans on, and what tells instead.

Capitals and title case: many filings of the early 1990s set every label in capitals.
Mixed case tells the reader a lot: a wrapped label goes on in lower case ("Net earnings
available for common" / "shares"), a mixed-case heading under a capital one is part of
it. In capitals those cues are gone, so the geometry of the line (a label cut short before
the figures), the joining words and the headings a statement's sections have must tell
instead. Each golden release is read again with its whole text in capitals, and again in
title case, and scored against the same truth table; floors are what the reader reaches.

The small tables below show each layout, and others: labels flush left with no indents,
figures with no "$" beside them (which had widened the first columns), other names for the
statements, a statement continued on the next page, and dates printed in figures
("ended 5/20/00").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from test_corpus import FLOORS, assert_as_filed

from converter import convert
from converter.model import Filing
from converter.tables.rows import continues

GOLDEN = Path(__file__).resolve().parent.parent / "golden"


def capitals(text: bytes) -> bytes:
    """The release with every letter in capitals (ASCII only, so no column moves)."""
    return bytes(b - 32 if 97 <= b <= 122 else b for b in text)


_WORD = re.compile(rb"[A-Za-z][A-Za-z']*")
_TAG = re.compile(rb"</?(?:table|caption|s|c|fn|page)>", re.I)


def title_case(text: bytes) -> bytes:
    """Every word capitalized, the rest of it in lower case; table tags kept as they were."""
    out = _WORD.sub(lambda m: m.group(0)[:1].upper() + m.group(0)[1:].lower(), text)
    return _TAG.sub(lambda m: m.group(0).upper(), out)


@pytest.mark.parametrize("style", [capitals, title_case], ids=["capitals", "title-case"])
@pytest.mark.parametrize("case", sorted(FLOORS))
def test_in_capitals_no_figure_comes_out_wrong(
    case: str, style: Callable[[bytes], bytes], tmp_path: Path
) -> None:
    text = style((GOLDEN / case / "release.txt").read_bytes())
    assert_as_filed(case, text, f"in {style.__name__}", tmp_path)


@pytest.mark.parametrize(
    ("above", "below", "overflowed", "joins"),
    [
        # cut short before the figures: the label goes on
        ("NET EARNINGS AVAILABLE FOR COMMON", "SHARES", True, True),
        # the same line with room to spare is a heading over its first line
        ("NET EARNINGS AVAILABLE FOR COMMON", "SHARES", False, False),
        # the items a heading lists never carry on its words, however long the heading
        ("WEIGHTED AVERAGE SHARES OUTSTANDING", "BASIC", True, False),
        ("EARNINGS BEFORE PROVISION FOR TAXES", "ON INCOME AND CUMULATIVE EFFECT OF", False, True),
        ("INCOME (LOSS) FROM DISCONTINUED OPERATIONS", "NET OF INCOME TAX", False, True),
        # "NET" opens an item of its own: "NET CHANGE IN SHORT-TERM BORROWINGS"
        ("CASH FLOWS FROM FINANCING ACTIVITIES", "NET CHANGE IN SHORT-TERM BORROWINGS", False, False),
        # title case tells no more than capitals do
        ("Net Earnings Available For Common", "Shares", True, True),
        ("Weighted Average Shares Outstanding", "Diluted", True, False),
    ],
)
def test_label_continuation_in_capitals(above: str, below: str, overflowed: bool, joins: bool) -> None:
    assert continues(above, below, overflowed) is joins


def _facts(text: str) -> Filing:
    return convert(text.encode(), "capitals.txt")


def _values(filing: Filing, label: str) -> dict[str, set[Decimal]]:
    out: dict[str, set[Decimal]] = {}
    for f in filing.facts:
        if f.label == label and f.value is not None:
            out.setdefault(str(f.period.end), set()).add(f.value)
    return out


PER_SHARE = """\
                              EXAMPLE CORPORATION
                       CONSOLIDATED STATEMENT OF OPERATIONS
                       (IN MILLIONS, EXCEPT PER SHARE DATA)

                                                          1992          1991
                                                        -------       -------
REVENUES                                                $ 4,000       $ 3,800
EXPENSES                                                  3,000         2,700
                                                        -------       -------
NET INCOME                                              $ 1,000       $ 1,100
                                                        =======       =======
PER COMMON SHARE (IN DOLLARS)
PRIMARY
   EXTRAORDINARY CREDIT                                      .10            --
   NET INCOME                                             $ 5.00        $ 5.50
ASSUMING FULL DILUTION
   EXTRAORDINARY CREDIT                                      .09            --
   NET INCOME                                               4.90          5.40
DIVIDENDS                                                   1.60          1.60
"""


def test_capital_headings_right_under_one_another_are_its_parts() -> None:
    filing = _facts(PER_SHARE)
    st = filing.statements[0]
    sections = [r.section for r in st.rows if r.label == "NET INCOME" and r.depth]
    assert sections == [
        "PER COMMON SHARE (IN DOLLARS) / PRIMARY",
        "PER COMMON SHARE (IN DOLLARS) / ASSUMING FULL DILUTION",
    ]
    assert _values(filing, "DIVIDENDS") == {"1992-12-31": {Decimal("1.60")}, "1991-12-31": {Decimal("1.60")}}


CASH_FLOWS = """\
                              EXAMPLE CORPORATION
                       CONSOLIDATED STATEMENTS OF CASH FLOWS
                                 (IN THOUSANDS)

                                                          1999          1998
                                                        -------       -------
OPERATING ACTIVITIES
INCOME FROM CONTINUING OPERATIONS                       $ 1,000       $   900
ADJUSTMENTS TO RECONCILE INCOME FROM CONTINUING
OPERATIONS TO CASH PROVIDED BY OPERATING ACTIVITIES:
    DEPRECIATION AND AMORTIZATION                           500           450
    OTHER, NET                                              (20)           10
                                                        -------       -------
CASH PROVIDED BY OPERATING ACTIVITIES                     1,480         1,360
INVESTING ACTIVITIES
PURCHASES OF PROPERTY AND EQUIPMENT                        (800)         (700)
PROCEEDS FROM DISPOSITIONS OF PROPERTY AND EQUIPMENT:
    SALE-LEASEBACK TRANSACTIONS                             100            50
    OTHER DISPOSITIONS                                       40            30
OTHER, NET                                                  (30)           20
                                                        -------       -------
CASH USED IN INVESTING ACTIVITIES                          (690)         (600)
"""


def test_capital_headings_inside_a_statements_major_section_are_part_of_it() -> None:
    filing = _facts(CASH_FLOWS)
    st = filing.statements[0]
    by_line = {r.source.text.strip()[:30]: r.section for r in st.rows}
    assert by_line["DEPRECIATION AND AMORTIZATION"].startswith(
        "OPERATING ACTIVITIES / ADJUSTMENTS TO RECONCILE"
    )
    assert by_line["SALE-LEASEBACK TRANSACTIONS"] == (
        "INVESTING ACTIVITIES / PROCEEDS FROM DISPOSITIONS OF PROPERTY AND EQUIPMENT"
    )
    concepts = {f.concept for f in filing.facts if f.label == "OTHER, NET"}
    assert "us-gaap:PaymentsForProceedsFromOtherInvestingActivities" in concepts


BUSINESSES = """\
                              EXAMPLE MOTOR COMPANY
                        CONSOLIDATED STATEMENT OF INCOME
                              (IN MILLIONS)

                                                          1993          1992
                                                        -------       -------
AUTOMOTIVE
SALES                                                   $ 9,000       $ 8,000
COSTS AND EXPENSES                                        8,000         7,500
INCOME BEFORE INCOME TAXES - AUTOMOTIVE                   1,000           500

FINANCIAL SERVICES
REVENUES                                                  3,000         2,800
COSTS AND EXPENSES
INTEREST EXPENSE                                          1,000           900
OPERATING AND OTHER EXPENSES                                800           900
   TOTAL COSTS AND EXPENSES                               1,800         1,800
INCOME BEFORE INCOME TAXES - FINANCIAL SERVICES           1,200         1,000

TOTAL COMPANY
INCOME BEFORE INCOME TAXES                                2,200         1,500
PROVISION FOR INCOME TAXES                                  700           500
                                                        -------       -------
NET INCOME                                              $ 1,500       $ 1,000
"""


def test_a_business_heading_holds_its_lines_up_to_the_line_that_names_it() -> None:
    filing = _facts(BUSINESSES)
    st = filing.statements[0]
    by_label = {r.label: r.section for r in st.rows}
    assert by_label["INTEREST EXPENSE"] == "FINANCIAL SERVICES / COSTS AND EXPENSES"
    assert by_label["INCOME BEFORE INCOME TAXES - FINANCIAL SERVICES"] == "FINANCIAL SERVICES"
    assert by_label["INCOME BEFORE INCOME TAXES"] == "TOTAL COMPANY"
    pretax = (
        "us-gaap:IncomeLossFromContinuingOperationsBeforeIncomeTaxesExtraordinaryItemsNoncontrollingInterest"
    )
    assert {f.value for f in filing.facts if f.concept == pretax} <= {
        Decimal("2200000000"),
        Decimal("1500000000"),
    }


FLAT = """\
                              Example Health, Inc.
                       Consolidated Statements of Earnings
                     (In thousands, except per share amounts)

                                                          1993          1992
                                                        -------       -------
Net sales                                               $ 4,000       $ 3,800
Cost of products sold                                     3,000         2,700
                                                        -------       -------
Net earnings                                            $ 1,000       $ 1,100
                                                        =======       =======
Earnings Per Common Share:
Primary
Net earnings before cumulative
effect of change                                        $  1.37       $  0.93
Net earnings                                            $  1.01       $  0.93

Fully diluted
Net earnings before cumulative
effect of change                                        $  1.33       $  0.93
Net earnings                                            $  1.00       $  0.93
"""


def test_primary_and_fully_diluted_are_parts_of_the_per_share_heading_without_indents() -> None:
    filing = _facts(FLAT)
    st = filing.statements[0]
    sections = [r.section for r in st.rows if r.label == "Net earnings" and r.depth == 0 and r.section]
    assert sections == ["Earnings Per Common Share / Primary", "Earnings Per Common Share / Fully diluted"]
    units = {str(f.unit) for f in filing.facts if f.label.startswith("Net earnings before")}
    assert units == {"USD/shares"}


NO_DOLLARS = """\
                              Example Group, Inc.
                     Consolidated Statements of Operations
                                (In thousands)

                                             Three                Twelve
                                         Months Ended          Months Ended
                                  November 30   December 1  November 30   December 1
                                     2002          2001         2002         2001
                                  -----------   ----------  -----------   ----------
Net sales                               9,458        3,546       29,609        9,292
Cost of goods sold                      6,302        2,783       19,839        6,333
                                  -----------   ----------  -----------   ----------
Gross profit                            3,156          763        9,770        2,959
"""


def test_a_heading_over_two_columns_reaches_both_by_their_rules_without_dollar_signs() -> None:
    """No "$" widens the first figures leftward: the rules under the headings give each
    column its width, so "Three Months Ended" stands over both of its columns."""
    filing = _facts(NO_DOLLARS)
    months = [c.period.months for c in filing.statements[0].columns if c.period]
    assert months == [3, 3, 12, 12]


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("CONSOLIDATED STATEMENT OF CONDITION", "balance_sheet"),
        ("Consolidated Statements of Condition", "balance_sheet"),
        ("CONSOLIDATED RESULTS OF OPERATIONS", "income_statement"),
        ("Statement of Consolidated Results of Operations", "income_statement"),
    ],
)
def test_other_names_of_the_statements(title: str, kind: str) -> None:
    """Banks title their balance sheet a statement of condition; some income statements are
    results of operations. The title is found above the table and names its kind."""
    text = f"""\
                              Example Bancorp

{title:^80}
                                (In thousands)

                                                          1994          1993
                                                        -------       -------
Net interest income                                     $ 4,000       $ 3,800
Other income                                                500           400
                                                        -------       -------
Net income                                              $ 4,500       $ 4,200
"""
    st = _facts(text).statements[0]
    assert st.title.strip().lower().startswith(title.lower())
    if kind == "balance_sheet":
        assert st.kind.value == kind


CONTINUED_SHEET = """\
                              Example Insurance Corporation
                               CONSOLIDATED BALANCE SHEET
<TABLE>
<CAPTION>
(At December 31, in millions)                                 1992            1991
<S>                                                          <C>             <C>
ASSETS
Investments                                                  $ 40,000        $ 39,000
Separate and variable accounts                                  5,330           5,252
                                                             --------        --------
TOTAL ASSETS                                                 $ 45,330        $ 44,252
                                                             ========        ========
LIABILITIES
Current liabilities:
Benefit and loss reserves                                      16,268          15,800
</TABLE>

                                     12
<PAGE>

{continued}

<TABLE>
<CAPTION>
(At December 31, in millions)                                 1992            1991
<S>                                                          <C>             <C>
Separate and variable accounts                                  5,251           5,192
                                                             --------        --------
Total current liabilities                                      21,519          20,992
Other liabilities                                              18,811          18,260
                                                             --------        --------
TOTAL LIABILITIES                                              40,330          39,252
Stockholders' equity                                            5,000           5,000
                                                             --------        --------
TOTAL LIABILITIES AND STOCKHOLDERS' EQUITY                   $ 45,330        $ 44,252
</TABLE>
"""


@pytest.mark.parametrize("continued", ["CONSOLIDATED BALANCE SHEET (continued)", "(Continued)"])
def test_a_statement_continued_on_the_next_page_keeps_the_section_the_page_broke_off(continued: str) -> None:
    filing = _facts(CONTINUED_SHEET.format(continued=continued))
    assert len([s for s in filing.statements if s.kind.value == "balance_sheet"]) == 1
    got = {(f.concept, f.value) for f in filing.facts if f.label == "Separate and variable accounts"}
    assert ("us-gaap:SeparateAccountsLiability", Decimal("5251000000")) in got
    assert ("us-gaap:SeparateAccountAssets", Decimal("5330000000")) in got
    # the current liabilities end at their total: what follows is no longer current
    assert {f.concept for f in filing.facts if f.label == "Other liabilities"} == {
        "us-gaap:OtherLiabilitiesNoncurrent"
    }


QUARTER_IN_PROSE = """\
                                 THE EXAMPLE CO.

     CINCINNATI, OH, 6/20/00 -- The Example Co. today reported net earnings of
$106.0 million for the 16-week first quarter ended 5/20/00.

                        CONSOLIDATED STATEMENT OF INCOME
                     (in millions, except per share amounts)

                                                 FIRST QUARTER
                                           -------------------------
                                              2000             1999
                                           ---------        ---------
SALES                                      $14,329.4        $13,493.1
COSTS AND EXPENSES                          13,872.4         13,105.5
                                           ---------        ---------
NET EARNINGS                               $   457.0        $   387.6
"""


def test_a_quarter_the_prose_dates_with_figures_ends_on_that_date() -> None:
    """ "the 16-week first quarter ended 5/20/00": a date in figures dates the quarter too."""
    filing = _facts(QUARTER_IN_PROSE)
    ends = [str(c.period.end) for c in filing.statements[0].columns if c.period]
    assert ends[0] == "2000-05-20"
    assert {c.period.weeks for c in filing.statements[0].columns if c.period} == {16}


TREND = """\
                         EXAMPLE HEALTH CORPORATION
                          QUARTERLY TREND ANALYSIS
                                  (000's)

     For the three months ended December 31, 1994, revenues rose to $969,027,000.

                                                 1ST QTR       2ND QTR       3RD QTR       4TH QTR
                                                   1994          1994          1994          1994
                                                 -------       -------       -------       -------
 PREMIUM...................................     $ 804,991     $ 835,702     $ 858,228     $ 877,317
 OTHER.....................................        98,565       103,763        98,606        91,710
                                                 -------       -------       -------       -------
 TOTAL REVENUES............................       903,556       939,465       956,834       969,027
"""


def test_a_numbered_quarter_ends_in_its_place_in_the_year_whatever_the_prose_dates() -> None:
    """The prose dates only the fourth quarter; "1ST QTR 1994" still ends in March."""
    filing = _facts(TREND)
    ends = [str(c.period.end) for c in filing.statements[0].columns if c.period]
    assert ends == ["1994-03-31", "1994-06-30", "1994-09-30", "1994-12-31"]


BARE_YEARS = """\
                              EXAMPLE OIL CORPORATION
                        CONSOLIDATED STATEMENT OF INCOME
                             (millions of dollars)

                                                 1993          1992
                                              --------      --------
Revenue                                        $ 9,000       $ 8,000
Costs and other deductions                       8,000         7,500
                                              --------      --------
Net income                                     $ 1,000       $   500
{note}
"""


@pytest.mark.parametrize(
    ("note", "flagged"),
    [("", True), ("Net income for the year ended December 31, 1993 rose 100 percent.", False)],
)
def test_a_year_end_nothing_names_is_assumed_and_said_so(note: str, flagged: bool) -> None:
    filing = _facts(BARE_YEARS.format(note=note))
    assert [str(c.period.end) for c in filing.statements[0].columns if c.period] == [
        "1993-12-31",
        "1992-12-31",
    ]
    codes = [f.code for f in filing.findings]
    assert ("period.assumed" in codes) is flagged
