"""Canonical text dumps of exporter output, for golden files and readable diffs.

A binary format is compared as text that shows what a reader sees and nothing
of how the library happened to pack it: an xlsx as its sheets, cells, number
formats, styles that carry meaning, merged cells, tables and panes; a Parquet
file as its schema, metadata and rows; XML as canonical XML (C14N 2.0),
indented. Numbers stay exact: xlsx values come from the sheet XML as written,
Parquet decimals print as strings. Nothing here goes through a float.

`canonical_text(exporter_name, data)` picks the dump by the exporter's suffix.
"""

from __future__ import annotations

import io
import json
import zipfile
from datetime import date, datetime
from decimal import Decimal
from typing import Any

MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
XML_SUFFIXES = (".xml", ".xbrl", ".html", ".htm", ".xhtml", ".xsd")
ZIP_SUFFIXES = (".xbr", ".xbri", ".zip")  # XBRL report and taxonomy packages


def canonical_text(exporter_name: str, data: bytes) -> str:
    """The canonical text of `data`, as written by the exporter `exporter_name`."""
    import exporters

    suffix = exporters.get(exporter_name).suffix.lower()
    if suffix.endswith(".json"):
        return dump_json(data)
    if suffix.endswith(".xlsx"):
        return dump_xlsx(data)
    if suffix.endswith(".parquet"):
        return dump_parquet(data)
    if suffix.endswith(XML_SUFFIXES):
        return dump_xml(data)
    if suffix.endswith(ZIP_SUFFIXES):
        return dump_zip(data)
    raise ValueError(f"no canonical dump for {exporter_name!r} (suffix {suffix!r})")


def _json_default(value: Any) -> str:
    from exporters.json_doc import decimal_text

    if isinstance(value, Decimal):
        return decimal_text(value)
    if isinstance(value, date | datetime):
        return value.isoformat()
    raise TypeError(f"cannot dump {type(value).__name__}")


def _json_line(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=_json_default)


def dump_json(data: bytes) -> str:
    """JSON re-serialised with sorted keys and two-space indent.

    A JSON number with a fraction or exponent shows as the string "<number 1.5>",
    exactly as written, so it is neither rounded nor mistaken for a string.
    """
    doc = json.loads(data.decode("utf-8"), parse_float=lambda text: f"<number {text}>")
    return (
        json.dumps(doc, ensure_ascii=False, sort_keys=True, indent=2, default=_json_default) + "\n"
    )


def dump_xml(data: bytes) -> str:
    """C14N 2.0 of the document, then indented so a diff shows one element a line."""
    from lxml import etree

    parser = etree.XMLParser(remove_blank_text=True, resolve_entities=False, no_network=True)
    root = etree.fromstring(data, parser)
    canonical = etree.tostring(root, method="c14n2", with_comments=True)
    tree = etree.fromstring(canonical, parser)
    return etree.tostring(tree, encoding="unicode", pretty_print=True)


def dump_zip(data: bytes) -> str:
    """A package (zip) as its entries by name, each dumped by its own suffix."""
    parts = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in sorted(archive.namelist()):
            body = archive.read(name)
            if name.endswith(".json"):
                text = dump_json(body)
            elif name.endswith(XML_SUFFIXES):
                text = dump_xml(body)
            else:
                text = body.decode("utf-8") + "\n"
            parts.append(f"== {name}\n{text}")
    return "".join(parts) or "(empty zip)\n"


# --- xlsx -----------------------------------------------------------------------


def numeric_texts(data: bytes) -> dict[str, dict[str, str]]:
    """sheet name -> cell reference -> the <v> text of each numeric cell, as written."""
    from lxml import etree

    def xml(name: str) -> Any:
        return etree.fromstring(archive.read(name))

    out: dict[str, dict[str, str]] = {}
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        rels = {
            r.get("Id"): r.get("Target")
            for r in xml("xl/_rels/workbook.xml.rels").iter(f"{{{PKG_REL_NS}}}Relationship")
        }
        for sheet in xml("xl/workbook.xml").iter(f"{{{MAIN_NS}}}sheet"):
            target = rels[sheet.get(f"{{{REL_NS}}}id")].lstrip("/")
            path = target if target.startswith("xl/") else f"xl/{target}"
            cells = out.setdefault(sheet.get("name"), {})
            for c in xml(path).iter(f"{{{MAIN_NS}}}c"):
                v = c.find(f"{{{MAIN_NS}}}v")
                if c.get("t", "n") == "n" and v is not None and v.text is not None:
                    cells[c.get("r")] = v.text
    return out


def _style(cell: Any) -> str:
    bits = []
    if cell.number_format != "General":
        bits.append(f"fmt={cell.number_format}")
    if cell.font is not None and cell.font.b:
        bits.append("bold")
    if cell.font is not None and cell.font.i:
        bits.append("italic")
    if cell.border is not None and cell.border.top is not None and cell.border.top.style:
        bits.append(f"top={cell.border.top.style}")
    if cell.alignment is not None and cell.alignment.indent:
        bits.append(f"indent={int(cell.alignment.indent)}")
    return (" [" + " ".join(bits) + "]") if bits else ""


def _cell_text(cell: Any, numbers: dict[str, str]) -> str:
    kind = cell.data_type
    if kind == "d" or (kind == "n" and cell.is_date):
        value = cell.value.date() if isinstance(cell.value, datetime) else cell.value
        return f"d {value.isoformat()}"
    if kind == "n":
        return f"n {numbers[cell.coordinate]}"
    if kind == "b":
        return f"b {'TRUE' if cell.value else 'FALSE'}"
    if kind == "f":
        return f"FORMULA {cell.value}"
    return f"{kind} {json.dumps(cell.value, ensure_ascii=False)}"


def _sheet_lines(ws: Any, numbers: dict[str, str]) -> list[str]:
    lines = [
        f"== sheet {json.dumps(ws.title, ensure_ascii=False)}",
        f"dimensions {ws.dimensions}",
        f"freeze {ws.freeze_panes}",
        f"orientation {ws.page_setup.orientation}",
    ]
    lines += [f"merged {r.coord}" for r in sorted(ws.merged_cells.ranges, key=str)]
    for name in sorted(ws.tables):
        t = ws.tables[name]
        columns = ",".join(c.name for c in t.tableColumns)
        lines.append(f"table {name} {t.ref} columns={columns}")
    for row in ws.iter_rows():
        for cell in row:
            if cell.value is None or cell.value == "":
                continue
            lines.append(f"{cell.coordinate} {_cell_text(cell, numbers)}{_style(cell)}")
    return lines


def dump_xlsx(data: bytes) -> str:
    """Sheets in order, each with panes, merges, tables and every non-empty cell."""
    from openpyxl import load_workbook

    numbers = numeric_texts(data)
    wb = load_workbook(io.BytesIO(data))
    lines: list[str] = [f"sheets {json.dumps(wb.sheetnames, ensure_ascii=False)}"]
    for ws in wb.worksheets:
        lines += _sheet_lines(ws, numbers.get(ws.title, {}))
    return "\n".join(lines) + "\n"


# --- parquet --------------------------------------------------------------------


def dump_parquet(data: bytes) -> str:
    """The Arrow schema, our key-value metadata, then one JSON line per row."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    parquet_file = pq.ParquetFile(pa.BufferReader(data))
    table = parquet_file.read()
    metadata = {
        k.decode(): v.decode()
        for k, v in (table.schema.metadata or {}).items()
        if k != b"ARROW:schema"
    }
    lines = [
        table.schema.to_string(show_schema_metadata=False),
        f"metadata {_json_line(dict(sorted(metadata.items())))}",
        f"rows {table.num_rows}",
    ]
    lines += [_json_line(row) for row in table.to_pylist()]
    return "\n".join(lines) + "\n"
