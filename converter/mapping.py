"""Rows to facts (placeholder while the taxonomy lands)."""
from dataclasses import replace
from converter.facts import drafts
from converter.model import Fact, Filing, StatementKind

def map_filing(filing: Filing) -> Filing:
    facts = []
    for st in filing.statements:
        for d in drafts(st):
            facts.append(Fact(id=f"f{len(facts)+1}", concept="ext:X", value=d.printed, decimals=d.decimals,
                              unit=d.unit, period=d.period, statement=st.kind, statement_index=st.index,
                              row_index=d.row.index, column_index=d.column_index, label=d.row.label,
                              source=d.cell.source))
    return replace(filing, facts=tuple(facts))
