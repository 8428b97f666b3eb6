"""The reader and mapping measured against the hand-checked truth tables in golden/.

Each case's floor is what the converter reached when it was last raised; a drop
fails. The issue's target is 97 % found with no wrong values; the floors below
it are the honest state of today, kept in one table so that progress shows.
"""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import pytest
import scoring

from converter import convert, convert_file
from converter.model import Filing
from exporters.json_doc import document

GOLDEN = Path(__file__).resolve().parent.parent / "golden"

# case: (cells found at least, wrong values at most, concepts right at least)
FLOORS = {
    "24holdings-10ksb-fy2007": (50, 0, 50),
    "cardinal-8k-fy1994q3-restated": (335, 0, 300),
    "exxon-10k-1993": (226, 0, 193),
    "exxon-10k-1995": (214, 0, 187),
    "fedex-10k-fy1999": (228, 0, 187),
    "ford-8k-1993q4-release": (381, 1, 54),
    "humana-10k-1996": (171, 0, 166),
    "ibm-10k405-fy1997": (251, 0, 203),
    "innovo-fy2002": (112, 0, 112),
    "jnj-10k-fy1993": (200, 0, 181),
    "kroger-8k-2000q1-release": (52, 0, 40),
    "merck-10k405-fy1995": (212, 0, 178),
    "sbc-10k-1996": (245, 0, 203),
    "sears-8k-2004q2-release": (211, 0, 176),
    "travelers-8k-1992fy-tc": (320, 0, 184),
    "unitedhealth-10k-1998": (204, 0, 186),
    "unitedhealthcare-8k-1994q4-release": (333, 0, 302),
    "valero-10k-1998": (224, 0, 201),
    "verizon-8k-2001q1-release": (158, 0, 132),
}


def summary(filing: Filing, truth: Path, tmp_path: Path) -> dict[str, int]:
    """The scorer's counts for a filing's JSON against a truth table: cells found, wrong
    values, and concepts right of those checked."""
    out = tmp_path / "out.json"
    out.write_text(json.dumps(document(filing)))
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        scoring.main([str(truth), str(out)])
    line = buf.getvalue().strip().splitlines()[-1]
    right, checked = line.split("concepts right ")[1].split(" ")[0].split("/")
    return {
        "found": int(line.split("cells found ")[1].split("/")[0]),
        "wrong": int(line.split("wrong values ")[1].split(";")[0]),
        "concepts_right": int(right),
        "concepts_checked": int(checked),
    }


def assert_as_filed(case: str, text: bytes, how: str, tmp_path: Path) -> None:
    """A golden release changed in some way (`how`) is read as well as the release as filed:
    as many cells found at least, no more wrong values."""
    counts = summary(convert(text, "release.txt"), GOLDEN / case / "truth.csv", tmp_path)
    floor, ceiling, _concepts = FLOORS[case]
    assert counts["found"] >= floor, f"{case} {how}: {counts['found']} cells found, as filed {floor}"
    assert counts["wrong"] <= ceiling, f"{case} {how}: {counts['wrong']} wrong values, as filed {ceiling}"


_SUMMARIES: dict[str, dict[str, int]] = {}


def _summary(case: str, tmp_path: Path) -> dict[str, int]:
    """A golden case's counts, converted once per test session."""
    if case not in _SUMMARIES:
        filing = convert_file(GOLDEN / case / "release.txt")
        _SUMMARIES[case] = summary(filing, GOLDEN / case / "truth.csv", tmp_path)
    return _SUMMARIES[case]


def test_every_case_has_a_floor() -> None:
    cases = sorted(p.name for p in GOLDEN.iterdir() if (p / "truth.csv").exists())
    assert cases == sorted(FLOORS)


@pytest.mark.parametrize("case", sorted(FLOORS))
def test_no_regression_against_truth(case: str, tmp_path: Path) -> None:
    counts = _summary(case, tmp_path)
    floor, ceiling, concepts = FLOORS[case]
    assert counts["found"] >= floor, f"{case}: {counts['found']} cells found, was {floor}"
    assert counts["wrong"] <= ceiling, f"{case}: {counts['wrong']} wrong values, was {ceiling}"
    assert counts["concepts_right"] >= concepts, (
        f"{case}: {counts['concepts_right']} concepts right, was {concepts}"
    )


def test_corpus_recall_meets_the_target(tmp_path: Path) -> None:
    """Across the corpus at least 97 % of the truth cells are found (the reader issue's bar)."""
    found = total = 0
    for case in sorted(FLOORS):
        found += _summary(case, tmp_path)["found"]
        total += len((GOLDEN / case / "truth.csv").read_text().splitlines()) - 1
    assert found / total >= 0.97, f"{found}/{total}"


def test_corpus_concepts_meet_the_target(tmp_path: Path) -> None:
    """At least 97 % of the found cells that name a concept get one the truth accepts (the
    mapping issue's bar), over the corpus without the seed, which is held to 100 %."""
    right = checked = 0
    for case in sorted(FLOORS):
        counts = _summary(case, tmp_path)
        if case == "innovo-fy2002":
            assert counts["concepts_right"] == counts["concepts_checked"]
            continue
        right += counts["concepts_right"]
        checked += counts["concepts_checked"]
    assert right / checked >= 0.97, f"{right}/{checked}"
