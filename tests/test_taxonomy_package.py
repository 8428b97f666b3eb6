"""The us-gaap subset as an XBRL Taxonomy Package: layout, determinism, and Arelle's view.

The built-in package (from taxonomy/data) must load in Arelle offline with no error or
warning, both as a taxonomy package and through each of its entry points.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from test_xbrl import small_taxonomy

import taxonomy
from taxonomy.package import (
    CATALOG,
    LINK,
    TP,
    XBRLI,
    XS,
    build_package,
    package_bytes,
    package_files,
    write_package,
)

TOP = "us-gaap-2019-subset"
SCHEMA = f"{TOP}/xbrl.fasb.org/us-gaap/2019/elts/us-gaap-2019-01-31.xsd"
STD = "http://xbrl.fasb.org/us-gaap/2019/entire/us-gaap-entryPoint-std-2019-01-31.xsd"


def entries(data: bytes) -> list[zipfile.ZipInfo]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.infolist()


def test_layout_and_fixed_zip_metadata() -> None:
    data = build_package(small_taxonomy())
    infos = entries(data)
    names = [i.filename for i in infos]
    assert names == sorted(names)
    assert {n.split("/")[0] for n in names} == {TOP}
    assert f"{TOP}/META-INF/taxonomyPackage.xml" in names and SCHEMA in names
    assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}
    assert data == build_package(small_taxonomy())


def test_catalog_maps_the_official_url_into_the_package() -> None:
    files = package_files(small_taxonomy())
    catalog = etree.fromstring(files[f"{TOP}/META-INF/catalog.xml"])
    rewrite = catalog.find(f"{{{CATALOG}}}rewriteURI")
    assert rewrite.get("uriStartString") == "http://xbrl.fasb.org/us-gaap/2019/"
    assert rewrite.get("rewritePrefix") == "../xbrl.fasb.org/us-gaap/2019/"
    package = etree.fromstring(files[f"{TOP}/META-INF/taxonomyPackage.xml"])
    hrefs = [e.get("href") for e in package.iter(f"{{{TP}}}entryPointDocument")]
    assert hrefs == [taxonomy.ENTRY_POINT, STD]


def test_schema_declares_the_real_elements() -> None:
    tax = small_taxonomy()
    schema = etree.fromstring(package_files(tax)[SCHEMA])
    assert schema.get("targetNamespace") == taxonomy.NAMESPACE
    decls = {e.get("name"): e for e in schema.iter(f"{{{XS}}}element")}
    assert set(decls) == set(tax.elements)
    eps = decls["EarningsPerShareBasic"]
    assert eps.get("id") == "us-gaap_EarningsPerShareBasic"
    assert eps.get("type") == "num:perShareItemType" and eps.get("nillable") == "true"
    assert eps.get("substitutionGroup") == "xbrli:item"
    assert eps.get(f"{{{XBRLI}}}periodType") == "duration"
    assert decls["AssetsCurrent"].get(f"{{{XBRLI}}}balance") == "debit"
    refs = [r.get("{http://www.w3.org/1999/xlink}href") for r in schema.iter(f"{{{LINK}}}*")]
    assert refs == ["us-gaap-lab-2019-01-31.xml"]


def test_write_package(tmp_path: Path) -> None:
    path = write_package(tmp_path)
    assert path == tmp_path / "us-gaap-2019-subset.zip"
    assert path.read_bytes() == package_bytes()
    assert write_package(tmp_path / "x" / "p.zip").read_bytes() == package_bytes()


def arelle_load(target: str, package: Path, tmp_path: Path, *extra: str) -> list[str]:
    """Arelle's problems (above info) loading `target`, offline, with `package`."""
    log = tmp_path / "log.json"
    command = [
        sys.executable, "-m", "arelle.CntlrCmdLine", "--file", target, "--validate",
        "--workOffline", "--calc", "c11r", "--utr", "--captureWarnings",
        "--validationExitCode", "--disablePersistentConfig", "--logFile", str(log),
        "--logFileMode", "w", *extra,
    ]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, cwd=tmp_path)
    logged = json.loads(log.read_text(encoding="utf-8"))["log"]
    problems = [f"{e['level']} {e['code']}: {e['message']['text']}" for e in logged]
    problems = [p for p in problems if not p.startswith(("info ", "debug "))]
    loaded = [p for p in (e["message"]["text"] for e in logged) if "loaded in" in p]
    assert loaded, "Arelle loaded nothing"
    return problems + ([f"exit {done.returncode}"] if done.returncode else [])


@pytest.mark.slow
@pytest.mark.parametrize("entry_point", [taxonomy.ENTRY_POINT, STD])
def test_builtin_package_loads_in_arelle(tmp_path: Path, entry_point: str) -> None:
    package = write_package(tmp_path)
    assert arelle_load(entry_point, package, tmp_path, "--packages", str(package)) == []


@pytest.mark.slow
def test_builtin_package_validates_as_a_taxonomy_package(tmp_path: Path) -> None:
    package = write_package(tmp_path)
    assert arelle_load(str(package), package, tmp_path, "--taxonomyPackage") == []
