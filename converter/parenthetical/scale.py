"""Which power of ten a share count printed in a label stands for.

A balance sheet "in thousands" prints "Authorized shares-40,000" for 40,000,000 shares, and
beside it "Treasury stock, 58,419 (2002) ... shares" for 58,419 shares. Each reading of the
counts (units, or the table's share scale) is tested against what must hold: issued shares
x par = the stock's carrying value, authorized >= issued, treasury <= issued, and no
carrying value above $100,000 a share. A test no reading passes says nothing and is
dropped; when readings still differ, the table's own share scale is taken and the caller
reports it. A count printed with seven digits or more is in units: nobody prints
"1,875,000,000" thousand shares.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True, slots=True)
class Count:
    """A share count as printed, for deciding its scale."""

    role: str
    value: Decimal
    power: int | None  # from a scale word, or None
    column: int


_MAX_PER_SHARE = Decimal(100000)


def _candidates(counts: list[Count], role: str, share_scale: int) -> list[int]:
    mine = [c for c in counts if c.role == role and c.power is None]
    if share_scale == 0 or any(c.value >= 1000000 for c in mine) or all(c.value == 0 for c in mine):
        return [0]  # nobody prints "1,875,000,000" thousand shares
    return [0, share_scale]


def decide_powers(
    counts: list[Count],
    share_scale: int,
    par: Decimal | None,
    values: dict[int, Decimal],
    issued: dict[int, Decimal],
    slack: Decimal,
) -> tuple[dict[str, int], list[str]]:
    """The power of ten for each role's counts that printed no scale word, and what stays open."""
    roles = sorted({c.role for c in counts if c.power is None})
    options = [_candidates(counts, r, share_scale) for r in roles]
    combos: list[dict[str, int]] = [{}]
    for role, opts in zip(roles, options, strict=True):
        combos = [{**c, role: p} for c in combos for p in opts]
    if len(combos) == 1:
        return combos[0], []

    def full(c: Count, combo: dict[str, int]) -> Decimal:
        return c.value.scaleb(c.power if c.power is not None else combo[c.role])

    def par_ok(combo: dict[str, int]) -> bool:
        checked = [
            (full(c, combo), values[c.column])
            for c in counts
            if c.role != "authorized" and c.role != "treasury" and c.column in values and par
        ]
        return bool(checked) and all(abs(n * (par or 0) - v) <= slack + v / 50 for n, v in checked)

    def authorized_ok(combo: dict[str, int]) -> bool:
        top = [full(c, combo) for c in counts if c.role == "authorized"]
        rest = [full(c, combo) for c in counts if c.role not in ("authorized", "treasury")]
        return not top or all(n <= max(top) for n in rest)

    def treasury_ok(combo: dict[str, int]) -> bool:
        return all(
            full(c, combo) <= issued[c.column]
            for c in counts
            if c.role == "treasury" and c.column in issued
        )

    def per_share_ok(combo: dict[str, int]) -> bool:
        return all(
            values[c.column] <= full(c, combo) * _MAX_PER_SHARE
            for c in counts
            if c.role != "authorized" and c.column in values and c.value
        )

    for test in (par_ok, authorized_ok, treasury_ok, per_share_ok):
        kept = [c for c in combos if test(c)]
        if kept:
            combos = kept
    if len(combos) == 1:
        return combos[0], []
    default = {r: share_scale for r in roles}
    chosen = default if default in combos else combos[0]
    open_roles = [r for r in roles if len({c[r] for c in combos}) > 1]
    notes = [
        f"{r} shares could be in units or in 10^{share_scale}; taken as 10^{chosen[r]}"
        for r in open_roles
    ]
    return chosen, notes
