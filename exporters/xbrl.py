"""`--to xbrl`: an XBRL 2.1 instance with its extension taxonomy, as an XBRL Report Package.

An instance alone cannot be used: its schemaRef points to the filing's own extension schema
(company concepts, and the release's presentation, calculation and label links; see
`exporters._xbrl_taxonomy`). The single output stream therefore carries a Report Package
(XBRL Report Packages 1.0, non-inline, file extension ``.xbr``), a zip laid out as

    <stem>/META-INF/reportPackage.json     {"documentInfo": {"documentType": ".../2023/xbr"}}
    <stem>/reports/<stem>.xbrl             the instance
    <stem>/reports/<prefix>-<date>.xsd     the extension schema, with _lab/_pre/_cal.xml

Arelle opens such a package directly. The us-gaap subset is imported by its official URL
(http://xbrl.fasb.org/us-gaap/2019/elts/us-gaap-2019-01-31.xsd) and is not inside the
package: pass our taxonomy package (`taxonomy.package.write_package`) with ``--packages``,
or the FASB's own; the names, ids and namespace are the real ones.

    arelleCmdLine --file report.xbr --packages us-gaap-2019-subset.zip --validate \\
        --workOffline --calc c11r --utr

Facts keep the model's order and ids; contexts, units and the entity are chosen in
`exporters._xbrl_common`. A nil fact (value None) is written with xsi:nil and no decimals.
"""

from __future__ import annotations

import json
from typing import Any, BinaryIO

from converter.model import Filing
from exporters import _xbrl_common as common
from exporters._xbrl_taxonomy import extension_files, schema_name
from exporters.base import gc_paused
from taxonomy.package import LINK, XBRLI, XLINK, XSI, q, xml_bytes, zip_bytes

REPORT_PACKAGE_TYPE = "https://xbrl.org/report-package/2023/xbr"


def instance_root(filing: Filing, who: common.Entity) -> Any:
    """The `xbrli:xbrl` element of the filing's instance."""
    from lxml import etree

    nsmap = {
        "xbrli": XBRLI,
        "link": LINK,
        "xlink": XLINK,
        "xsi": XSI,
        "iso4217": common.ISO4217,
        **common.namespaces(filing),
    }
    root = etree.Element(q(XBRLI, "xbrl"), nsmap=nsmap)
    etree.SubElement(
        root,
        q(LINK, "schemaRef"),
        {q(XLINK, "type"): "simple", q(XLINK, "href"): schema_name(filing)},
    )
    common.add_contexts_and_units(root, filing, who)
    for fact, fid in zip(filing.facts, common.fact_ids(filing), strict=True):
        prefix, name = common.split(fact.concept)
        el = etree.SubElement(root, q(nsmap[prefix], name), id=fid)
        el.set("contextRef", common.context_id(fact.period))
        el.set("unitRef", common.unit_id(fact.unit))
        if fact.value is None:
            el.set(q(XSI, "nil"), "true")
        else:
            el.set("decimals", str(fact.decimals))
            el.text = common.decimal_text(fact.value)
    return root


def instance_bytes(filing: Filing, who: common.Entity) -> bytes:
    return xml_bytes(instance_root(filing, who))


def report_package(filing: Filing, who: common.Entity) -> bytes:
    """The report package's bytes (see the module docstring)."""
    common.extension_concepts(filing)  # fail early on an undefined extension concept
    top = common.stem(filing)
    meta = {"documentInfo": {"documentType": REPORT_PACKAGE_TYPE}}
    files = {
        f"{top}/META-INF/reportPackage.json": (json.dumps(meta, indent=2) + "\n").encode(),
        f"{top}/reports/{top}.xbrl": instance_bytes(filing, who),
    }
    for name, data in extension_files(filing).items():
        files[f"{top}/reports/{name}"] = data
    return zip_bytes(files)


class XbrlExporter:
    name = "xbrl"
    suffix = ".xbr"

    def __init__(self, entity_scheme: str | None = None, entity_id: str | None = None) -> None:
        self.entity_scheme = entity_scheme
        self.entity_id = entity_id

    @gc_paused
    def write(self, filing: Filing, stream: BinaryIO) -> None:
        who = common.entity(filing, self.entity_scheme, self.entity_id)
        stream.write(report_package(filing, who))


__all__ = ["XbrlExporter", "instance_bytes", "report_package"]
