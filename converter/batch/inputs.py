"""A batch's inputs: folders, globs and archives expanded to one `Item` per file, and their bytes.

Every file gets a `key`: its path below the input it was found in, with `/` between
parts ("2002/q4/innovo.txt", or "bulk.zip/innovo.txt" for a member of an archive found
in a folder). Keys name the output files and the `source_path` column, and order the
work. Folders are walked recursively; hidden files and folders (".git", ".DS_Store")
are not inputs. Archives (.zip, .tar, .tar.gz, .tgz), given or found, are read member
by member; a member whose path climbs out of the archive ("../x") is rejected.
"""

from __future__ import annotations

import glob
import os
import posixpath
import tarfile
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path

ARCHIVE_SUFFIXES = (".zip", ".tar", ".tar.gz", ".tgz")


@dataclass(frozen=True, slots=True)
class Item:
    """One input file: on disk at `path`, or `member` of the archive at `path`."""

    key: str
    path: str
    member: str | None = None


@dataclass(frozen=True, slots=True)
class Rejected:
    """A file found but not taken, and why."""

    key: str
    reason: str


@dataclass(frozen=True, slots=True)
class Found:
    items: tuple[Item, ...]
    rejected: tuple[Rejected, ...]
    missing: tuple[str, ...]  # inputs that name nothing


def is_archive(path: str | Path) -> bool:
    return str(path).lower().endswith(ARCHIVE_SUFFIXES)


def _join(prefix: str, name: str) -> str:
    return f"{prefix}/{name}" if prefix else name


def _hidden(parts: Iterable[str]) -> bool:
    return any(p.startswith(".") for p in parts)


def _archive(path: Path, prefix: str, out: list[Item | Rejected]) -> None:
    try:
        if str(path).lower().endswith(".zip"):
            with zipfile.ZipFile(path) as zf:
                names = [i.filename for i in zf.infolist() if not i.is_dir()]
        else:
            with tarfile.open(path, "r:*") as tf:
                names = [m.name for m in tf.getmembers() if m.isfile()]
    except (OSError, zipfile.BadZipFile, tarfile.TarError) as err:
        out.append(Rejected(prefix or path.name, f"cannot read the archive: {err}"))
        return
    for name in names:
        clean = posixpath.normpath(name.replace("\\", "/")).lstrip("/")
        key = _join(prefix, clean)
        if clean.split("/")[0] in ("..", "."):
            out.append(Rejected(key, f"archive member {name!r} has an unsafe path"))
        elif not _hidden(clean.split("/")):
            out.append(Item(key, str(path), name))


def _walk(root: Path, prefix: str, skip: Path | None, out: list[Item | Rejected]) -> None:
    for folder, dirs, files in os.walk(root):
        here = Path(folder)
        dirs[:] = sorted(
            d
            for d in dirs
            if not d.startswith(".") and (skip is None or (here / d).resolve() != skip)
        )
        rel = here.relative_to(root).as_posix()
        base = prefix if rel == "." else _join(prefix, rel)
        for name in sorted(f for f in files if not f.startswith(".")):
            _expand(here / name, _join(base, name), skip, out)


def _expand(path: Path, key: str, skip: Path | None, out: list[Item | Rejected]) -> None:
    if path.is_dir():
        _walk(path, key, skip, out)
    elif is_archive(path):
        _archive(path, key, out)
    else:
        out.append(Item(key or path.name, str(path)))


def _inside(path: Path, folder: Path | None) -> bool:
    if folder is None:
        return False
    resolved = path.resolve()
    return resolved == folder or folder in resolved.parents


def _glob_base(pattern: str) -> Path:
    parts = Path(pattern).parts
    fixed = parts[: next(i for i, p in enumerate(parts) if glob.has_magic(p))]
    return Path(*fixed) if fixed else Path(".")


def discover(inputs: list[str], skip: Path | None = None) -> Found:
    """Expand `inputs` to their files; `skip` (the output folder) is never walked into."""
    skip = skip.resolve() if skip is not None else None
    found: list[Item | Rejected] = []
    missing: list[str] = []
    many = len(inputs) > 1
    for spec in inputs:
        if glob.has_magic(spec):
            base = _glob_base(spec)
            matches = sorted(glob.glob(spec, recursive=True))
            if not matches:
                missing.append(spec)
            root = base.resolve().name if many else ""
            for m in matches:
                p = Path(m)
                if _hidden(p.relative_to(base).parts) or _inside(p, skip):
                    continue
                _expand(p, _join(root, p.relative_to(base).as_posix()), skip, found)
            continue
        p = Path(spec)
        if not p.exists():
            missing.append(spec)
            continue
        _expand(p, p.resolve().name if many else "", skip, found)
    return _dedupe(found, missing)


def _dedupe(found: list[Item | Rejected], missing: list[str]) -> Found:
    items: list[Item] = []
    rejected = [r for r in found if isinstance(r, Rejected)]
    seen: set[str] = set()
    for it in (i for i in found if isinstance(i, Item)):
        if it.key in seen:
            rejected.append(Rejected(it.key, f"{it.path} has the same path as an earlier input"))
        else:
            seen.add(it.key)
            items.append(it)
    return Found(tuple(items), tuple(rejected), tuple(missing))


def read(items: Iterable[Item]) -> Iterator[tuple[Item, bytes | OSError]]:
    """Each item with its bytes, or the error that stopped reading it.

    An archive is opened once for a run of its members; a tar is read as a stream,
    so a .tar.gz is decompressed once however many members it has.
    """
    for (path, in_archive), run in groupby(items, key=lambda i: (i.path, i.member is not None)):
        group = list(run)
        if not in_archive:
            for it in group:
                try:
                    yield it, Path(it.path).read_bytes()
                except OSError as err:
                    yield it, err
        elif path.lower().endswith(".zip"):
            yield from _read_zip(path, group)
        else:
            yield from _read_tar(path, group)


def _read_zip(path: str, group: list[Item]) -> Iterator[tuple[Item, bytes | OSError]]:
    try:
        zf = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as err:
        yield from ((it, OSError(str(err))) for it in group)
        return
    with zf:
        for it in group:
            try:
                yield it, zf.read(it.member or "")
            except (OSError, zipfile.BadZipFile, KeyError) as err:
                yield it, OSError(str(err))


def _read_tar(path: str, group: list[Item]) -> Iterator[tuple[Item, bytes | OSError]]:
    wanted = {it.member: it for it in group}
    try:
        with tarfile.open(path, "r|*") as tf:
            for member in tf:
                it = wanted.pop(member.name, None)
                stream = tf.extractfile(member) if it is not None and member.isfile() else None
                if it is not None and stream is not None:
                    yield it, stream.read()
    except (OSError, tarfile.TarError) as err:
        yield from ((it, OSError(str(err))) for it in wanted.values())
        return
    yield from ((it, OSError("the member went missing from the archive")) for it in wanted.values())
