"""The golden releases with their table markup taken away: the reader on tables that carry none.

Filings of the early 1990s often print their statements with no `<TABLE>`, `<S>` or `<C>`.
Each golden release is read again with those tags blanked out (columns kept in place),
and scored against the same truth table. The reader finds as many cells without the
markup as with it (4,127 of 4,131 today); what matters most is that no figure comes out
wrong. Floors are what the reader reaches. Below, small tables show each layout the markup
used to settle.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from test_corpus import FLOORS, assert_as_filed

from converter import convert

GOLDEN = Path(__file__).resolve().parent.parent / "golden"
_MARKUP = re.compile(rb"</?(?:TABLE|CAPTION|S|C|FN|PAGE)>", re.I)


def unmarked(text: bytes) -> bytes:
    """The release with every table tag blanked, each column where it was."""
    return _MARKUP.sub(lambda m: b" " * len(m.group(0)), text)


@pytest.mark.parametrize("case", sorted(FLOORS))
def test_without_markup_no_figure_comes_out_wrong(case: str, tmp_path: Path) -> None:
    text = unmarked((GOLDEN / case / "release.txt").read_bytes())
    assert_as_filed(case, text, "without markup", tmp_path)


def _facts(text: str) -> dict[tuple[str, str], set[Decimal]]:
    """(label, period end) -> the values reported, for a release without markup."""
    out: dict[tuple[str, str], set[Decimal]] = {}
    for f in convert(text.encode(), "unmarked.txt").facts:
        if f.value is not None:
            out.setdefault((f.label, str(f.period.end)), set()).add(f.value)
    return out


DILUTED = """\
                         EXAMPLE ENERGY CORPORATION
                     CONSOLIDATED STATEMENTS OF INCOME
                           (Thousands of Dollars)

                                                          Year Ended December 31,
                                                        1998           1997
                                                    ------------   ------------
OPERATING REVENUES ...............................   $ 5,000,000    $ 4,000,000
COSTS AND EXPENSES ...............................     4,900,000      3,800,000
                                                    ------------   ------------
NET INCOME .......................................   $   100,000    $   200,000
                                                    ============   ============

EARNINGS (LOSS) PER SHARE OF COMMON STOCK:
  Net income .....................................   $      2.00    $      4.00
                                                    ============   ============
  Weighted average common shares outstanding .....        50,000         50,000

EARNINGS (LOSS) PER SHARE OF COMMON STOCK - ASSUMING DILUTION:
  Net income .....................................   $      1.90    $      3.80
                                                    ============   ============
  Weighted average common shares outstanding .....        52,600         52,600
"""


def test_a_heading_in_capitals_ending_in_a_colon_stays_inside_its_table() -> None:
    facts = _facts(DILUTED)
    assert facts[("Net income", "1998-12-31")] == {Decimal("2.00"), Decimal("1.90")}
    assert {Decimal("52600000")} <= facts[("Weighted average common shares outstanding", "1998-12-31")]


SCHEDULE = """\
                         EXAMPLE HEALTH CORPORATION
                          QUARTERLY TREND ANALYSIS
                                  (000's)

                                                 1ST QTR       %       2ND QTR       %
REVENUES:                                          1994     REVENUE      1994     REVENUE
                                                 -------    -------    -------    -------
 PREMIUM...................................     $ 800,000    80.0%    $ 810,000    81.0%
 OTHER.....................................       200,000    20.0%      190,000    19.0%
                                                 -------    -------    -------    -------
 TOTAL REVENUES............................     1,000,000   100.0%    1,000,000   100.0%
                                                 =======    =======    =======    =======

                                              % CHG FROM                 % CHG FROM
                                                2ND QTR     3RD QTR        3RD QTR     4TH QTR
REVENUES:                                        1994        1994           1994        1994
                                                -------    -------        -------    -------
 PREMIUM...................................        3.8%    $ 840,000         2.7%    $ 860,000
 OTHER.....................................       -4.8%      180,000       -22.9%      140,000
                                                -------    -------        -------    -------
 TOTAL REVENUES............................        2.0%    1,020,000        -2.0%    1,000,000
"""


def test_a_header_printed_again_below_a_total_opens_the_next_part() -> None:
    facts = _facts(SCHEDULE)
    assert facts[("PREMIUM", "1994-09-30")] == {Decimal("840000000")}
    assert facts[("PREMIUM", "1994-12-31")] == {Decimal("860000000")}
    assert facts[("TOTAL REVENUES", "1994-12-31")] == {Decimal("1000000000")}


YEARLY_NOTE = """\
                          EXAMPLE MACHINES CORPORATION
                       CONSOLIDATED STATEMENT OF EARNINGS
                      (Dollars in millions except per share amounts)

For the year ended December 31:                         1997        1996
-------------------------------------------------------------------------
Revenue                                             $ 78,508    $ 75,947
Cost                                                  49,492      47,898
                                                    --------    --------
Net Earnings                                        $  6,093    $  5,429
=========================================================================

Average number of common shares outstanding:
1997 - 983,286,361; 1996 - 1,056,704,188
"""


def test_a_year_by_year_note_below_a_table_without_markup_is_read() -> None:
    facts = _facts(YEARLY_NOTE)
    assert facts[("Average number of common shares outstanding", "1997-12-31")] == {Decimal("983286361")}


CONTINUED = """\
                         EXAMPLE CORPORATION
                     CONSOLIDATED BALANCE SHEETS
                           (In thousands)

                                                  December 31,
                                              1998            1997
                                          ------------    ------------
Cash                                            100              90
Receivables                                     200             180
Inventories                                     300             270
Prepaid expenses                                 50              40




                                   12




Other current assets                   $         10    $         20
Total current assets                   $        660    $        600
Property, net                          $        340    $        400
Total assets                           $      1,000    $      1,000
"""


def test_a_table_going_on_after_a_page_break_joins_it_though_its_dollars_stand_apart() -> None:
    facts = _facts(CONTINUED)
    assert facts[("Total assets", "1998-12-31")] == {Decimal("1000000")}
    assert facts[("Other current assets", "1997-12-31")] == {Decimal("20000")}
