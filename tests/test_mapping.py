"""Mapping on small releases: signs the arithmetic decides, context, extensions, broken totals."""

from __future__ import annotations

from decimal import Decimal

import pytest

from converter import convert
from converter.model import Fact, Filing, MappingMethod, Severity

INCOME = """\
                     Example Corp.
           Consolidated Statements of Operations
                     (In thousands)

                                          Year Ended December 31,
                                             2002         2001
                                          ---------    ---------
Net sales                                  $ 10,000     $  9,000
Cost of goods sold                            6,000        5,500
                                          ---------    ---------
Gross profit                                  4,000        3,500
Operating expenses:
  Selling, general and administrative         2,000        1,800
  Other                                         300          250
                                          ---------    ---------
                                              2,300        2,050
                                          ---------    ---------
Income from operations                        1,700        1,450
Interest expense                               (200)        (150)
                                          ---------    ---------
Income before income taxes                    1,500        1,300
Income taxes                                    (50)         400
                                          ---------    ---------
Net income                                 $  1,550     $    900
"""

BALANCE = """\
                     Example Corp.
               Consolidated Balance Sheets
                     (In thousands)

                                          December 31,
                                             2002         2001
                                          ---------    ---------
Current assets:
  Cash and cash equivalents                 $   500      $   400
  Other                                         120          100
                                          ---------    ---------
Total current assets                            620          500
Property and equipment, net                   1,380        1,500
                                          ---------    ---------
Total assets                                $ 2,000      $ 2,000
                                          ---------    ---------
Current liabilities:
  Accounts payable                          $   300      $   350
  Other                                          50           60
                                          ---------    ---------
Total current liabilities                       350          410
Stockholders' equity:
  Common stock                                1,000        1,000
  Retained earnings                             900          790
  Treasury stock                               (250)        (200)
  Widget reserve                                  0            0
                                          ---------    ---------
Total stockholders' equity                    1,650        1,590
                                          ---------    ---------
Total liabilities and stockholders' equity  $ 2,000      $ 2,000
"""


def facts_of(filing: Filing, label: str) -> list[Fact]:
    return [f for f in filing.facts if f.label == label]


def value(filing: Filing, label: str, year: int) -> Decimal | None:
    hits = [f for f in facts_of(filing, label) if f.period.end.year == year]
    assert len(hits) == 1, (label, year, hits)
    return hits[0].value


@pytest.fixture(scope="module")
def income() -> Filing:
    return convert(INCOME.encode(), "income.txt")


@pytest.fixture(scope="module")
def balance() -> Filing:
    return convert(BALANCE.encode(), "balance.txt")


@pytest.mark.parametrize(
    ("label", "year", "concept", "expected"),
    [
        # printed in parentheses and added: an expense, positive in XBRL
        ("Interest expense", 2002, "us-gaap:InterestExpense", Decimal(200000)),
        # printed in parentheses in one year only, subtracted: a tax benefit, negative in XBRL
        ("Income taxes", 2002, "us-gaap:IncomeTaxExpenseBenefit", Decimal(-50000)),
        ("Income taxes", 2001, "us-gaap:IncomeTaxExpenseBenefit", Decimal(400000)),
        ("Cost of goods sold", 2002, "us-gaap:CostOfGoodsAndServicesSold", Decimal(6000000)),
        ("Net income", 2002, "us-gaap:NetIncomeLoss", Decimal(1550000)),
    ],
)
def test_signs_follow_the_arithmetic(
    income: Filing, label: str, year: int, concept: str, expected: Decimal
) -> None:
    hits = [f for f in facts_of(income, label) if f.period.end.year == year]
    assert [(f.concept, f.value) for f in hits] == [(concept, expected)]


def test_negated_marks_what_the_release_printed_otherwise(income: Filing) -> None:
    interest = facts_of(income, "Interest expense")
    assert all(f.negated for f in interest)
    assert not any(f.negated for f in facts_of(income, "Net sales"))


def test_unlabelled_subtotal_is_named_from_its_section(income: Filing) -> None:
    subtotal = [f for f in income.facts if f.label == "Total Operating expenses"]
    assert {f.concept for f in subtotal} == {"us-gaap:OperatingExpenses"}


def test_one_label_under_two_sections(income: Filing, balance: Filing) -> None:
    """'Other' under current assets, current liabilities and operating expenses: three concepts."""
    others = {f.concept for f in facts_of(balance, "Other")}
    assert others == {"us-gaap:OtherAssetsCurrent", "us-gaap:OtherLiabilitiesCurrent"}
    assert facts_of(income, "Other")[0].concept != "us-gaap:OtherAssetsCurrent"


def test_contra_equity_is_positive(balance: Filing) -> None:
    assert value(balance, "Treasury stock", 2002) == Decimal(250000)
    assert {f.concept for f in facts_of(balance, "Treasury stock")} == {"us-gaap:TreasuryStockValue"}


def test_unmapped_row_becomes_an_extension_with_a_finding(balance: Filing) -> None:
    reserve = facts_of(balance, "Widget reserve")
    assert reserve and all(f.concept.startswith(f"{balance.extension_prefix}:") for f in reserve)
    assert all(f.mapping and f.mapping.method == MappingMethod.EXTENSION for f in reserve)
    assert any(c.name == reserve[0].concept.split(":")[1] for c in balance.extensions)
    assert any(f.code == "mapping.extension" and "Widget reserve" in f.message for f in balance.findings)
    assert not any(f.concept.startswith("us-gaap:Widget") for f in balance.facts)


def test_every_total_is_checked_and_the_balance_sheet_balances(balance: Filing) -> None:
    checks = [f.check for f in balance.findings if f.check is not None]
    assert any(c.rule == "balance" and c.consistent for c in checks)
    assert checks and all(c.consistent for c in checks)


def test_a_broken_total_is_flagged() -> None:
    broken = BALANCE.replace(
        "Total current assets                            620",
        "Total current assets                            629",
    )
    filing = convert(broken.encode(), "broken.txt")
    warnings = [f for f in filing.findings if f.severity == Severity.WARNING]
    line = (
        broken.splitlines().index(next(ln for ln in broken.splitlines() if "Total current assets" in ln)) + 1
    )
    assert any(
        f.source and f.source.line == line and "Total current assets" in f.message for f in warnings
    ), [f.message for f in warnings]
    assert not any(c.total == "us-gaap:AssetsCurrent" for c in filing.calculations)
