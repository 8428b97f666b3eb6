"""The XBRL exporters (ixbrl, xbrl, xbrl-json): structure, exactness and Arelle validation.

Arelle runs offline in a subprocess with the strict profile (Calc 1.1 round-to-nearest,
UTR, inconsistent duplicates, warnings captured), our taxonomy package given with
`--packages`, and its saveLoadableOIM plugin writing what it read as xBRL-JSON, so the
three formats can be compared fact by fact. A pass is exit 0 with no error, inconsistency
or warning in the log.

The fixture is checked against a small taxonomy built here (its concepts, the same names,
namespace and entry point as the real subset), so these tests do not depend on
taxonomy/data; the seed release goes through the real converter and the real taxonomy.
"""

from __future__ import annotations

import dataclasses
import io
import json
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import fixtures
import pytest
from lxml import etree

import exporters
import taxonomy
from converter.model import CalcRelation, Filing, SourceSpan
from exporters import _xbrl_common as common
from exporters._ixbrl_layout import model_lines
from exporters.ixbrl import IX, XHTML
from exporters.xbrl_json import XbrlJsonExporter, period_text
from taxonomy.core import Taxonomy
from taxonomy.loader import read_calculations, read_elements
from taxonomy.package import build_package, package_bytes

ROOT = Path(__file__).resolve().parent.parent
FORMATS = ("ixbrl", "xbrl", "xbrl-json")
PLUGINS = {"ixbrl": ["inlineXbrlDocumentSet"], "xbrl": [], "xbrl-json": ["loadFromOIM"]}
TEST_ELEMENTS = """name,xbrl_type,period_type,balance,standard_label,note
CashAndCashEquivalentsAtCarryingValue,xbrli:monetaryItemType,instant,debit,Cash,
AccountsReceivableNetCurrent,xbrli:monetaryItemType,instant,debit,"Receivables, current",
OtherAssetsCurrent,xbrli:monetaryItemType,instant,debit,"Other assets, current",
AssetsCurrent,xbrli:monetaryItemType,instant,debit,"Assets, current",
SalesRevenueNet,xbrli:monetaryItemType,duration,credit,"Revenue, net",
CostOfRevenue,xbrli:monetaryItemType,duration,debit,Cost of revenue,
OtherNonoperatingIncomeExpense,xbrli:monetaryItemType,duration,credit,Other income,
EarningsPerShareBasic,num:perShareItemType,duration,,"EPS, basic",
WeightedAverageNumberOfSharesOutstandingBasic,xbrli:sharesItemType,duration,,"Shares, basic",
"""
TEST_ARCS = """statement,parent,child,weight,order
balance_sheet,AssetsCurrent,CashAndCashEquivalentsAtCarryingValue,1,1
balance_sheet,AssetsCurrent,AccountsReceivableNetCurrent,1,2
balance_sheet,AssetsCurrent,OtherAssetsCurrent,1,3
"""


def small_taxonomy() -> Taxonomy:
    """The fixture's concepts as a taxonomy with the real prefix, namespace and entry point."""
    elements = read_elements(TEST_ELEMENTS, "test elements")
    arcs = read_calculations(TEST_ARCS, "test arcs", elements)
    return Taxonomy(
        taxonomy.PREFIX, taxonomy.NAMESPACE, taxonomy.ENTRY_POINT, taxonomy.RELEASE,
        elements, (), arcs,
    )  # fmt: skip


@dataclasses.dataclass(frozen=True, slots=True)
class FilingWithLines(Filing):
    """The model change proposed for Inline XBRL: the cleaned text lines of the release."""

    lines: tuple[str, ...] = ()


def checked_filing() -> Filing:
    """The fixture plus the release's own arithmetic (current assets), a nil fact and a fact
    that cannot be tagged in place."""
    f = fixtures.filing()
    calc = CalcRelation(
        0,
        "us-gaap:AssetsCurrent",
        (
            ("us-gaap:CashAndCashEquivalentsAtCarryingValue", 1),
            ("us-gaap:AccountsReceivableNetCurrent", 1),
            ("us-gaap:OtherAssetsCurrent", 1),
        ),
        4,
        (1, 2, 3),
    )
    nil = dataclasses.replace(f.facts[2], id="f013", value=None, period=fixtures.DEC_2001)
    nil = dataclasses.replace(nil, column_index=1, source=SourceSpan(12, 62, "1,466"))
    # printed nowhere in its line: it goes to ix:hidden, negative
    unplaced = dataclasses.replace(
        f.facts[11], id="f014", value=Decimal("-5000"), period=fixtures.FY_2002, column_index=1
    )
    return dataclasses.replace(f, calculations=(calc,), facts=(*f.facts, nil, unplaced))


def with_value(filing: Filing, fact_id: str, value: str) -> Filing:
    facts = tuple(
        dataclasses.replace(f, value=Decimal(value)) if f.id == fact_id else f for f in filing.facts
    )
    return dataclasses.replace(filing, facts=facts)


def render(name: str, filing: Filing) -> bytes:
    out = io.BytesIO()
    exporters.get(name).write(filing, out)
    return out.getvalue()


def write_output(name: str, filing: Filing, folder: Path) -> Path:
    """The exporter's output in `folder`, with its companion files beside it."""
    exporter = exporters.get(name)
    path = folder / f"{common.stem(filing)}{exporter.suffix}"
    path.write_bytes(render(name, filing))
    for file_name, data in getattr(exporter, "companions", lambda f: {})(filing).items():
        (folder / file_name).write_bytes(data)
    return path


# --- Arelle -------------------------------------------------------------------------------


@dataclass
class ArelleRun:
    code: int
    problems: list[str]  # "level code: message" for everything above info
    facts: set[tuple[object, ...]]  # (concept, entity, period, unit, value, decimals)


def oim_facts(doc: dict[str, Any]) -> set[tuple[object, ...]]:
    """What an xBRL-JSON document states, with the entity as (scheme, identifier)."""
    namespaces = doc["documentInfo"]["namespaces"]
    out: set[tuple[object, ...]] = set()
    for fact in doc.get("facts", {}).values():
        d = fact["dimensions"]
        prefix, _, identifier = d["entity"].partition(":")
        value = None if fact["value"] is None else Decimal(fact["value"])
        entity = (namespaces[prefix], identifier)
        out.add((d["concept"], entity, d["period"], d.get("unit"), value, fact.get("decimals")))
    return out


def arelle(path: Path, package: Path, plugins: list[str]) -> ArelleRun:
    """Validate `path` with Arelle's strict profile, offline; what it logged and read."""
    log, oim = path.parent / "arelle-log.json", path.parent / "arelle-read.json"
    command = [
        sys.executable, "-m", "arelle.CntlrCmdLine", "--file", str(path), "--validate",
        "--workOffline", "--calc", "c11r", "--utr", "--validateDuplicateFacts", "inconsistent",
        "--captureWarnings", "--validationExitCode", "--disablePersistentConfig",
        "--logFile", str(log), "--logFileMode", "w", "--packages", str(package),
        "--plugins", "|".join([*plugins, "saveLoadableOIM"]), "--saveLoadableOIM", str(oim),
    ]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, cwd=path.parent)
    entries = json.loads(log.read_text(encoding="utf-8"))["log"]
    problems = [
        f"{e['level']} {e['code']}: {e['message']['text']}"
        for e in entries
        if e["level"] not in ("info", "debug")
    ]
    facts = oim_facts(json.loads(oim.read_text(encoding="utf-8"))) if oim.exists() else set()
    return ArelleRun(done.returncode, problems, facts)


def model_facts(filing: Filing) -> set[tuple[object, ...]]:
    """What the model states, in the terms of `oim_facts`."""
    who = common.entity(filing)
    return {
        (
            f.concept,
            (who.scheme, who.identifier),
            period_text(f.period),
            common.measures_json(f.unit),
            f.value,
            None if f.value is None else f.decimals,
        )
        for f in filing.facts
    }


@pytest.fixture(scope="module")
def test_package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("package") / "us-gaap-2019-test.zip"
    path.write_bytes(build_package(small_taxonomy()))
    return path


@pytest.mark.slow
@pytest.mark.parametrize("name", FORMATS)
def test_fixture_validates_and_keeps_every_fact(
    name: str, tmp_path: Path, test_package: Path
) -> None:
    filing = checked_filing()
    run = arelle(write_output(name, filing, tmp_path), test_package, PLUGINS[name])
    assert run.problems == [] and run.code == 0
    assert run.facts == model_facts(filing)


@pytest.mark.slow
@pytest.mark.parametrize("name", FORMATS)
def test_a_wrong_total_fails_validation(name: str, tmp_path: Path, test_package: Path) -> None:
    broken = with_value(checked_filing(), "f005", "2969000")  # 222 + 2,737 + 0 is not 2,969
    run = arelle(write_output(name, broken, tmp_path), test_package, PLUGINS[name])
    assert run.code != 0
    assert any("inconsistentCalculation" in p for p in run.problems), run.problems


def package_files(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {n: archive.read(n) for n in archive.namelist()}


def test_report_package_layout(filing: Filing) -> None:
    files = package_files(render("xbrl", filing))
    assert sorted(files) == [
        "innovo-fixture/META-INF/reportPackage.json",
        "innovo-fixture/reports/inno-20030213.xsd",
        "innovo-fixture/reports/inno-20030213_cal.xml",
        "innovo-fixture/reports/inno-20030213_lab.xml",
        "innovo-fixture/reports/inno-20030213_pre.xml",
        "innovo-fixture/reports/innovo-fixture.xbrl",
    ]
    meta = json.loads(files["innovo-fixture/META-INF/reportPackage.json"])
    assert meta == {"documentInfo": {"documentType": "https://xbrl.org/report-package/2023/xbr"}}
    assert (
        files["innovo-fixture/reports/inno-20030213.xsd"]
        == (
            exporters.get("ixbrl").companions(filing)["inno-20030213.xsd"]  # type: ignore[attr-defined]
        )
    )


def test_instance_values_are_exact_and_nil_has_no_decimals() -> None:
    filing = checked_filing()
    files = package_files(render("xbrl", filing))
    root = etree.fromstring(files["innovo-fixture/reports/innovo-fixture.xbrl"])
    by_id = {el.get("id"): el for el in root if el.get("contextRef")}
    assert by_id["f010"].text == "-0.12" and by_id["f010"].get("decimals") == "2"
    assert by_id["f003"].text == "2737000" and by_id["f003"].get("unitRef") == "USD"
    nil = by_id["f013"]
    assert nil.get("{http://www.w3.org/2001/XMLSchema-instance}nil") == "true"
    assert nil.get("decimals") is None and not nil.text
    identifiers = {el.text for el in root.iter("{http://www.xbrl.org/2003/instance}identifier")}
    assert identifiers == {"0000844143"}


def test_entity_falls_back_to_ticker_and_can_be_overridden(filing: Filing) -> None:
    no_cik = dataclasses.replace(filing, entity=dataclasses.replace(filing.entity, cik=None))
    assert common.entity(no_cik) == common.Entity(common.TICKER_SCHEME, "INNO")
    exporter = XbrlJsonExporter("http://example.com/id", "X1")
    out = io.BytesIO()
    exporter.write(filing, out)
    doc = json.loads(out.getvalue())
    assert doc["documentInfo"]["namespaces"]["scheme"] == "http://example.com/id"
    assert {f["dimensions"]["entity"] for f in doc["facts"].values()} == {"scheme:X1"}


def test_json_periods_end_exclusive_and_values_are_strings(filing: Filing) -> None:
    doc = json.loads(render("xbrl-json", filing))
    assert doc["documentInfo"]["documentType"] == "https://xbrl.org/2021/xbrl-json"
    assert doc["documentInfo"]["taxonomy"] == ["inno-20030213.xsd"]
    facts = doc["facts"]
    assert facts["f001"]["dimensions"]["period"] == "2002-12-01T00:00:00"
    assert facts["f010"]["dimensions"]["period"] == "2001-12-02T00:00:00/2002-12-01T00:00:00"
    assert facts["f010"]["value"] == "-0.12" and facts["f010"]["decimals"] == 2
    assert facts["f009"]["dimensions"]["unit"] == "iso4217:USD/xbrli:shares"
    declared = set(doc["documentInfo"]["namespaces"])
    for fact in facts.values():
        d = fact["dimensions"]
        names = [d["concept"], d["entity"], *d["unit"].split("/")]
        assert {n.split(":")[0] for n in names} <= declared
        assert isinstance(fact["value"], str)


def test_labels_cannot_inject_markup(filing: Filing) -> None:
    nasty = '<b>&"]]>--\x07\x1b'
    ext = dataclasses.replace(filing.extensions[0], label=nasty)
    facts = tuple(dataclasses.replace(f, label=nasty) for f in filing.facts)
    hostile = dataclasses.replace(filing, extensions=(ext,), facts=facts)
    labels = exporters.get("ixbrl").companions(hostile)["inno-20030213_lab.xml"]  # type: ignore[attr-defined]
    texts = {el.text for el in etree.fromstring(labels).iter("{*}label")}
    assert texts == {'<b>&"]]>--\ufffd\ufffd', "Balance sheet", "Income statement"}
    page = etree.fromstring(render("ixbrl", hostile))
    assert page.find(f".//{{{XHTML}}}b") is None


# --- Inline XBRL --------------------------------------------------------------------------


def text_lines(filing: Filing) -> tuple[str, ...]:
    """The fixture's release text: its rows laid out at their source columns."""
    laid = model_lines(filing)
    last = max(n for n, _ in laid)
    by_line = {n: text for (n, k), text in laid.items() if k == 0}
    return tuple(by_line.get(n, "") for n in range(1, last + 1))


def ix_facts(page: bytes) -> dict[str, etree._Element]:
    root = etree.fromstring(page)
    return {el.get("id"): el for el in root.iter(f"{{{IX}}}nonFraction")}


def test_ixbrl_shows_the_text_exactly_as_filed(filing: Filing) -> None:
    lines = text_lines(filing)
    page = render("ixbrl", FilingWithLines(**{**_fields(filing), "lines": lines}))
    pre = etree.fromstring(page).find(f".//{{{XHTML}}}pre")
    assert "".join(pre.itertext()) == "\n".join(common.clean_text(x) for x in lines)


def test_ixbrl_tags_digits_only_with_sign_and_scale(filing: Filing) -> None:
    tags = ix_facts(render("ixbrl", filing))
    cost, loss, dash, eps = tags["f007"], tags["f010"], tags["f004"], tags["f009"]
    assert cost.text == "340" and cost.get("sign") is None and cost.get("scale") == "3"
    assert loss.text == ".12" and loss.get("sign") == "-" and loss.get("scale") == "0"
    assert dash.text == "-" and dash.get("format") == "ixt:fixed-zero"
    assert eps.get("format") == "ixt:num-dot-decimal" and eps.get("decimals") == "2"
    parent = cost.getparent()
    assert parent.get("class") == "fact" and parent.get("title").startswith("us-gaap:CostOfRevenue")
    assert parent.getprevious() is None or "(" in (parent.getprevious().tail or "")


def test_ixbrl_hides_what_it_cannot_place_exactly(filing: Filing) -> None:
    moved = dataclasses.replace(filing.facts[0], source=SourceSpan(11, 45, "$ 222"))  # off by 5
    lost = dataclasses.replace(filing.facts[2], source=SourceSpan(11, 50, "9,999"))
    facts = (moved, filing.facts[1], lost, *filing.facts[3:])
    lines = text_lines(filing)
    page = render("ixbrl", FilingWithLines(**{**_fields(filing), "facts": facts, "lines": lines}))
    tags = ix_facts(page)
    assert tags["f001"].text == "222" and tags["f001"].getparent().tag == f"{{{XHTML}}}span"
    assert tags["f003"].getparent().tag == f"{{{IX}}}hidden" and tags["f003"].text == "2737000"
    assert len(tags) == len(filing.facts)


def test_ixbrl_finds_the_digits_apart_from_the_dollar_sign(filing: Filing) -> None:
    """The reader's token may be "$222" where the line prints "$      222"."""
    lines = list(text_lines(filing))
    lines[10] = "Cash and cash equivalents".ljust(50) + "$      222   $   292"
    facts = (dataclasses.replace(filing.facts[0], source=SourceSpan(11, 50, "$222")),)
    page = render(
        "ixbrl", FilingWithLines(**{**_fields(filing), "facts": facts, "lines": tuple(lines)})
    )
    tag = ix_facts(page)["f001"]
    assert tag.text == "222" and tag.getparent().getprevious() is None
    assert etree.fromstring(page).find(f".//{{{XHTML}}}pre").text.endswith("$      ")


def test_ixbrl_is_html_parser_safe(filing: Filing) -> None:
    """No empty non-void element in the body, which an HTML parser would leave open."""
    root = etree.fromstring(render("ixbrl", checked_filing()))
    body = root.find(f"{{{XHTML}}}body")
    shown = [el for el in body.iter() if el.tag != etree.Comment]
    hidden = set(body.find(f"{{{XHTML}}}div").iter())
    assert all(el.text or len(el) for el in shown if el not in hidden)


def _fields(filing: Filing) -> dict[str, Any]:
    return {f.name: getattr(filing, f.name) for f in dataclasses.fields(filing)}


GOLDEN_CASES = sorted(p.name for p in (ROOT / "golden").iterdir() if (p / "release.txt").exists())


@pytest.fixture(scope="module")
def real_package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("real-package") / "us-gaap-2019-subset.zip"
    path.write_bytes(package_bytes())
    return path


@pytest.mark.slow
@pytest.mark.parametrize("case", GOLDEN_CASES)
def test_every_golden_case_validates_in_all_three_formats(
    case: str, tmp_path: Path, real_package: Path
) -> None:
    """Arelle's strict profile finds nothing in any format, and all three carry the model's facts.

    The seed is one of the cases; its calculations are checked with Calc 1.1 (c11r) too.
    """
    from converter import convert_file

    filing = convert_file(ROOT / "golden" / case / "release.txt")
    seen = {}
    for name in FORMATS:
        folder = tmp_path / name
        folder.mkdir()
        run = arelle(write_output(name, filing, folder), real_package, PLUGINS[name])
        assert run.problems == [] and run.code == 0, (name, run.problems[:10])
        seen[name] = run.facts
    assert seen["ixbrl"] == seen["xbrl"] == seen["xbrl-json"] == model_facts(filing)
