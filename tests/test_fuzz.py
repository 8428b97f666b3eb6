"""Fuzzing: mutated corpus releases either convert to schema-valid JSON or raise ConversionError.

The mutations (fuzz/mutate.py) drop, duplicate, shift, truncate and swap lines, widen
and narrow columns, swap and replace characters, insert markup and change line ends and
encodings. Here hypothesis draws a modest, derandomized budget; `python fuzz/run.py
--examples 100000` is the long run. Every crash it found is a regression case below.
"""

from __future__ import annotations

import importlib.util
import io
import json
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

import exporters
import schemas
from converter import convert
from converter.errors import ConversionError
from converter.model import Filing

ROOT = Path(__file__).resolve().parents[1]


def _load_mutate() -> ModuleType:
    spec = importlib.util.spec_from_file_location("fuzz_mutate", ROOT / "fuzz" / "mutate.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


mutate = _load_mutate()
CORPUS = mutate.corpus()
VALIDATOR = Draft202012Validator(schemas.load("filing.schema.json"),
                                 format_checker=Draft202012Validator.FORMAT_CHECKER)

_int = st.integers(min_value=0, max_value=1 << 30)
EDITS = st.lists(st.tuples(st.sampled_from(mutate.KINDS), _int, _int, _int), min_size=1, max_size=8)


def converts_or_refuses(data: bytes) -> Filing | None:
    """The property: a filing whose JSON is schema-valid, or a ConversionError. Nothing else."""
    try:
        filing = convert(data, "fuzz.txt")
    except ConversionError:
        return None
    out = io.BytesIO()
    exporters.get("json").write(filing, out)
    VALIDATOR.validate(json.loads(out.getvalue()))
    return filing


def test_corpus_is_there() -> None:
    assert len(CORPUS) >= 10 and all(lines for _, lines in CORPUS)


@settings(max_examples=60, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(case=st.integers(min_value=0, max_value=len(CORPUS) - 1), edits=EDITS,
       how=st.integers(min_value=0, max_value=7))
def test_mutated_releases_convert_or_refuse(case: int, edits: list[tuple[str, int, int, int]],
                                            how: int) -> None:
    converts_or_refuses(mutate.encode(mutate.apply(CORPUS[case][1], edits), how))


@pytest.mark.parametrize("kind", mutate.KINDS)
def test_each_mutation_changes_the_text(kind: str) -> None:
    lines = CORPUS[0][1]
    changed = [mutate.apply(lines, [(kind, at, 40, arg)]) != lines for at in range(40, 400, 7)
               for arg in (0, 1, 2)]
    assert any(changed)


# --- regressions: each crash the long fuzz run found --------------------------------------

SMALL = """\
                 CONSOLIDATED STATEMENTS OF OPERATIONS
                 (In thousands)
                                              1998         1997
Net sales                                   $ 12,345     $ 11,234
Cost of sales                                  8,123        7,456
Net income                                  $  4,222     $  3,778
"""


def _submission(header_lines: str) -> bytes:
    return ("<SEC-DOCUMENT>\n<SEC-HEADER>\n" + header_lines + "</SEC-HEADER>\n<DOCUMENT>\n"
            "<TYPE>10-K\n<TEXT>\n" + SMALL + "</TEXT>\n</DOCUMENT>\n").encode()


REGRESSIONS = {
    # fuzz input 2990 (seed 0): a header line cut short left an accession number that broke
    # the schema's pattern; a malformed accession number is now no accession number
    "cut-off accession number": _submission("ACCESSION NUMBER: 0000950152-00-0049\n"
                                            "CONFORMED SUBMISSION TYPE: 10-K\n"),
    # fuzz input 18948: a column widened inside the header split the CIK ("000    0056873"),
    # and the entity's CIK broke the schema; a CIK must be 1-10 digits, not all zero
    "CIK split by spaces": _submission("CENTRAL INDEX KEY:\t\t\t000    0056873\n"),
    "CIK all zeros": _submission("CENTRAL INDEX KEY: 0000000000\n"),
}


@pytest.mark.parametrize("name", REGRESSIONS)
def test_fuzz_regressions(name: str) -> None:
    assert converts_or_refuses(REGRESSIONS[name]) is not None
