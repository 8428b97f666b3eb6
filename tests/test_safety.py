"""Safe output: atomic writes, no injection in any format, no XML entities, same bytes every run."""

from __future__ import annotations

import io
import json
import os
import re
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path
from typing import Any, BinaryIO

import pytest
from lxml import etree

import exporters
from converter import cli, convert
from converter.errors import OutputError
from converter.model import Filing
from converter.output import write_atomic

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "golden" / "innovo-fy2002" / "release.txt"
NAMES = exporters.names()

# --- atomic writes -----------------------------------------------------------------------


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_a_failed_write_leaves_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_bytes(b"old")

    def half(stream: BinaryIO) -> None:
        stream.write(b"new, but only h")
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, half)
    assert target.read_bytes() == b"old" and leftovers(tmp_path) == []


def test_a_failed_first_write_leaves_no_file(tmp_path: Path) -> None:
    def broken(stream: BinaryIO) -> None:
        stream.write(b"{")
        raise ValueError("exporter bug")

    with pytest.raises(ValueError):
        write_atomic(tmp_path / "out.json", broken)
    assert list(tmp_path.iterdir()) == []


def test_new_files_respect_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        write_atomic(tmp_path / "a.json", lambda s: s.write(b"{}"))
    finally:
        os.umask(old)
    assert (tmp_path / "a.json").stat().st_mode & 0o777 == 0o640


def test_a_rewrite_keeps_the_files_mode(tmp_path: Path) -> None:
    target = tmp_path / "a.json"
    target.write_bytes(b"old")
    target.chmod(0o604)
    write_atomic(target, lambda s: s.write(b"new"))
    assert target.read_bytes() == b"new" and target.stat().st_mode & 0o777 == 0o604


def test_a_target_that_cannot_be_replaced_is_an_output_error(tmp_path: Path) -> None:
    (tmp_path / "out.json").mkdir()
    with pytest.raises(OutputError, match="cannot write"):
        write_atomic(tmp_path / "out.json", lambda s: s.write(b"{}"))
    assert leftovers(tmp_path) == []


def test_ctrl_c_in_an_exporter_leaves_the_old_output(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "release.json"
    target.write_bytes(b"old")
    real_get = exporters.get

    class Interrupted:
        name, suffix = "json", ".json"

        def write(self, filing: Filing, stream: BinaryIO) -> None:
            real_get("json").write(filing, stream)
            raise KeyboardInterrupt  # the user pressed Ctrl-C with the file half written

    monkeypatch.setattr(exporters, "get", lambda name, **kw: Interrupted())
    assert cli.main([str(SEED), "-o", str(target)]) == 130
    assert "interrupted" in capsys.readouterr().err
    assert target.read_bytes() == b"old" and leftovers(tmp_path) == []


CHILD = """
import sys, time
from pathlib import Path
from converter.output import write_atomic

def slow(stream):
    for i in range(10_000):
        stream.write(b"x" * 65536)
        stream.flush()
        if i == 3:
            Path(sys.argv[2]).touch()  # the parent may now kill us mid-write
        time.sleep(0.01)

write_atomic(Path(sys.argv[1]), slow)
"""


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL])
def test_a_killed_conversion_leaves_the_old_file(sig: signal.Signals, tmp_path: Path) -> None:
    target, started = tmp_path / "big.json", tmp_path / "started"
    target.write_bytes(b"old")
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(target), str(started)], cwd=ROOT,
                             stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while not started.exists() and time.monotonic() < deadline and child.poll() is None:
        time.sleep(0.01)
    assert started.exists(), "the child never started writing"
    [partial] = leftovers(tmp_path)  # the temp file is being written beside the target
    assert (tmp_path / partial).stat().st_size > 0
    child.send_signal(sig)
    child.wait(60)
    assert target.read_bytes() == b"old"
    if sig == signal.SIGINT:  # KeyboardInterrupt: the temp file is cleaned up too
        assert leftovers(tmp_path) == []


# --- no injection ------------------------------------------------------------------------

NASTY = (
    '<b>Cost</b> & "sales" ]]> --x',
    "=SUM(A1:A9)+cmd|' /C calc'!A0",
    "+Other income",
    "-Interest expense",
    "@Royalties earned",
    "Bell\x07 and \x1b[31mescape",
    "<!ENTITY x SYSTEM 'file:///etc/passwd'>&x;",
    "<![CDATA[ x ]]> <!-- c -->",
)
_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffd]")


def nasty_release() -> str:
    head = """\
                         ACME WIDGET CORPORATION

                 CONSOLIDATED STATEMENTS OF OPERATIONS
                 (In thousands)

                                            Year Ended December 31,
                                              1998         1997
                                            --------     --------
Net sales                                   $ 12,345     $ 11,234
"""
    rows = (f"{label:<44}{100 + i:>8}     {200 + i:>8}\n" for i, label in enumerate(NASTY))
    return head + "".join(rows)


@pytest.fixture(scope="module")
def nasty() -> Filing:
    filing = convert(nasty_release().encode(), "nasty.txt")
    assert set(NASTY) <= {f.label for f in filing.facts}, "the reader keeps labels as printed"
    return filing


def clean(text: str) -> str:
    return _ILLEGAL_XML.sub("", text)


def xml_texts(data: bytes) -> list[str]:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    root = etree.fromstring(data, parser)
    assert not any(isinstance(el, etree._Entity) for el in root.iter()), "an entity was written"
    texts = []
    for el in root.iter():
        texts += [el.text or "", el.tail or ""]
        texts += [str(v) for v in el.attrib.values()]
    return [clean(t) for t in texts]


def outputs(name: str, filing: Filing) -> dict[str, bytes]:
    exporter = exporters.get(name)
    out = io.BytesIO()
    exporter.write(filing, out)
    files = {f"main{exporter.suffix}": out.getvalue()}
    companions = getattr(exporter, "companions", None)
    files.update(companions(filing) if companions else {})
    return files


def check_xml(files: dict[str, bytes]) -> None:
    texts: list[str] = []
    for name, data in files.items():
        if name.endswith((".xml", ".xsd", ".xbrl", ".html", ".xhtml", ".htm")):
            texts += xml_texts(data)
    for label in NASTY:
        assert any(clean(label) in t for t in texts), label


def check_json(data: bytes, labels: set[str]) -> None:
    strings: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)
        elif isinstance(node, str):
            strings.append(node)

    walk(json.loads(data))
    assert labels <= set(strings)


def check_xlsx(data: bytes) -> None:
    from openpyxl import load_workbook

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for part in archive.namelist():
            if part.startswith("xl/worksheets/"):
                assert not re.search(rb"<(\w+:)?f[ >/]", archive.read(part)), f"a formula in {part}"
    book = load_workbook(io.BytesIO(data))
    cells = [c for ws in book.worksheets for row in ws.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    texts = {clean(c.value) for c in cells if isinstance(c.value, str)}
    for label in NASTY:
        assert clean(label) in texts, label


def check_parquet(data: bytes) -> None:
    import pyarrow.parquet as pq

    table = pq.read_table(io.BytesIO(data))
    labels = set(table.column("label").to_pylist())
    assert set(NASTY) <= labels
    assert all(isinstance(v, str) for v in labels)


@pytest.mark.parametrize("name", NAMES)
def test_hostile_labels_stay_text_in_every_format(name: str, nasty: Filing) -> None:
    files = outputs(name, nasty)
    main = next(iter(files.values()))
    if name == "json":
        check_json(main, set(NASTY))
    elif name == "xbrl-json":  # the report is JSON, its extension taxonomy XML beside it
        check_json(main, set())
        check_xml(files)
    elif name == "xlsx":
        check_xlsx(main)
    elif name == "parquet":
        check_parquet(main)
    elif main.startswith(b"PK"):  # a report package: XML inside a zip
        with zipfile.ZipFile(io.BytesIO(main)) as archive:
            names = archive.namelist()
            assert all(".." not in n and not n.startswith("/") for n in names)
            check_xml({n: archive.read(n) for n in names})
    else:
        check_xml({f"page{Path(next(iter(files))).suffix}": main, **dict(list(files.items())[1:])})


def test_every_format_is_covered() -> None:
    known = {"json", "xbrl-json", "xlsx", "parquet", "ixbrl", "xbrl"}
    assert set(NAMES) <= known, "a new exporter: say how its hostile-label check reads it"


def test_extension_prefix_is_plain(nasty: Filing) -> None:
    from converter.concepts import extension_prefix

    hostile = nasty.entity.__class__(name="../../<Evil> & Co", ticker="../x;rm -rf /")
    prefix, namespace = extension_prefix(type(nasty)(source_name="x", sha256="0", encoding="ascii",
                                                     entity=hostile))
    assert re.fullmatch(r"[a-z][a-z0-9]*", prefix)
    assert re.fullmatch(r"http://[a-z0-9]+\.release2xbrl\.invalid/\d{8}", namespace)


# --- XML input ---------------------------------------------------------------------------


XXE = """<?xml version="1.0"?>
<!DOCTYPE r [<!ENTITY xxe SYSTEM "file://{secret}"><!ENTITY a "&xxe;&xxe;">]>
<r><a>&xxe;</a><b>&a;</b></r>
"""


def test_xml_dumps_do_not_expand_entities(tmp_path: Path) -> None:
    """The only XML the project parses is its own output, in exporters/dump.py (golden dumps).

    Its parser resolves no entities and reads nothing from the network: an XXE payload stays
    unexpanded, and the file it names is never read.
    """
    from exporters.dump import dump_xml

    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET")
    payload = XXE.format(secret=secret).encode()
    try:
        text = dump_xml(payload)
    except Exception:  # refusing the document is fine too: expanding it is not
        text = ""
    assert "TOPSECRET" not in text
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    assert "TOPSECRET" not in etree.tostring(etree.fromstring(payload, parser)).decode()


def test_xml_in_a_submission_is_read_as_text(tmp_path: Path) -> None:
    """The reader parses no markup: an XXE payload in the input is just lines of text."""
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET")
    text = XXE.format(secret=secret) + nasty_release()
    filing = convert(text.encode(), "xxe.txt")
    for name in NAMES:
        for data in outputs(name, filing).values():
            assert b"TOPSECRET" not in data, name


# --- deterministic -----------------------------------------------------------------------


@pytest.mark.parametrize("name", NAMES)
def test_two_runs_give_the_same_bytes(name: str, tmp_path: Path) -> None:
    runs = []
    for run in ("a", "b"):
        folder = tmp_path / run
        assert cli.main([str(SEED), "--to", name, "-o", f"{folder}/", "--quiet"]) == 0
        runs.append({p.name: p.read_bytes() for p in sorted(folder.iterdir())})
    assert runs[0] and runs[0] == runs[1]
