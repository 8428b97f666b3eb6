"""Bytes to clean text lines: decoding, EDGAR submissions, entity and dateline.

`read(data, source_name)` returns a `Text`: one string per input line, with line
numbers kept (line N of the input is `lines[N - 1]`) and every column in place.
Lines that belong to no financial document of a submission are blanked, not
removed, so that every fact can point back to the line it came from.
"""

from __future__ import annotations

from converter.reading.decode import decode, split_lines
from converter.reading.edgar import Header, Text, read

__all__ = ["Header", "Text", "decode", "read", "split_lines"]
