"""Row labels and section headers reduced to one comparable form.

Releases print the same line in many ways: "Net sales", "NET SALES:", "Net sales (Note 2)",
"Net sales . . . . .", "Less: Accumulated depreciation", "Shareholders' equity". Synonyms are
stored in the normalized form `normalize_label` returns, and every lookup normalizes first.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["normalize_label", "section_matches"]

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201b": "'", "`": "'", "\u00b4": "'"})
_DASHES = re.compile("[\u2010-\u2015\u2212]")
_MARKS = re.compile("[*\u2020\u2021\u00a7]")  # *, dagger, double dagger, section sign
# A parenthetical that is a reference, not part of the name: "(1)", "(a)", "(note 3)",
# "(notes 4 and 5)", "(see below)", "(in thousands)", "(dollars)", "(market, $14,774)", "(1998)".
_PAREN = re.compile(
    r"\(\s*(?:[a-z]|[^()]*[\d$][^()]*|(?:see\s+)?notes?\b[^()]*|see\s+(?:above|below)"
    r"|in\s+(?:thousands|millions|billions|dollars)|dollars|unaudited|unlabeled)\s*\)"
)
# Where amounts start, the name has ended: "Receivables, less allowances of $68,305 and ...",
# "Common stock, $.01 par value - 150,000,000 shares ...", "... at December 31, 1996".
_AMOUNT_TAIL = re.compile(r"(?:\$|\b\d{1,3}(?:,\d{3})+\b|\b\d{4,}\b).*$")
_DANGLING = re.compile(r"(?:\s+(?:of|and|at|in|including))+$")
_ENCLOSED = re.compile(r"^\[(.*)\]$")
_BRACKET_FOOTNOTE = re.compile(r"\[\s*(?:\d{1,2}|[a-z])\s*\]")
_DOT_LEADER = re.compile(r"(?:\.\s*){2,}")
_LEADING = re.compile(r"^(?:less|add|plus|deduct)\b\s*:?\s*")
_NON = re.compile(r"\bnon[\s-]+(?=[a-z])")
_SPACE = re.compile(r"\s+")
_SEPARATORS = re.compile(r"[-/,:;]")
_OPEN = re.compile(r"\(\s*")
_CLOSE = re.compile(r"\s*\)")


def _once(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).lower()
    text = _DASHES.sub("-", text)
    text = _MARKS.sub(" ", text)
    text = _ENCLOSED.sub(r"\1", text.strip())
    text = _PAREN.sub(" ", text)
    text = _BRACKET_FOOTNOTE.sub(" ", text)
    text = _AMOUNT_TAIL.sub("", text)
    text = _DOT_LEADER.sub(" ", text)
    text = text.replace("&", " and ").replace("'", "")
    text = _NON.sub("non", text)
    text = _SEPARATORS.sub(" ", text)
    text = _OPEN.sub(" (", text)
    text = _CLOSE.sub(") ", text)
    text = _SPACE.sub(" ", text).strip(" .")
    return _DANGLING.sub("", _LEADING.sub("", text))


@lru_cache(maxsize=1 << 16)  # the same labels recur in every release of a batch
def normalize_label(text: str) -> str:
    """The comparable form of a printed label; idempotent.

    Rules, in order:
      1. Unicode NFKC; curly quotes become "'", typographic dashes become "-"; lowercase.
      2. A label wholly in square brackets ("[total assets]", a generated name) loses them.
         Footnote marks go: "*", daggers, "(1)", "(a)", "[2]".
      3. Reference parentheticals go: "(note 3)", "(notes 4 and 5)", "(see below)",
         "(in thousands)", "(dollars)", "(unaudited)", "(unlabeled)", and any parenthetical
         holding a digit or "$" ("(1998)", "(market, $14,774; $19,023)"). "(loss)" stays.
      4. Everything from the first amount on goes: a "$", a number with thousands separators
         or one of four or more digits ("... of $64 and $45", "..., 150,000,000 shares",
         "at December 31, 1996"); so do the words "of", "and", "at", "in", "including" left
         dangling at the end. Dot leaders ("....", ". . .") go.
      5. "&" becomes "and"; apostrophes are dropped ("shareholders'" and "company's" lose them).
      6. "non-current", "non current" become "noncurrent".
      7. Hyphens, slashes, commas, colons and semicolons become spaces, so "paid-in" equals
         "paid in" and "Revenues, net:" equals "revenues net".
      8. Parentheses get one space outside and none inside ("from(used for)" equals
         "from (used for)"); spaces collapse; leading/trailing spaces and periods go.
      9. A leading "less", "add", "plus" or "deduct" (with or without ":") goes.
    The steps repeat until nothing changes, which makes the function idempotent.
    """
    previous = None
    while text != previous:
        previous, text = text, _once(text)
    return text


def section_matches(rule_section: str, section: str) -> bool:
    """Whether a contextual rule's normalized section applies under a normalized row section.

    It applies when its words appear, as whole words and in order, inside the section:
    "current assets" applies under "current assets" and "total current assets" but not under
    "noncurrent assets"; "operating activities" applies under "cash flows from operating
    activities".
    """
    if not rule_section or not section:
        return False
    padded = f" {section} "
    at = padded.find(f" {rule_section} ")
    while at >= 0:
        # "shareholders equity" inside "liabilities and shareholders equity" names a larger whole
        if not padded[:at + 1].endswith((" and ", " & ")):
            return True
        at = padded.find(f" {rule_section} ", at + 1)
    return False
