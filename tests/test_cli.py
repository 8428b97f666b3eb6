"""The command line: exit codes, messages on stderr, --json-errors, --debug, batch routing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import types
from pathlib import Path

import pytest

import converter
from converter import cli, errors
from converter.output import safe_name

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "golden" / "innovo-fy2002" / "release.txt"


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = cli.main(argv)
    return code, capsys.readouterr().err


def test_converts_with_exit_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, err = run([str(SEED), "--to", "json,xlsx", "-o", str(tmp_path)], capsys)
    assert code == 0, err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["release.json", "release.xlsx"]


def test_without_o_the_output_goes_beside_the_input(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    inp = tmp_path / "acme.txt"
    inp.write_bytes(SEED.read_bytes())
    assert run([str(inp)], capsys)[0] == 0
    assert (tmp_path / "acme.json").exists()


@pytest.mark.parametrize("argv, words", [
    (["--to", "nope"], "unknown format 'nope'"),
    (["--to", "json,xlsx", "-o", "-"], "-o - writes one format"),
    (["--max-bytes", "lots"], "not a size: 'lots'"),
    (["--jobs", "two"], "invalid int value"),
])
def test_usage_errors_exit_2(argv: list[str], words: str,
                             capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        cli.main([str(SEED), *argv])
    assert caught.value.code == 2
    assert words in capsys.readouterr().err


def test_no_arguments_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        cli.main([])
    assert caught.value.code == 2


@pytest.mark.parametrize("text, size", [("4096", 4096), ("64M", 64 << 20), ("1g", 1 << 30),
                                        ("200MB", 200 << 20), ("8KiB", 8 << 10)])
def test_sizes(text: str, size: int) -> None:
    assert cli._size(text) == size


def test_help_documents_the_limit_and_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        cli.main(["--help"])
    out = capsys.readouterr().out
    assert caught.value.code == 0
    assert "--max-bytes" in out and "default 64M" in out
    assert "0 converted, 1 could not convert" in out and "2 usage error" in out


def test_readme_documents_the_limit() -> None:
    readme = (ROOT / "README.md").read_text()
    using = readme[readme.index("## Using it"):]
    assert "--max-bytes" in using and "64M" in using and "--json-errors" in using


def test_error_message_says_file_line_what_and_what_to_do(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "scan.txt"
    path.write_bytes(b"%PDF-1.4\n")
    code, err = run([str(path)], capsys)
    assert code == 1
    assert err.splitlines() == [
        f"convert: error: {path}:1: the file is a PDF, not a text release",
        "convert: hint: convert takes plain-text EDGAR filings; extract the text first",
    ]


def test_json_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "scan.txt"
    path.write_bytes(b"%PDF-1.4\n")
    code, err = run([str(path), "--json-errors"], capsys)
    assert code == 1
    [record] = [json.loads(line) for line in err.splitlines()]
    assert record == {"type": "error", "file": str(path), "line": 1, "code": "input.binary",
                      "message": "the file is a PDF, not a text release",
                      "hint": "convert takes plain-text EDGAR filings; extract the text first"}


def test_json_findings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "r.txt"
    text = SEED.read_text(encoding="latin-1")
    path.write_text(text.replace("</TABLE>", "", 1), encoding="latin-1")  # one table unterminated
    argv = [str(path), "--json-errors", "-o", str(tmp_path / "r.json"), "--strict"]
    code, err = run(argv, capsys)
    records = [json.loads(line) for line in err.splitlines()]
    assert code == 1 and records
    assert all(r["type"] == "finding" and r["file"] == str(path) for r in records)
    assert any(r["code"] == "table.unterminated" and r["line"] > 0 for r in records)
    assert (tmp_path / "r.json").exists()  # findings do not stop the output


def test_quiet_prints_no_findings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "r.txt"
    text = SEED.read_text(encoding="latin-1")
    path.write_text(text.replace("</TABLE>", "", 1), encoding="latin-1")
    assert run([str(path), "--quiet", "-o", str(tmp_path / "r.json")], capsys) == (0, "")


def test_internal_error_without_traceback_unless_debug(monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    def boom(*args: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(converter, "convert_file", boom)
    code, err = run([str(SEED), "-o", "-"], capsys)
    assert code == 1 and "Traceback" not in err
    assert f"convert: internal error: {SEED}: RuntimeError: a bug" in err and "--debug" in err
    with pytest.raises(RuntimeError):
        cli.main([str(SEED), "-o", "-", "--debug"])


def test_debug_raises_conversion_errors(tmp_path: Path) -> None:
    with pytest.raises(errors.NotFoundError):
        cli.main([str(tmp_path / "nothere.txt"), "--debug"])


def test_no_traceback_from_the_console(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "converter", str(tmp_path / "nothere.txt")],
                          capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "no such file" in done.stderr


def test_output_never_overwrites_the_input(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "release.json"  # a text release with an unlucky name
    path.write_bytes(SEED.read_bytes())
    code, err = run([str(path)], capsys)
    assert code == 1 and "would overwrite the input" in err
    assert path.read_bytes() == SEED.read_bytes()


@pytest.mark.parametrize("name", ["../x.xsd", "/etc/passwd", ".hidden", "a/b.xml", "", "x\x00"])
def test_companion_names_must_be_plain(name: str) -> None:
    with pytest.raises(errors.OutputError):
        safe_name(name)


def test_companion_names_from_the_exporters_are_plain(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    assert run([str(SEED), "--to", "all", "-o", str(tmp_path)], capsys)[0] == 0
    assert {p.parent for p in tmp_path.rglob("*")} == {tmp_path}
    assert safe_name("inno-20030213_lab.xml") == "inno-20030213_lab.xml"


# --- batch routing ---------------------------------------------------------------------


@pytest.fixture
def fake_batch(monkeypatch: pytest.MonkeyPatch) -> list[tuple[object, ...]]:
    calls: list[tuple[object, ...]] = []
    module = types.ModuleType("converter.batch")

    def run_batch(inputs: list[str], formats: list[str], output: str | None, jobs: int | None,
                  scheduler: str | None, quiet: bool) -> int:
        calls.append((inputs, formats, output, jobs, scheduler, quiet))
        return 7

    module.run_batch = run_batch  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "converter.batch", module)
    monkeypatch.setattr(converter, "batch", module, raising=False)
    return calls


@pytest.mark.parametrize("kind", ["folder", "glob", "zip", "tar.gz", "two files"])
def test_batch_inputs_go_to_run_batch(kind: str, tmp_path: Path,
                                      fake_batch: list[tuple[object, ...]]) -> None:
    inputs = {"folder": [str(tmp_path)], "glob": [f"{tmp_path}/*.txt"],
              "zip": [str(tmp_path / "filings.zip")], "tar.gz": [str(tmp_path / "f.tar.gz")],
              "two files": [str(SEED), str(SEED)]}[kind]
    code = cli.main([*inputs, "--to", "json,xlsx", "-o", str(tmp_path / "out"), "--jobs", "2",
                     "--scheduler", "tcp://127.0.0.1:8786", "--quiet"])
    assert code == 7
    assert fake_batch == [(inputs, ["json", "xlsx"], str(tmp_path / "out"), 2,
                           "tcp://127.0.0.1:8786", True)]


def test_one_file_is_not_batch(tmp_path: Path, fake_batch: list[tuple[object, ...]],
                               capsys: pytest.CaptureFixture[str]) -> None:
    assert run([str(SEED), "-o", str(tmp_path / "a.json")], capsys)[0] == 0
    assert fake_batch == []


@pytest.mark.parametrize("missing", ["none", "empty"])
def test_batch_mode_not_available_is_a_usage_error(missing: str, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    module = None if missing == "none" else types.ModuleType("converter.batch")
    monkeypatch.setitem(sys.modules, "converter.batch", module)
    if module is None:
        monkeypatch.delattr(converter, "batch", raising=False)
    else:
        monkeypatch.setattr(converter, "batch", module, raising=False)
    with pytest.raises(SystemExit) as caught:
        cli.main([str(tmp_path)])
    assert caught.value.code == 2
    assert "batch mode is not available" in capsys.readouterr().err


def test_a_closed_pipe_is_not_a_crash() -> None:
    """`convert x.txt -o - | head`: the reader has left; no traceback, no noise."""
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before the first byte
    try:
        done = subprocess.run([sys.executable, "-m", "converter", str(SEED), "-o", "-", "--quiet"],
                              stdout=write_end, stderr=subprocess.PIPE, cwd=ROOT, timeout=60)
    finally:
        os.close(write_end)
    err = done.stderr.decode()
    assert done.returncode == 1 and "Traceback" not in err and "BrokenPipe" not in err
