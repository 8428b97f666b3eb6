"""The command line: argument parsing and output files, nothing else."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import exporters


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="convert",
        description="Turn the financial tables of a plain-text EDGAR release into facts.",
    )
    p.add_argument("input", help="a release or EDGAR submission (.txt)")
    p.add_argument(
        "--to", default="json",
        help=f"output formats, comma-separated, or 'all' (choices: {', '.join(exporters.names())})",
    )
    p.add_argument("-o", "--output", help="output path (one format) or folder; '-' for stdout")
    p.add_argument("--strict", action="store_true", help="exit 1 when there are warnings")
    p.add_argument("--cik", help="the filer's CIK, for XBRL entity identifiers (http://www.sec.gov/CIK)")
    p.add_argument("--entity-scheme", help="XBRL entity identifier scheme (default: SEC CIK, else ticker)")
    p.add_argument("--entity-id", help="XBRL entity identifier (default: the CIK, else the ticker)")
    p.add_argument("--debug", action="store_true", help="show tracebacks")
    return p


def _formats(spec: str, parser: argparse.ArgumentParser) -> list[str]:
    names = exporters.names() if spec == "all" else [s.strip() for s in spec.split(",") if s.strip()]
    unknown = [n for n in names if n not in exporters.REGISTRY]
    if unknown or not names:
        parser.error(f"unknown format {', '.join(unknown) or spec!r}; "
                     f"choose from {', '.join(exporters.names())} or 'all'")
    return names


def _target(inp: Path, out: str | None, suffix: str, many: bool) -> Path | None:
    if out == "-":
        return None
    if out is None:
        return inp.with_name(inp.stem + suffix)
    path = Path(out)
    if many or path.is_dir() or out.endswith(("/", "\\")):
        path.mkdir(parents=True, exist_ok=True)
        return path / (inp.stem + suffix)
    return path


def _entity_options(args: argparse.Namespace) -> dict[str, str]:
    if args.cik:
        return {"entity_scheme": args.entity_scheme or "http://www.sec.gov/CIK",
                "entity_id": args.entity_id or args.cik}
    return {k: v for k, v in (("entity_scheme", args.entity_scheme), ("entity_id", args.entity_id)) if v}


def main(argv: list[str] | None = None) -> int:
    from converter import convert_file
    from converter.errors import ConversionError
    from converter.output import write_atomic

    parser = _parser()
    args = parser.parse_args(argv)
    formats = _formats(args.to, parser)
    if args.output == "-" and len(formats) > 1:
        parser.error("-o - writes one format to stdout; name one format with --to")
    inp = Path(args.input)
    try:
        filing = convert_file(inp)
        options = _entity_options(args)
        for name in formats:
            exporter = exporters.get(name, **options)
            target = _target(inp, args.output, exporter.suffix, len(formats) > 1)
            if target is None:
                exporter.write(filing, sys.stdout.buffer)
                sys.stdout.buffer.flush()
                continue
            write_atomic(target, lambda stream, e=exporter: e.write(filing, stream))
            # files an output refers to, such as an iXBRL page's extension schema, go beside it
            companions = getattr(exporter, "companions", None)
            for file_name, data in (companions(filing) if companions else {}).items():
                write_atomic(target.parent / file_name, lambda stream, d=data: stream.write(d))
    except ConversionError as err:
        if args.debug:
            raise
        print(f"convert: error: {err}", file=sys.stderr)
        return 1
    problems = [f for f in filing.findings if f.severity in ("error", "warning")]
    for f in problems:
        where = f"{inp}:{f.source.line}" if f.source else str(inp)
        print(f"{where}: {f.severity}: {f.message}", file=sys.stderr)
    return 1 if args.strict and problems else 0
