"""One balance-sheet row's label read into numbers placed by role and column."""

from __future__ import annotations

from dataclasses import dataclass

from converter.model import Column, Finding, Row, Severity, SourceSpan, Statement
from converter.parenthetical.label import (
    ALLOWANCE,
    Figure,
    Item,
    assign_roles,
    attach_markers,
    class_of,
    columns_for,
    label_figures,
    par_value,
)


@dataclass(frozen=True, slots=True)
class Placed:
    """A number given a role and a column: ready to become a fact once its scale is known."""

    role: str
    figure: Figure
    column: Column


class RowReader:
    """Reads one row's label into placed numbers, with findings for what it cannot place."""

    def __init__(self, st: Statement, row: Row) -> None:
        self.st = st
        self.row = row
        self.columns = [c for c in st.columns if c.period is not None and c.unit_hint != "percent"]
        self.findings: list[Finding] = []

    def note(
        self, message: str, severity: Severity = Severity.INFO, code: str = "parenthetical.unplaced"
    ) -> None:
        self.findings.append(
            Finding(
                severity,
                code,
                f"'{self.row.label}': {message}",
                SourceSpan(self.row.source.line, self.row.source.column, self.row.label),
            )
        )

    def read(self) -> tuple[str | None, list[Placed]]:
        label = self.row.label
        cls = class_of(label)
        if cls is None or not self.columns:
            return cls, []
        figures, markers = label_figures(label)
        placed: list[Placed] = []
        par, why = (None, None) if cls in ("receivable", "treasury") else par_value(label)
        if why:
            self.note(why)
        if par is not None:
            placed += [Placed("par", par, c) for c in self.columns]
        if cls == "receivable":
            start = ALLOWANCE.search(label)
            assert start is not None
            items = [Item(f, "allowance") for f in figures if f.dollar and f.start > start.end()]
        else:
            items = [
                Item(f) for f in figures if not f.dollar and (par is None or f.start != par.start)
            ]
            assign_roles(label, items, cls)
        attach_markers(items, markers)
        for role in dict.fromkeys(it.role for it in items if it.role):
            placed += self._dated([it for it in items if it.role == role], role)
        loose = [it.figure.text for it in items if it.role is None]
        if loose:
            self.note(f"no role for {', '.join(loose)}")
        return cls, placed

    def _dated(self, group: list[Item], role: str) -> list[Placed]:
        """Each number of one role with the columns it belongs to."""
        out: list[Placed] = []
        free = list(self.columns)
        unmarked: list[Item] = []
        for it in group:
            if not it.markers:
                unmarked.append(it)
                continue
            for k in it.markers:
                cols = columns_for(k, self.columns)
                if len(cols) != 1:
                    self.note(
                        f"{it.figure.text} is dated {k.year}, which matches "
                        f"{'no column' if not cols else 'several columns'}"
                    )
                    continue
                out.append(Placed(role, it.figure, cols[0]))
                if cols[0] in free:
                    free.remove(cols[0])
        if not unmarked:
            return out
        if len(unmarked) == len(free):
            return out + [Placed(role, it.figure, c) for it, c in zip(unmarked, free, strict=True)]
        if len(unmarked) == 1 and len(free) > 1 and (role == "authorized" or self._same_cells()):
            return out + [Placed(role, unmarked[0].figure, c) for c in free]
        self.note(
            f"cannot tell which date {', '.join(it.figure.text for it in unmarked)} "
            f"({role}) belongs to"
        )
        return out

    def _same_cells(self) -> bool:
        values = {c.value for c in self.row.cells if c is not None}
        return len(values) <= 1
