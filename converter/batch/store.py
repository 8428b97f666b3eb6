"""The output folder of a batch: the partitioned dataset, the manifest and the errors table.

    OUT/year=2002/part-<key>-<hash>.parquet    the facts of one input (Hive partition)
    OUT/year=__HIVE_DEFAULT_PARTITION__/...     inputs with no document date or fiscal year end
    OUT/<key stem>.json, .xlsx, ...             other formats, mirroring the input tree
    OUT/_manifest.jsonl                         one line per input: sha256, version, outputs
    OUT/_errors.csv                             every input that failed, and why

`__HIVE_DEFAULT_PARTITION__` is Hive's name for a null partition value: DuckDB and
pyarrow read it as a null `year` and keep `year` an integer. The errors table is CSV
so that `OUT/**/*.parquet` matches the facts and nothing else.

Every file is written to a temporary name and renamed. The manifest is a journal:
a line is appended once an input's outputs are in place, a torn last line is
ignored, and at the end of a run it is rewritten, sorted by key, by rename. A run
that is stopped loses nothing it had finished; the next one skips every input whose
sha256 and converter version match its manifest line, except one that failed on a bug
(code "internal") rather than on its input, which is tried again.
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import io
import json
import re
from pathlib import Path
from typing import IO, Any

from converter.batch.work import INTERNAL, Outcome
from converter.output import write_atomic

MANIFEST = "_manifest.jsonl"
ERRORS = "_errors.csv"
NULL_PARTITION = "__HIVE_DEFAULT_PARTITION__"
ERROR_COLUMNS = ("source_path", "sha256", "error", "code", "line", "message", "converter_version")


def part_name(key: str, year: int | None) -> str:
    """The part file of an input: its partition, then its key, made safe and kept unique."""
    slug = re.sub(r"[^A-Za-z0-9._-]+", "_", key)[-100:].strip("._") or "input"
    digest = hashlib.sha256(key.encode()).hexdigest()[:12]
    return f"year={NULL_PARTITION if year is None else year}/part-{slug}-{digest}.parquet"


class Store:
    """The manifest of an output folder, and the writing of each input's outputs into it."""

    def __init__(self, root: Path, version: str) -> None:
        self.root = root
        self.version = version
        # key -> its manifest line, kept as text: a fifth of the memory of a dict
        self.lines: dict[str, str] = {}
        root.mkdir(parents=True, exist_ok=True)
        self._load()
        self._journal: IO[str] | None = None

    def _load(self) -> None:
        path = self.root / MANIFEST
        if not path.exists():
            return
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                try:
                    record = json.loads(line)
                except ValueError:  # the last line of a run that was killed mid-write
                    continue
                if isinstance(record, dict) and isinstance(record.get("key"), str):
                    self.lines[record["key"]] = line.rstrip("\n")

    def record(self, key: str) -> dict[str, Any] | None:
        line = self.lines.get(key)
        return None if line is None else json.loads(line)  # type: ignore[no-any-return]

    def done(self, key: str, sha256: str, formats: tuple[str, ...]) -> bool:
        """Whether this input, with these bytes, was already converted by this version."""
        rec = self.record(key)
        if rec is None or rec.get("sha256") != sha256 or rec.get("version") != self.version:
            return False
        if rec.get("status") == "failed":
            return rec.get("code") != INTERNAL  # a bug may be fixed by the next run; bad input not
        return set(formats) <= set(rec.get("formats", ()))

    def commit(self, outcome: Outcome, formats: tuple[str, ...]) -> None:
        """Put an input's outputs in place, remove what an older conversion left, note it."""
        written: list[str] = []
        if outcome.part is not None:
            written.append(part_name(outcome.key, outcome.year))
            self._write(written[-1], outcome.part)
        for name, data in outcome.files:
            self._write(name, data)
            written.append(name)
        old = self.record(outcome.key)
        for stale in set(old.get("outputs", ()) if old else ()) - set(written):
            with contextlib.suppress(OSError):
                (self.root / stale).unlink()
        record = {
            "key": outcome.key,
            "sha256": outcome.sha256,
            "version": self.version,
            "formats": sorted(formats),
            "status": "failed" if outcome.failed else "converted",
            "facts": outcome.facts,
            "year": outcome.year,
            "outputs": written,
        }
        if outcome.failed:
            record |= {
                "error": outcome.error,
                "code": outcome.code,
                "line": outcome.line,
                "message": outcome.message,
            }
        line = self.lines[outcome.key] = json.dumps(record, sort_keys=True)
        if self._journal is None:
            self._journal = (self.root / MANIFEST).open("a", encoding="utf-8")
        self._journal.write(line + "\n")
        self._journal.flush()

    def _write(self, name: str, data: bytes) -> None:
        target = self.root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target, lambda stream: stream.write(data))

    def close(self) -> None:
        """Rewrite the manifest compactly, sorted by key, and write the errors table."""
        if self._journal is not None:
            self._journal.close()
            self._journal = None
        keys = sorted(self.lines)
        write_atomic(
            self.root / MANIFEST,
            lambda stream: stream.writelines((self.lines[k] + "\n").encode() for k in keys),
        )
        failed = (r for r in map(self.record, keys) if r and r.get("status") == "failed")
        table = errors_csv(failed)
        write_atomic(self.root / ERRORS, lambda stream: stream.write(table))

    def clean_temporaries(self) -> None:
        """Remove the temporary files of a run that was killed before it could rename them."""
        for tmp in self.root.glob("**/.*.tmp"):
            with contextlib.suppress(OSError):
                tmp.unlink()


def errors_csv(records: Any) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(ERROR_COLUMNS)
    for r in records:
        writer.writerow(
            [
                r["key"],
                r["sha256"],
                r.get("error", ""),
                r.get("code", ""),
                "" if r.get("line") is None else r["line"],
                r.get("message", ""),
                r["version"],
            ]
        )
    return out.getvalue().encode("utf-8")
