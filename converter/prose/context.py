"""What one filing's reconciliation carries from sentence to sentence."""

from __future__ import annotations

from dataclasses import dataclass, field

from converter.model import Fact, Period
from converter.prose.periods import Calendar
from taxonomy import Taxonomy


@dataclass(slots=True)
class Context:
    """What one filing's reconciliation needs: taxonomy, facts by concept, calendar, names."""

    tax: Taxonomy
    facts: dict[str, list[Fact]]
    calendar: Calendar
    company: set[str]
    reference: Period | None = None  # the paragraph's period so far
    paragraph: int = -1
    # facts of adjusted, pro forma or segment tables, by the us-gaap concept their label names
    other: dict[str, list[Fact]] = field(default_factory=dict)
    titles: dict[int, str] = field(default_factory=dict)
