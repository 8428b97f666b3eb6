"""Batch mode: a folder of releases to one Hive-partitioned dataset, locally and on Dask.

The corpus is the golden releases copied under varied names into nested folders,
plus files that must fail: an empty file, a PNG and a text with no table.
"""

from __future__ import annotations

import io
import subprocess
import sys
import tarfile
import zipfile
from collections import Counter, defaultdict
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.dataset as ds
import pytest

from converter import convert, pipeline
from converter.batch import BatchUsageError, build_dataset, run_batch
from converter.batch import work as batch_work
from converter.batch.progress import Progress
from converter.batch.store import ERRORS, MANIFEST, NULL_PARTITION, part_name
from converter.model import Filing

GOLDEN = Path(__file__).resolve().parent.parent / "golden"
RELEASES = sorted(GOLDEN.glob("*/release.txt"))
COPIES = 2
BROKEN = {
    "broken/empty.txt": ("EmptyInputError", b""),
    "broken/logo.png": ("BinaryInputError", b"\x89PNG\r\n\x1a\n" + bytes(64)),
    "broken/memo.txt": ("NoTablesError", b"MEMORANDUM\n\nThe board met and adjourned.\n"),
}


def make_corpus(
    root: Path, copies: int = COPIES, broken: bool = True, releases: list[Path] = RELEASES
) -> dict[str, Path]:
    """key -> the golden release it copies."""
    keys = {}
    for i in range(copies):
        for release in releases:
            key = f"batch{i}/{release.parent.name[:3]}/{release.parent.name}-{i}.txt"
            (root / key).parent.mkdir(parents=True, exist_ok=True)
            (root / key).write_bytes(release.read_bytes())
            keys[key] = release
    for key, (_, data) in BROKEN.items() if broken else ():
        (root / key).parent.mkdir(parents=True, exist_ok=True)
        (root / key).write_bytes(data)
    return keys


def files(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def query(sql: str) -> list[tuple[Any, ...]]:
    return duckdb.connect().execute(sql).fetchall()


def dataset_glob(root: Path) -> str:
    return (root / "**" / "*.parquet").as_posix()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Path]]:
    root = tmp_path_factory.mktemp("corpus")
    return root, make_corpus(root)


@pytest.fixture(scope="module")
def reference() -> dict[Path, Filing]:
    return {r: convert(r.read_bytes(), "release.txt") for r in RELEASES}


@pytest.fixture(scope="module")
def local(corpus: tuple[Path, dict[str, Path]], tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("local") / "dataset"
    summary = build_dataset([str(corpus[0])], out, jobs=2)
    assert summary.inputs == len(corpus[1]) + len(BROKEN)
    assert summary.failed == len(BROKEN) and summary.skipped == 0
    return out


def test_duckdb_totals_per_concept_match_the_per_file_facts(
    corpus: tuple[Path, dict[str, Path]], local: Path, reference: dict[Path, Filing]
) -> None:
    expected: dict[str, Decimal] = defaultdict(Decimal)
    count: Counter[str] = Counter()
    for release in corpus[1].values():
        for f in reference[release].facts:
            count[f.concept] += 1
            if f.value is not None:
                expected[f.concept] += f.value
    rows = query(
        f"select concept, count(*), sum(value) from read_parquet('{dataset_glob(local)}', "
        "hive_partitioning=true) group by concept"
    )
    assert {c: n for c, n, _ in rows} == dict(count)
    assert {c: s for c, _, s in rows if s is not None} == dict(expected)


def test_partitions_are_the_year_of_the_document_date_or_fiscal_year_end(
    corpus: tuple[Path, dict[str, Path]], local: Path, reference: dict[Path, Filing]
) -> None:
    years = dict(
        query(
            f"select distinct source_path, year from read_parquet('{dataset_glob(local)}', "
            "hive_partitioning=true)"
        )
    )
    assert set(years) == set(corpus[1])
    for key, release in corpus[1].items():
        when = reference[release].document_date or reference[release].fiscal_year_end
        assert years[key] == (when.year if when else None), key
    assert None in years.values()  # verizon has neither date: the null partition
    assert any(local.glob(f"year={NULL_PARTITION}/*.parquet"))


def test_pyarrow_dataset_reads_the_same_rows(local: Path) -> None:
    table = ds.dataset(local, partitioning="hive").to_table()
    [(n,)] = query(
        f"select count(*) from read_parquet('{dataset_glob(local)}', hive_partitioning=true)"
    )
    assert table.num_rows == n
    assert table.schema.field("value").type == pa.decimal128(38, 6)
    assert pa.types.is_integer(table.schema.field("year").type)


def test_errors_table_lists_every_broken_file(local: Path) -> None:
    errors = query(f"select source_path, error, code, message from '{local / ERRORS}'")
    rows = {key: (error, code, message) for key, error, code, message in errors}
    assert {k: v[0] for k, v in rows.items()} == {k: v[0] for k, v in BROKEN.items()}
    assert all(code.startswith("input") and message for _, code, message in rows.values())


def test_same_files_whatever_jobs(
    corpus: tuple[Path, dict[str, Path]], local: Path, tmp_path: Path
) -> None:
    build_dataset([str(corpus[0])], tmp_path / "one", jobs=1)
    assert files(tmp_path / "one") == files(local)


@pytest.mark.slow
def test_dask_local_cluster_builds_the_same_dataset(
    corpus: tuple[Path, dict[str, Path]], local: Path, tmp_path: Path
) -> None:
    pytest.importorskip("dask.bag")
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None
    ) as cluster:
        code = run_batch(
            [str(corpus[0])],
            ["parquet"],
            str(tmp_path / "dask"),
            None,
            cluster.scheduler_address,
            quiet=True,
        )
    assert code == 1  # the broken files
    assert files(tmp_path / "dask") == files(local)


def test_run_batch_says_what_it_skipped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make_corpus(tmp_path / "in", copies=0)
    (tmp_path / "in" / "ok.txt").write_bytes(RELEASES[0].read_bytes())
    assert (
        run_batch([str(tmp_path / "in")], ["parquet"], str(tmp_path / "out"), 1, None, quiet=False)
        == 1
    )
    err = capsys.readouterr().err
    assert "broken/logo.png: skipped, not text" in err
    assert "broken/empty.txt: failed" in err and "broken/memo.txt: failed" in err
    assert "\r" not in err  # no progress line when stdout is not a terminal
    assert (
        run_batch([str(tmp_path / "in")], ["parquet"], str(tmp_path / "out"), 1, None, quiet=True)
        == 1
    )
    assert capsys.readouterr().err == ""


def test_rerun_skips_what_is_done_and_redoes_what_changed(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    innovo, verizon = (
        GOLDEN / "innovo-fy2002/release.txt",
        GOLDEN / "verizon-8k-2001q1-release/release.txt",
    )
    (src / "a.txt").write_bytes(innovo.read_bytes())
    (src / "b.txt").write_bytes(verizon.read_bytes())
    first = build_dataset([str(src)], out, jobs=1)
    assert (first.converted, first.skipped) == (2, 0)
    before = files(out)
    again = build_dataset([str(src)], out, jobs=1)
    assert (again.converted, again.skipped) == (0, 2) and files(out) == before
    (src / "a.txt").write_bytes(verizon.read_bytes())  # now of no known year
    changed = build_dataset([str(src)], out, jobs=1)
    assert (changed.converted, changed.skipped) == (1, 1)
    assert not (out / part_name("a.txt", 2003)).exists()
    assert (out / part_name("a.txt", None)).exists()
    more = build_dataset([str(src)], out, formats=("parquet", "json"), jobs=1)
    assert more.converted == 2 and (out / "a.json").exists()


def test_an_interrupted_run_keeps_what_it_finished(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    make_corpus(src, copies=1, broken=False, releases=RELEASES[:5])
    real, calls = batch_work.run, []

    def interrupted(task: batch_work.Task) -> batch_work.Outcome:
        calls.append(task.key)
        if len(calls) == 4:
            raise KeyboardInterrupt
        return real(task)

    monkeypatch.setattr(batch_work, "run", interrupted)
    with pytest.raises(KeyboardInterrupt):
        build_dataset([str(src)], out, jobs=1)
    monkeypatch.setattr(batch_work, "run", real)
    assert len(list(out.glob("year=*/*.parquet"))) == 3
    assert not list(out.rglob(".*.tmp"))
    with (out / MANIFEST).open("a") as journal:
        journal.write('{"key": "torn')  # a run killed in the middle of a line
    (out / "year=2003").mkdir(exist_ok=True)
    (out / "year=2003" / ".part-x.parquet.abc.tmp").write_bytes(b"half")
    resumed = build_dataset([str(src)], out, jobs=1)
    assert (resumed.converted, resumed.skipped) == (2, 3)
    assert not list(out.rglob(".*.tmp"))
    fresh = tmp_path / "fresh"
    build_dataset([str(src)], fresh, jobs=1)
    assert files(out) == files(fresh)


def test_a_bug_is_listed_and_tried_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    (src / "a.txt").write_bytes(RELEASES[0].read_bytes())

    def broken(data: bytes, source_name: str) -> Filing:
        raise RuntimeError("a bug")

    monkeypatch.setattr(pipeline, "convert", broken)
    assert build_dataset([str(src)], out, jobs=1).failed == 1
    assert "RuntimeError,internal" in (out / ERRORS).read_text()
    monkeypatch.undo()
    again = build_dataset([str(src)], out, jobs=1)
    assert (again.converted, again.failed) == (1, 0)
    assert (out / ERRORS).read_text().count("\n") == 1  # the header only


def test_archives_and_other_formats_mirror_the_input_tree(tmp_path: Path) -> None:
    data = RELEASES[0].read_bytes()
    with zipfile.ZipFile(tmp_path / "bulk.zip", "w") as zf:
        zf.writestr("2007/q1/first.txt", data)
        zf.writestr("../escape.txt", data)
    with tarfile.open(tmp_path / "bulk.tar.gz", "w:gz") as tf:
        for name in ("a/second.txt", "third.txt"):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tf.addfile(info, io.BytesIO(data))
    out = tmp_path / "out"
    summary = build_dataset([str(tmp_path / "bulk.zip")], out, formats=("json",), jobs=1)
    assert (summary.converted, summary.failed) == (1, 1)
    assert (out / "2007/q1/first.json").exists() and not list(out.glob("year=*"))
    assert "unsafe path" in (out / ERRORS).read_text()
    build_dataset([str(tmp_path / "bulk.tar.gz")], out, formats=("json", "parquet"), jobs=1)
    assert (out / "a/second.json").exists() and (out / "third.json").exists()
    keys = query(
        f"select distinct source_path from read_parquet('{dataset_glob(out)}', "
        "hive_partitioning=true) order by 1"
    )
    assert keys == [("a/second.txt",), ("third.txt",)]


def test_globs_and_archives_inside_folders(tmp_path: Path) -> None:
    src = tmp_path / "in"
    (src / "deep").mkdir(parents=True)
    (src / "x.txt").write_bytes(RELEASES[0].read_bytes())
    (src / ".hidden.txt").write_bytes(b"")
    with zipfile.ZipFile(src / "deep" / "bulk.zip", "w") as zf:
        zf.writestr("y.txt", RELEASES[1].read_bytes())
    out = src / "out"  # inside the input: never read back as input
    build_dataset([str(src)], out, formats=("json",), jobs=1)
    again = build_dataset([f"{src}/**/*.zip", str(src / "x.txt")], out, formats=("json",), jobs=1)
    assert (again.inputs, again.converted) == (2, 1)  # the zip member is now under "in/"
    manifest = (out / MANIFEST).read_text()
    assert '"deep/bulk.zip/y.txt"' in manifest and '"in/deep/bulk.zip/y.txt"' in manifest
    assert "hidden" not in manifest and '"out/' not in manifest


def test_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_batch([str(tmp_path)], ["parquet"], None, 1, None, quiet=True) == 2
    assert (
        run_batch(
            [str(tmp_path / "nothing*.txt")], ["parquet"], str(tmp_path / "o"), 1, None, quiet=True
        )
        == 2
    )
    assert "no such file" in capsys.readouterr().err
    with pytest.raises(BatchUsageError, match="unknown format"):
        build_dataset([str(tmp_path)], tmp_path / "o", formats=("csv",))


def test_progress_line() -> None:
    stream = io.StringIO()
    progress = Progress(4, stream, draw=True)
    progress.skip()
    progress.advance(100, failed=False)
    progress.advance(0, failed=True)
    progress.note("x.png: skipped, not text")
    line = progress.line(progress.start + 2)
    assert line.startswith("3/4 files  1 failed  50 facts/s  ETA 0:00:01")
    assert "x.png: skipped, not text\n" in stream.getvalue()


def test_importing_batch_does_not_import_dask() -> None:
    code = "import sys, converter.batch; print(sorted(m for m in sys.modules if 'dask' in m))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
