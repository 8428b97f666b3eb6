"""schemas/filing.schema.json describes exactly what exporters/json_doc.py writes."""

from __future__ import annotations

import copy
import dataclasses
import io
import json
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

import schemas
from converter.model import Entity, Filing, Period
from exporters.json_doc import JsonExporter


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    schema = schemas.load("filing.schema.json")
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def as_json(filing: Filing) -> dict[str, Any]:
    out = io.BytesIO()
    JsonExporter().write(filing, out)
    return json.loads(out.getvalue())  # type: ignore[no-any-return]


def object_schemas(node: Any, path: str = "#") -> Iterator[tuple[str, dict[str, Any]]]:
    if isinstance(node, dict):
        if "properties" in node:
            yield path, node
        for key, value in node.items():
            yield from object_schemas(value, f"{path}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from object_schemas(value, f"{path}/{i}")


def test_schema_is_valid_2020_12() -> None:
    schema = schemas.load("filing.schema.json")
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"].startswith("https://")
    assert schema["properties"]["format_version"] == {"const": "1.0"}


def test_every_object_is_closed() -> None:
    for path, node in object_schemas(schemas.load("filing.schema.json")):
        assert node.get("additionalProperties") is False, path


def test_fixture_document_is_valid(validator: Draft202012Validator, filing: Filing) -> None:
    validator.validate(as_json(filing))


def test_minimal_filing_is_valid(validator: Draft202012Validator) -> None:
    validator.validate(as_json(Filing("x.txt", "a" * 64, "ascii", Entity())))


def test_optional_keys_are_described(validator: Draft202012Validator, filing: Filing) -> None:
    """Footnotes, percent cells, nil facts: every key json_doc can write passes."""
    statement = filing.statements[1]
    row = statement.rows[0]
    first = row.cells[0]
    assert first is not None
    cell = dataclasses.replace(first, footnote="(a)", percent=True)
    rows = (
        dataclasses.replace(row, cells=(cell, *row.cells[1:]), generated_label=True),
        *statement.rows[1:],
    )
    column = dataclasses.replace(statement.columns[0], unit_hint="percent", period=None)
    statement = dataclasses.replace(statement, rows=rows, columns=(column, *statement.columns[1:]))
    nil = dataclasses.replace(
        filing.facts[0], value=None, period=Period(date(2002, 11, 30), months=0)
    )
    changed = dataclasses.replace(
        filing, statements=(filing.statements[0], statement), facts=(nil, *filing.facts[1:])
    )
    doc = as_json(changed)
    validator.validate(doc)
    printed = doc["statements"][1]["rows"][0]["cells"][0]
    assert printed["footnote"] == "(a)" and printed["percent"] is True


def _set(doc: dict[str, Any], path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    out = copy.deepcopy(doc)
    node = out
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return out


FACT = ("facts", 0)
BAD = [
    pytest.param(("format_version",), "2.0", id="format-version"),
    pytest.param(("surprise",), 1, id="extra-root-key"),
    pytest.param((*FACT, "surprise"), 1, id="extra-fact-key"),
    pytest.param((*FACT, "value"), 222000, id="number-not-string"),
    pytest.param((*FACT, "value"), 222000.5, id="float"),
    pytest.param((*FACT, "value"), "2.22e5", id="exponent"),
    pytest.param((*FACT, "value"), "-0", id="minus-zero"),
    pytest.param((*FACT, "value"), "1.50", id="trailing-zero"),
    pytest.param((*FACT, "value"), "1,000", id="comma"),
    pytest.param((*FACT, "unit"), "EUR", id="unit"),
    pytest.param((*FACT, "concept"), "Revenues", id="concept-without-prefix"),
    pytest.param((*FACT, "period"), {"instant": "2002-02-30"}, id="impossible-date"),
    pytest.param((*FACT, "period"), {"instant": "20021130"}, id="date-pattern"),
    pytest.param(
        (*FACT, "period"), {"instant": "2002-11-30", "start": "2002-01-01"}, id="instant-and-start"
    ),
    pytest.param((*FACT, "period"), {"end": "2002-11-30"}, id="duration-without-start"),
    pytest.param(
        (*FACT, "period"),
        {"start": "2002-01-01", "end": "2002-11-30", "start_inferred": False},
        id="start-inferred-false",
    ),
    pytest.param(("filing", "sha256"), "ABC", id="sha256"),
    pytest.param(("filing", "document_date"), "Feb 13, 2003", id="document-date"),
    pytest.param(("statements", 0, "rows", 1, "cells", 0, "value"), "222.0", id="cell-value"),
    pytest.param(("statements", 0, "rows", 1, "role"), "subtotal", id="row-role"),
    pytest.param(("findings", 0, "check", "expected"), 1, id="check-expected"),
    pytest.param(("findings", 0, "severity"), "fatal", id="severity"),
]


@pytest.mark.parametrize(("path", "value"), BAD)
def test_rejects(
    validator: Draft202012Validator, filing: Filing, path: tuple[Any, ...], value: Any
) -> None:
    doc = _set(as_json(filing), path, value)
    with pytest.raises(ValidationError):
        validator.validate(doc)


def test_missing_required_key_is_rejected(validator: Draft202012Validator, filing: Filing) -> None:
    doc = as_json(filing)
    del doc["facts"][0]["decimals"]
    with pytest.raises(ValidationError):
        validator.validate(doc)


@pytest.mark.parametrize("value", ["0", "-1", "9458000", "0.09", "-0.12", "12.5"])
def test_decimal_strings_accepted(
    validator: Draft202012Validator, filing: Filing, value: str
) -> None:
    validator.validate(_set(as_json(filing), (*FACT, "value"), value))
