"""Reading and checking the data files that make up a `Taxonomy`.

Every problem in a data file raises ValueError naming the file and, where there is one, the
row; nothing is skipped. Cross-checks: every concept named by a synonym or an arc must be an
element, and a plain label may name only one concept per statement within one file.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterable, Mapping
from importlib import resources
from typing import Any

import schemas
from taxonomy.core import DATA_TYPES, STATEMENTS, Arc, Element, Synonym
from taxonomy.labels import normalize_label

__all__ = ["read_calculations", "read_elements", "read_synonyms", "data_text", "merge_synonyms"]

ELEMENT_COLUMNS = ["name", "xbrl_type", "period_type", "balance", "standard_label", "note"]
ARC_COLUMNS = ["statement", "parent", "child", "weight", "order"]


def data_text(name: str) -> str:
    """A built-in data file's text (`taxonomy/data/<name>`)."""
    return resources.files("taxonomy").joinpath("data", name).read_text(encoding="utf-8")


def _rows(text: str, source: str, columns: list[str]) -> Iterable[tuple[int, dict[str, str]]]:
    reader = csv.DictReader(io.StringIO(text))
    if reader.fieldnames != columns:
        raise ValueError(f"{source}: header must be {','.join(columns)}, got {reader.fieldnames}")
    for line, row in enumerate(reader, start=2):
        if None in row or any(v is None for v in row.values()):
            raise ValueError(f"{source}: row {line}: expected {len(columns)} fields")
        yield line, row


def read_elements(text: str, source: str) -> dict[str, Element]:
    elements: dict[str, Element] = {}
    for line, row in _rows(text, source, ELEMENT_COLUMNS):
        where = f"{source}: row {line}"
        name, xbrl_type, balance = row["name"], row["xbrl_type"], row["balance"] or None
        if not name.isidentifier():
            raise ValueError(f"{where}: bad element name {name!r}")
        if name in elements:
            raise ValueError(f"{where}: duplicate element {name}")
        if xbrl_type not in DATA_TYPES:
            raise ValueError(f"{where}: unknown type {xbrl_type!r} for {name}")
        if row["period_type"] not in ("instant", "duration"):
            raise ValueError(f"{where}: bad period type {row['period_type']!r} for {name}")
        if balance not in (None, "debit", "credit"):
            raise ValueError(f"{where}: bad balance {balance!r} for {name}")
        if balance and DATA_TYPES[xbrl_type] != "monetary":
            raise ValueError(f"{where}: only monetary items have a balance ({name})")
        elements[name] = Element(
            name=name,
            xbrl_type=xbrl_type,
            data_type=DATA_TYPES[xbrl_type],
            period_type=row["period_type"],
            balance=balance,
            label=row["standard_label"],
            note=row["note"],
        )
    return elements


def read_calculations(text: str, source: str, elements: Mapping[str, Element]) -> tuple[Arc, ...]:
    arcs: list[Arc] = []
    seen: set[tuple[str, str, str]] = set()
    for line, row in _rows(text, source, ARC_COLUMNS):
        where = f"{source}: row {line}"
        if row["statement"] not in STATEMENTS:
            raise ValueError(f"{where}: unknown statement {row['statement']!r}")
        for name in (row["parent"], row["child"]):
            if name not in elements:
                raise ValueError(f"{where}: unknown concept {name!r}")
        if row["weight"] not in ("1", "-1") or not row["order"].isdigit():
            raise ValueError(f"{where}: weight must be 1 or -1 and order a number")
        key = (row["statement"], row["parent"], row["child"])
        if key in seen:
            raise ValueError(f"{where}: duplicate arc {key}")
        seen.add(key)
        arcs.append(Arc(key[0], key[1], key[2], int(row["weight"]), int(row["order"])))
    return tuple(arcs)


def read_synonyms(
    text: str, source: str, elements: Mapping[str, Element], *, trusted: bool = False
) -> tuple[Synonym, ...]:
    """Synonyms from a synonyms.json text, validated against schemas/synonyms.schema.json.

    Labels and sections are normalized on reading, so a user file may hold them as printed.
    Contextual rules come first, in file order, then the plain synonyms. `trusted` is for the
    built-in file only: the tests check it against the schema and find its labels stored
    normalized, so neither is redone in every process (0.35 s and 0.07 s of start-up).
    """
    try:
        doc: Any = json.loads(text)
    except json.JSONDecodeError as err:
        raise ValueError(f"{source}: not JSON: {err}") from err
    norm = str if trusted else normalize_label
    if not trusted:
        import jsonschema

        try:
            jsonschema.validate(doc, schemas.load("synonyms.schema.json"))
        except jsonschema.ValidationError as err:
            path = "/".join(str(p) for p in err.absolute_path) or "(top)"
            raise ValueError(f"{source}: schema violation at {path}: {err.message}") from err

    def known(concept: str, where: str) -> str:
        if concept not in elements:
            raise ValueError(f"{source}: {where}: unknown concept {concept!r}")
        return concept

    rules = [
        Synonym(
            label=norm(rule["label"]),
            concept=known(rule["concept"], f"contextual[{i}]"),
            statements=(rule["statement"],),
            section=norm(rule["section"]),
        )
        for i, rule in enumerate(doc.get("contextual", []))
    ]
    plain: list[Synonym] = []
    owner: dict[tuple[str, str], str] = {}
    for concept, entry in doc["concepts"].items():
        known(concept, "concepts")
        statements = tuple(entry["statements"])
        for label in dict.fromkeys(norm(x) for x in entry["labels"]):
            for st in statements:
                other = owner.setdefault((label, st), concept)
                if other != concept:
                    raise ValueError(
                        f"{source}: label {label!r} names both {other} and {concept} in {st};"
                        " use a contextual rule"
                    )
            plain.append(Synonym(label, concept, statements, None))
    return tuple(rules + plain)


def merge_synonyms(user: tuple[Synonym, ...], base: tuple[Synonym, ...]) -> tuple[Synonym, ...]:
    """`user` over `base`: user rules come first and replace a built-in rule with the same
    label, statement and section; a user plain synonym of a label in a statement replaces the
    built-in one there. Everything else in `base` stays."""
    claimed = {(s.label, st) for s in user if s.section is None for st in s.statements}
    rules = {(s.label, s.statements, s.section) for s in user if s.section is not None}
    kept: list[Synonym] = []
    for syn in base:
        if syn.section is not None:
            if (syn.label, syn.statements, syn.section) not in rules:
                kept.append(syn)
            continue
        statements = tuple(st for st in syn.statements if (syn.label, st) not in claimed)
        if statements:
            kept.append(Synonym(syn.label, syn.concept, statements, None))
    user_rules = [s for s in user if s.section is not None]
    base_rules = [s for s in kept if s.section is not None]
    user_plain = [s for s in user if s.section is None]
    base_plain = [s for s in kept if s.section is None]
    return tuple(user_rules + base_rules + user_plain + base_plain)


def read_file(path: str | os.PathLike[str]) -> str:
    with open(path, encoding="utf-8") as f:
        return f.read()
