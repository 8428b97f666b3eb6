"""`--to json`: the canonical model as one JSON document.

The shape is published as `schemas/filing.schema.json`. Every fact carries its
own period and unit, so a consumer needs no lookups. Decimals are strings, so no
reader ever turns them into floats by accident.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from typing import Any, BinaryIO

from converter.model import (
    CalcCheck,
    Cell,
    Claim,
    Column,
    Concept,
    Fact,
    Filing,
    Finding,
    Period,
    Row,
    SourceSpan,
    Statement,
)
from exporters.base import gc_paused

FORMAT_VERSION = "1.0"


def decimal_text(value: Decimal) -> str:
    """An exact decimal string with no exponent: Decimal('9.458E+6') -> '9458000'."""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _date(d: date | None) -> str | None:
    return d.isoformat() if d else None


def period_dict(p: Period) -> dict[str, Any]:
    if p.is_instant:
        out: dict[str, Any] = {"instant": p.end.isoformat()}
    else:
        assert p.start is not None
        out = {"start": p.start.isoformat(), "end": p.end.isoformat()}
        if p.start_inferred:
            out["start_inferred"] = True
    if p.months is not None:
        out["months"] = p.months
    if p.weeks is not None:
        out["weeks"] = p.weeks
    return out


def _source(s: SourceSpan | None) -> dict[str, Any] | None:
    if s is None:
        return None
    return {"line": s.line, "column": s.column, "text": s.text}


def _cell(c: Cell | None) -> dict[str, Any] | None:
    if c is None:
        return None
    out: dict[str, Any] = {"value": decimal_text(c.value), "source": _source(c.source)}
    if c.dash:
        out["dash"] = True
    if c.footnote:
        out["footnote"] = c.footnote
    if c.percent:
        out["percent"] = True
    return out


def _column(c: Column) -> dict[str, Any]:
    return {
        "index": c.index,
        "header": c.header,
        "period": period_dict(c.period) if c.period else None,
        "unit_hint": c.unit_hint,
    }


def _row(r: Row) -> dict[str, Any]:
    return {
        "index": r.index,
        "label": r.label,
        "depth": r.depth,
        "role": str(r.role),
        "section": r.section,
        "generated_label": r.generated_label,
        "rule_above": r.rule_above,
        "cells": [_cell(c) for c in r.cells],
        "source": _source(r.source),
    }


def _statement(s: Statement) -> dict[str, Any]:
    return {
        "index": s.index,
        "kind": str(s.kind),
        "title": s.title,
        "qualifier": s.qualifier,
        "scale": s.scale,
        "share_scale": s.share_scale,
        "scale_text": s.scale_text,
        "source": _source(s.source),
        "end_line": s.end_line,
        "columns": [_column(c) for c in s.columns],
        "rows": [_row(r) for r in s.rows],
    }


def fact_dict(f: Fact) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": f.id,
        "concept": f.concept,
        "value": decimal_text(f.value) if f.value is not None else None,
        "decimals": f.decimals,
        "unit": str(f.unit),
        "period": period_dict(f.period),
        "statement": str(f.statement),
        "statement_index": f.statement_index,
        "row_index": f.row_index,
        "column_index": f.column_index,
        "label": f.label,
        "source": _source(f.source),
        "negated": f.negated,
        "custom": f.custom,
        "parenthetical": f.parenthetical,
    }
    if f.mapping is not None:
        out["mapping"] = {
            "method": str(f.mapping.method),
            "confidence": decimal_text(f.mapping.confidence),
            "rule": f.mapping.rule,
        }
    return out


def _check(c: CalcCheck | None) -> dict[str, Any] | None:
    if c is None:
        return None
    return {
        "rule": c.rule,
        "total": c.total,
        "components": list(c.components),
        "period": period_dict(c.period),
        "expected": decimal_text(c.expected),
        "actual": decimal_text(c.actual),
        "consistent": c.consistent,
    }


def _finding(f: Finding) -> dict[str, Any]:
    return {
        "severity": str(f.severity),
        "code": f.code,
        "message": f.message,
        "source": _source(f.source),
        "check": _check(f.check),
    }


def claim_dict(c: Claim) -> dict[str, Any]:
    """A figure from the prose and how it compares with the facts."""
    return {
        "kind": c.kind,
        "status": str(c.status),
        "source": _source(c.source),
        "metric": c.metric,
        "concept": c.concept,
        "period": period_dict(c.period) if c.period else None,
        "prior_period": period_dict(c.prior_period) if c.prior_period else None,
        "unit": str(c.unit) if c.unit else None,
        "value": decimal_text(c.value) if c.value is not None else None,
        "decimals": c.decimals,
        "expected": decimal_text(c.expected) if c.expected is not None else None,
        "facts": list(c.facts),
        "fact_lines": list(c.fact_lines),
        "reason": c.reason,
    }


def _concept(c: Concept) -> dict[str, Any]:
    return {
        "concept": c.qname,
        "period_type": c.period_type,
        "balance": c.balance,
        "data_type": c.data_type,
        "label": c.label,
    }


def document(filing: Filing) -> dict[str, Any]:
    """The JSON document as plain Python data."""
    e = filing.entity
    return {
        "format_version": FORMAT_VERSION,
        "converter": {"name": "release2xbrl", "version": filing.converter_version},
        "taxonomy": filing.taxonomy,
        "filing": {
            "source_name": filing.source_name,
            "sha256": filing.sha256,
            "encoding": filing.encoding,
            "entity": {"name": e.name, "ticker": e.ticker, "exchange": e.exchange, "cik": e.cik},
            "document_date": _date(filing.document_date),
            "form_type": filing.form_type,
            "filed_date": _date(filing.filed_date),
            "period_of_report": _date(filing.period_of_report),
            "accession": filing.accession,
            "fiscal_year_end": _date(filing.fiscal_year_end),
            "prior_fiscal_year_end": _date(filing.prior_fiscal_year_end),
            "extension_prefix": filing.extension_prefix,
            "extension_namespace": filing.extension_namespace,
        },
        "statements": [_statement(s) for s in filing.statements],
        "facts": [fact_dict(f) for f in filing.facts],
        "extensions": [_concept(c) for c in filing.extensions],
        "calculations": [
            {
                "statement_index": c.statement_index,
                "total": c.total,
                "components": [{"concept": k, "weight": w} for k, w in c.components],
                "total_row": c.total_row,
                "component_rows": list(c.component_rows),
            }
            for c in filing.calculations
        ],
        "findings": [_finding(f) for f in filing.findings],
        "claims": [claim_dict(c) for c in filing.claims],
    }


class JsonExporter:
    name = "json"
    suffix = ".json"

    @gc_paused
    def write(self, filing: Filing, stream: BinaryIO) -> None:
        stream.write(layout(document(filing)).encode("utf-8") + b"\n")


# A statement is laid out over lines of its own, with one row or column per line.
_EXPANDED = {"filing", "statements", "statements[]", "statements[].rows", "statements[].columns"}
_ENCODE = json.JSONEncoder(ensure_ascii=False).encode  # the C encoder: json.dumps(indent=) is not


def layout(value: Any, path: str = "", depth: int = 0) -> str:
    """`value` as JSON text that reads line by line: the document's parts are indented, and
    each fact, finding, claim, row or column stands on one line of its own.

    Python's C encoder writes what is not laid out (an indented `json.dumps` runs its
    pure-Python encoder, which took most of the time this format costs)."""
    pad, inner = "  " * depth, "  " * (depth + 1)
    if isinstance(value, dict) and value and (depth == 0 or path in _EXPANDED):
        items = [
            f"{inner}{_ENCODE(k)}: {layout(v, f'{path}.{k}'.lstrip('.'), depth + 1)}"
            for k, v in value.items()
        ]
        return "{\n" + ",\n".join(items) + f"\n{pad}}}"
    if isinstance(value, list) and value and (depth == 1 or path in _EXPANDED):
        items = [f"{inner}{layout(v, path + '[]', depth + 1)}" for v in value]
        return "[\n" + ",\n".join(items) + f"\n{pad}]"
    return _ENCODE(value)
