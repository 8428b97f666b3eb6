"""The taxonomy subset as real XBRL files, packed as an XBRL Taxonomy Package (zip).

One source of truth: everything here is generated from `taxonomy.load()` (the CSV and JSON
under `taxonomy/data/`). The package holds, under one top-level folder:

- ``META-INF/taxonomyPackage.xml`` (Taxonomy Packages 1.0, http://xbrl.org/2016/taxonomy-package)
  naming two entry points, and ``META-INF/catalog.xml``, whose ``rewriteURI`` maps
  ``http://xbrl.fasb.org/us-gaap/<release>/`` onto the package, so the official URLs resolve
  offline;
- ``elts/us-gaap-<date>.xsd``: the subset schema at the official entry-point path, with the
  real element names, ids (``us-gaap_Name``), types, period types and balances, in the real
  namespace; it links the standard-label linkbase ``elts/us-gaap-lab-<date>.xml``;
- ``entire/us-gaap-entryPoint-std-<date>.xsd``: imports the schema and links the presentation
  and calculation linkbases (``elts/us-gaap-pre|cal-<date>.xml``) built from the calculation
  arcs, one extended link role per statement. As in the FASB layout, an instance that imports
  only ``elts/`` is not bound by the standard calculations, only by its own.

Types: ``num:perShareItemType`` and ``num:percentItemType`` come from the DTR numeric types
schema ``http://www.xbrl.org/dtr/type/numeric-2009-12-16.xsd``, which us-gaap 2019 itself
imports. It is not copied here: Arelle ships it in its offline cache
(``arelle/resources/cache/http/www.xbrl.org/dtr/type/``), as it ships the XBRL 2.1 schemas.

The XML building blocks (linkbase, locator, arc, label, clean text, deterministic zip) are
public: the exporters build the filings' extension taxonomies with the same code.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path
from typing import Any

from taxonomy.core import STATEMENTS, Taxonomy

XS = "http://www.w3.org/2001/XMLSchema"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
XBRLI = "http://www.xbrl.org/2003/instance"
LINK = "http://www.xbrl.org/2003/linkbase"
XLINK = "http://www.w3.org/1999/xlink"
NUM = "http://www.xbrl.org/dtr/type/numeric"
TP = "http://xbrl.org/2016/taxonomy-package"
CATALOG = "urn:oasis:names:tc:entity:xmlns:xml:catalog"
XBRLI_XSD = "http://www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd"
LINK_XSD = "http://www.xbrl.org/2003/xbrl-linkbase-2003-12-31.xsd"
NUM_XSD = "http://www.xbrl.org/dtr/type/numeric-2009-12-16.xsd"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
LANG = "en-US"

ROLE_LINK = "http://www.xbrl.org/2003/role/link"
ROLE_LABEL = "http://www.xbrl.org/2003/role/label"
ROLE_TERSE = "http://www.xbrl.org/2003/role/terseLabel"
ARCROLE_LABEL = "http://www.xbrl.org/2003/arcrole/concept-label"
ARCROLE_PARENT_CHILD = "http://www.xbrl.org/2003/arcrole/parent-child"
ARCROLE_SUMMATION = "http://www.xbrl.org/2003/arcrole/summation-item"
LINKBASE_REF_ROLES = {
    "label": "http://www.xbrl.org/2003/role/labelLinkbaseRef",
    "presentation": "http://www.xbrl.org/2003/role/presentationLinkbaseRef",
    "calculation": "http://www.xbrl.org/2003/role/calculationLinkbaseRef",
}
# Our own URIs live under the reserved .invalid domain: they name things, they never resolve.
PROJECT_URI = "http://release2xbrl.invalid"
# The item types an element may have, and the schema that defines each prefix.
TYPE_NAMESPACES = {"xbrli": (XBRLI, XBRLI_XSD), "num": (NUM, NUM_XSD)}
ZIP_DATE = (1980, 1, 1, 0, 0, 0)

_NOT_XML = re.compile("[^\t\n\r\u0020-\u007e\u00a0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def clean_text(text: str) -> str:
    """`text` with every character XML 1.0 forbids, and C1 controls, replaced by U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)


def q(ns: str, local: str) -> str:
    return f"{{{ns}}}{local}"


def xml_bytes(root: Any) -> bytes:
    """A document's bytes: UTF-8, XML declaration, indented; the same tree, the same bytes."""
    from lxml import etree

    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def zip_bytes(files: Mapping[str, bytes]) -> bytes:
    """A zip of `files` (path -> bytes), entries sorted, fixed timestamps and permissions."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o644 << 16
            archive.writestr(info, files[name], compresslevel=9)
    return buf.getvalue()


# --- schema and linkbase building blocks ------------------------------------------------


def schema_root(namespace: str, prefix: str, imports: Iterable[tuple[str, str, str]]) -> Any:
    """An `xs:schema` for `namespace`, importing each (prefix, namespace, location)."""
    from lxml import etree

    imports = sorted(set(imports))
    nsmap = {"xs": XS, "link": LINK, "xlink": XLINK, "xbrli": XBRLI}
    nsmap.update({p: ns for p, ns, _ in imports})
    nsmap[prefix] = namespace
    root = etree.Element(
        q(XS, "schema"),
        nsmap=nsmap,
        targetNamespace=namespace,
        elementFormDefault="qualified",
        attributeFormDefault="unqualified",
    )
    etree.SubElement(etree.SubElement(root, q(XS, "annotation")), q(XS, "appinfo"))
    done: set[str] = set()
    for _, ns, location in [("xbrli", XBRLI, XBRLI_XSD), *imports]:
        if ns not in done:
            done.add(ns)
            etree.SubElement(root, q(XS, "import"), namespace=ns, schemaLocation=location)
    return root


def appinfo(schema: Any) -> Any:
    return schema.find(f"{{{XS}}}annotation/{{{XS}}}appinfo")


def add_linkbase_ref(schema: Any, kind: str, href: str) -> None:
    from lxml import etree

    etree.SubElement(
        appinfo(schema),
        q(LINK, "linkbaseRef"),
        {
            q(XLINK, "type"): "simple",
            q(XLINK, "href"): href,
            q(XLINK, "role"): LINKBASE_REF_ROLES[kind],
            q(XLINK, "arcrole"): "http://www.w3.org/1999/xlink/properties/linkbase",
        },
    )


def add_role_type(schema: Any, role: str, role_id: str, definition: str) -> None:
    from lxml import etree

    rt = etree.SubElement(appinfo(schema), q(LINK, "roleType"), roleURI=role, id=role_id)
    etree.SubElement(rt, q(LINK, "definition")).text = clean_text(definition)
    for link in ("presentationLink", "calculationLink"):
        etree.SubElement(rt, q(LINK, "usedOn")).text = f"link:{link}"


def add_element(
    schema: Any,
    prefix: str,
    name: str,
    xbrl_type: str,
    period_type: str,
    balance: str | None,
    abstract: bool = False,
) -> None:
    """An item declaration as us-gaap writes it: id `prefix_Name`, nillable, xbrli:item."""
    from lxml import etree

    attrs = {
        "id": f"{prefix}_{name}",
        "name": name,
        "type": xbrl_type,
        "substitutionGroup": "xbrli:item",
        "nillable": "true",
        q(XBRLI, "periodType"): period_type,
    }
    if abstract:
        attrs["abstract"] = "true"
    if balance:
        attrs[q(XBRLI, "balance")] = balance
    etree.SubElement(schema, q(XS, "element"), attrs)


def linkbase_root(role_refs: Iterable[tuple[str, str]] = ()) -> Any:
    """A `link:linkbase`, with a roleRef for each (role URI, href)."""
    from lxml import etree

    root = etree.Element(q(LINK, "linkbase"), nsmap={"link": LINK, "xlink": XLINK, "xsi": XSI})
    root.set(q(XSI, "schemaLocation"), f"{LINK} {LINK_XSD}")
    for role, href in role_refs:
        etree.SubElement(
            root,
            q(LINK, "roleRef"),
            {"roleURI": role, q(XLINK, "type"): "simple", q(XLINK, "href"): href},
        )
    return root


def extended_link(linkbase: Any, kind: str, role: str = ROLE_LINK) -> Any:
    """A `link:<kind>Link` ("label", "presentation", "calculation") in the linkbase."""
    from lxml import etree

    attrs = {q(XLINK, "type"): "extended", q(XLINK, "role"): role}
    return etree.SubElement(linkbase, q(LINK, f"{kind}Link"), attrs)


class Locators:
    """The locators of one extended link, each href's once (a search of the link for every
    new arc would make a linkbase quadratic in its concepts)."""

    def __init__(self, link: Any) -> None:
        self.link = link
        self.labels: set[str] = set()

    def __call__(self, href: str, label: str) -> str:
        """A locator to `href` labelled `label`, added the first time; returns the label."""
        from lxml import etree

        if label not in self.labels:
            self.labels.add(label)
            attrs = {q(XLINK, "type"): "locator", q(XLINK, "href"): href, q(XLINK, "label"): label}
            etree.SubElement(self.link, q(LINK, "loc"), attrs)
        return label


def arc(link: Any, kind: str, arcrole: str, src: str, dst: str, **extra: str) -> None:
    from lxml import etree

    attrs = {
        q(XLINK, "type"): "arc",
        q(XLINK, "arcrole"): arcrole,
        q(XLINK, "from"): src,
        q(XLINK, "to"): dst,
    }
    attrs.update(extra)
    etree.SubElement(link, q(LINK, f"{kind}Arc"), attrs)


def label(link: Any, loc: str, role: str, text: str, res_id: str) -> None:
    """A label resource for the concept at locator `loc`, and its arc."""
    from lxml import etree

    attrs = {
        q(XLINK, "type"): "resource",
        q(XLINK, "label"): res_id,
        q(XLINK, "role"): role,
        XML_LANG: LANG,
        "id": res_id,
    }
    etree.SubElement(link, q(LINK, "label"), attrs).text = clean_text(text)
    arc(link, "label", ARCROLE_LABEL, loc, res_id)


def order_text(n: int) -> str:
    return f"{n}.0"


def weight_text(w: int) -> str:
    return f"{w:d}.0"


# --- the us-gaap subset -----------------------------------------------------------------


class Layout:
    """Where the subset's files go, from the entry point URL and the namespace date."""

    def __init__(self, tax: Taxonomy) -> None:
        base, _, filename = tax.entry_point.rpartition("/")  # .../us-gaap/2019/elts, us-gaap-...
        self.url_root = base.rpartition("/")[0] + "/"  # http://xbrl.fasb.org/us-gaap/2019/
        self.local_root = self.url_root.split("://", 1)[1]  # xbrl.fasb.org/us-gaap/2019/
        date = tax.namespace.rsplit("/", 1)[1]  # 2019-01-31
        self.schema = f"elts/{filename}"
        self.labels = f"elts/{tax.prefix}-lab-{date}.xml"
        self.presentation = f"elts/{tax.prefix}-pre-{date}.xml"
        self.calculation = f"elts/{tax.prefix}-cal-{date}.xml"
        self.std = f"entire/{tax.prefix}-entryPoint-std-{date}.xsd"
        self.top = f"{tax.prefix}-{tax.release}-subset"


def statement_role(statement: str) -> str:
    return f"{PROJECT_URI}/role/us-gaap-subset/{statement}"


def _subset_schema(tax: Taxonomy, lay: Layout) -> bytes:
    prefixes = {e.xbrl_type.split(":")[0] for e in tax.elements.values()}
    imports = [(p, *TYPE_NAMESPACES[p]) for p in sorted(prefixes) if p != "xbrli"]
    schema = schema_root(tax.namespace, tax.prefix, imports)
    add_linkbase_ref(schema, "label", lay.labels.removeprefix("elts/"))
    for name in sorted(tax.elements):
        e = tax.elements[name]
        add_element(schema, tax.prefix, e.name, e.xbrl_type, e.period_type, e.balance)
    return xml_bytes(schema)


def _label_linkbase(tax: Taxonomy, lay: Layout) -> bytes:
    root = linkbase_root()
    link = extended_link(root, "label")
    locator = Locators(link)
    schema = lay.schema.removeprefix("elts/")
    for name in sorted(tax.elements):
        text = tax.elements[name].label
        if text:
            loc = locator(f"{schema}#{tax.prefix}_{name}", f"loc_{name}")
            label(link, loc, ROLE_LABEL, text, f"lab_{name}")
    return xml_bytes(root)


def _arcs_linkbase(tax: Taxonomy, lay: Layout, kind: str) -> bytes:
    statements = [s for s in STATEMENTS if any(a.statement == s for a in tax.calculations)]
    std = "../" + lay.std
    root = linkbase_root((statement_role(s), f"{std}#{s}") for s in statements)
    schema = lay.schema.removeprefix("elts/")
    for statement in statements:
        link = extended_link(root, kind, statement_role(statement))
        locator = Locators(link)
        arcs = [a for a in tax.calculations if a.statement == statement]
        for a in sorted(arcs, key=lambda a: (a.parent, a.order, a.child)):
            src = locator(f"{schema}#{tax.prefix}_{a.parent}", f"loc_{a.parent}")
            dst = locator(f"{schema}#{tax.prefix}_{a.child}", f"loc_{a.child}")
            if kind == "calculation":
                extra = {"order": order_text(a.order), "weight": weight_text(a.weight)}
                arc(link, kind, ARCROLE_SUMMATION, src, dst, **extra)
            else:
                arc(link, kind, ARCROLE_PARENT_CHILD, src, dst, order=order_text(a.order))
    return xml_bytes(root)


def _std_entry_point(tax: Taxonomy, lay: Layout) -> bytes:
    std_ns = f"{PROJECT_URI}/us-gaap-subset/{tax.release}/std"
    schema = schema_root(std_ns, "std", [(tax.prefix, tax.namespace, tax.entry_point)])
    add_linkbase_ref(schema, "presentation", "../" + lay.presentation)
    add_linkbase_ref(schema, "calculation", "../" + lay.calculation)
    for statement in STATEMENTS:
        if any(a.statement == statement for a in tax.calculations):
            title = statement.replace("_", " ").capitalize()
            add_role_type(schema, statement_role(statement), statement, f"{title} (standard)")
    return xml_bytes(schema)


def _package_xml(tax: Taxonomy, lay: Layout) -> bytes:
    from lxml import etree

    root = etree.Element(q(TP, "taxonomyPackage"), {XML_LANG: "en"}, nsmap={"tp": TP})
    etree.SubElement(root, q(TP, "identifier")).text = f"{PROJECT_URI}/taxonomy/{lay.top}"
    etree.SubElement(root, q(TP, "name")).text = f"US-GAAP {tax.release} subset (release2xbrl)"
    etree.SubElement(root, q(TP, "description")).text = (
        f"The {len(tax.elements)} us-gaap {tax.release} elements release2xbrl maps releases"
        " to, with their standard labels and standard calculations. Not the FASB taxonomy."
    )
    etree.SubElement(root, q(TP, "version")).text = tax.namespace.rsplit("/", 1)[1]
    etree.SubElement(root, q(TP, "publisher")).text = "release2xbrl"
    points = etree.SubElement(root, q(TP, "entryPoints"))
    for name, href in (
        ("us-gaap elements", tax.entry_point),
        ("us-gaap with standard calculations", lay.url_root + lay.std),
    ):
        point = etree.SubElement(points, q(TP, "entryPoint"))
        etree.SubElement(point, q(TP, "name")).text = name
        etree.SubElement(point, q(TP, "entryPointDocument"), href=href)
    return xml_bytes(root)


def _catalog_xml(lay: Layout) -> bytes:
    from lxml import etree

    root = etree.Element(q(CATALOG, "catalog"), nsmap={None: CATALOG})
    etree.SubElement(
        root,
        q(CATALOG, "rewriteURI"),
        uriStartString=lay.url_root,
        rewritePrefix="../" + lay.local_root,
    )
    return xml_bytes(root)


def package_files(tax: Taxonomy) -> dict[str, bytes]:
    """The package's files: zip path -> bytes."""
    lay = Layout(tax)
    here = f"{lay.top}/{lay.local_root}"
    return {
        f"{lay.top}/META-INF/taxonomyPackage.xml": _package_xml(tax, lay),
        f"{lay.top}/META-INF/catalog.xml": _catalog_xml(lay),
        here + lay.schema: _subset_schema(tax, lay),
        here + lay.labels: _label_linkbase(tax, lay),
        here + lay.presentation: _arcs_linkbase(tax, lay, "presentation"),
        here + lay.calculation: _arcs_linkbase(tax, lay, "calculation"),
        here + lay.std: _std_entry_point(tax, lay),
    }


def build_package(tax: Taxonomy) -> bytes:
    """The taxonomy package of `tax` as zip bytes (uncached; see `package_bytes`)."""
    return zip_bytes(package_files(tax))


@cache
def package_bytes() -> bytes:
    """The package of the built-in taxonomy (`taxonomy.load()`), built once."""
    from taxonomy import load

    return build_package(load())


def package_name() -> str:
    """The built-in package's file name: ``us-gaap-2019-subset.zip``."""
    from taxonomy import PREFIX, RELEASE

    return f"{PREFIX}-{RELEASE}-subset.zip"


def write_package(target: Path) -> Path:
    """Write the built-in package to `target` (a .zip path, or a folder to put it in)."""
    target = Path(target)
    path = target if target.suffix == ".zip" else target / package_name()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(package_bytes())
    return path
