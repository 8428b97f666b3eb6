"""Mutations of a release: the damage real EDGAR text shows, applied as a list of edits.

An edit is a tuple `(kind, line, column, arg)`; positions are taken modulo the
size of what they point into, so any integers make a valid edit. The in-suite
property test draws edits with hypothesis, the long runner (`run.py`) with `random`:
both share this one function.
"""

from __future__ import annotations

import random
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Characters that mean something to the reader, plus some that should mean nothing.
CHARS = "0123456789$(),.-%*<>/ \t\f\x00\x07\u2014\u201c\u2019\xe9|_=:"
MARKUP = ("<TABLE>", "</TABLE>", "<S>", "<C>", "<PAGE>", "<CAPTION>", "<DOCUMENT>",
          "</DOCUMENT>", "<TYPE>EX-99", "<TEXT>", "</TEXT>", "(In thousands)", "---------",
          "=========", "December 31, 1999", "Three Months Ended", "Total", "")

KINDS = ("drop", "duplicate", "shift", "truncate", "widen", "narrow", "swap", "replace",
         "swaplines", "markup", "cut")


def corpus() -> list[tuple[str, list[str]]]:
    """(case name, lines) of every golden release, read as the reader would decode it."""
    from converter.reading import decode

    out = []
    for path in sorted(ROOT.glob("golden/*/release.txt")):
        text, _ = decode(path.read_bytes())
        out.append((path.parent.name, text.split("\n")))
    return out


def apply(lines: list[str], edits: list[tuple[str, int, int, int]]) -> list[str]:
    """`lines` with each edit applied in turn."""
    lines = list(lines)
    for kind, at, col, arg in edits:
        if not lines:
            break
        i = at % len(lines)
        line = lines[i]
        c = col % (len(line) + 1)
        if kind == "drop":
            del lines[i:i + 1 + arg % 3]
        elif kind == "duplicate":
            lines.insert(i, line)
        elif kind == "shift":
            n = 1 + arg % 6
            lines[i:i + 4] = [(" " * n + s) if arg % 2 else s[n:] for s in lines[i:i + 4]]
        elif kind == "truncate":
            lines = lines[:i] + [line[:c]]
        elif kind == "widen":  # a column grows in a block of lines
            lines[i:i + 8] = [s[:c] + " " * (1 + arg % 4) + s[c:] for s in lines[i:i + 8]]
        elif kind == "narrow":
            lines[i:i + 8] = [s[:c] + s[c + 1 + arg % 3:] for s in lines[i:i + 8]]
        elif kind == "swap" and c + 1 < len(line):
            lines[i] = line[:c] + line[c + 1] + line[c] + line[c + 2:]
        elif kind == "replace":
            lines[i] = line[:c] + CHARS[arg % len(CHARS)] + line[c + 1:]
        elif kind == "swaplines":
            j = (i + 1 + arg % 5) % len(lines)
            lines[i], lines[j] = lines[j], lines[i]
        elif kind == "markup":
            lines.insert(i, MARKUP[arg % len(MARKUP)])
        elif kind == "cut":  # the file ends mid-row
            lines = lines[:i + 1]
            lines[-1] = lines[-1][:c]
    return lines


def encode(lines: list[str], how: int) -> bytes:
    """The mutated text as bytes: UTF-8, cp1252 where it can, with CRLF, or with CR ends."""
    text = "\n".join(lines)
    if how % 4 == 1:
        return text.encode("cp1252", errors="replace")
    if how % 4 == 2:
        return text.replace("\n", "\r\n").encode("utf-8")
    if how % 4 == 3:
        return text.replace("\n", "\r").encode("utf-8")
    return text.encode("utf-8")


def random_edits(rng: random.Random) -> list[tuple[str, int, int, int]]:
    """One to eight random edits."""
    big = 1 << 30
    return [(rng.choice(KINDS), rng.randrange(big), rng.randrange(big), rng.randrange(big))
            for _ in range(rng.randint(1, 8))]
