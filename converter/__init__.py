"""release2xbrl: the financial tables of plain-text EDGAR releases as exact XBRL facts.

Glossary
--------
fact      one reported number: a concept, a period, a unit, a value and its source.
concept   what a number means, an element of the US-GAAP taxonomy ("us-gaap:Revenues")
          or a company extension ("inno:RoyaltyIncome").
context   in XBRL, the entity and period a fact is about.
period    an instant (a balance-sheet date) or a duration (start and end, inclusive).
unit      USD, shares, USD per share, or pure (a ratio).
scale     the power of ten a table's figures are printed in: "(In thousands)" is 3.
decimals  the precision of a value as printed, in XBRL's sense: -3 for thousands.

The pipeline, each stage a function from values to values:
  read (bytes -> lines) -> tables (lines -> grids) -> statements (grids -> rows and
  periods) -> mapping (rows -> facts) -> checks (facts -> findings).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from converter.pipeline import convert, convert_file

__version__ = "0.1.0"

__all__ = ["__version__", "convert", "convert_file"]


def __getattr__(name: str) -> Any:
    """`convert` and `convert_file`, imported when first used: `convert --help` and a
    submodule import (`converter.model`) need none of the pipeline."""
    if name in ("convert", "convert_file"):
        from converter import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'converter' has no attribute {name!r}")
