"""The golden releases with their table markup taken away: the reader on tables that carry none.

Filings of the early 1990s often print their statements with no `<TABLE>`, `<S>` or `<C>`.
Each golden release is read again with those tags blanked out (columns kept in place),
and scored against the same truth table. Some layouts depend on the markup (a header
the tags alone separate from prose), so fewer cells are found (4,067 of 4,131 today);
what matters most is that no figure comes out wrong. Floors are what the reader reaches.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from test_corpus import score

from converter import convert

GOLDEN = Path(__file__).resolve().parent.parent / "golden"
_MARKUP = re.compile(rb"</?(?:TABLE|CAPTION|S|C|FN|PAGE)>", re.I)

# case: (cells found at least, wrong values at most), with the markup blanked
FLOORS = {
    "24holdings-10ksb-fy2007": (50, 0),
    "cardinal-8k-fy1994q3-restated": (335, 0),
    "exxon-10k-1993": (226, 0),
    "exxon-10k-1995": (214, 0),
    "fedex-10k-fy1999": (228, 0),
    "ford-8k-1993q4-release": (381, 1),
    "humana-10k-1996": (171, 0),
    "ibm-10k405-fy1997": (248, 0),
    "innovo-fy2002": (112, 0),
    "jnj-10k-fy1993": (200, 0),
    "kroger-8k-2000q1-release": (52, 0),
    "merck-10k405-fy1995": (212, 0),
    "sbc-10k-1996": (245, 0),
    "sears-8k-2004q2-release": (211, 0),
    "travelers-8k-1992fy-tc": (320, 0),
    "unitedhealth-10k-1998": (204, 0),
    "unitedhealthcare-8k-1994q4-release": (291, 0),
    "valero-10k-1998": (209, 0),
    "verizon-8k-2001q1-release": (158, 0),
}


def unmarked(text: bytes) -> bytes:
    """The release with every table tag blanked, each column where it was."""
    return _MARKUP.sub(lambda m: b" " * len(m.group(0)), text)


@pytest.mark.parametrize("case", sorted(FLOORS))
def test_without_markup_no_figure_comes_out_wrong(case: str, tmp_path: Path) -> None:
    filing = convert(unmarked((GOLDEN / case / "release.txt").read_bytes()), "release.txt")
    found, wrong = score(filing, GOLDEN / case / "truth.csv", tmp_path)
    floor, ceiling = FLOORS[case]
    assert found >= floor, f"{case} without markup: {found} cells found, was {floor}"
    assert wrong <= ceiling, f"{case} without markup: {wrong} wrong values, was {ceiling}"


def test_every_golden_case_is_read_without_markup_too() -> None:
    cases = sorted(p.name for p in GOLDEN.iterdir() if (p / "truth.csv").exists())
    assert cases == sorted(FLOORS)
