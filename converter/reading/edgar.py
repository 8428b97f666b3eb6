"""EDGAR submissions: the SEC header, the documents, and EDGAR's own escapes.

A full submission wraps documents in `<DOCUMENT>`/`<TYPE>`/`<TEXT>` markup under a
`<SEC-HEADER>`. A bare release is just text. Either way the result is a `Text`
whose lines keep their input line numbers: lines outside the documents that hold
financial statements are blanked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from converter.reading.decode import decode, split_lines

_HEADER_FIELDS = {
    "ACCESSION NUMBER": "accession",
    "CONFORMED SUBMISSION TYPE": "form_type",
    "FILED AS OF DATE": "filed",
    "CONFORMED PERIOD OF REPORT": "period",
    "COMPANY CONFORMED NAME": "company",
    "CENTRAL INDEX KEY": "cik",
    "FISCAL YEAR END": "fiscal_year_end",
}
_HEADER_LINE = re.compile(r"^\s*(?P<key>[A-Z][A-Z ]+[A-Z]):\s*(?P<value>\S.*?)\s*$")
_PAGE = re.compile(r"<PAGE>[ \t]*\d*", re.IGNORECASE)
# the submission's own markup, never content
_SGML = re.compile(
    r"^\s*</?(DOCUMENT|TYPE|SEQUENCE|FILENAME|DESCRIPTION|TEXT|SEC-DOCUMENT|SEC-HEADER|"
    r"IMS-HEADER|PDF|XML)>",
    re.IGNORECASE,
)
_TYPE = re.compile(r"^\s*<TYPE>\s*(\S+)", re.IGNORECASE)
# Documents that never hold statements in table form.
_SKIP_TYPES = re.compile(r"^(EX-27|GRAPHIC|ZIP|PDF|XML|JSON|EX-101|COVER|CORRESP)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Header:
    """What the SEC header of a submission says; all None for a bare release."""

    accession: str | None = None
    form_type: str | None = None
    filed: date | None = None
    period: date | None = None
    company: str | None = None
    cik: str | None = None
    fiscal_year_end: str | None = None  # MMDD, as the header prints it


@dataclass(frozen=True, slots=True)
class Text:
    """Decoded input. `lines[i]` is input line i + 1, columns as printed."""

    lines: tuple[str, ...]
    encoding: str
    header: Header
    documents: tuple[str, ...]  # the <TYPE>s read; empty for a bare release


def _yyyymmdd(value: str | None) -> date | None:
    if not value or not re.fullmatch(r"\d{8}", value):
        return None
    try:
        return date(int(value[:4]), int(value[4:6]), int(value[6:]))
    except ValueError:
        return None


def _accession(value: str | None) -> str | None:
    """An accession number as EDGAR writes it (0000950134-03-002063); a cut-off one is none."""
    return value if value and re.fullmatch(r"\d{10}-\d{2}-\d{6}", value) else None


def _cik(value: str | None) -> str | None:
    """A CIK is one to ten digits, not all zero; anything else (a damaged line) is none."""
    return value if value and re.fullmatch(r"(?=\d{1,10}$)0*[1-9]\d*", value) else None


def parse_header(lines: list[str]) -> Header:
    """The fields of the SEC header; the first occurrence of each wins."""
    found: dict[str, str] = {}
    for line in lines:
        if line.strip().upper() in ("</SEC-HEADER>", "</IMS-HEADER>"):
            break
        m = _HEADER_LINE.match(line)
        if m and m.group("key") in _HEADER_FIELDS:
            found.setdefault(_HEADER_FIELDS[m.group("key")], m.group("value"))
        if re.match(r"^\s*<DOCUMENT>", line, re.IGNORECASE):
            break
    return Header(
        accession=_accession(found.get("accession")),
        form_type=found.get("form_type"),
        filed=_yyyymmdd(found.get("filed")),
        period=_yyyymmdd(found.get("period")),
        company=found.get("company"),
        cik=_cik(found.get("cik")),
        fiscal_year_end=found.get("fiscal_year_end"),
    )


def _documents(lines: list[str]) -> list[tuple[str, int, int]]:
    """(type, first line index, end line index) of each <DOCUMENT>."""
    docs: list[tuple[str, int, int]] = []
    start: int | None = None
    kind = ""
    for i, line in enumerate(lines):
        stripped = line.strip().upper()
        if stripped == "<DOCUMENT>":
            start, kind = i, ""
        elif start is not None and not kind and (m := _TYPE.match(line)):
            kind = m.group(1).upper()
        elif stripped == "</DOCUMENT>" and start is not None:
            docs.append((kind, start, i + 1))
            start = None
    if start is not None:  # a submission cut short: keep what there is
        docs.append((kind, start, len(lines)))
    return docs


def _wanted(form: str, docs: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """The documents that hold financial statements, by the form type."""
    usable = [d for d in docs if not _SKIP_TYPES.match(d[0])]
    form = form.upper()
    if form.startswith("8-K") or form.startswith("6-K"):
        exhibits = [d for d in usable if re.match(r"EX-(99|20|13)", d[0])]
        return exhibits or usable
    if re.match(r"10-?[KQ]", form):
        return [d for d in usable if re.match(r"(10-?[KQ]|EX-13)", d[0])] or usable
    return usable


def unescape(line: str) -> str:
    """Undo EDGAR's escape of a line that began with '-': '- ----' was '----'."""
    if line.startswith("- -"):
        return line[2:]
    return line


def strip_page_markers(line: str) -> str:
    """Replace <PAGE> markers (any case, with a page number) by spaces: no column moves."""
    return _PAGE.sub(lambda m: " " * len(m.group(0)), line).rstrip()


def read(data: bytes) -> Text:
    """Decode and clean a release or a whole EDGAR submission."""
    text, encoding = decode(data)
    lines = split_lines(text)
    header = parse_header(lines[:400])
    docs = _documents(lines)
    keep = [True] * len(lines)
    read_types: tuple[str, ...] = ()
    if docs:
        wanted = _wanted(header.form_type or docs[0][0], docs)
        keep = [False] * len(lines)
        for _, start, end in wanted:
            for i in range(start, end):
                keep[i] = True
        read_types = tuple(d[0] for d in wanted)
    cleaned = tuple(
        strip_page_markers(unescape(line)) if k and not _SGML.match(line) else ""
        for line, k in zip(lines, keep, strict=True)
    )
    return Text(lines=cleaned, encoding=encoding, header=header, documents=read_types)
