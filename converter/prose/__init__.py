"""Figures stated in the prose, reconciled with the facts of the tables.

"Net sales for the twelve-months ended November 30, 2002, were $29,609,000, compared with
$9,292,000 for the fiscal year ended December 1, 2001." Each figure of such a sentence
(converter.prose.text) becomes a `Claim` about a metric and a period:

- The metric is named by the words just before the figure, read through the taxonomy's
  synonyms ("Net sales" -> us-gaap:Revenues); a figure with no words of its own ("compared
  with $9,292,000") carries the metric of the figure before it in the sentence. Words that
  narrow the metric ("Joe's revenues", "net income from U.S. automotive operations") leave
  it unresolved: a segment's figure is not the company's.
- The period is a phrase printed just after the figure ("... in fiscal 2001"), else the
  nearest one before it, else the paragraph's; after "compared with" it is the year-ago
  period; relative phrases ("the same period last year") are read against the sentence's
  period (converter.prose.periods).
- "up 219%", "an increase of 53.3%", "increased by $6,811,000" are changes: they are
  checked against the change the facts give between the period and the one compared with.

A claim ends matched (the facts give the figure within its stated rounding: "$29.6
million" stands for 29,550,000 to 29,650,000), contradicted (a warning finding names both
values and both lines), or unresolved, with the reason.
"""

from __future__ import annotations

from dataclasses import replace

from converter.model import Claim, ClaimStatus, Fact, Filing, Finding, Severity
from converter.prose.context import Context
from converter.prose.metrics import company_words, lookup
from converter.prose.periods import Calendar
from converter.prose.sentence import SentenceReader
from converter.prose.text import sentences
from taxonomy import Taxonomy, load

__all__ = ["reconcile"]


def reconcile(filing: Filing, tax: Taxonomy | None = None) -> Filing:
    """`filing` with the claims its prose makes, and findings for contradictions."""
    tax = tax or load()
    qualified = {s.index for s in filing.statements if s.qualifier}  # pro forma, segment, ...
    by_concept: dict[str, list[Fact]] = {}
    for f in filing.facts:
        if f.statement_index not in qualified and f.value is not None:
            by_concept.setdefault(f.concept, []).append(f)
    other: dict[str, list[Fact]] = {}
    for f in filing.facts:
        if f.statement_index in qualified and f.value is not None:
            for c in lookup(tax, f.label)[:1]:
                other.setdefault(c, []).append(f)
    calendar = Calendar(f.period for f in filing.facts if f.statement_index not in qualified)
    titles = {
        s.index: f"{s.title.strip()[:60]} ({s.qualifier})" for s in filing.statements if s.qualifier
    }
    ctx = Context(tax, by_concept, calendar, company_words(filing), other=other, titles=titles)
    claims: list[Claim] = []
    for s in sentences(filing):
        if s.paragraph != ctx.paragraph:
            ctx.paragraph, ctx.reference = s.paragraph, None
        claims.extend(SentenceReader(ctx, s).read())
    return replace(
        filing, claims=tuple(claims), findings=filing.findings + tuple(_findings(claims))
    )


def _findings(claims: list[Claim]) -> list[Finding]:
    out = []
    for c in claims:
        if c.status == ClaimStatus.CONTRADICTED:
            out.append(
                Finding(
                    Severity.WARNING,
                    "prose.contradiction",
                    f"line {c.source.line}: the prose says {c.metric} "
                    f"{_when(c)} is {c.source.text}; {c.reason}",
                    c.source,
                )
            )
        elif c.reason.startswith("malformed"):
            out.append(
                Finding(
                    Severity.INFO, "prose.malformed", f"line {c.source.line}: {c.reason}", c.source
                )
            )
    if claims:
        counts = {s: sum(1 for c in claims if c.status == s) for s in ClaimStatus}
        out.append(
            Finding(
                Severity.INFO,
                "prose.claims",
                f"{len(claims)} figures in the prose: "
                f"{counts[ClaimStatus.MATCHED]} match the tables, "
                f"{counts[ClaimStatus.CONTRADICTED]} contradict them, "
                f"{counts[ClaimStatus.UNRESOLVED]} unresolved",
            )
        )
    return out


def _when(c: Claim) -> str:
    if c.period is None:
        return ""
    p = c.period
    text = f"at {p.end}" if p.is_instant else f"for {p.start} to {p.end}"
    if c.prior_period is not None:
        text += f" against {c.prior_period.end}"
    return text
