"""Facts to findings: totals checked against their components (placeholder)."""

from converter.model import Filing


def check(filing: Filing) -> Filing:
    return filing
