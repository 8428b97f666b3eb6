"""Golden files: every case under golden/ through every registered exporter.

golden/<case>/release.txt is converted, written by each exporter and turned
into canonical text (exporters/dump.py), which must equal
golden/<case>/expected/<exporter name><suffix>.txt, e.g. expected/xlsx.xlsx.txt.

- A missing expected file is written and the test fails: review it, then commit.
- A mismatch writes `<expected>.obtained` beside it and fails with the diff.
- `pytest --update-golden` writes the expected files and passes.
"""

from __future__ import annotations

import difflib
import io
import json
from functools import cache
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

import exporters
import schemas
from converter.model import Filing
from exporters.dump import canonical_text

GOLDEN = Path(__file__).resolve().parent.parent / "golden"
CASES = sorted(p.name for p in GOLDEN.iterdir() if (p / "release.txt").is_file())
DIFF_LINES = 80


@cache
def converted(case: str) -> Filing:
    from converter import convert_file

    result = convert_file(GOLDEN / case / "release.txt")
    assert isinstance(result, Filing), f"convert_file returned {type(result).__name__}"
    return result


def output(case: str, name: str) -> bytes:
    out = io.BytesIO()
    exporters.get(name).write(converted(case), out)
    return out.getvalue()


def expected_path(case: str, name: str) -> Path:
    return GOLDEN / case / "expected" / f"{name}{exporters.get(name).suffix}.txt"


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def compare(path: Path, obtained: str, update: bool) -> None:
    """Compare `obtained` with the golden file at `path` (see the module docstring)."""
    leftover = path.with_name(path.name + ".obtained")
    if update:
        _write(path, obtained)
        leftover.unlink(missing_ok=True)
        return
    if not path.exists():
        _write(path, obtained)
        pytest.fail(f"{path} was missing and has been written; review it and commit it")
    expected = path.read_text(encoding="utf-8")
    if expected == obtained:
        leftover.unlink(missing_ok=True)
        return
    _write(leftover, obtained)
    diff = list(
        difflib.unified_diff(
            expected.splitlines(), obtained.splitlines(), str(path), str(leftover), lineterm=""
        )
    )
    more = f"\n... {len(diff) - DIFF_LINES} more diff lines" if len(diff) > DIFF_LINES else ""
    pytest.fail(
        f"{path.name} differs (obtained output in {leftover.name}; "
        f"rerun with --update-golden to accept):\n" + "\n".join(diff[:DIFF_LINES]) + more,
        pytrace=False,
    )


@pytest.mark.parametrize("name", exporters.names())
@pytest.mark.parametrize("case", CASES)
def test_golden(case: str, name: str, update_golden: bool) -> None:
    compare(expected_path(case, name), canonical_text(name, output(case, name)), update_golden)


@pytest.mark.parametrize("case", CASES)
def test_json_matches_schema(case: str) -> None:
    validator = Draft202012Validator(
        schemas.load("filing.schema.json"), format_checker=Draft202012Validator.FORMAT_CHECKER
    )
    validator.validate(json.loads(output(case, "json")))


def test_compare_writes_missing_and_obtained(tmp_path: Path) -> None:
    """The golden workflow itself: missing -> written and failed; mismatch -> .obtained."""
    path = tmp_path / "expected" / "x.json.txt"
    with pytest.raises(pytest.fail.Exception, match="was missing"):
        compare(path, "a\n", update=False)
    assert path.read_text(encoding="utf-8") == "a\n"
    compare(path, "a\n", update=False)
    with pytest.raises(pytest.fail.Exception, match=r"(?s)differs.*-a\n\+b"):
        compare(path, "b\n", update=False)
    assert path.with_name("x.json.txt.obtained").read_text(encoding="utf-8") == "b\n"
    compare(path, "b\n", update=True)
    assert path.read_text(encoding="utf-8") == "b\n"
    assert not path.with_name("x.json.txt.obtained").exists()
