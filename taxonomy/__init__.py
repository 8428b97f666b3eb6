"""The US-GAAP 2019 subset the converter maps releases to: data files plus a loader.

`taxonomy/data/` is the one source of truth (see its README.md):

- ``elements.csv``: the elements, with XBRL type, period type, balance, standard label and a
  note on why an element was chosen (or which 1990s line has no 2019 element);
- ``calculations.csv``: the arcs of the standard totals, per statement;
- ``synonyms.json``: the labels each concept is printed under, plus contextual rules for
  labels whose meaning depends on the section ("Other" under current assets).

``load()`` builds a frozen `Taxonomy` from them; ``load(path)`` merges a user synonyms file
(same format, checked against ``schemas/synonyms.schema.json``) over the built-in one.
Any problem in a file raises ValueError naming the file.

    >>> tax = load()
    >>> tax.lookup("Net sales", "income_statement")
    ('Revenues',)
"""

from __future__ import annotations

import os
from functools import cache

from taxonomy.core import Arc, Element, Synonym, Taxonomy
from taxonomy.labels import normalize_label
from taxonomy.loader import (
    data_text,
    merge_synonyms,
    read_calculations,
    read_elements,
    read_file,
    read_synonyms,
)

__all__ = ["Arc", "Element", "Synonym", "Taxonomy", "load", "normalize_label"]

PREFIX = "us-gaap"
RELEASE = "2019"
NAMESPACE = "http://fasb.org/us-gaap/2019-01-31"
ENTRY_POINT = "http://xbrl.fasb.org/us-gaap/2019/elts/us-gaap-2019-01-31.xsd"


def load(synonyms_path: str | os.PathLike[str] | None = None) -> Taxonomy:
    """The taxonomy subset; with `synonyms_path`, that file's synonyms merged over the built-in.

    The built-in taxonomy is read once and cached. A user file's plain synonym replaces the
    built-in one for the same label and statement; its contextual rules are tried first.
    """
    base = _builtin()
    if synonyms_path is None:
        return base
    source = os.fspath(synonyms_path)
    user = read_synonyms(read_file(source), source, base.elements)
    return Taxonomy(
        prefix=base.prefix,
        namespace=base.namespace,
        entry_point=base.entry_point,
        release=base.release,
        elements=base.elements,
        synonyms=merge_synonyms(user, base.synonyms),
        calculations=base.calculations,
    )


@cache
def _builtin() -> Taxonomy:
    elements = read_elements(data_text("elements.csv"), "taxonomy/data/elements.csv")
    arcs = read_calculations(
        data_text("calculations.csv"), "taxonomy/data/calculations.csv", elements
    )
    synonyms = read_synonyms(  # its schema and normal form are checked by the tests
        data_text("synonyms.json"), "taxonomy/data/synonyms.json", elements, trusted=True
    )
    return Taxonomy(
        prefix=PREFIX,
        namespace=NAMESPACE,
        entry_point=ENTRY_POINT,
        release=RELEASE,
        elements=elements,
        synonyms=synonyms,
        calculations=arcs,
    )
