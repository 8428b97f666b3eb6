"""The exporter contract: a name, a file suffix, and `write(filing, stream)`.

An exporter turns a `Filing` into bytes on a binary stream. It knows nothing of
the text the filing was read from, only the canonical model. Because it writes
to a stream, a test can hand it a `BytesIO`.
"""

from __future__ import annotations

from typing import BinaryIO, Protocol

from converter.model import Filing


class Exporter(Protocol):
    name: str  # the key for `--to`
    suffix: str  # appended to the input's stem when no `-o` is given, e.g. ".json"

    def write(self, filing: Filing, stream: BinaryIO) -> None:
        """Write the whole output for `filing` to `stream`. Same filing, same bytes."""
        ...
