"""`--to ixbrl`: the release as filed, in monospace XHTML, with every fact tagged in place.

The human-readable part is the release's own text, line for line and column for column, in
one ``<pre>``. The model's `Filing.lines` (the cleaned text lines; line N at index N-1) is
used when the model has it; without it, the statements are laid out again from the model:
titles, scale lines, column headers and rows with each printed cell at its source line and
column (see `_layout`), so the page still shows the tables.

Each fact's number is found in its line by `fact.source` (1-based line, 0-based column,
the printed token) and only its digits are wrapped, so "$", "(", ")" and footnote marks
stay outside as text:

- ``ix:nonFraction`` with ``format="ixt:num-dot-decimal"`` (Transformation Registry 4) and
  ``scale`` such that value = printed digits x 10^scale; ``decimals`` from the fact;
- ``sign="-"`` exactly when the XBRL value is negative: the tag holds the absolute digits,
  whether or not the release printed them in parentheses (a cost printed "(340)" is a
  positive fact and has no sign; a loss per share printed "$(.12)" is -0.12 and has one);
- a dash ("-", "--", "-0-", "nil") is ``format="ixt:fixed-zero"``.

A fact whose digits cannot be found there, or do not give its value exactly, or whose
place another fact took, is written to ``ix:hidden`` instead, so no fact is lost and no tag
is wrong. So is a nil fact. Tagged numbers are quietly highlighted, with a tooltip (title)
giving the concept, the period and the value.

Contexts and units are in the hidden ``ix:header``; its schemaRef names the filing's
extension schema by a relative URL. That taxonomy is not in this stream: `companions()`
returns its files, to be written beside the page (the `.xbr` of `--to xbrl` holds them too).
The page is served as .html: it avoids empty non-void elements so that a browser's HTML
parser reads it as an XML parser does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, BinaryIO

from converter.model import Cell, Fact, Filing
from exporters import _xbrl_common as common
from exporters._ixbrl_layout import Key, source_lines
from exporters._xbrl_taxonomy import extension_files, schema_name
from exporters.base import gc_paused
from taxonomy.package import LINK, XBRLI, XLINK, XSI, q

XHTML = "http://www.w3.org/1999/xhtml"
IX = "http://www.xbrl.org/2013/inlineXBRL"
IXT = "http://www.xbrl.org/inlineXBRL/transformation/2020-02-12"
NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?|\.\d+")
DASH = re.compile(r"-0-|[-\u2010-\u2015\u2212_]+|(?i:nil|none)")
LEAD = re.compile(r"[\s$(\[]*")
CSS = """
body { margin: 1.5em; background: #ffffff; color: #111111; }
pre { font-family: "Courier New", Courier, monospace; font-size: 13px; line-height: 1.3; }
span.fact { background: #fdf6d8; border-bottom: 1px dotted #b59a2a; }
span.fact:hover { background: #f8e08e; }
"""


@dataclass(frozen=True, slots=True)
class Tag:
    """A fact placed in a line: the characters [start, end) hold its digits or its dash."""

    start: int
    end: int
    fact: int  # index in filing.facts
    scale: int
    dash: bool


def _cell(filing: Filing, fact: Fact) -> Cell | None:
    for s in filing.statements:
        if s.index == fact.statement_index:
            for r in s.rows:
                if r.index == fact.row_index and 0 <= fact.column_index < len(r.cells):
                    return r.cells[fact.column_index]
    return None


def _power_of_ten(ratio: Decimal) -> int | None:
    t = ratio.normalize().as_tuple()
    return int(t.exponent) if t.digits == (1,) and isinstance(t.exponent, int) else None


def _locate(line: str, column: int, text: str) -> int | None:
    """Where the printed `text` (digits or a dash) stands in `line` for a cell at `column`.

    First where the cell starts, past blanks, "$", "(" or "[" (a release may print
    "$        222" for the token "$222"); else its nearest whole occurrence no further from
    the recorded column than the text is long. None when neither is there.
    """

    def whole(at: int) -> bool:
        before = line[at - 1] if at else " "
        after = line[at + len(text) : at + len(text) + 2].ljust(2)
        return not (before.isdigit() or before in ",.") and not (
            after[0].isdigit() or (after[0] in ",." and after[1].isdigit())
        )

    lead = LEAD.match(line, min(column, len(line)))
    at = lead.end() if lead else column
    if line.startswith(text, at) and whole(at):
        return at
    found = [m.start() for m in re.finditer(re.escape(text), line) if whole(m.start())]
    near = [a for a in found if abs(a - column) <= max(len(text), 4)]
    return min(near, key=lambda a: abs(a - column)) if near else None


def place(filing: Filing, i: int, line: str) -> Tag | None:
    """The fact's tag in its line, or None if it cannot be tagged there exactly."""
    fact = filing.facts[i]
    token = fact.source.text
    if fact.value is None or not token:
        return None
    cell = _cell(filing, fact)
    if (cell.dash if cell else not NUMBER.search(token)) and fact.value == 0:
        m = DASH.search(token)
        text = m.group() if m else token.strip()
        at = _locate(line, fact.source.column, text) if text else None
        return None if at is None else Tag(at, at + len(text), i, 0, True)
    m = NUMBER.search(token)
    if m is None:
        return None
    printed = Decimal(m.group().replace(",", ""))
    if printed == 0:
        scale: int | None = max(0, -fact.decimals) if fact.value == 0 else None
    else:
        scale = _power_of_ten(abs(fact.value) / printed)
    at = _locate(line, fact.source.column, m.group())
    if scale is None or at is None:
        return None
    return Tag(at, at + len(m.group()), i, scale, False)


def placements(filing: Filing, lines: dict[Key, str]) -> tuple[dict[int, list[Tag]], list[int]]:
    """Tags by line number, and the facts that go to ix:hidden."""
    tags: dict[int, list[Tag]] = {}
    hidden: list[int] = []
    for i, fact in enumerate(filing.facts):
        line = lines.get((fact.source.line, 0))
        tag = place(filing, i, line) if line is not None else None
        taken = tags.get(fact.source.line, [])
        if tag is None or any(t.start < tag.end and tag.start < t.end for t in taken):
            hidden.append(i)
            continue
        tags.setdefault(fact.source.line, []).append(tag)
    return {n: sorted(ts, key=lambda t: t.start) for n, ts in tags.items()}, hidden


class Page:
    """Builds the XHTML document of one filing."""

    def __init__(self, filing: Filing, who: common.Entity) -> None:
        self.filing = filing
        self.who = who
        self.ids = common.fact_ids(filing)
        self.ns = common.namespaces(filing)
        self.tags: dict[int, list[Tag]] = {}

    def nonfraction(self, parent: Any, i: int) -> Any:
        from lxml import etree

        fact = self.filing.facts[i]
        el = etree.SubElement(parent, q(IX, "nonFraction"))
        el.set("name", fact.concept)
        el.set("contextRef", common.context_id(fact.period))
        el.set("unitRef", common.unit_id(fact.unit))
        el.set("id", self.ids[i])
        if fact.value is None:
            el.set(q(XSI, "nil"), "true")
        else:
            el.set("decimals", str(fact.decimals))
        return el

    def tooltip(self, fact: Fact) -> str:
        value = "nil" if fact.value is None else common.decimal_text(fact.value)
        period = common.period_text(fact.period)
        return f"{fact.concept} | {period} | {value} {common.unit_id(fact.unit)}"

    def header(self, body: Any, hidden: list[int]) -> None:
        from lxml import etree

        div = etree.SubElement(body, q(XHTML, "div"), style="display:none")
        head = etree.SubElement(div, q(IX, "header"))
        if hidden:
            box = etree.SubElement(head, q(IX, "hidden"))
            for i in hidden:
                el = self.nonfraction(box, i)
                value = self.filing.facts[i].value
                if value is not None:
                    el.set("scale", "0")
                    if value < 0:
                        el.set("sign", "-")
                    el.text = common.decimal_text(abs(value))
        refs = etree.SubElement(head, q(IX, "references"))
        attrs = {q(XLINK, "type"): "simple", q(XLINK, "href"): schema_name(self.filing)}
        etree.SubElement(refs, q(LINK, "schemaRef"), attrs)
        common.add_contexts_and_units(etree.SubElement(head, q(IX, "resources")), self.filing, self.who)
        div.tail = "\n"

    def text(self, pre: Any, lines: dict[Key, str], gapped: bool) -> None:
        """The lines in `pre`, with each placed fact tagged; a gap shows as a blank line."""
        from lxml import etree

        # The text after each element is gathered here and set once: lxml copies a tail
        # on every read and write, so growing it piece by piece would be quadratic.
        owner: Any = None  # the element whose tail the pieces become (None: pre's text)
        pieces: list[str] = []

        def settle() -> None:
            if owner is None:
                pre.text = "".join(pieces)
            else:
                owner.tail = "".join(pieces)
            pieces.clear()

        previous = None
        for key in sorted(lines):
            if previous is not None:
                pieces.append("\n\n" if key[0] > previous + 1 and gapped else "\n")
            previous = key[0]
            line, at = common.clean_text(lines[key]), 0
            for tag in self.tags.get(key[0], []) if key[1] == 0 else []:
                pieces.append(line[at : tag.start])
                settle()
                fact = self.filing.facts[tag.fact]
                span = owner = etree.SubElement(pre, q(XHTML, "span"), {"class": "fact"})
                span.set("title", common.clean_text(self.tooltip(fact)))
                el = self.nonfraction(span, tag.fact)
                el.set("scale", str(tag.scale))
                el.set("format", "ixt:fixed-zero" if tag.dash else "ixt:num-dot-decimal")
                if fact.value is not None and fact.value < 0:
                    el.set("sign", "-")
                el.text = line[tag.start : tag.end]
                at = tag.end
            pieces.append(line[at:])
        settle()

    def build(self) -> Any:
        from lxml import etree

        lines, gapped = source_lines(self.filing)
        self.tags, hidden = placements(self.filing, lines)
        nsmap: dict[str | None, str] = {
            None: XHTML,
            "ix": IX,
            "ixt": IXT,
            "xbrli": XBRLI,
            "link": LINK,
            "xlink": XLINK,
            "xsi": XSI,
            "iso4217": common.ISO4217,
        }
        nsmap.update(self.ns)
        html = etree.Element(q(XHTML, "html"), nsmap=nsmap)
        html.set("{http://www.w3.org/XML/1998/namespace}lang", "en")
        head = etree.SubElement(html, q(XHTML, "head"))
        meta = {"http-equiv": "Content-Type", "content": "text/html; charset=UTF-8"}
        etree.SubElement(head, q(XHTML, "meta"), meta)
        e = self.filing.entity
        title = " - ".join(x for x in (e.name, self.filing.form_type, self.filing.source_name) if x)
        etree.SubElement(head, q(XHTML, "title")).text = common.clean_text(title)
        etree.SubElement(head, q(XHTML, "style"), type="text/css").text = CSS
        body = etree.SubElement(html, q(XHTML, "body"))
        self.header(body, hidden)
        self.text(etree.SubElement(body, q(XHTML, "pre")), lines, gapped)
        for el in (head, *head, body):
            el.tail = "\n"
        return html


def page_bytes(filing: Filing, who: common.Entity) -> bytes:
    from lxml import etree

    common.extension_concepts(filing)  # fail early on an undefined extension concept
    root = Page(filing, who).build()
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8") + b"\n"


class IxbrlExporter:
    name = "ixbrl"
    suffix = ".html"

    def __init__(self, entity_scheme: str | None = None, entity_id: str | None = None) -> None:
        self.entity_scheme = entity_scheme
        self.entity_id = entity_id

    @gc_paused
    def write(self, filing: Filing, stream: BinaryIO) -> None:
        who = common.entity(filing, self.entity_scheme, self.entity_id)
        stream.write(page_bytes(filing, who))

    def companions(self, filing: Filing) -> dict[str, bytes]:
        """The extension taxonomy the page refers to: file name -> bytes."""
        return extension_files(filing)
