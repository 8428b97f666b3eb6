"""The command line: argument parsing, output files and messages, nothing else.

Exit codes: 0 converted (findings or not), 1 could not convert (or findings under
--strict), 2 usage error. Messages go to stderr: the file, the line where one
applies, what was wrong and what to do; a traceback only with --debug.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

import exporters
from converter.errors import DEFAULT_MAX_BYTES, ConversionError, OutputError

if TYPE_CHECKING:
    from converter.model import Filing, Finding

_ARCHIVES = (".zip", ".tar.gz", ".tgz")
_UNITS = {"": 1, "k": 1 << 10, "m": 1 << 20, "g": 1 << 30}

EPILOG = f"""\
exit codes: 0 converted, 1 could not convert (or findings under --strict), 2 usage error.
A folder, a quoted glob, a .zip/.tar.gz archive or several inputs are converted in batch
mode (--jobs, --scheduler, --quiet). Inputs over --max-bytes (default {DEFAULT_MAX_BYTES >> 20}M)
are refused before they are read.
"""


def _size(text: str) -> int:
    """'64M', '200mb', '1G', '4096' -> bytes (powers of 1024)."""
    m = re.fullmatch(r"\s*(\d+)\s*([kmg]?)i?b?\s*", text.lower())
    if not m:
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (write e.g. 64M, 1G or 4096)")
    return int(m.group(1)) * _UNITS[m.group(2)]


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="convert",
        description="Turn the financial tables of a plain-text EDGAR release into facts.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("input", nargs="+",
                   help="a release or EDGAR submission (.txt); or a folder, glob or archive")
    p.add_argument(
        "--to", default="json",
        help=f"output formats, comma-separated, or 'all' (choices: {', '.join(exporters.names())})",
    )
    p.add_argument("-o", "--output", help="output path (one format) or folder; '-' for stdout")
    p.add_argument("--strict", action="store_true", help="exit 1 when there are warnings")
    p.add_argument("--max-bytes", type=_size, default=DEFAULT_MAX_BYTES, metavar="SIZE",
                   help=f"refuse inputs larger than this (default {DEFAULT_MAX_BYTES >> 20}M; "
                        "suffixes K, M, G)")
    p.add_argument("--json-errors", action="store_true",
                   help="print errors and findings on stderr as JSON lines")
    p.add_argument("--cik", help="the filer's CIK, for XBRL entity identifiers (http://www.sec.gov/CIK)")
    p.add_argument("--entity-scheme",
                   help="XBRL entity identifier scheme (default: SEC CIK, else ticker)")
    p.add_argument("--entity-id", help="XBRL entity identifier (default: the CIK, else the ticker)")
    p.add_argument("--jobs", type=int, metavar="N", help="batch mode: convert N files at once")
    p.add_argument("--scheduler", metavar="ADDR", help="batch mode: a Dask scheduler's address")
    p.add_argument("--quiet", action="store_true",
                   help="no progress bar and no findings, errors only")
    p.add_argument("--debug", action="store_true", help="show tracebacks")
    return p


def _formats(spec: str, parser: argparse.ArgumentParser) -> list[str]:
    names = exporters.names() if spec == "all" else [s.strip() for s in spec.split(",")
                                                     if s.strip()]
    unknown = [n for n in names if n not in exporters.REGISTRY]
    if unknown or not names:
        parser.error(f"unknown format {', '.join(unknown) or spec!r}; "
                     f"choose from {', '.join(exporters.names())} or 'all'")
    return names


def _is_batch(inputs: list[str]) -> bool:
    one = inputs[0]
    globbed = any(ch in one for ch in "*?[") and not Path(one).exists()
    return len(inputs) > 1 or globbed or Path(one).is_dir() or one.lower().endswith(_ARCHIVES)


def _batch(args: argparse.Namespace, formats: list[str], parser: argparse.ArgumentParser) -> int:
    if args.output == "-":
        parser.error("-o - writes one file's output to stdout; batch mode needs a folder")
    run_batch = None
    try:
        from converter import batch

        run_batch = getattr(batch, "run_batch", None)
    except ModuleNotFoundError as err:
        if err.name != "converter.batch":
            raise
    if run_batch is None:
        parser.error("batch mode is not available: give one release file")
    return int(run_batch(args.input, formats, args.output, args.jobs, args.scheduler, args.quiet))


def _target(inp: Path, out: str | None, suffix: str, many: bool) -> Path | None:
    if out == "-":
        return None
    if out is None:
        path = inp.with_name(inp.stem + suffix)
    elif many or Path(out).is_dir() or out.endswith(("/", "\\")):
        try:
            Path(out).mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise OutputError(f"cannot make the folder: {err.strerror}", source=out) from err
        path = Path(out) / (inp.stem + suffix)
    else:
        path = Path(out)
    if path.exists() and path.resolve() == inp.resolve():
        raise OutputError("the output would overwrite the input", source=str(path),
                          hint="name another output with -o")
    return path


def _entity_options(args: argparse.Namespace) -> dict[str, str]:
    if args.cik:
        return {"entity_scheme": args.entity_scheme or "http://www.sec.gov/CIK",
                "entity_id": args.entity_id or args.cik}
    given = (("entity_scheme", args.entity_scheme), ("entity_id", args.entity_id))
    return {k: v for k, v in given if v}


def _write(filing: Filing, inp: Path, formats: list[str], args: argparse.Namespace) -> None:
    from converter.output import safe_name, write_atomic

    options = _entity_options(args)
    for name in formats:
        exporter = exporters.get(name, **options)
        target = _target(inp, args.output, exporter.suffix, len(formats) > 1)
        if target is None:
            exporter.write(filing, sys.stdout.buffer)
            sys.stdout.buffer.flush()
            continue
        write_atomic(target, _exporter_writer(exporter, filing))
        # files an output refers to, such as an iXBRL page's extension schema, go beside it
        companions = getattr(exporter, "companions", None)
        for file_name, data in (companions(filing) if companions else {}).items():
            write_atomic(target.parent / safe_name(file_name), _bytes_writer(data))


def _exporter_writer(exporter: exporters.Exporter, filing: Filing) -> Callable[[BinaryIO], None]:
    return lambda stream: exporter.write(filing, stream)


def _bytes_writer(data: bytes) -> Callable[[BinaryIO], object]:
    return lambda stream: stream.write(data)


class _Report:
    """Errors and findings on stderr, as text or as JSON lines."""

    def __init__(self, as_json: bool) -> None:
        self.as_json = as_json

    def _emit(self, record: dict[str, Any], text: str) -> None:
        if self.as_json:
            record = {k: v for k, v in record.items() if v is not None}
            text = json.dumps(record, ensure_ascii=False)
        print(text, file=sys.stderr, flush=True)

    def error(self, err: ConversionError) -> None:
        self._emit({"type": "error", "file": err.source, "line": err.line, "code": err.code,
                    "message": err.message, "hint": err.hint},
                   f"convert: error: {err.where}: {err.message}")
        if err.hint and not self.as_json:
            print(f"convert: hint: {err.hint}", file=sys.stderr)

    def crash(self, err: BaseException, inp: str) -> None:
        message = f"{type(err).__name__}: {err}"
        hint = "this is a bug in release2xbrl: rerun with --debug and report it with the input"
        self._emit({"type": "error", "file": inp, "code": "internal", "message": message,
                    "hint": hint},
                   f"convert: internal error: {inp}: {message}\nconvert: hint: {hint}")

    def finding(self, f: Finding, inp: str) -> None:
        line = f.source.line if f.source else None
        where = f"{inp}:{line}" if line else inp
        self._emit({"type": "finding", "file": inp, "line": line, "severity": str(f.severity),
                    "code": f.code, "message": f.message}, f"{where}: {f.severity}: {f.message}")


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)  # --help and usage errors end here, before any import below
    from converter import convert_file

    formats = _formats(args.to, parser)
    if args.output == "-" and len(formats) > 1:
        parser.error("-o - writes one format to stdout; name one format with --to")
    report = _Report(args.json_errors)
    try:
        if _is_batch(args.input):
            return _batch(args, formats, parser)
        inp = Path(args.input[0])
        filing = convert_file(inp, args.max_bytes)
        _write(filing, inp, formats, args)
    except ConversionError as err:
        if args.debug:
            raise
        report.error(err)
        return 1
    except KeyboardInterrupt:
        if args.debug:
            raise
        print("convert: interrupted; no partial output was left", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `convert x.txt -o - | head`: the reader left, nothing to say
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except Exception as err:  # a bug: say so plainly; the traceback is for --debug
        if args.debug:
            raise
        report.crash(err, args.input[0])
        return 1
    problems = [f for f in filing.findings if f.severity in ("error", "warning")]
    if not args.quiet:
        for f in problems:
            report.finding(f, str(inp))
    return 1 if args.strict and problems else 0
