"""Atomic output: write beside the target, then rename, so no partial file is ever seen."""

from __future__ import annotations

import contextlib
import os
import re
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from converter.errors import OutputError

# A companion file's name (an extension schema, its linkbases) is built by an exporter from
# the extension prefix; anything else, such as a path separator, is refused.
_SAFE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


def _umask() -> int:
    """The process umask, read without changing it where the system allows."""
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    mask = os.umask(0o022)  # elsewhere, set and restore: the only portable way
    os.umask(mask)
    return mask


def _mode(target: Path) -> int:
    """The mode a plain `open(target, "w")` would leave: the old file's, else 0o666 & ~umask."""
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        return 0o666 & ~_umask()


def safe_name(name: str) -> str:
    """`name` when it is a plain file name, with no folder and no leading dot; else OutputError."""
    if not _SAFE_NAME.fullmatch(name) or ".." in name:
        raise OutputError(f"refusing to write a file named {name!r}",
                          hint="this is a bug; report it")
    return name


def write_atomic(target: Path, write: Callable[[BinaryIO], object]) -> None:
    """Call `write` on a temporary file in `target`'s folder, then rename it to `target`.

    On any failure, including KeyboardInterrupt, the temporary file is removed and
    `target` is left as it was. The new file gets the mode a normal write would give it.
    """
    folder = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as err:
        raise OutputError(f"cannot write to {folder}: {err.strerror}", source=str(target)) from err
    try:
        with os.fdopen(fd, "wb") as stream:
            write(stream)
            stream.flush()
            os.fchmod(stream.fileno(), _mode(target))
            os.fsync(stream.fileno())
        os.replace(tmp, target)
    except OSError as err:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise OutputError(f"cannot write: {err.strerror}", source=str(target)) from err
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
