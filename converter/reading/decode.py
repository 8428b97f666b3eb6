"""Bytes to text: the encoding, line ends, tabs and form feeds."""

from __future__ import annotations

import codecs

# Order matters: UTF-8 is strict and rarely decodes by accident; cp1252 is what
# most 1990s filers' word processors wrote; latin-1 decodes anything.
ENCODINGS = ("utf-8", "cp1252", "latin-1")


def decode(data: bytes) -> tuple[str, str]:
    """Decode `data`, returning (text, encoding used). A UTF-8 or UTF-16 BOM is dropped.

    A UTF-16 BOM makes the file text, whatever its NUL bytes suggest.
    """
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), "utf-16"
    for encoding in ENCODINGS:
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise AssertionError("latin-1 decodes every byte string")  # pragma: no cover


def split_lines(text: str) -> list[str]:
    """Lines with CRLF and lone CR ends, tabs expanded to 8 columns, form feeds removed.

    A form feed is a page break, not a line: removing it keeps line numbers the
    same as an editor shows them. A NUL (old systems padded with them) becomes a
    space, and so do the Unicode spaces a converted document may set between columns
    (no-break, figure, thin and narrow no-break spaces): one character for one, so no
    column moves. Trailing white space is dropped.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_SPACES)
    return [line.replace("\f", "").expandtabs(8).rstrip() for line in text.split("\n")]


_SPACES = str.maketrans({c: " " for c in "\x00\xa0\u2007\u2009\u202f"})
