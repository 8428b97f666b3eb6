"""Atomic output: write beside the target, then rename, so no partial file is ever seen."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from converter.errors import OutputError


def write_atomic(target: Path, write: Callable[[BinaryIO], None]) -> None:
    """Call `write` on a temporary file in `target`'s folder, then rename it to `target`.

    On any failure, including KeyboardInterrupt, the temporary file is removed and
    `target` is left as it was.
    """
    folder = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as err:
        raise OutputError(f"cannot write to {folder}: {err.strerror}", source=str(target),
                          hint="choose a writable folder with -o") from err
    try:
        with os.fdopen(fd, "wb") as stream:
            write(stream)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
