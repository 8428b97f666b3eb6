"""Scale phrases: "(In thousands)", "(000's omitted)", "$ in millions" -> a power of ten."""

from __future__ import annotations

import re

_SCALES = (
    (re.compile(r"\bin\s+billions\b|\(\$?\s*billions", re.I), 9),
    (
        re.compile(
            r"\bin\s+millions\b|\bmillions\s+of\s+(u\.?s\.?\s+)?dollars|\(\s*\$?\s*millions|\$\s*millions|"
            r"dollars\s+in\s+millions|\$\s*in\s*millions|\(\$\s*mil",
            re.I,
        ),
        6,
    ),
    (
        re.compile(
            r"\bin\s+thousands\b|thousands\s+of\s+(u\.?s\.?\s+)?dollars|0{3}'?s?\s+omitted|\(\s*\$?\s*0{3}'?s?\s*\)|"
            r"dollars\s+in\s+thousands|\(\s*thousands|\$\s*thousands|\$\s*in\s*thousands|\$\s*0{3}\b|"
            r"\bin\s+0{3}'?s\b",
            re.I,
        ),
        3,
    ),
)


def scale_of(text: str) -> tuple[int, str]:
    for pattern, power in _SCALES:
        m = pattern.search(text)
        if m:
            return power, m.group(0)
    return 0, ""
