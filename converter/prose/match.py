"""A claim from the prose against the facts: matched, contradicted or unresolved.

Both sides are intervals. A figure printed to some precision stands for half a unit of its
last digit either side ("$29.6 million" is 29,550,000 to 29,650,000; "219%" is 218.5 to
219.5); a figure after "approximately" also loses its trailing zeros ("about $500 million"
is 450 to 550 million); "more than" and "less than" are one-sided. A fact stands for half
a unit at its `decimals`. A change is worked out from two facts, and a percent change as
the change over the earlier value, each with the interval its inputs allow. The claim
matches when the intervals meet.

Incomes are compared with their sign ("a net loss of $618,000" is -618,000); other
amounts by size, since the prose says "expenses of $8,325,000" whatever sign XBRL gives.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import TYPE_CHECKING

from converter.model import Claim, ClaimStatus, Fact, Period
from converter.prose.text import Figure

if TYPE_CHECKING:
    from converter.prose.context import Context

_INCOME = re.compile(r"IncomeLoss|EarningsPerShare|ProfitLoss")
_HUNDRED = Decimal(100)
_REVENUES = "us-gaap:Revenues"


@dataclass(frozen=True, slots=True)
class Want:
    """What a claim asks of the facts: its concepts, its figure, and how to read its sign."""

    concepts: tuple[str, ...]
    figure: Figure
    loss: bool = False
    direction: int = 1  # -1 for "down", "decreased"


def _half(decimals: int) -> Decimal:
    return Decimal(5).scaleb(-decimals - 1)


def _same(f: Fact, p: Period) -> bool:
    if f.period.is_instant:
        return abs((f.period.end - p.end).days) <= 7
    return f.period.key() == p.key()


def facts_for(
    ctx: Context, concepts: tuple[str, ...], p: Period | None, claim: Claim
) -> list[Fact]:
    if p is None:
        return []
    return [
        f
        for c in concepts
        for f in ctx.facts.get(c, [])
        if _same(f, p) and (claim.unit is None or f.unit == claim.unit) and f.value is not None
    ]


def _meets(claimed: Decimal, half: Decimal, bound: str, low: Decimal, high: Decimal) -> bool:
    """Whether the claim's interval meets the facts' (more than touching, unless one is exact)."""
    if bound == "min":
        return high >= claimed - half
    if bound == "max":
        return low <= claimed + half
    if half == 0 or low == high:
        return low <= claimed + half and high >= claimed - half
    return low < claimed + half and high > claimed - half


def _signed(f: Fact) -> Decimal:
    assert f.value is not None
    return f.value if _INCOME.search(f.concept) else abs(f.value)


def _lines(fs: list[Fact]) -> tuple[tuple[str, ...], tuple[int, ...]]:
    return tuple(f.id for f in fs), tuple(f.source.line for f in fs)


def _text(v: Decimal) -> str:
    v = v.normalize()
    return f"{v:,f}" if v == v.to_integral_value() else f"{v:,}"


def compare(ctx: Context, claim: Claim, want: Want, malformed: str) -> Claim:
    if claim.kind in ("amount", "change"):
        out = (
            _amount(ctx, claim, want)
            if claim.kind == "amount"
            else _change(ctx, claim, want, False)
        )
    elif claim.kind == "percent_change":
        out = _change(ctx, claim, want, True)
    elif claim.kind == "margin":
        out = _margin(ctx, claim, want)
    else:
        return replace(
            claim, reason="a percent that is neither a change nor a margin: nothing to check"
        )
    if malformed:
        known = f"; the table has {_text(out.expected)}" if out.expected is not None else ""
        return replace(out, status=ClaimStatus.UNRESOLVED, value=None, reason=malformed + known)
    return out


def _amount(ctx: Context, claim: Claim, want: Want) -> Claim:
    fs = facts_for(ctx, want.concepts, claim.period, claim)
    if not fs:
        return replace(claim, reason=f"no fact for {' or '.join(want.concepts)} in that period")
    fig = want.figure
    value = fig.value or Decimal(0)
    half = _half(fig.decimals)
    best: tuple[Decimal, Fact, Decimal] | None = None
    fs = sorted(fs, key=lambda f: abs(abs(_signed(f)) - value))  # the closest first
    for f in fs:
        actual = _signed(f)
        claimed = -value if want.loss and _INCOME.search(f.concept) else value
        slack = _half(f.decimals)
        if _meets(claimed, half, fig.bound, actual - slack, actual + slack):
            ids, lines = _lines([f])
            return replace(
                claim,
                status=ClaimStatus.MATCHED,
                concept=f.concept,
                expected=actual,
                facts=ids,
                fact_lines=lines,
            )
        gap = abs(claimed - actual)
        if best is None or gap < best[0]:
            best = (gap, f, actual)
    assert best is not None
    _, f, actual = best
    ids, lines = _lines([f])
    sign = " (the sign differs)" if abs(actual) == value and actual != 0 else ""
    return replace(
        claim,
        status=ClaimStatus.CONTRADICTED,
        concept=f.concept,
        expected=actual,
        facts=ids,
        fact_lines=lines,
        reason=f"the table has {_text(actual)} (line {f.source.line}){sign}",
    )


def _pairs(ctx: Context, claim: Claim, concepts: tuple[str, ...]) -> tuple[Fact, Fact] | None:
    for c in concepts:
        cur = facts_for(ctx, (c,), claim.period, claim)
        prior = facts_for(ctx, (c,), claim.prior_period, claim)
        if cur and prior:
            return cur[0], prior[0]
    return None


def _change(ctx: Context, claim: Claim, want: Want, percent: bool) -> Claim:
    if claim.period is None or claim.prior_period is None:
        return replace(claim, reason="no earlier period to measure the change from")
    pair = _pairs(ctx, claim, want.concepts)
    if pair is None:
        return replace(claim, reason=f"no facts for {' or '.join(want.concepts)} in both periods")
    cur, prior = pair
    a, b = _signed(cur), _signed(prior)
    ha, hb = _half(cur.decimals), _half(prior.decimals)
    fig = want.figure
    claimed = (fig.value or Decimal(0)) * want.direction
    if percent:
        if b - hb <= 0:
            return replace(
                claim,
                concept=cur.concept,
                reason="the earlier value is not positive: a percent change of it means nothing",
            )
        expected = ((a / b - 1) * _HUNDRED).quantize(Decimal("0.01"))
        low, high = ((a - ha) / (b + hb) - 1) * _HUNDRED, ((a + ha) / (b - hb) - 1) * _HUNDRED
    else:
        expected = a - b
        low, high = expected - ha - hb, expected + ha + hb
    ids, lines = _lines([cur, prior])
    done = replace(claim, concept=cur.concept, expected=expected, facts=ids, fact_lines=lines)
    if _meets(claimed, _half(fig.decimals), fig.bound, low, high):
        return replace(done, status=ClaimStatus.MATCHED)
    unit = "%" if percent else ""
    return replace(
        done,
        status=ClaimStatus.CONTRADICTED,
        reason=f"the tables give {_text(a)} (line {cur.source.line}) against {_text(b)} "
        f"(line {prior.source.line}): a change of {_text(expected)}{unit}",
    )


def _margin(ctx: Context, claim: Claim, want: Want) -> Claim:
    num = facts_for(ctx, want.concepts, claim.period, replace(claim, unit=None))
    den = facts_for(ctx, (_REVENUES,), claim.period, replace(claim, unit=None))
    if not num or not den or not den[0].value:
        return replace(claim, reason="no facts for the margin and revenues in that period")
    a, b = _signed(num[0]), abs(den[0].value or Decimal(1))
    ha, hb = _half(num[0].decimals), _half(den[0].decimals)
    expected = (a / b * _HUNDRED).quantize(Decimal("0.01"))
    low, high = (a - ha) / (b + hb) * _HUNDRED, (a + ha) / (b - hb) * _HUNDRED
    ids, lines = _lines([num[0], den[0]])
    fig = want.figure
    done = replace(claim, concept=num[0].concept, expected=expected, facts=ids, fact_lines=lines)
    if _meets(fig.value or Decimal(0), _half(fig.decimals), fig.bound, low, high):
        return replace(done, status=ClaimStatus.MATCHED)
    return replace(
        done,
        status=ClaimStatus.CONTRADICTED,
        reason=f"the tables give {_text(a)} over revenues of {_text(b)} "
        f"(lines {num[0].source.line}, {den[0].source.line}): {_text(expected)}%",
    )
